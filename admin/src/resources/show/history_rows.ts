/** One audit entry as `GET /api/r/:resource/:id/history` answers it. */
export interface HistoryEntry {
  id: number
  action: string
  actor: { id: number | string; name: string } | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  ip: string | null
  createdAt: string
}

/** A line of the history table: one field of one entry. */
export interface HistoryRow {
  key: string
  entry: HistoryEntry
  field: string | null
  old: unknown
  new: unknown
  /** Lines of one entry share the when/who/action cells: the first spans the others. */
  span: number
}

/** Bookkeeping columns change on every write; listing them would drown the real changes. */
const NOISE_FIELDS = new Set(['created_at', 'updated_at'])

function changedFields(entry: HistoryEntry, primaryKey: string) {
  const keys = new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])
  return [...keys].filter((key) => {
    if (NOISE_FIELDS.has(key) || key === primaryKey) return false
    // A created or deleted record lists only the fields that held something.
    const before = entry.before?.[key] ?? null
    const after = entry.after?.[key] ?? null
    return before !== after || (entry.action !== 'create' && entry.action !== 'delete')
  })
}

/**
 * Audit entries flattened into field / old / new lines (update entries hold only the changed
 * fields). An entry without field changes (a notification sent, a merge) keeps one line.
 */
export function historyRows(entries: HistoryEntry[], primaryKey: string): HistoryRow[] {
  return entries.flatMap((entry): HistoryRow[] => {
    const fields = changedFields(entry, primaryKey)
    if (fields.length === 0) {
      return [{ key: `${entry.id}`, entry, field: null, old: null, new: null, span: 1 }]
    }
    return fields.map((field, index) => ({
      key: `${entry.id}:${field}`,
      entry,
      field,
      old: entry.before?.[field] ?? null,
      new: entry.after?.[field] ?? null,
      span: index === 0 ? fields.length : 0,
    }))
  })
}
