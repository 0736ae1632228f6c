import { useCallback } from 'react'
import { useSelect, type BaseKey, type BaseRecord, type CrudFilter } from '@refinedev/core'
import { InputNumber, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ResourceDescription, ResourceFieldDescription } from '../../meta/admin_meta'
import { SEARCH_FIELD } from '../../providers/filter_tree'
import { relationLabelText } from '../fields/relation_label_text'
import { useRelationTarget } from '../fields/use_relation_label'
import { activeOnly } from '../archived'

type Relation = NonNullable<ResourceFieldDescription['relation']>

interface RelationSelectProps {
  'relation': Relation
  'value'?: BaseKey | BaseKey[] | null
  'onChange'?: (value: BaseKey | BaseKey[] | null) => void
  'multiple'?: boolean
  'placeholder'?: string
  'id'?: string
  'data-testid'?: string
}

/**
 * How typing narrows the related records: the engine's `q` search when the target has one,
 * else "label contains", else nothing (the first page is offered as it is).
 */
function searchFilters(target: ResourceDescription, labelField: string, text: string) {
  if (!text) return []
  if (target.searchable)
    return [{ field: SEARCH_FIELD, operator: 'eq', value: text }] as CrudFilter[]
  const label = target.fields.find((field) => field.name === labelField)
  if (label?.operators.includes('contains')) {
    return [{ field: labelField, operator: 'contains', value: text }] as CrudFilter[]
  }
  return []
}

function SearchableRelationSelect(props: RelationSelectProps & { target: ResourceDescription }) {
  const { t } = useTranslation()
  const { relation, target, value, onChange, multiple, placeholder, id } = props
  const { labelField, labelFields } = useRelationTarget(relation)
  const selected = value === null || value === undefined ? undefined : value
  // Named as the relation's cells name it ("María Gómez"), the bare id when every field is empty.
  const optionLabel = useCallback(
    (record: BaseRecord) =>
      relationLabelText(record, labelFields) || `#${String(record[target.primaryKey])}`,
    [labelFields, target.primaryKey]
  )
  const { options, onSearch, query } = useSelect({
    resource: target.name,
    optionLabel,
    optionValue: target.primaryKey as never,
    defaultValue: selected,
    // Archived records (a closed campaign) are not offered; one already chosen keeps its label.
    filters: activeOnly(target),
    onSearch: (text) => searchFilters(target, labelField, text),
    pagination: { pageSize: 20, mode: 'server' },
    debounce: 300,
    errorNotification: false,
  })
  return (
    <Select
      options={options}
      onSearch={onSearch}
      loading={query.isFetching}
      filterOption={false}
      showSearch
      id={id}
      data-testid={props['data-testid']}
      mode={multiple ? 'multiple' : undefined}
      value={selected}
      onChange={(next) => onChange?.((next as BaseKey | BaseKey[] | undefined) ?? null)}
      allowClear
      placeholder={placeholder ?? t('resources.form.searchPlaceholder')}
      style={{ minWidth: 200, width: '100%' }}
    />
  )
}

/**
 * Picks related records by searching the related resource. A user who may not list that resource
 * can still type an id; the server checks it.
 */
export function RelationSelect(props: RelationSelectProps) {
  const { description } = useRelationTarget(props.relation)
  if (description) return <SearchableRelationSelect {...props} target={description} />
  if (props.multiple) {
    return (
      <Select
        id={props.id}
        mode="tags"
        value={((props.value as BaseKey[] | undefined) ?? []).map(String)}
        onChange={(next: string[]) => props.onChange?.(next.map(Number).filter(Number.isFinite))}
        style={{ minWidth: 200, width: '100%' }}
      />
    )
  }
  return (
    <InputNumber
      id={props.id}
      value={(props.value as number | null | undefined) ?? null}
      onChange={(next) => props.onChange?.(next)}
      style={{ width: '100%' }}
    />
  )
}
