import { ValueInput, type ResourceFieldDescription } from '@tablero/admin'
import { maxLengthOf } from '../shared/field_rules.ts'
import type { PreviewField } from './field_values'

export interface FieldWidgetProps {
  'field': Pick<PreviewField, 'type' | 'options' | 'min' | 'max'>
  /** API form: `YYYY-MM-DD` dates, ISO instants, numbers, option values. */
  'value'?: unknown
  'onChange'?: (value: unknown) => void
  'id'?: string
  'data-testid'?: string
}

/** As the server describes custom fields to the form (backend/custom_field_provider.ts). */

/**
 * The field as the core's generated client form draws it: the same `ValueInput` the agent gets,
 * so the preview and the default-value input look and behave exactly as the agent will see them
 * (dates in the user's time zone included).
 */
export function FieldWidget(props: FieldWidgetProps) {
  const { field } = props
  const description: ResourceFieldDescription = {
    name: 'preview',
    type: field.type,
    label: { es: '', en: '' },
    required: false,
    readOnly: false,
    listable: false,
    filterable: false,
    sortable: false,
    searchable: false,
    options: field.options,
    relation: null,
    defaultValue: null,
    min: field.min,
    max: field.max,
    maxLength: maxLengthOf(field.type),
    operators: [],
  }
  return (
    <ValueInput
      field={description}
      value={props.value}
      onChange={props.onChange}
      id={props.id}
      data-testid={props['data-testid']}
    />
  )
}
