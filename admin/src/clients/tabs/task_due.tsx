import { Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useUserLocale } from '../../resources/fields/use_user_locale'
import { formatInstant } from '../../resources/fields/user_time'

/** A task is overdue when its due time has passed and nobody ticked it. */
export function isOverdue(task: { due_at: string | null; done: boolean }, now = Date.now()) {
  return !task.done && Boolean(task.due_at) && new Date(task.due_at!).getTime() < now
}

/** The due time in the user's zone; in red, with a tag, once overdue (C10). */
export function TaskDue({ task }: { task: { due_at: string | null; done: boolean } }) {
  const { t } = useTranslation()
  const { locale, zone } = useUserLocale()
  if (!task.due_at) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
  const text = formatInstant(task.due_at, zone, locale)
  if (!isOverdue(task)) return <span>{text}</span>
  return (
    <Space size={4} data-testid="task-overdue">
      <Typography.Text type="danger">{text}</Typography.Text>
      <Tag color="red">{t('clients.tasks.overdue')}</Tag>
    </Space>
  )
}
