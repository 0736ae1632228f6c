/**
 * The kernel's public surface: the only core module a plugin imports to
 * describe itself. Plugins talk to each other through events, never by
 * importing each other's files.
 */
export { definePlugin } from './manifest.ts'
export type {
  PluginManifest,
  PluginDemo,
  PluginDemoContext,
  PluginMenuEntry,
  PluginPermission,
  PluginRoutes,
  PluginEventHandler,
  PluginSetup,
  PluginSetupContext,
  PluginUninstall,
  Translated,
} from './manifest.ts'
export type {
  ClientMerging,
  ClientTableFate,
  PluginHookHandler,
  PluginHookName,
} from './plugin_hooks.ts'
