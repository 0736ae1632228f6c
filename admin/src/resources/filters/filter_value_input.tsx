import { Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import type { FilterOperator, ResourceFieldDescription } from '../../meta/admin_meta'
import { VALUELESS_OPERATORS } from '../../providers/filter_tree'
import { RelationSelect } from '../form/relation_select'
import { ValueInput } from '../fields/value_input'

interface FilterValueInputProps {
  field: ResourceFieldDescription
  op: FilterOperator
  value: unknown
  onChange: (value: unknown) => void
}

const NUMERIC_TYPES = new Set(['number', 'decimal', 'relation', 'relations'])

/** Typed-in values of an `in` list, as numbers where the field holds numbers. */
function toListValues(field: ResourceFieldDescription, entries: string[]) {
  if (!NUMERIC_TYPES.has(field.type)) return entries
  return entries.map(Number).filter(Number.isFinite)
}

/** Several values for `in`: options or related records when there are some, free tags else. */
function ListInput({ field, value, onChange }: Omit<FilterValueInputProps, 'op'>) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const values = Array.isArray(value) ? value : []
  if ((field.type === 'relation' || field.type === 'relations') && field.relation) {
    return (
      <RelationSelect
        relation={field.relation}
        multiple
        value={values as number[]}
        onChange={onChange}
        data-testid="filter-value"
      />
    )
  }
  if (field.options) {
    return (
      <Select
        mode="multiple"
        data-testid="filter-value"
        value={values}
        onChange={onChange}
        options={field.options.map((option) => ({
          value: option.value,
          label: localize(option.label),
        }))}
        style={{ minWidth: 200 }}
      />
    )
  }
  return (
    <Select
      mode="tags"
      data-testid="filter-value"
      value={values.map(String)}
      onChange={(entries: string[]) => onChange(toListValues(field, entries))}
      placeholder={t('resources.filters.listPlaceholder')}
      open={false}
      style={{ minWidth: 200 }}
    />
  )
}

/** The value part of a filter condition, shaped by the field's type and the chosen operator. */
export function FilterValueInput({ field, op, value, onChange }: FilterValueInputProps) {
  const { t } = useTranslation()
  if (VALUELESS_OPERATORS.has(op)) return null
  if (op === 'in') return <ListInput field={field} value={value} onChange={onChange} />
  if (op === 'between') {
    const [from, to] = Array.isArray(value) ? value : [undefined, undefined]
    return (
      <Space.Compact data-testid="filter-value">
        <ValueInput
          field={field}
          variant="filter"
          value={from}
          placeholder={t('resources.filters.from')}
          onChange={(next) => onChange([next, to])}
        />
        <ValueInput
          field={field}
          variant="filter"
          value={to}
          placeholder={t('resources.filters.to')}
          onChange={(next) => onChange([from, next])}
        />
      </Space.Compact>
    )
  }
  return (
    <ValueInput
      field={field}
      variant="filter"
      value={value}
      onChange={onChange}
      data-testid="filter-value"
    />
  )
}
