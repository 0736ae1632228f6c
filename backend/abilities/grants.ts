import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { ROLES, type Role } from '#models/user'
import type { Translated } from '#kernel/manifest'
import type { PluginRegistry } from '#kernel/plugin_registry'
import { coreResources } from '#resources/core/index'
import { ACTIONS, type ResourceDefinition } from '#resources/types'
import { offers } from '#resources/resource_registry'
import { TableroError } from '#exceptions/tablero_error'
import { AuditLog, toSqlDateTime, type AuditActor } from '#services/audit_log'
import { KERNEL_PERMISSIONS } from './roles.ts'

/** How long a node trusts its copy of the grants without Redis telling it. */
const GRANTS_TTL_MS = 2000

/** Roles whose grants are data; the admin holds every permission, always. */
export const EDITABLE_ROLES = ROLES.filter((role) => role !== 'admin')

export interface PermissionSource {
  kind: 'core' | 'plugin' | 'resource'
  /** plugin or resource name; `core` for the kernel */
  name: string
  label: Translated
  /** the plugin that declares it (a plugin's resource too), if any */
  plugin: string | null
}

export interface CataloguedPermission {
  key: string
  label: Translated
  source: PermissionSource
  /** the roles that hold it until an admin says otherwise */
  defaults: Role[]
}

export interface GrantChange {
  role: string
  permission: string
  granted: boolean
}

const ACTION_LABELS: Record<string, Translated> = {
  list: { es: 'Listar', en: 'List' },
  show: { es: 'Ver', en: 'Show' },
  create: { es: 'Crear', en: 'Create' },
  update: { es: 'Editar', en: 'Update' },
  delete: { es: 'Eliminar', en: 'Delete' },
  export: { es: 'Exportar', en: 'Export' },
  import: { es: 'Importar', en: 'Import' },
}

/**
 * Which role holds which permission: the rows of `role_permissions`, seeded
 * from the declared defaults (kernel keys, manifest permissions, resource
 * actions) without overwriting an admin's choice. Checks answer from memory
 * (`allows` is synchronous); `refresh()` re-reads the rows when older than
 * the TTL, and a change on another node arrives through Redis when set
 * (GrantsBroadcast) or by that TTL otherwise.
 */
export class Grants {
  #catalogue: Map<string, CataloguedPermission> | null = null
  #granted = new Map<string, boolean>()
  #loadedAt = 0
  #loading: Promise<void> | null = null
  #listeners: Array<() => void> = []

  constructor(private plugins: PluginRegistry) {}

