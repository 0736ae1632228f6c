import type { ClientMerging, PluginHookHandler } from '#sdk'

/**
 * Custom-field values follow the merge's choice like the core card: the
 * survivor keeps its own values and takes the merged client's where it has
 * none. Retired fields too, so that restoring one shows the merged value.
 * Runs in the merge's transaction, even while the plugin is off.
 */
const onClientMerging: PluginHookHandler<'client.merging'> = async ({
  trx,
  survivorId,
  mergedId,
}: ClientMerging) => {
  const fields = await trx.from('cf_fields').select('key')
  const keys = fields.map((row) => row.key as string)
  if (keys.length === 0) return
  const [survivor, merged] = await Promise.all(
    [survivorId, mergedId].map((id) => trx.from('clients').where('id', id).select(keys).first())
  )
  const fills: Record<string, unknown> = {}
  for (const key of keys) {
    if (isBlank(survivor?.[key]) && !isBlank(merged?.[key])) fills[key] = merged[key]
  }
  if (Object.keys(fills).length === 0) return
  await trx.from('clients').where('id', survivorId).update(fills)
  return { filled: Object.keys(fills) }
}

/** As for the core card: empty text is blank, a boolean's false is a value. */
function isBlank(value: unknown) {
  return value === null || value === undefined || value === ''
}

export default onClientMerging
