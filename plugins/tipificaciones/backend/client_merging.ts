import type { ClientMerging, PluginHookHandler } from '#sdk'

/** The tables with a client_id this plugin owns (declared in its manifest too). */
const PER_CLIENT = ['tip_gestiones', 'tip_callbacks'] as const

/**
 * A merge keeps the merged client's history: its gestiones and callbacks
 * (pending ones stay pending, for the same agent) now belong to the
 * survivor. Runs in the merge's transaction, even while the plugin is off.
 */
const onClientMerging: PluginHookHandler<'client.merging'> = async ({
  trx,
  survivorId,
  mergedId,
}: ClientMerging) => {
  const moved: Record<string, number> = {}
  for (const table of PER_CLIENT) {
    const count = await trx
      .from(table)
      .where('client_id', mergedId)
      .update({ client_id: survivorId })
    moved[table] = Number(count)
  }
  return moved
}

export default onClientMerging
