import { Alert, Button, Flex, Modal, Progress, Spin, Table, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api } from '../api/http_client'
import { errorMessage } from '../feedback/error_message'
import { useLocalize } from '../i18n/localized_text'
import { formatCount } from '../i18n/wording'
import { useUserLocale } from '../resources/fields/use_user_locale'
import { resourcePaths } from '../resources/resource_paths'

interface KeptClient {
  id: number
  name: string
  document: string | null
}

interface DeletionPlan {
  baseName: string
  clients: number
  deleted: number
  kept: number
  keptBy: Array<{ es: string; en: string; count: number }>
  keptClients: KeptClient[]
}

interface Deletion {
  id: number
  status: 'running' | 'done' | 'failed'
  total: number
  deleted: number
  kept: number
  message: string | null
  keptClients: KeptClient[]
}

const POLL_MS = 500

function KeptClients({ clients, kept }: { clients: KeptClient[]; kept: number }) {
  const { t } = useTranslation()
  if (kept === 0) return null
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('bases.delete.keptList', { count: kept })}</Typography.Text>
      <Table<KeptClient>
        size="small"
        rowKey="id"
        data-testid="base-kept-clients"
        dataSource={clients}
        pagination={false}
        scroll={{ y: 240 }}
        columns={[
          {
            key: 'name',
            title: t('bases.delete.client'),
            render: (_, row) => (
              <Link to={resourcePaths('clients').show(row.id)}>{row.name || `#${row.id}`}</Link>
            ),
          },
          { key: 'document', title: t('bases.delete.document'), dataIndex: 'document' },
        ]}
      />
    </Flex>
  )
}

/**
 * Deleting a base: first what will happen (how many clients go, how many stay because they
 * have gestiones, notes or callbacks, and which), then, once confirmed, the server's progress
 * 1,000 clients at a time, and what it kept.
 */
export function BaseDeletionModal({
  baseId,
  onClose,
}: {
  baseId: number
  onClose: (changed: boolean) => void
}) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { locale } = useUserLocale()
  const [plan, setPlan] = useState<DeletionPlan | null>(null)
  const [deletion, setDeletion] = useState<Deletion | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [starting, setStarting] = useState(false)

  useEffect(() => {
    api
      .get<{ data: DeletionPlan }>(`/api/bases/${baseId}/deletion`)
      .then((answer) => setPlan(answer.data), setError)
  }, [baseId])

  useEffect(() => {
    if (deletion?.status !== 'running') return
    const timer = setTimeout(() => {
      api
        .get<{ data: Deletion }>(`/api/bases/deletions/${deletion.id}`)
        .then((answer) => setDeletion(answer.data), setError)
    }, POLL_MS)
    return () => clearTimeout(timer)
  }, [deletion])

  const start = async () => {
    setStarting(true)
    setError(null)
    try {
      const answer = await api.post<{ data: Deletion }>(`/api/bases/${baseId}/delete`)
      setDeletion({ ...answer.data, keptClients: [] })
    } catch (failure) {
      setError(failure)
    } finally {
      setStarting(false)
    }
  }

  const count = (value: number) => formatCount(value, locale)
  const reasons = (plan?.keptBy ?? [])
    .map((entry) => `${count(entry.count)} ${localize(entry)}`)
    .join(', ')
  const close = () => onClose(deletion !== null)
  const footer = !deletion
    ? [
        <Button key="cancel" onClick={close}>
          {t('buttons.cancel')}
        </Button>,
        <Button
          key="delete"
          danger
          type="primary"
          disabled={!plan}
          loading={starting}
          onClick={() => void start()}
          data-testid="base-delete-confirm"
        >
          {t('bases.delete.confirm')}
        </Button>,
      ]
    : [
        <Button key="close" onClick={close} data-testid="base-delete-close">
          {t('bases.delete.close')}
        </Button>,
      ]

  return (
    <Modal
      open
      width={640}
      title={t('bases.delete.title', { name: plan?.baseName ?? '' })}
      onCancel={close}
      maskClosable={false}
      footer={footer}
    >
      <Flex
        vertical
        gap={16}
        data-testid="base-delete-body"
        data-status={deletion?.status ?? 'plan'}
      >
        {!plan && !error && <Spin />}
        {plan && !deletion && (
          <>
            <Alert
              type="warning"
              showIcon
              data-testid="base-delete-plan"
              message={t('bases.delete.willDelete', {
                count: plan.deleted,
                total: count(plan.deleted),
              })}
              description={
                plan.kept > 0
                  ? t('bases.delete.willKeep', {
                      count: plan.kept,
                      total: count(plan.kept),
                      reasons,
                    })
                  : t('bases.delete.baseGoes')
              }
            />
            <KeptClients clients={plan.keptClients} kept={plan.kept} />
          </>
        )}
        {deletion && (
          <>
            <Progress
              data-testid="base-delete-progress"
              percent={
                deletion.total === 0 ? 100 : Math.round((deletion.deleted / deletion.total) * 100)
              }
              status={
                deletion.status === 'failed'
                  ? 'exception'
                  : deletion.status === 'done'
                    ? 'success'
                    : 'active'
              }
            />
            <Typography.Text>
              {t('bases.delete.progress', {
                deleted: count(deletion.deleted),
                total: count(deletion.total),
              })}
            </Typography.Text>
            {deletion.status === 'done' && (
              <Alert
                type="success"
                showIcon
                data-testid="base-delete-done"
                message={t('bases.delete.done', {
                  count: deletion.deleted,
                  total: count(deletion.deleted),
                })}
                description={
                  deletion.kept > 0
                    ? t('bases.delete.doneKept', {
                        count: deletion.kept,
                        total: count(deletion.kept),
                      })
                    : undefined
                }
              />
            )}
            {deletion.status === 'done' && (
              <KeptClients clients={deletion.keptClients} kept={deletion.kept} />
            )}
            {deletion.status === 'failed' && (
              <Alert type="error" showIcon message={deletion.message ?? t('bases.delete.failed')} />
            )}
          </>
        )}
        {Boolean(error) && (
          <Alert
            type="error"
            showIcon
            data-testid="base-delete-error"
            message={errorMessage(error)}
          />
        )}
      </Flex>
    </Modal>
  )
}
