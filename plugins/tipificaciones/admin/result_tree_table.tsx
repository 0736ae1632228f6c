import {
  CalendarOutlined,
  DeleteOutlined,
  EditOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  PlusOutlined,
} from '@ant-design/icons'
import { Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useMemo, useState } from 'react'
import { MAX_LEVEL, type ResultAction, type ResultNode } from './definitions'
import { flatten } from './use_results'
import { useMessages } from './use_messages'

const ACTION_COLORS: Record<ResultAction, string> = {
  recall: 'blue',
  recall_alternate: 'geekblue',
  no_action: 'default',
  do_not_call: 'red',
}

/** antd draws an expander for any `children` array; leaves get none. */
type Row = Omit<ResultNode, 'children'> & { children?: Row[] }
function toRows(nodes: ResultNode[]): Row[] {
  return nodes.map(({ children, ...node }) => ({
    ...node,
    children: children.length > 0 ? toRows(children) : undefined,
  }))
}

export function BehaviourTag({ node }: { node: Pick<ResultNode, 'action' | 'allowsScheduling'> }) {
  const t = useMessages()
  if (node.allowsScheduling) {
    return (
      <Tag color="green" icon={<CalendarOutlined />}>
        {t('results.schedules')}
      </Tag>
    )
  }
  return node.action ? (
    <Tag color={ACTION_COLORS[node.action]}>{t(`action.${node.action}`)}</Tag>
  ) : null
}

interface ResultTreeTableProps {
  tree: ResultNode[]
  loading: boolean
  onAddChild: (parent: ResultNode) => void
  onEdit: (node: ResultNode) => void
  onToggleActive: (node: ResultNode) => Promise<unknown>
  onDelete: (node: ResultNode) => Promise<unknown>
}

/**
 * The campaign's results as an indented tree (T1), every branch open unless the supervisor
 * folds it; each row says its behaviour (T2), flags (T3), measure (T4) and offers its actions.
 */
export function ResultTreeTable(props: ResultTreeTableProps) {
  const t = useMessages()
  const [folded, setFolded] = useState<Set<number>>(new Set())
  const nodes = useMemo(() => flatten(props.tree), [props.tree])
  const byId = useMemo(() => new Map(nodes.map((node) => [node.id, node])), [nodes])
  const expanded = nodes
    .filter((node) => node.children.length > 0 && !folded.has(node.id))
    .map((node) => node.id)

  const columns: ColumnsType<Row> = [
    {
      title: t('results.name'),
      key: 'name',
      render: (_, row) => (
        <Space size={6} data-testid={`result-${row.id}`}>
          <Tag bordered={false}>{`N${row.level}`}</Tag>
          <Typography.Text delete={!row.active} type={row.active ? undefined : 'secondary'}>
            {row.name}
          </Typography.Text>
          {!row.active && <Tag>{t('results.inactive')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('results.behaviour'),
      key: 'behaviour',
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          <BehaviourTag node={row} />
          {row.deleteScheduled && <Tag color="orange">{t('results.deleteScheduled')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('results.measure'),
      key: 'measure',
      width: 100,
      render: (_, row) => row.gamificationMeasure ?? '—',
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 1,
      render: (_, row) => {
        const node = byId.get(row.id)!
        return (
          <Space size={4}>
            {row.level < MAX_LEVEL && (
              <Tooltip title={t('results.addChild')}>
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  aria-label={t('results.addChild')}
                  data-testid={`result-add-child-${row.id}`}
                  onClick={() => props.onAddChild(node)}
                />
              </Tooltip>
            )}
            <Tooltip title={t('common.edit')}>
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={t('common.edit')}
                data-testid={`result-edit-${row.id}`}
                onClick={() => props.onEdit(node)}
              />
            </Tooltip>
            <Tooltip title={row.active ? t('results.deactivate') : t('results.activate')}>
              <Button
                size="small"
                icon={row.active ? <PauseCircleOutlined /> : <PlayCircleOutlined />}
                aria-label={row.active ? t('results.deactivate') : t('results.activate')}
                data-testid={`result-toggle-${row.id}`}
                onClick={() => props.onToggleActive(node).catch(() => {})}
              />
            </Tooltip>
            <Popconfirm
              title={t('results.deleteTitle', { name: row.name })}
              description={
                <Typography.Paragraph style={{ maxWidth: 320, marginBottom: 0 }}>
                  {t('results.deleteText')}
                </Typography.Paragraph>
              }
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => props.onDelete(node).catch(() => {})}
            >
              {/* Below the button: the confirmation opens above it. */}
              <Tooltip title={t('common.delete')} placement="bottom">
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  data-testid={`result-delete-${row.id}`}
                />
              </Tooltip>
            </Popconfirm>
          </Space>
        )
      },
    },
  ]

  return (
    <Table<Row>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={toRows(props.tree)}
      loading={props.loading}
      pagination={false}
      expandable={{
        expandedRowKeys: expanded,
        onExpand: (open, row) =>
          setFolded((current) => {
            const next = new Set(current)
            if (open) next.delete(row.id)
            else next.add(row.id)
            return next
          }),
      }}
      locale={{ emptyText: t('results.empty') }}
      data-testid="result-tree"
    />
  )
}
