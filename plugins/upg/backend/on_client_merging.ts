import type { PluginHookHandler } from '#sdk'

/** Two clients become one: the merged client's gateway users and payments follow the survivor. */
const onClientMerging: PluginHookHandler<'client.merging'> = async ({
  trx,
  survivorId,
  mergedId,
}) => {
  const users = await trx
    .from('upg_clients')
    .where('client_id', mergedId)
    .update({ client_id: survivorId })
  const transactions = await trx
    .from('upg_transactions')
    .where('client_id', mergedId)
    .update({ client_id: survivorId })
  return { upg_clients: Number(users), upg_transactions: Number(transactions) }
}

export default onClientMerging
