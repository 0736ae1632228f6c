import { Typography } from 'antd'
import { useLocalize } from '../../i18n/localized_text'
import type { ResourceDescription } from '../../meta/admin_meta'
import { FieldValue } from '../../resources/fields/field_value'

/** Keys that change on every write and say nothing to a reader. */
const NOISE = new Set([
  'id',
  'client_id',
  'created_at',
  'updated_at',
  'search_name',
  'document_key',
])
const MAX_LINES = 6

interface LogEntryDetailsProps {
  resource: ResourceDescription | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

/**
 * What one log entry changed, in a few lines: "field: old → new" for a change, "field: value" for
 * a creation or a deletion, labelled and formatted with the resource's metadata when it has some.
 */
export function LogEntryDetails({ resource, before, after }: LogEntryDetailsProps) {
  const localize = useLocalize()
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (key) => !NOISE.has(key) && (before?.[key] ?? null) !== (after?.[key] ?? null)
  )
  const value = (key: string, raw: unknown) => {
    const field = resource?.fields.find((candidate) => candidate.name === key)
    if (field) return <FieldValue field={field} value={raw} />
    return <span>{raw === null || raw === undefined ? '—' : String(raw)}</span>
  }
  const label = (key: string) => {
    const field = resource?.fields.find((candidate) => candidate.name === key)
    return field ? localize(field.label) : key
  }

  return (
    <div>
      {keys.slice(0, MAX_LINES).map((key) => (
        <div key={key}>
          <Typography.Text type="secondary">{label(key)}: </Typography.Text>
          {before && after ? (
            <>
              {value(key, before[key] ?? null)} → {value(key, after[key] ?? null)}
            </>
          ) : (
            value(key, (after ?? before)?.[key] ?? null)
          )}
        </div>
      ))}
      {keys.length > MAX_LINES && <Typography.Text type="secondary">…</Typography.Text>}
    </div>
  )
}
