import type { WriteOptions } from './types.ts'

/**
 * Puts a write's stamp (`WriteOptions.stamp`, e.g. `{ base_id }` of the
 * base an import fills) on the values of one row about to be inserted.
 * Every insert path of the engine calls it, one row or many, before its
 * checks and hooks, so a stamped row is checked and audited as written.
 */
export function stampValues(values: Record<string, unknown>, options: WriteOptions) {
  if (options.stamp) Object.assign(values, options.stamp)
  return values
}
