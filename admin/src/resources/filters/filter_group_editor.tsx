import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Flex, Segmented, Space, theme, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ResourceFieldDescription } from '../../meta/admin_meta'
import { FilterConditionEditor } from './filter_condition_editor'
import {
  MAX_GROUP_DEPTH,
  newCondition,
  newGroup,
  type FilterGroup,
  type FilterNode,
} from './filter_model'

interface FilterGroupEditorProps {
  group: FilterGroup
  fields: ResourceFieldDescription[]
  depth: number
  onChange: (group: FilterGroup) => void
  onRemove?: () => void
}

/**
 * A group of conditions joined by AND or OR, which may hold further groups: "message contains
 * X and (priority ≥ 4 or language = English)".
 */
export function FilterGroupEditor({
  group,
  fields,
  depth,
  onChange,
  onRemove,
}: FilterGroupEditorProps) {
  const { t } = useTranslation()
  const { token } = theme.useToken()

  const replaceChild = (child: FilterNode) =>
    onChange({ ...group, children: group.children.map((c) => (c.id === child.id ? child : c)) })
  const removeChild = (id: string) =>
    onChange({ ...group, children: group.children.filter((child) => child.id !== id) })
  const addChild = (child: FilterNode) =>
    onChange({ ...group, children: [...group.children, child] })

  return (
    <div
      data-testid="filter-group"
      data-join={group.join}
      style={{
        borderLeft: `3px solid ${group.join === 'and' ? token.colorPrimary : token.colorWarning}`,
        padding: '4px 0 4px 12px',
      }}
    >
      <Flex vertical gap={8}>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('resources.filters.match')}</Typography.Text>
          <Segmented<'and' | 'or'>
            size="small"
            data-testid="filter-join"
            value={group.join}
            onChange={(join) => onChange({ ...group, join })}
            options={[
              { value: 'and', label: t('resources.filters.and') },
              { value: 'or', label: t('resources.filters.or') },
            ]}
          />
          {onRemove && (
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              data-testid="filter-remove-group"
              onClick={onRemove}
            >
              {t('resources.filters.removeGroup')}
            </Button>
          )}
        </Flex>
        {group.children.map((child) =>
          child.kind === 'condition' ? (
            <FilterConditionEditor
              key={child.id}
              condition={child}
              fields={fields}
              onChange={replaceChild}
              onRemove={() => removeChild(child.id)}
            />
          ) : (
            <FilterGroupEditor
              key={child.id}
              group={child}
              fields={fields}
              depth={depth + 1}
              onChange={replaceChild}
              onRemove={() => removeChild(child.id)}
            />
          )
        )}
        <Space>
          <Button
            size="small"
            icon={<PlusOutlined />}
            data-testid="filter-add-condition"
            onClick={() => addChild(newCondition(fields[0]))}
          >
            {t('resources.filters.addCondition')}
          </Button>
          {depth < MAX_GROUP_DEPTH && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              data-testid="filter-add-group"
              onClick={() =>
                addChild(newGroup(group.join === 'and' ? 'or' : 'and', [newCondition(fields[0])]))
              }
            >
              {t('resources.filters.addGroup')}
            </Button>
          )}
        </Space>
      </Flex>
    </div>
  )
}
