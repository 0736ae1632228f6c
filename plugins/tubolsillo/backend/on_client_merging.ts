import type { PluginHookHandler } from '#sdk'

/** Two clients become one: the merged client's wallet history follows the survivor. */
const onClientMerging: PluginHookHandler<'client.merging'> = async ({
  trx,
  survivorId,
  mergedId,
}) => {
  const moved = await trx
    .from('tubolsillo_toggles')
    .where('client_id', mergedId)
    .update({ client_id: survivorId })
  return { tubolsillo_toggles: Number(moved) }
}

export default onClientMerging
