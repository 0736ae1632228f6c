import { DeleteOutlined } from '@ant-design/icons'
import { Button, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import type { ResourceFieldDescription } from '../../meta/admin_meta'
import type { FilterCondition } from './filter_model'
import { FilterValueInput } from './filter_value_input'

interface FilterConditionEditorProps {
  condition: FilterCondition
  fields: ResourceFieldDescription[]
  onChange: (condition: FilterCondition) => void
  onRemove: () => void
}

/** One condition: field, operator (only those the engine accepts for the field), value. */
export function FilterConditionEditor(props: FilterConditionEditorProps) {
  const { condition, fields, onChange, onRemove } = props
  const { t } = useTranslation()
  const localize = useLocalize()
  const field = fields.find((candidate) => candidate.name === condition.field)

  const chooseField = (name: string) => {
    const next = fields.find((candidate) => candidate.name === name)
    // A new field may not accept the old operator, and its values are of another type.
    const op = next?.operators.includes(condition.op!) ? condition.op : next?.operators[0]
    onChange({ ...condition, field: name, op, value: undefined })
  }

  return (
    <Space wrap align="start" data-testid="filter-condition">
      <Select
        data-testid="filter-field"
        value={condition.field}
        onChange={chooseField}
        placeholder={t('resources.filters.field')}
        showSearch
        optionFilterProp="label"
        options={fields.map((candidate) => ({
          value: candidate.name,
          label: localize(candidate.label),
        }))}
        style={{ width: 180 }}
      />
      <Select
        data-testid="filter-operator"
        value={condition.op}
        disabled={!field}
        onChange={(op) => onChange({ ...condition, op, value: op === 'in' ? [] : undefined })}
        options={(field?.operators ?? []).map((op) => ({
          value: op,
          label: t(`resources.filters.operators.${op}`),
        }))}
        style={{ width: 160 }}
      />
      {field && condition.op && (
        <div style={{ minWidth: 200 }}>
          <FilterValueInput
            field={field}
            op={condition.op}
            value={condition.value}
            onChange={(value) => onChange({ ...condition, value })}
          />
        </div>
      )}
      <Button
        type="text"
        icon={<DeleteOutlined />}
        aria-label={t('resources.filters.removeCondition')}
        title={t('resources.filters.removeCondition')}
        data-testid="filter-remove-condition"
        onClick={onRemove}
      />
    </Space>
  )
}
