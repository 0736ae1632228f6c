import { TableroError } from '#exceptions/tablero_error'
import type User from '#models/user'
import type { PluginRegistry } from '#kernel/plugin_registry'
import {
  FIELD_TYPES,
  type FieldDefinition,
  type ResourceAction,
  type ResourceDefinition,
} from './types.ts'

const NAME = /^[a-z][a-z0-9_]*$/

/**
 * Every resource of the core and of the plugins. A plugin's resources exist
 * only while the plugin is enabled: a disabled plugin's resource answers
 * 404 and vanishes from metadata.
 */
export class ResourceRegistry {
  #resources = new Map<string, ResourceDefinition>()
  #fields = new WeakMap<ResourceDefinition, Map<string, FieldDefinition>>()

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
    }
    if (!seen.has(primaryKeyOf(definition))) {
      throw new TableroError(
        'RESOURCE_INVALID',
        `Resource "${definition.name}" of ${where}: its primary key must be a declared field`,
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
  fieldsOf(definition: ResourceDefinition): Map<string, FieldDefinition> {
    let fields = this.#fields.get(definition)
    if (!fields) {
      fields = new Map(definition.fields.map((field) => [field.name, field]))
      this.#fields.set(definition, fields)
    }
    return fields
  }

  can(user: Pick<User, 'role'>, definition: ResourceDefinition, action: ResourceAction) {
    return definition.permissions[user.role]?.includes(action) ?? false
  }
}

export function primaryKeyOf(definition: ResourceDefinition) {
  return definition.primaryKey ?? 'id'
}
