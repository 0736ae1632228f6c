import { PlusOutlined } from '@ant-design/icons'
import { useList, useUpdate } from '@refinedev/core'
import { Button, Card, Checkbox, Table, Typography, type TableColumnType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RelationValue } from '../../resources/fields/relation_value'
import { RecordForm } from '../../resources/form/record_form'
import type { ClientRecord } from '../client_record'
import { useResourceActions } from '../use_resource_actions'
import { isOverdue, TaskDue } from './task_due'

interface Task {
  id: number
  title: string
  due_at: string | null
  done: boolean
  assigned_user_id: number | null
}

const USERS = { resource: 'users', labelField: 'full_name' }

/** The client's tasks, open ones first by due time; overdue in red, done with a tick (C10). */
export function TasksTab({ client }: { client: ClientRecord }) {
  const { t } = useTranslation()
  const { resource, can } = useResourceActions('client_tasks')
  const [adding, setAdding] = useState(false)
  const { mutate: update } = useUpdate()
  const { query, result } = useList<Task>({
    resource: 'client_tasks',
    filters: [{ field: 'client_id', operator: 'eq', value: client.id }],
    sorters: [
      { field: 'done', order: 'asc' },
      { field: 'due_at', order: 'asc' },
    ],
    pagination: { pageSize: 100 },
    errorNotification: false,
  })
  if (!resource) return null

  const toggle = (task: Task, done: boolean) =>
    update({
      resource: 'client_tasks',
      id: task.id,
      values: { done },
      // The tick shows at once; a refusal puts it back.
      mutationMode: 'optimistic',
      successNotification: false,
      errorNotification: (error) => ({ type: 'error', message: error?.message ?? '' }),
    })

  const columns: TableColumnType<Task>[] = [
    {
      key: 'done',
      title: t('clients.tasks.done'),
      width: 72,
      render: (_, task) => (
        <Checkbox
          checked={task.done}
          disabled={!can('update')}
          aria-label={t('clients.tasks.done')}
          data-testid="task-done"
          onChange={(event) => toggle(task, event.target.checked)}
        />
      ),
    },
    {
      key: 'title',
      title: t('clients.tasks.title'),
      render: (_, task) => (
        <Typography.Text delete={task.done} type={isOverdue(task) ? 'danger' : undefined}>
          {task.title}
        </Typography.Text>
      ),
    },
    { key: 'due', title: t('clients.tasks.due'), render: (_, task) => <TaskDue task={task} /> },
    {
      key: 'assignee',
      title: t('clients.tasks.assignee'),
      render: (_, task) =>
        task.assigned_user_id ? (
          <RelationValue relation={USERS} id={task.assigned_user_id} />
        ) : null,
    },
  ]

  return (
    <div data-testid="client-tasks">
      {can('create') && (
        <Card size="small" style={{ marginBottom: 16 }}>
          {adding ? (
            <RecordForm
              resource={resource}
              action="create"
              fields={['title', 'due_at', 'assigned_user_id']}
              fixed={{ client_id: client.id }}
              submitLabel={t('clients.tasks.add')}
              onSaved={() => setAdding(false)}
              onCancel={() => setAdding(false)}
            />
          ) : (
            <Button icon={<PlusOutlined />} data-testid="task-new" onClick={() => setAdding(true)}>
              {t('clients.tasks.new')}
            </Button>
          )}
        </Card>
      )}
      <Table<Task>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={result.data}
        columns={columns}
        pagination={false}
        onRow={(task) => ({ 'data-testid': `task-${task.id}` }) as never}
      />
    </div>
  )
}
