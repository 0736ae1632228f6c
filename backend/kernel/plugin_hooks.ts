import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { PluginManifest } from './manifest.ts'

/**
 * `client.merging`: two clients become one. Runs inside the merge's
 * transaction after the core moved its own rows and before the merged
 * client is deleted, which cascades to every row still pointing at it.
 */
export interface ClientMerging {
  trx: TransactionClientContract
  survivorId: number
  mergedId: number
}

/** Every hook the kernel runs, with what its handlers receive. */
export interface PluginHookPayloads {
  'client.merging': ClientMerging
}
export type PluginHookName = keyof PluginHookPayloads

/**
 * A hook handler may return a summary of what it did (e.g. rows moved per
 * table); the caller keeps it, e.g. in its audit entry.
 */
export type PluginHookHandler<Name extends PluginHookName = PluginHookName> = (
  payload: PluginHookPayloads[Name]
) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void

export type PluginHooks = {
  [Name in PluginHookName]?: () => Promise<{ default: PluginHookHandler<Name> }>
}

/**
 * What a merge does to the rows of a table that references clients:
 * `moved` to the survivor (by the core or the owner's `client.merging`
 * hook), or `dropped` with the merged client on purpose (ON DELETE CASCADE).
 */
export type ClientTableFate = 'moved' | 'dropped'

/**
 * Runs a hook's handlers one after the other, in dependency order, and
 * lets the first error through so that the caller's transaction rolls back.
 *
 * Unlike events, hooks run for every discovered plugin, enabled or not: a
 * disabled plugin's rows stay in the database (DESIGN: its tables stay
 * untouched), so they must follow the core's changes or be lost to a
 * cascade. A hook keeps data consistent; it never adds behaviour.
 */
export async function runPluginHooks<Name extends PluginHookName>(
  manifests: readonly PluginManifest[],
  name: Name,
  payload: PluginHookPayloads[Name]
): Promise<Record<string, Record<string, unknown>>> {
  const summaries: Record<string, Record<string, unknown>> = {}
  for (const manifest of manifests) {
    const load = manifest.hooks?.[name]
    if (!load) continue
    const { default: handler } = await load()
    const summary = await handler(payload)
    if (summary) summaries[manifest.name] = summary
  }
  return summaries
}
