import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { TableroError } from '#exceptions/tablero_error'
import { AuditLog, toSqlDateTime, type AuditActor } from '#services/audit_log'
import { pluginFolders, type PluginFolder } from './plugin_paths.ts'
import { validateManifest } from './manifest_validator.ts'
import { dependencyOrder } from './dependency_order.ts'
import type { PluginManifest } from './manifest.ts'

export interface PluginSummary {
  name: string
  version: string
  label: PluginManifest['label']
  description: PluginManifest['description']
  dependsOn: string[]
  dependents: string[]
  enabled: boolean
  installedVersion: string | null
  updatedAt: string | null
}

interface PluginRow {
  name: string
  enabled: boolean | number
  version: string
  installed_at: unknown
  updated_at: unknown
}

type ChangeListener = (name: string, enabled: boolean) => void

/**
 * How long a node trusts its in-memory plugin states before re-reading the
 * `plugins` table. Toggles made on this node apply at once; toggles made by
 * another node or by `node ace plugin:*` reach this node within this delay
 * (at once when Redis broadcasts them). PLUGIN_STATE_TTL_MS changes it
 * (the two-node test sets ten minutes, so that only Redis can be in time).
 */
const STATE_TTL_MS = Number(process.env.PLUGIN_STATE_TTL_MS) || 2000

/**
 * The plugin kernel (K1, K2, K4): knows every discovered plugin, keeps
 * their enabled state in the `plugins` table and in memory, and refuses any
 * toggle that would leave an enabled plugin without its dependencies.
 */
export class PluginRegistry {
  #manifests: PluginManifest[] = []
  #folders = new Map<string, PluginFolder>()
  #rows = new Map<string, PluginRow>()
  #loadedAt = 0
  #loading: Promise<void> | null = null
  #listeners: ChangeListener[] = []

  /**
   * Imports and validates every plugin.ts, then orders them by dependency.
   * Throws (stopping boot) on a malformed manifest, a missing dependency or
   * a cycle, naming the plugin.
   */
  async discover(env: NodeJS.ProcessEnv = process.env) {
    const manifests: PluginManifest[] = []
    const folders = pluginFolders(env)
    for (const folder of folders) {
      let module: { default?: unknown }
      try {
        module = await import(pathToFileURL(join(folder.absolutePath, 'plugin.ts')).href)
      } catch (error) {
        throw new TableroError(
          'PLUGIN_MANIFEST_INVALID',
          `Plugin "${folder.folder}": plugin.ts cannot be loaded: ${(error as Error).message}`,
          500
        )
      }
      manifests.push(await validateManifest(folder.folder, module.default))
      this.#folders.set(folder.folder, folder)
    }
    this.#manifests = dependencyOrder(manifests)
    return this.#manifests
  }

  /** Manifests in dependency order */
  get manifests(): readonly PluginManifest[] {
    return this.#manifests
  }

  folderOf(name: string) {
    return this.#folders.get(name)
  }

  find(name: string) {
    return this.#manifests.find((manifest) => manifest.name === name)
  }

  get(name: string): PluginManifest {
    const manifest = this.find(name)
    if (!manifest) {
      throw new TableroError('PLUGIN_NOT_FOUND', `Unknown plugin "${name}"`, 404, undefined, {
        name,
      })
    }
    return manifest
  }

  dependentsOf(name: string) {
    return this.#manifests.filter((m) => (m.dependsOn ?? []).includes(name)).map((m) => m.name)
  }

  onChange(listener: ChangeListener) {
    this.#listeners.push(listener)
  }

  /**
   * In-memory answer used on every request to a plugin route. Call
   * `refresh()` (cheap, TTL-bound) before it on request paths.
   */
  isEnabled(name: string) {
    const row = this.#rows.get(name)
    return row ? Boolean(row.enabled) : false
  }

  enabledNames() {
    return this.#manifests.filter((m) => this.isEnabled(m.name)).map((m) => m.name)
  }

