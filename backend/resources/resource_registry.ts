import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { TableroError } from '#exceptions/tablero_error'
import { MENU_GROUPS, isMenuGroup } from '#shared/menu_groups'
import type User from '#models/user'
import grants from '#services/grants'
import type { PluginRegistry } from '#kernel/plugin_registry'
import {
  FIELD_TYPES,
  type FieldDefinition,
  type FieldProvider,
  type KeepingReference,
  type ResourceAction,
  type ResourceDefinition,
} from './types.ts'

const NAME = /^[a-z][a-z0-9_]*$/

/** The column an archivable resource's archived records have set. */
export const ARCHIVED_AT = 'archived_at'

/**
 * Every resource of the core and of the plugins. A plugin's resources exist
 * only while the plugin is enabled: a disabled plugin's resource answers
 * 404 and vanishes from metadata.
 */
export class ResourceRegistry {
  #resources = new Map<string, ResourceDefinition>()
  #fields = new Map<string, { signature: string; fields: Map<string, FieldDefinition> }>()
  #providers = new Map<string, Array<{ plugin: string; provider: FieldProvider }>>()
  #keepers = new Map<string, KeepingReference[]>()
  /** each field set narrowed per role (fieldsByRole), rebuilt with the set */
  #narrowed = new WeakMap<Map<string, FieldDefinition>, Map<string, Map<string, FieldDefinition>>>()

  constructor(private plugins: PluginRegistry) {}

  register(definition: ResourceDefinition) {
    const where = definition.plugin ? `plugin "${definition.plugin}"` : 'the core'
    if (!NAME.test(definition.name)) {
      throw new TableroError(
        'RESOURCE_INVALID',
        `Resource "${definition.name}" of ${where}: invalid name`,
        500
      )
    }
    if (this.#resources.has(definition.name)) {
      throw new TableroError(
        'RESOURCE_INVALID',
        `Resource "${definition.name}" of ${where} is already declared`,
        500
      )
    }
    const seen = new Set<string>()
    for (const field of definition.fields) {
      if (!NAME.test(field.name) || seen.has(field.name) || !FIELD_TYPES.includes(field.type)) {
        throw new TableroError(
          'RESOURCE_INVALID',
          `Resource "${definition.name}" of ${where}: invalid or duplicate field "${field.name}"`,
          500
        )
      }
      seen.add(field.name)
      const problem = relationsProblem(field)
      if (problem) {
        throw new TableroError(
          'RESOURCE_INVALID',
          `Resource "${definition.name}" of ${where}: field "${field.name}" ${problem}`,
          500
        )
      }
    }
    if (!seen.has(primaryKeyOf(definition))) {
      throw new TableroError(
        'RESOURCE_INVALID',
        `Resource "${definition.name}" of ${where}: its primary key must be a declared field`,
        500
      )
    }
    if (definition.archivable && !seen.has(ARCHIVED_AT)) {
      throw new TableroError(
        'RESOURCE_INVALID',
        `Resource "${definition.name}" of ${where}: archivable, so it must declare "${ARCHIVED_AT}"`,
        500
      )
    }
    if (definition.auditSubject) {
      const { field } = definition.auditSubject
      if (definition.parent || !seen.has(field)) {
        throw new TableroError(
          'RESOURCE_INVALID',
          `Resource "${definition.name}" of ${where}: auditSubject needs a declared field ("${field}") and no parent (a satellite's audit is its parent's already)`,
          500
        )
      }
    }
    if (definition.menu && !isMenuGroup(definition.menu.group)) {
      throw new TableroError(
        'RESOURCE_INVALID',
        `Resource "${definition.name}" of ${where}: unknown menu group "${definition.menu.group}" (one of ${MENU_GROUPS.join(', ')})`,
        500
      )
    }
    this.#resources.set(definition.name, definition)
  }

  /**
   * The resource if it exists and its plugin (if any) is enabled.
   */
  find(name: string): ResourceDefinition | undefined {
    const definition = this.#resources.get(name)
    if (!definition) return undefined
    if (definition.plugin && !this.plugins.isEnabled(definition.plugin)) return undefined
    return definition
  }

