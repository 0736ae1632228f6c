import { Descriptions } from 'antd'
import { useLocalize } from '../../i18n/localized_text'
import type { ResourceDescription } from '../../meta/admin_meta'
import { fieldApplies } from '../fields/field_conditions'
import { FieldValue } from '../fields/field_value'

interface RecordDetailsProps {
  resource: ResourceDescription
  record: Record<string, unknown>
}

/** Every field of a record with its label, each value shown the way its type reads best. */
export function RecordDetails({ resource, record }: RecordDetailsProps) {
  const localize = useLocalize()
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={resource.fields
        // Write-only and not-applicable fields (another campaign's custom field) say nothing here.
        .filter((field) => field.type !== 'password' && fieldApplies(field, record))
        .map((field) => ({
          key: field.name,
          label: localize(field.label),
          children: (
            <span data-testid={`field-${field.name}`}>
              <FieldValue field={field} value={record[field.name]} />
            </span>
          ),
        }))}
    />
  )
}
