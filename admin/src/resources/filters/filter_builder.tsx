import { Button, Card, Flex } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ResourceFieldDescription } from '../../meta/admin_meta'
import { FilterGroupEditor } from './filter_group_editor'
import { newGroup, type FilterGroup } from './filter_model'

interface FilterBuilderProps {
  fields: ResourceFieldDescription[]
  /** The filter the list currently runs. */
  applied: FilterGroup
  onApply: (filter: FilterGroup) => void
}

/**
 * Edits a filter without touching the list until "Apply": half-typed conditions would otherwise
 * send a request per keystroke, and a one-million-row list deserves fewer.
 */
export function FilterBuilder({ fields, applied, onApply }: FilterBuilderProps) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(applied)

  return (
    <Card size="small" data-testid="filter-builder" style={{ marginBottom: 16 }}>
      <Flex vertical gap={12}>
        <FilterGroupEditor group={draft} fields={fields} depth={1} onChange={setDraft} />
        <Flex gap={8} justify="flex-end">
          <Button
            data-testid="filter-clear"
            onClick={() => {
              const empty = newGroup()
              setDraft(empty)
              onApply(empty)
            }}
          >
            {t('resources.filters.clear')}
          </Button>
          <Button type="primary" data-testid="filter-apply" onClick={() => onApply(draft)}>
            {t('resources.filters.apply')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  )
}