  getOrFail(name: string) {
    const definition = this.find(name)
    if (!definition)
      throw new TableroError('RESOURCE_NOT_FOUND', `Unknown resource "${name}"`, 404, undefined, {
        name,
      })
    return definition
  }

  all() {
    return [...this.#resources.values()].filter((definition) => this.find(definition.name))
  }

  /**
   * The fields of a resource as they are now. Custom fields will join here.
   */
  /**
   * A plugin adds fields to a resource at run time (custom fields). They
   * exist only while the plugin is enabled; a declared field of the same
   * name always wins.
   */
  addFieldProvider(resource: string, plugin: string, provider: FieldProvider) {
    const list = this.#providers.get(resource) ?? []
    list.push({ plugin, provider })
    this.#providers.set(resource, list)
  }

  /**
   * Brings every field provider up to date (each has its own TTL); called
   * before a request reads resource metadata.
   */
  async refreshFields() {
    for (const list of this.#providers.values()) {
      for (const { provider } of list) await provider.refresh()
    }
  }

  /**
   * The next refreshFields reads every provider's fields again, whatever
   * their TTL (a thread that did not see the change being made).
   */
  invalidateFields() {
    for (const list of this.#providers.values()) {
      for (const { provider } of list) provider.invalidate?.()
    }
  }

  /**
   * The fields of a resource as they are now: the declared ones plus those
   * of enabled field providers. The map is rebuilt only when a provider's
   * version or a plugin's state changes, so compiled validators stay cached.
   */
  fieldsOf(definition: ResourceDefinition): Map<string, FieldDefinition> {
    const providers = (this.#providers.get(definition.name) ?? []).filter(({ plugin }) =>
      this.plugins.isEnabled(plugin)
    )
    const signature = providers
      .map(({ plugin, provider }) => `${plugin}@${provider.version}`)
      .join()
    const cached = this.#fields.get(definition.name)
    if (cached && cached.signature === signature) return cached.fields
    const fields = new Map(definition.fields.map((field) => [field.name, field]))
    const placed: FieldDefinition[] = []
    for (const { provider } of providers) {
      for (const field of provider.fields()) {
        if (fields.has(field.name)) continue
        fields.set(field.name, field)
        if (field.after) placed.push(field)
      }
    }
    const ordered = placed.length ? placeAfter(fields, placed) : fields
    this.#fields.set(definition.name, { signature, fields: ordered })
    return ordered
  }

  /**
   * A plugin's table whose rows keep records of a core resource (the
   * tipificaciones' gestiones keep campaigns). Counted whether or not the
   * plugin is enabled: a disabled plugin's rows stay, and deleting the
   * record would take them with it.
   */
  addKeepingReference(resource: string, reference: KeepingReference) {
    this.#keepers.set(resource, [...(this.#keepers.get(resource) ?? []), reference])
  }

  keepingReferencesOf(definition: ResourceDefinition): KeepingReference[] {
    return [...(definition.keptBy ?? []), ...(this.#keepers.get(definition.name) ?? [])]
  }

  /**
   * The fields `user` sees: all of them, or only those its role is given
   * (fieldsByRole), the primary key always among them. The same map for
   * the same field set and role, so compiled validators stay cached.
   */
  fieldsFor(definition: ResourceDefinition, user: Pick<User, 'role'>) {
    const fields = this.fieldsOf(definition)
    const names = definition.fieldsByRole?.[user.role]
    if (!names) return fields
    let byRole = this.#narrowed.get(fields)
    if (!byRole) this.#narrowed.set(fields, (byRole = new Map()))
    let narrowed = byRole.get(user.role)
    if (!narrowed) {
      const kept = new Set([primaryKeyOf(definition), ...names])
      narrowed = new Map([...fields].filter(([name]) => kept.has(name)))
      byRole.set(user.role, narrowed)
    }
    return narrowed
  }

  /**
   * An action the resource offers (some role is given it by default) and
   * the user's role holds as a grant. An action no role is given does not
   * exist for the resource: not even an admin takes it (gestiones are
   * written by their recorder only).
   */
  can(user: Pick<User, 'role'>, definition: ResourceDefinition, action: ResourceAction) {
    return offers(definition, action) && grants.allows(user.role, `${definition.name}.${action}`)
  }

  /**
   * Applies the row scope of `user`'s role to a query of `definition`, and
   * for a satellite its parent's scope: a phone is visible only when its
   * client is. In parentheses: an OR inside a scope can never escape it.
   */
  restrict(
    definition: ResourceDefinition,
    query: DatabaseQueryBuilderContract,
    user: User,
    client: QueryClientContract = db.connection()
  ) {
    const scope = definition.scopes?.[user.role]
    if (scope) query.where((sub) => scope(sub, user))
    if (!definition.parent) return
    const parent = this.getOrFail(definition.parent.resource)
    if (!this.hasScope(parent, user)) return
    const visibleParents = client.from(parent.table).select(primaryKeyOf(parent))
    this.restrict(parent, visibleParents, user, client)
    query.whereIn(definition.parent.field, visibleParents)
  }

  hasScope(definition: ResourceDefinition, user: Pick<User, 'role'>): boolean {
    if (definition.scopes?.[user.role]) return true
    if (!definition.parent) return false
    return this.hasScope(this.getOrFail(definition.parent.resource), user)
  }

  /**
   * The keys of the `name` records `user` may read (its `show` permission
   * and row scope, as the list applies them), as a subquery for another
   * resource's scope: `query.whereIn('client_id', resources.visibleKeys('clients', user))`
   * shows a plugin's rows of the clients the user sees. Nothing when the
   * user may not read the resource at all.
   */
  visibleKeys(
    name: string,
    user: User,
    client: QueryClientContract = db.connection()
  ): DatabaseQueryBuilderContract {
    const definition = this.getOrFail(name)
    const pk = primaryKeyOf(definition)
    const query = client.from(definition.table).select(`${definition.table}.${pk}`)
    if (!this.can(user, definition, 'show')) return query.whereRaw('1 = 0')
    this.restrict(definition, query, user, client)
    return query
  }
}

/**
 * A `relations` field names its target and link table, and is neither a
 * sort key, a search column nor unique: it is no column of the row.
 */
function relationsProblem(field: FieldDefinition) {
  if (field.type !== 'relations') return field.through ? 'has `through` but is not relations' : null
  const through = field.through
  if (!field.relation || !through) return 'needs `relation` and `through`'
  if (![through.table, through.localKey, through.foreignKey].every((name) => NAME.test(name))) {
    return 'has an invalid `through`'
  }
  if (field.sortable || field.searchable || field.unique) {
    return 'cannot be sortable, searchable or unique'
  }
  return null
}

export function offers(definition: ResourceDefinition, action: ResourceAction) {
  return Object.values(definition.permissions).some((actions) => actions?.includes(action))
}

export function primaryKeyOf(definition: ResourceDefinition) {
  return definition.primaryKey ?? 'id'
}

/**
 * The fields in order, each provider field that names `after` moved right
 * behind that field (several after one field keep their providers' order);
 * a field naming an unknown one stays at the end.
 */
function placeAfter(fields: Map<string, FieldDefinition>, placed: FieldDefinition[]) {
  const moved = new Set(placed.filter((field) => fields.has(field.after!)))
  const ordered = new Map<string, FieldDefinition>()
  const put = (field: FieldDefinition) => {
    ordered.set(field.name, field)
    for (const follower of placed) {
      if (follower.after === field.name && moved.has(follower)) put(follower)
    }
  }
  for (const field of fields.values()) if (!moved.has(field)) put(field)
  // two fields placed after each other reach no anchor: they close the list
  for (const field of fields.values()) if (!ordered.has(field.name)) ordered.set(field.name, field)
  return ordered
}
