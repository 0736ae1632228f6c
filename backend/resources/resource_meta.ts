import type User from '#models/user'
import { primaryKeyOf, type ResourceRegistry } from './resource_registry.ts'
import { ACTIONS, type ResourceAction, type ResourceDefinition } from './types.ts'
import { operatorsFor } from './filter_tree.ts'
import { DEFAULT_MENU_GROUP, type MenuGroup } from '#shared/menu_groups'

/**
 * The resource's place in this user's sider, or null when its list is no
 * menu entry for them: a satellite, a resource declared `menu: false`, or
 * one whose menu names other roles.
 */
function menuOf(definition: ResourceDefinition, user: User): { group: MenuGroup } | null {
  const menu = definition.menu
  if (menu === false || (menu === undefined && definition.parent)) return null
  if (menu?.roles && !menu.roles.includes(user.role)) return null
  return { group: menu?.group ?? DEFAULT_MENU_GROUP }
}
import { importKeyFields } from './imports/import_mode.ts'

/**
 * The resources a user may list, described for the admin's generic
 * screens: fields with types, labels, options and the operators each one
 * accepts, plus the actions this user may take.
 */
export function describeResources(registry: ResourceRegistry, user: User) {
  return registry
    .all()
    .filter((definition) => registry.can(user, definition, 'list'))
    .map((definition) => {
      const fieldMap = registry.fieldsFor(definition, user)
      const fields = [...fieldMap.values()]
      const actions = Object.fromEntries(
        ACTIONS.map((action) => [action, registry.can(user, definition, action)])
      ) as Record<ResourceAction, boolean>
      // Created one at a time (see ResourceHooks.prepare): no import button.
      if (definition.hooks?.prepare) actions.import = false
      return {
        name: definition.name,
        label: definition.label,
        plugin: definition.plugin ?? null,
        primaryKey: primaryKeyOf(definition),
        defaultSort: definition.defaultSort ?? primaryKeyOf(definition),
        searchable: Boolean(definition.search) || fields.some((field) => field.searchable),
        parent: definition.parent ?? null,
        menu: menuOf(definition, user),
        archivable: definition.archivable ?? false,
        importsAsBases: definition.importsAsBases ?? false,
        // The fields an import in update mode may find records by.
        importKeys: importKeyFields(definition, fieldMap).map((field) => field.name),
        // the role's default columns, of the fields this user reads (plugin columns come after)
        defaultColumns:
          definition.defaultColumns?.[user.role]?.filter((name) =>
            fields.some((field) => field.name === name && field.listable)
          ) ?? null,
        actions,
        fields: fields.map((field) => ({
          name: field.name,
          type: field.type,
          label: field.label,
          required: field.required ?? false,
          readOnly: field.readOnly ?? false,
          createOnly: field.createOnly ?? false,
          listable: field.listable ?? false,
          filterable: field.filterable ?? false,
          sortable: field.sortable ?? false,
          searchable: field.searchable ?? false,
          options: field.options ?? null,
          relation: field.relation
            ? {
                resource: field.relation.resource,
                labelField: field.relation.labelField,
                labelFields: field.relation.labelFields ?? null,
              }
            : null,
          defaultValue: field.defaultValue ?? null,
          min: field.min ?? null,
          max: field.max ?? null,
          maxLength: field.maxLength ?? null,
          unique: field.unique ?? false,
          condition: field.condition ?? null,
          group: field.group ?? null,
          help: field.help ?? null,
          operators: field.filterable ? operatorsFor(field) : [],
        })),
      }
    })
}
