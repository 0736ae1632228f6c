import type { ResourceDescription } from '../meta/admin_meta'

const TITLE_TYPES = new Set(['text', 'email', 'phone'])

/**
 * What a record is called on its own page and in confirmations: the first text-like field that
 * has a value (a client's names, a greeting's message), else `#id`.
 */
export function recordTitle(resource: ResourceDescription, record: Record<string, unknown>) {
  for (const field of resource.fields) {
    if (!TITLE_TYPES.has(field.type)) continue
    const value = record[field.name]
    if (typeof value === 'string' && value.trim() !== '') return value
  }
  return `#${String(record[resource.primaryKey] ?? '')}`
}