  /**
   * Every permission there is, whether its plugin is enabled or not: kernel
   * keys, each manifest's `permissions`, each resource's actions.
   */
  async catalogue(): Promise<CataloguedPermission[]> {
    if (!this.#catalogue) {
      const entries = new Map<string, CataloguedPermission>()
      const core: PermissionSource = {
        kind: 'core',
        name: 'core',
        label: { es: 'Núcleo', en: 'Core' },
        plugin: null,
      }
      for (const permission of KERNEL_PERMISSIONS) {
        entries.set(permission.key, { ...permission, source: core, defaults: permission.roles })
      }
      const resources: ResourceDefinition[] = [...coreResources]
      for (const manifest of this.plugins.manifests) {
        const source: PermissionSource = {
          kind: 'plugin',
          name: manifest.name,
          label: manifest.label,
          plugin: manifest.name,
        }
        for (const permission of manifest.permissions ?? []) {
          entries.set(permission.key, {
            key: permission.key,
            label: permission.label,
            source,
            defaults: [...permission.roles],
          })
        }
        if (manifest.resources) {
          const { default: definitions } = await manifest.resources()
          for (const definition of definitions) {
            resources.push({ ...definition, plugin: manifest.name })
          }
        }
      }
      for (const definition of resources) {
        const source: PermissionSource = {
          kind: 'resource',
          name: definition.name,
          label: definition.label,
          plugin: definition.plugin ?? null,
        }
        for (const action of ACTIONS) {
          // an action no role is given is no permission: the resource has none
          if (!offers(definition, action)) continue
          const defaults = ROLES.filter(
            (role) => role === 'admin' || definition.permissions[role]?.includes(action)
          )
          const key = `${definition.name}.${action}`
          entries.set(key, { key, label: ACTION_LABELS[action], source, defaults })
        }
      }
      this.#catalogue = entries
    }
    return [...this.#catalogue.values()]
  }

  /** Whether `role` holds `permission`, from memory. */
  allows(role: Role, permission: string): boolean {
    if (role === 'admin') return true
    const granted = this.#granted.get(`${role}|${permission}`)
    if (granted !== undefined) return granted
    // Not loaded yet (or not a catalogued key): the declared default.
    return this.#catalogue?.get(permission)?.defaults.includes(role) ?? false
  }

  /** Every catalogued key `role` holds, of the core and of the enabled plugins. */
  keysOf(role: Role): string[] {
    return [...(this.#catalogue?.values() ?? [])]
      .filter((entry) => !entry.source.plugin || this.plugins.isEnabled(entry.source.plugin))
      .filter((entry) => this.allows(role, entry.key))
      .map((entry) => entry.key)
  }

  /**
   * Drops the in-memory grants (after the table was emptied, in tests):
   * checks fall back to the defaults until the next refresh re-seeds.
   */
  forget() {
    this.#granted = new Map()
    this.#loadedAt = 0
  }

  isDefault(role: Role, permission: string) {
    return this.#catalogue?.get(permission)?.defaults.includes(role) ?? false
  }

  /** Re-reads the grants when the in-memory copy is older than the TTL. */
  async refresh(force = false) {
    if (!force && Date.now() - this.#loadedAt < GRANTS_TTL_MS) return
    this.#loading ??= this.#load().finally(() => (this.#loading = null))
    await this.#loading
  }

  async #load() {
    const catalogue = await this.catalogue()
    let rows: Array<{ role: string; permission: string; granted: unknown }> = await db
      .from('role_permissions')
      .select('role', 'permission', 'granted')
    const known = new Set(rows.map((row) => `${row.role}|${row.permission}`))
    const missing = []
    const now = toSqlDateTime(DateTime.utc())
    for (const permission of catalogue) {
      for (const role of EDITABLE_ROLES) {
        if (known.has(`${role}|${permission.key}`)) continue
        const granted = permission.defaults.includes(role)
        missing.push({ role, permission: permission.key, granted, updated_at: now })
      }
    }
    if (missing.length > 0) {
      // Insert-or-ignore: another node may seed the same rows at once, and
      // a row that exists is an admin's choice to keep.
      for (let start = 0; start < missing.length; start += 200) {
        await db
          .table('role_permissions')
          .insert(missing.slice(start, start + 200))
          .onConflict(['role', 'permission'])
          .ignore()
      }
      rows = await db.from('role_permissions').select('role', 'permission', 'granted')
    }
    this.#granted = new Map(
      rows.map((row) => [`${row.role}|${row.permission}`, Boolean(row.granted)])
    )
    this.#loadedAt = Date.now()
  }

  onChange(listener: () => void) {
    this.#listeners.push(listener)
  }

  /**
   * Applies an admin's changes in one audited transaction. An unknown
   * role or permission, or the admin role, is a 422 naming the field.
   */
  async change(changes: GrantChange[], actor: AuditActor) {
    await this.refresh(true)
    const entries = await this.catalogue()
    const catalogue = new Map(entries.map((entry) => [entry.key, entry]))
    changes.forEach((change, index) => {
      if (!(EDITABLE_ROLES as string[]).includes(change.role)) {
        const message =
          change.role === 'admin'
            ? 'The admin role holds every permission and cannot be changed'
            : `Unknown role "${change.role}"`
        throw invalid(`changes.${index}.role`, message)
      }
      if (!catalogue.has(change.permission)) {
        throw invalid(`changes.${index}.permission`, `Unknown permission "${change.permission}"`)
      }
    })
    await this.#write(changes as Array<GrantChange & { role: Role }>, actor, 'permissions.update')
  }

  /** Puts one permission (or every one when `permission` is null) back to its defaults. */
  async restore(permission: string | null, actor: AuditActor) {
    await this.refresh(true)
    const catalogue = await this.catalogue()
    if (permission !== null && !catalogue.some((entry) => entry.key === permission)) {
      throw invalid('permission', `Unknown permission "${permission}"`)
    }
    const changes = catalogue
      .filter((entry) => permission === null || entry.key === permission)
      .flatMap((entry) =>
        EDITABLE_ROLES.map((role) => ({
          role,
          permission: entry.key,
          granted: entry.defaults.includes(role),
        }))
      )
    await this.#write(changes, actor, 'permissions.restore')
  }

  async #write(changes: Array<GrantChange & { role: Role }>, actor: AuditActor, action: string) {
    const effective = changes.filter(
      (change) => this.allows(change.role, change.permission) !== change.granted
    )
    if (effective.length === 0) return
    const now = toSqlDateTime(DateTime.utc())
    await db.transaction(async (trx) => {
      for (const change of effective) {
        await trx
          .from('role_permissions')
          .where({ role: change.role, permission: change.permission })
          .update({ granted: change.granted, updated_at: now, updated_by: actor.actorId })
      }
      await AuditLog.record(trx, actor, {
        action,
        resource: 'role_permissions',
        before: effective.map((c) => ({
          role: c.role,
          permission: c.permission,
          granted: !c.granted,
        })),
        after: effective.map((c) => ({
          role: c.role,
          permission: c.permission,
          granted: c.granted,
        })),
      })
    })
    await this.refresh(true)
    for (const listener of this.#listeners) listener()
  }
}

function invalid(field: string, message: string) {
  return new TableroError('VALIDATION_FAILED', `${field}: ${message}`, 422, [{ field, message }])
}