  /**
   * Re-reads the states when the in-memory copy is older than the TTL.
   * Concurrent callers share one query; a forced re-read (another node's
   * toggle) never shares one that started before it was asked, which may
   * have read the state before that toggle committed.
   */
  async refresh(force = false) {
    if (!force && Date.now() - this.#loadedAt < STATE_TTL_MS) return
    if (force && this.#loading) await this.#loading.catch(() => {})
    this.#loading ??= this.#load().finally(() => (this.#loading = null))
    await this.#loading
  }

  async #load() {
    const rows: PluginRow[] = await db.from('plugins').select('*')
    const known = new Map(rows.map((row) => [row.name, row]))
    const now = toSqlDateTime(DateTime.utc())

    // First sight of a plugin: give it its default state, but never enable
    // it ahead of a dependency that is off.
    for (const manifest of this.#manifests) {
      if (known.has(manifest.name)) continue
      const dependenciesOn = (manifest.dependsOn ?? []).every((d) => Boolean(known.get(d)?.enabled))
      const row: PluginRow = {
        name: manifest.name,
        enabled: (manifest.enabledByDefault ?? true) && dependenciesOn,
        version: manifest.version,
        installed_at: now,
        updated_at: now,
      }
      await db.table('plugins').insert(row).onConflict('name').ignore()
      known.set(manifest.name, row)
    }

    const previous = this.#rows
    this.#rows = known
    this.#loadedAt = Date.now()
    for (const [name, row] of known) {
      const before = previous.get(name)
      if (before && Boolean(before.enabled) !== Boolean(row.enabled)) {
        this.#emit(name, Boolean(row.enabled))
      }
    }
  }

  list(): PluginSummary[] {
    return this.#manifests.map((manifest) => {
      const row = this.#rows.get(manifest.name)
      return {
        name: manifest.name,
        version: manifest.version,
        label: manifest.label,
        description: manifest.description,
        dependsOn: manifest.dependsOn ?? [],
        dependents: this.dependentsOf(manifest.name),
        enabled: this.isEnabled(manifest.name),
        installedVersion: row?.version ?? null,
        updatedAt: row ? String(row.updated_at) : null,
      }
    })
  }

  summary(name: string) {
    return this.list().find((plugin) => plugin.name === name)!
  }

  async enable(name: string, actor: AuditActor) {
    const manifest = this.get(name)
    await this.refresh(true)
    const off = (manifest.dependsOn ?? []).filter((dependency) => !this.isEnabled(dependency))
    if (off.length > 0) {
      throw new TableroError(
        'PLUGIN_DEPENDENCY',
        `Cannot enable "${name}": enable ${quoted(off)} first`,
        409,
        undefined,
        { i18n: 'PLUGIN_NEEDS_DEPENDENCIES', name, list: quoted(off) }
      )
    }
    return this.#setEnabled(name, true, actor)
  }

  async disable(name: string, actor: AuditActor) {
    this.get(name)
    await this.refresh(true)
    const needing = this.dependentsOf(name).filter((dependent) => this.isEnabled(dependent))
    if (needing.length > 0) {
      throw new TableroError(
        'PLUGIN_DEPENDENCY',
        `Cannot disable "${name}": ${quoted(needing)} depend on it; disable them first`,
        409,
        undefined,
        { i18n: 'PLUGIN_HAS_DEPENDENTS', name, list: quoted(needing) }
      )
    }
    return this.#setEnabled(name, false, actor)
  }

  async #setEnabled(name: string, enabled: boolean, actor: AuditActor) {
    if (this.isEnabled(name) === enabled) return this.summary(name)
    const updatedAt = toSqlDateTime(DateTime.utc())
    await db.transaction(async (trx) => {
      await trx.from('plugins').where('name', name).update({ enabled, updated_at: updatedAt })
      await AuditLog.record(trx, actor, {
        action: enabled ? 'plugin.enable' : 'plugin.disable',
        resource: 'plugins',
        recordId: name,
        before: { enabled: !enabled },
        after: { enabled },
      })
    })
    const row = this.#rows.get(name)!
    this.#rows.set(name, { ...row, enabled, updated_at: updatedAt })
    this.#emit(name, enabled)
    return this.summary(name)
  }

  #emit(name: string, enabled: boolean) {
    for (const listener of this.#listeners) listener(name, enabled)
  }
}

function quoted(names: string[]) {
  return names.map((name) => `"${name}"`).join(', ')
}
