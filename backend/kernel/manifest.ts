import type { HttpRouterService } from '@adonisjs/core/types'
import type { ResourceDefinition } from '#resources/types'
import type { ResourceRegistry } from '#resources/resource_registry'
import type { PluginRegistry } from './plugin_registry.ts'
import type { ClientTableFate, PluginHooks } from './plugin_hooks.ts'
import type { JobDefinition } from '#services/jobs/define_job'
import type { MenuGroup } from '#shared/menu_groups'

export interface Translated {
  es: string
  en: string
}

/**
 * A permission a plugin declares: `key` is `<plugin>.<verb>` (or any
 * dotted key starting with the plugin's name), `roles` the default grants.
 */
export interface PluginPermission {
  key: string
  label: Translated
  roles: Array<'admin' | 'supervisor' | 'agent'>
}

/**
 * A menu entry a plugin adds to the admin's sider. `path` is relative to
 * /admin; `roles` limits who sees it (everyone signed in when omitted);
 * `group` is the job it belongs to (`parametros`, `agenda`,
 * `estadisticas`…, see shared/menu_groups.ts), `otros` when omitted.
 */
export interface PluginMenuEntry {
  key: string
  label: Translated
  path: string
  icon?: string
  roles?: Array<'admin' | 'supervisor' | 'agent'>
  group?: MenuGroup
}

/**
 * Registers a plugin's routes. The kernel calls it inside a group that is
 * prefixed with /api/p/<plugin>, requires a signed-in user and answers 404
 * PLUGIN_DISABLED while the plugin is off.
 */
export type PluginRoutes = (router: HttpRouterService) => void

export type PluginEventHandler = (payload: unknown) => void | Promise<void>

/**
 * What a plugin's setup receives at boot: the registries it may extend
 * (e.g. add run-time fields to a core resource). Setup runs whether or not
 * the plugin is enabled; registries ignore a disabled plugin's additions.
 */
export interface PluginSetupContext {
  name: string
  resources: ResourceRegistry
  plugins: PluginRegistry
}
export type PluginSetup = (context: PluginSetupContext) => void | Promise<void>

/**
 * What `plugin:rollback --force` must undo besides the plugin's own
 * migrations, run before them: things the plugin made outside its tables
 * (custom-fields adds columns to clients). `plan` lists them for the dry
 * run, one line each; `run` removes them and tells each one through `log`.
 */
export interface PluginUninstall {
  plan(): Promise<string[]>
  run(log: (line: string) => void): Promise<void>
}

/**
 * What a plugin's demo receives: the demo's staff and campaigns, already
 * committed. It writes its own rows (in its own transaction) and answers
 * one line for the seeder's summary ("6 guiones").
 */
export interface PluginDemoContext {
  users: Array<{
    id: number
    role: 'admin' | 'supervisor' | 'agent'
    email: string
    /** the profile's IANA zone: "today" for the demo is the supervisor's day */
    timezone: string
  }>
  campaigns: Array<{ id: number; name: string; type: string; agentIds: number[] }>
}
export type PluginDemo = (context: PluginDemoContext) => Promise<string>

/**
 * A plugin's manifest (`plugins/<name>/plugin.ts`): data wherever possible.
 * Code is referenced lazily so that reading manifests stays cheap.
 */
export interface PluginManifest {
  /** kebab-case, equal to the plugin's folder name */
  name: string
  /** semver, e.g. 1.2.0 */
  version: string
  label: Translated
  description: Translated
  /** names of plugins that must be enabled before this one */
  dependsOn?: string[]
  /** state given to the plugin the first time it is discovered (default true) */
  enabledByDefault?: boolean
  /**
   * Permissions this plugin checks beyond its resources' actions (which are
   * permissions of their own, `<resource>.<action>`): each with the roles
   * that hold it until an admin changes the grants.
   */
  permissions?: PluginPermission[]
  menu?: PluginMenuEntry[]
  routes?: () => Promise<{ default: PluginRoutes }>
  /**
   * Routes an outside system calls without a session (a signed webhook), mounted under
   * /api/webhooks/<plugin> behind the enabled-guard only, with no CSRF check: each handler
   * must authenticate the caller itself (an HMAC signature) before it reads or writes anything.
   */
  webhooks?: () => Promise<{ default: PluginRoutes }>
  /** resources served by the generic REST and admin screens */
  resources?: () => Promise<{ default: ResourceDefinition[] }>
  /**
   * Demo data for `npm start` on an empty database, run after the core's
   * demo when the plugin is enabled, in dependency order.
   */
  demo?: () => Promise<{ default: PluginDemo }>
  /** boot-time wiring into the core's registries */
  setup?: () => Promise<{ default: PluginSetup }>
  /** what `plugin:rollback` removes before the migrations (see PluginUninstall) */
  uninstall?: () => Promise<{ default: PluginUninstall }>
  /**
   * background jobs (`defineJob`), named `<plugin>.<verb>`: registered at
   * boot; dispatching one while the plugin is off answers 404 PLUGIN_DISABLED
   */
  jobs?: () => Promise<{ default: JobDefinition[] }>
  /** event name -> handler module; handlers stop while the plugin is off */
  events?: Record<string, () => Promise<{ default: PluginEventHandler }>>
  /**
   * hook name -> handler module, awaited inside the caller's transaction,
   * enabled or not (see runPluginHooks): e.g. `client.merging` moves the
   * plugin's per-client rows to the surviving client.
   */
  hooks?: PluginHooks
  /**
   * Every table of this plugin with a foreign key to clients, and what a
   * merge does to its rows. A `moved` table needs a `client.merging` hook;
   * a test checks that the migrated schema has no undeclared table.
   */
  clientTables?: Record<string, ClientTableFate>
}

/**
 * Identity helper that gives plugin authors type checking on their manifest.
 */
export function definePlugin(manifest: PluginManifest): PluginManifest {
  return manifest
}
