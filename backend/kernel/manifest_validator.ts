import vine, { errors } from '@vinejs/vine'
import { TableroError } from '#exceptions/tablero_error'
import { MENU_GROUPS } from '#shared/menu_groups'
import type { PluginManifest } from './manifest.ts'

const translated = vine.object({
  es: vine.string().trim().minLength(1).maxLength(200),
  en: vine.string().trim().minLength(1).maxLength(200),
})

const PLUGIN_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

const manifestSchema = vine.compile(
  vine.object({
    name: vine.string().regex(PLUGIN_NAME).maxLength(100),
    version: vine.string().regex(/^\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/),
    label: translated,
    description: translated,
    dependsOn: vine.array(vine.string().regex(PLUGIN_NAME)).distinct().optional(),
    enabledByDefault: vine.boolean({ strict: true }).optional(),
    permissions: vine
      .array(
        vine.object({
          key: vine
            .string()
            .regex(/^[a-z][\w-]*(?:\.[\w-]+)+$/)
            .maxLength(100),
          label: translated,
          roles: vine.array(vine.enum(['admin', 'supervisor', 'agent'])).distinct(),
        })
      )
      .optional(),
    menu: vine
      .array(
        vine.object({
          key: vine.string().regex(/^[\w.-]+$/),
          label: translated,
          path: vine.string().startsWith('/'),
          icon: vine.string().optional(),
          roles: vine.array(vine.enum(['admin', 'supervisor', 'agent'])).optional(),
          group: vine.enum(MENU_GROUPS).optional(),
        })
      )
      .optional(),
    clientTables: vine.record(vine.enum(['moved', 'dropped'])).optional(),
  })
)

/**
 * Checks a manifest's data and its folder. Throws a one-line error that
 * names the plugin (or its folder when the name itself is unusable).
 */
export async function validateManifest(folder: string, value: unknown): Promise<PluginManifest> {
  if (!value || typeof value !== 'object') {
    throw new TableroError(
      'PLUGIN_MANIFEST_INVALID',
      `Plugin "${folder}": plugin.ts must export default definePlugin({...})`,
      500
    )
  }
  const manifest = value as PluginManifest
  try {
    await manifestSchema.validate(manifest)
  } catch (error) {
    if (error instanceof errors.E_VALIDATION_ERROR) {
      const first = (error.messages as Array<{ field: string; message: string }>)[0]
      throw new TableroError(
        'PLUGIN_MANIFEST_INVALID',
        `Plugin "${folder}": invalid manifest field "${first.field}": ${first.message}`,
        500
      )
    }
    throw error
  }
  if (manifest.name !== folder) {
    throw new TableroError(
      'PLUGIN_MANIFEST_INVALID',
      `Plugin "${folder}": manifest name "${manifest.name}" must equal its folder name`,
      500
    )
  }
  for (const permission of manifest.permissions ?? []) {
    if (!permission.key.startsWith(`${manifest.name}.`)) {
      throw new TableroError(
        'PLUGIN_MANIFEST_INVALID',
        `Plugin "${folder}": permission "${permission.key}" must start with "${manifest.name}."`,
        500
      )
    }
  }
  for (const key of [
    'routes',
    'webhooks',
    'resources',
    'setup',
    'uninstall',
    'demo',
    'jobs',
  ] as const) {
    if (manifest[key] !== undefined && typeof manifest[key] !== 'function') {
      throw new TableroError(
        'PLUGIN_MANIFEST_INVALID',
        `Plugin "${folder}": "${key}" must be a lazy import, e.g. () => import('./backend/${key}.ts')`,
        500
      )
    }
  }
  checkHooks(folder, manifest)
  return manifest
}

/** Hooks are lazy imports; a table said to be moved needs the hook that moves it. */
function checkHooks(folder: string, manifest: PluginManifest) {
  for (const [name, load] of Object.entries(manifest.hooks ?? {})) {
    if (typeof load !== 'function') {
      throw new TableroError(
        'PLUGIN_MANIFEST_INVALID',
        `Plugin "${folder}": hook "${name}" must be a lazy import, e.g. () => import('./backend/on_${name.replace('.', '_')}.ts')`,
        500
      )
    }
  }
  const moved = Object.entries(manifest.clientTables ?? {}).filter(([, fate]) => fate === 'moved')
  if (moved.length > 0 && !manifest.hooks?.['client.merging']) {
    throw new TableroError(
      'PLUGIN_MANIFEST_INVALID',
      `Plugin "${folder}": clientTables says "${moved[0][0]}" is moved on merge, but there is no "client.merging" hook to move it`,
      500
    )
  }
}
