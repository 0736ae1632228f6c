import { DatePicker, Input, InputNumber, Select, Switch } from 'antd'
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import type { ResourceFieldDescription } from '../../meta/admin_meta'
import { RelationSelect } from '../form/relation_select'
import { useUserLocale } from './use_user_locale'
import { dateToPicker, instantToPicker, pickerToDate, pickerToInstant } from './user_time'

export interface ValueInputProps {
  'field': ResourceFieldDescription
  /** The value in API form: ISO instants, `YYYY-MM-DD` dates, numbers, option values. */
  'value'?: unknown
  'onChange'?: (value: unknown) => void
  /** Filters want compact widgets: a yes/no select instead of a switch, one-line texts. */
  'variant'?: 'form' | 'filter'
  'id'?: string
  'placeholder'?: string
  'data-testid'?: string
}

const FULL_WIDTH = { width: '100%' }

/** The browser's input type: the right keyboard on a phone, e-mail and URL checks on the way. */
const INPUT_TYPES: Record<string, string> = { email: 'email', url: 'url', phone: 'tel' }

/**
 * Enter confirms a typed date in a picker; without this the same key also submits the whole
 * form, half filled.
 */
const keepEnterInPicker = (event: KeyboardEvent<HTMLElement>) => {
  if (event.key === 'Enter') event.preventDefault()
}

/**
 * The antd widget for one field type, reading and writing API values. Forms and the filter
 * builder share it, so a date typed in a filter means what the same date means in a form.
 */
export function ValueInput(props: ValueInputProps) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { zone } = useUserLocale()
  const { field, value, onChange, variant = 'form', id, placeholder } = props
  const testId = props['data-testid']
  const change = (next: unknown) => onChange?.(next)

  switch (field.type) {
    case 'textarea':
      if (variant === 'form') {
        return (
          <Input.TextArea
            id={id}
            data-testid={testId}
            value={(value as string | null) ?? ''}
            onChange={(event) => change(event.target.value)}
            maxLength={field.maxLength ?? undefined}
            autoSize={{ minRows: 3, maxRows: 12 }}
          />
        )
      }
      break
    case 'number':
    case 'decimal':
      return (
        <InputNumber
          id={id}
          data-testid={testId}
          value={(value as number | null) ?? null}
          onChange={(next) => change(next)}
          precision={field.type === 'number' ? 0 : undefined}
          placeholder={placeholder ?? rangeHint(field)}
          style={FULL_WIDTH}
        />
      )
    case 'boolean':
      if (variant === 'form') {
        return <Switch id={id} data-testid={testId} checked={Boolean(value)} onChange={change} />
      }
      return (
        <Select
          id={id}
          data-testid={testId}
          value={value as boolean | undefined}
          onChange={change}
          options={[
            { value: true, label: t('resources.values.yes') },
            { value: false, label: t('resources.values.no') },
          ]}
          style={{ minWidth: 100, ...FULL_WIDTH }}
        />
      )
    case 'date':
      return (
        <DatePicker
          id={id}
          data-testid={testId}
          value={dateToPicker(value)}
          onChange={(picked) => change(pickerToDate(picked))}
          onKeyDown={keepEnterInPicker}
          format="YYYY-MM-DD"
          style={FULL_WIDTH}
        />
      )
    case 'datetime':
      return (
        <DatePicker
          id={id}
          data-testid={testId}
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          value={instantToPicker(value, zone)}
          onChange={(picked) => change(pickerToInstant(picked, zone))}
          onKeyDown={keepEnterInPicker}
          style={FULL_WIDTH}
        />
      )
    case 'select':
      return (
        <Select
          id={id}
          data-testid={testId}
          value={value ?? undefined}
          onChange={(next) => change(next ?? null)}
          allowClear
          placeholder={placeholder}
          options={(field.options ?? []).map((option) => ({
            value: option.value,
            label: localize(option.label),
          }))}
          style={{ minWidth: 140, ...FULL_WIDTH }}
        />
      )
    case 'multiselect': {
      const options = (field.options ?? []).map((option) => ({
        value: option.value,
        label: localize(option.label),
      }))
      // A filter asks for one option ("has X"); a form holds the list.
      if (variant === 'filter') {
        return (
          <Select
            id={id}
            data-testid={testId}
            value={value ?? undefined}
            onChange={change}
            options={options}
            style={{ minWidth: 140, ...FULL_WIDTH }}
          />
        )
      }
      return (
        <Select
          id={id}
          data-testid={testId}
          mode="multiple"
          value={Array.isArray(value) ? value : []}
          onChange={change}
          allowClear
          options={options}
          style={FULL_WIDTH}
        />
      )
    }
    case 'password':
      return (
        <Input.Password
          id={id}
          data-testid={testId}
          value={(value as string | null) ?? ''}
          onChange={(event) => change(event.target.value)}
          autoComplete="new-password"
        />
      )
    case 'relation':
      if (field.relation) {
        return (
          <RelationSelect
            id={id}
            data-testid={testId}
            relation={field.relation}
            value={value as number | null}
            onChange={change}
          />
        )
      }
      break
    case 'relations':
      // A form picks the whole set of linked records; a filter's "contains" names one of them.
      if (field.relation) {
        const multiple = variant === 'form'
        return (
          <RelationSelect
            id={id}
            data-testid={testId}
            relation={field.relation}
            multiple={multiple}
            value={multiple ? (Array.isArray(value) ? value : []) : (value as number | null)}
            onChange={(next) => change(multiple ? (next ?? []) : next)}
          />
        )
      }
      break
  }
  return (
    <Input
      id={id}
      data-testid={testId}
      type={INPUT_TYPES[field.type] ?? 'text'}
      value={(value as string | null) ?? ''}
      onChange={(event) => change(event.target.value)}
      maxLength={field.maxLength ?? undefined}
      placeholder={placeholder}
    />
  )
}

/** `1 – 5` as a placeholder, so the allowed range is visible before anything is typed. */
function rangeHint(field: ResourceFieldDescription) {
  const min = field.min ?? null
  const max = field.max ?? null
  if (min !== null && max !== null) return `${min} – ${max}`
  if (min !== null) return `≥ ${min}`
  if (max !== null) return `≤ ${max}`
  return undefined
}
