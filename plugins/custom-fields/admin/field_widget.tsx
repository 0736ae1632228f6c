import { LinkOutlined, MailOutlined, PhoneOutlined } from '@ant-design/icons'
import { useLocalize } from '@tablero/admin'
import { DatePicker, Input, InputNumber, Select, Switch } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { PreviewField } from './field_values'

export interface FieldWidgetProps {
  'field': Pick<PreviewField, 'type' | 'options' | 'min' | 'max'>
  /** API form: `YYYY-MM-DD` dates, ISO instants, numbers, option values. */
  'value'?: unknown
  'onChange'?: (value: unknown) => void
  'id'?: string
  'data-testid'?: string
}

const FULL_WIDTH = { width: '100%' }

function toDayjs(value: unknown): Dayjs | null {
  if (typeof value !== 'string' || value === '') return null
  const parsed = dayjs(value)
  return parsed.isValid() ? parsed : null
}

/** `1 – 5`, so the allowed range is visible before anything is typed. */
function rangeHint(min: number | null, max: number | null) {
  if (min !== null && max !== null) return `${min} – ${max}`
  if (min !== null) return `≥ ${min}`
  if (max !== null) return `≤ ${max}`
  return undefined
}

/**
 * The antd widget agents get for each of the 12 types, as in the client form. The preview and
 * the default-value input share it, so a default looks exactly as the agent will see it.
 */
export function FieldWidget(props: FieldWidgetProps) {
  const localize = useLocalize()
  const { field, value, id } = props
  const testId = props['data-testid']
  const change = (next: unknown) => props.onChange?.(next)
  const options = field.options.map((option) => ({
    value: option.value,
    label: localize(option.label) || option.value,
  }))
  const text = typeof value === 'string' ? value : ''

  switch (field.type) {
    case 'textarea':
      return (
        <Input.TextArea
          id={id}
          data-testid={testId}
          value={text}
          onChange={(event) => change(event.target.value)}
          autoSize={{ minRows: 2, maxRows: 8 }}
        />
      )
    case 'number':
    case 'decimal':
      return (
        <InputNumber
          id={id}
          data-testid={testId}
          value={typeof value === 'number' ? value : null}
          onChange={change}
          min={field.min ?? undefined}
          max={field.max ?? undefined}
          precision={field.type === 'number' ? 0 : undefined}
          placeholder={rangeHint(field.min, field.max)}
          style={FULL_WIDTH}
        />
      )
    case 'date':
      return (
        <DatePicker
          id={id}
          data-testid={testId}
          value={toDayjs(value)}
          onChange={(picked) => change(picked ? picked.format('YYYY-MM-DD') : null)}
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
          value={toDayjs(value)}
          onChange={(picked) => change(picked ? picked.toISOString() : null)}
          style={FULL_WIDTH}
        />
      )
    case 'boolean':
      return <Switch id={id} data-testid={testId} checked={value === true} onChange={change} />
    case 'select':
    case 'multiselect':
      return (
        <Select
          id={id}
          data-testid={testId}
          mode={field.type === 'multiselect' ? 'multiple' : undefined}
          value={value ?? undefined}
          onChange={(next) => change(next ?? null)}
          options={options}
          allowClear
          style={FULL_WIDTH}
        />
      )
  }
  const kind = {
    email: { type: 'email', prefix: <MailOutlined /> },
    url: { type: 'url', prefix: <LinkOutlined /> },
    phone: { type: 'tel', prefix: <PhoneOutlined /> },
    text: { type: 'text', prefix: undefined },
  }[field.type]
  return (
    <Input
      id={id}
      data-testid={testId}
      type={kind.type}
      prefix={kind.prefix}
      value={text}
      onChange={(event) => change(event.target.value)}
      maxLength={255}
    />
  )
}
