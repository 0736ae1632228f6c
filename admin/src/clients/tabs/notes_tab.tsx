import { DeleteOutlined } from '@ant-design/icons'
import { useCreate, useDelete, useList } from '@refinedev/core'
import { Button, Form, Input, List, Popconfirm, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { RelationValue } from '../../resources/fields/relation_value'
import { useUserLocale } from '../../resources/fields/use_user_locale'
import { formatInstant } from '../../resources/fields/user_time'
import type { ClientRecord } from '../client_record'
import { useResourceActions } from '../use_resource_actions'

interface Note {
  id: number
  body: string
  author_id: number | null
  created_at: string
}

const USERS = { resource: 'users', labelField: 'full_name' }

/** The client's notes, newest first, and a box to write one (C10). The author is the writer. */
export function NotesTab({ client }: { client: ClientRecord }) {
  const { t } = useTranslation()
  const { locale, zone } = useUserLocale()
  const { can } = useResourceActions('client_notes')
  const [form] = Form.useForm<{ body: string }>()
  const { mutate: create, mutation } = useCreate()
  const { mutate: remove } = useDelete()
  const { query, result } = useList<Note>({
    resource: 'client_notes',
    filters: [{ field: 'client_id', operator: 'eq', value: client.id }],
    sorters: [{ field: 'id', order: 'desc' }],
    pagination: { pageSize: 50 },
    errorNotification: false,
  })

  const add = ({ body }: { body: string }) =>
    create(
      {
        resource: 'client_notes',
        values: { client_id: client.id, body },
        successNotification: () => ({ type: 'success', message: t('clients.notes.added') }),
        errorNotification: (error) => ({ type: 'error', message: error?.message ?? '' }),
      },
      { onSuccess: () => form.resetFields() }
    )

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large" data-testid="client-notes">
      {can('create') && (
        <Form form={form} onFinish={add} layout="vertical">
          <Form.Item
            name="body"
            label={t('clients.notes.new')}
            rules={[{ required: true, whitespace: true, message: t('resources.form.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="note-body" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={mutation.isPending}
            data-testid="note-add"
          >
            {t('clients.notes.add')}
          </Button>
        </Form>
      )}
      <List<Note>
        loading={query.isLoading}
        dataSource={result.data}
        locale={{ emptyText: t('clients.notes.none') }}
        renderItem={(note) => (
          <List.Item
            data-testid="note"
            actions={
              can('delete')
                ? [
                    <Popconfirm
                      key="delete"
                      title={t('clients.notes.deleteConfirm')}
                      okText={t('buttons.delete')}
                      cancelText={t('buttons.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove({ resource: 'client_notes', id: note.id })}
                    >
                      <Button type="text" danger size="small" icon={<DeleteOutlined />} />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space size="small">
                  {note.author_id ? <RelationValue relation={USERS} id={note.author_id} /> : null}
                  <Typography.Text type="secondary">
                    {formatInstant(note.created_at, zone, locale)}
                  </Typography.Text>
                </Space>
              }
              description={
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {note.body}
                </Typography.Paragraph>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  )
}
