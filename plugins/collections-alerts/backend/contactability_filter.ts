import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { FieldFilterLeaf, FilteredTable } from '#sdk'

type Query = DatabaseQueryBuilderContract

/**
 * A6 "Contactabilidad" offers its four values (seed 003), one rule with the
 * indicators (indicators.ts):
 * - no contactable, con problemas: the client's row in ca_client_contactability,
 *   kept by every raise and lift of a contactability alert;
 * - contactable: no such row, and contacted at least once (last interaction);
 * - nuevo: no such row, never contacted.
 * `contains` / `in` name state ids; which of them are the two rowless states
 * is asked of ca_contactability_states in the same statement (a constant
 * sub-query), so the condition needs no cache of ids. `null` (no problem) and
 * `notNull` (some problem) test the row, as any relations field.
 */
export function contactabilityFilter(query: Query, leaf: FieldFilterLeaf, owner: FilteredTable) {
  const clientKey = `${owner.table}.${owner.primaryKey}`
  const lastInteraction = `${owner.table}.last_interaction_at`
  const stateRow = (sub: Query) =>
    sub
      .from('ca_client_contactability')
      .select('ca_client_contactability.client_id')
      .whereRaw('?? = ??', ['ca_client_contactability.client_id', clientKey])
  if (leaf.op === 'null') {
    query.whereNotExists(stateRow)
    return
  }
  if (leaf.op === 'notNull') {
    query.whereExists(stateRow)
    return
  }
  const ids = (Array.isArray(leaf.value) ? leaf.value : [leaf.value]).map(Number)
  const asked = (key: 'contactable' | 'new') => (sub: Query) =>
    sub.from('ca_contactability_states').select('id').whereIn('id', ids).where('key', key)
  query.where((any) => {
    any
      .whereIn(clientKey, (sub) =>
        sub.from('ca_client_contactability').select('client_id').whereIn('state_id', ids)
      )
      .orWhere((contactable) =>
        contactable
          .whereExists(asked('contactable'))
          .whereNotExists(stateRow)
          .whereNotNull(lastInteraction)
      )
      .orWhere((fresh) =>
        fresh.whereExists(asked('new')).whereNotExists(stateRow).whereNull(lastInteraction)
      )
  })
}
