import {
  FieldValue,
  errorMessage,
  placeServerErrors,
  useHasPermission,
  useResourceDescription,
  useLocalize,
  useResourceList,
} from '@tablero/admin'
import {
  Alert,
  Button,
  Descriptions,
  Form,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
  message,
  type ButtonProps,
} from 'antd'
import { useEffect, useState } from 'react'
import { ToggleFields, type ToggleValues } from './toggle_fields'
import {
  tubolsilloApi,
  type Toggle,
  type Wallet,
  type WalletAction,
  type WalletStatus,
} from './tubolsillo_api'
import { useMessages, type Translate } from './use_messages'

const STATUS_COLORS: Record<WalletStatus, string> = {
  active: 'green',
  inactive: 'default',
  pending: 'gold',
  failed: 'red',
  unknown: 'default',
}

interface ClientSlotProps {
  client: { id: number; first_name: string; last_name: string | null }
}

type HistoryRow = Record<string, unknown> & { id: number; status: string }

function resultText(t: Translate, toggle: Toggle) {
  if (toggle.status === 'confirmed') return t('result.confirmed')
  if (toggle.status === 'failed') return t('result.failed', { error: toggle.error ?? '' })
  return t('result.pending')
}

/** W2: the client's wallet status, its history of toggles and the toggle action (W1, W3). */
export default function WalletTab({ client }: ClientSlotProps) {
  const t = useMessages()
  const localize = useLocalize()
  const canToggle = useHasPermission('tubolsillo.toggle')
  const description = useResourceDescription('tubolsillo_toggles')
  const [wallet, setWallet] = useState<Wallet | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [asking, setAsking] = useState<WalletAction | null>(null)
  const [busy, setBusy] = useState(false)
  const [form] = Form.useForm<ToggleValues>()
  const [messageApi, messages] = message.useMessage()
  const history = useResourceList<HistoryRow>('tubolsillo_toggles', {
    filters: [{ field: 'client_id', operator: 'eq', value: client.id }],
    sorters: [{ field: 'id', order: 'desc' }],
    pagination: { pageSize: 20 },
  })

  useEffect(() => {
    let live = true
    tubolsilloApi.wallet(client.id).then(
      (answer) => {
        if (!live) return
        setWallet(answer.data)
        setError(null)
      },
      (caught: unknown) => {
        if (live) setError(errorMessage(caught))
      }
    )
    return () => {
      live = false
    }
  }, [client.id])

  const settle = (answer: { data: Toggle; wallet: Wallet }) => {
    setWallet(answer.wallet)
    void history.reload()
    const text = resultText(t, answer.data)
    if (answer.data.status === 'confirmed') messageApi.success(text)
    else if (answer.data.status === 'failed') messageApi.error(text)
    else messageApi.warning(text)
  }

  const submit = async () => {
    const values = await form.validateFields()
    setBusy(true)
    try {
      settle(await tubolsilloApi.toggle(client.id, { ...values, action: asking! }))
      setAsking(null)
      form.resetFields()
    } catch (caught) {
      const banner = placeServerErrors(form, caught)
      if (banner) messageApi.error(banner)
    } finally {
      setBusy(false)
    }
  }

  const act = async (call: () => Promise<{ data: Toggle; wallet: Wallet }>) => {
    setBusy(true)
    try {
      settle(await call())
    } catch (caught) {
      messageApi.error(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  const latest = wallet?.latest
  const name = [client.first_name, client.last_name].filter(Boolean).join(' ')
  const fields = description?.fields ?? []
  const column = (key: string) => {
    const field = fields.find((candidate) => candidate.name === key)
    return field
      ? {
          key,
          title: localize(field.label),
          render: (_: unknown, row: HistoryRow) => (
            <FieldValue field={field} value={row[key]} compact />
          ),
        }
      : null
  }
  const columns = ['created_at', 'action', 'reason_id', 'note', 'requested_by', 'status', 'error']
    .map(column)
    .filter((entry) => entry !== null)

  return (
    <div data-testid="tubolsillo-tab">
      {messages}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('status.label')}>
          {wallet && (
            <Space direction="vertical" size={2}>
              <Tag
                color={STATUS_COLORS[wallet.status]}
                data-testid="tubolsillo-status"
                data-status={wallet.status}
              >
                {t(`status.${wallet.status}`)}
              </Tag>
              {wallet.confirmed && (wallet.status === 'pending' || wallet.status === 'failed') && (
                <Typography.Text type="secondary">
                  {t('status.confirmed', { state: t(`status.${wallet.confirmed}`) })}
                </Typography.Text>
              )}
              {latest && latest.status !== 'confirmed' && latest.error && (
                <Typography.Text type="secondary">{latest.error}</Typography.Text>
              )}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
      {canToggle && wallet && (
        <Space wrap style={{ marginBottom: 16 }}>
          {latest?.status === 'pending' ? (
            <Button
              loading={busy}
              data-testid="tubolsillo-check"
              onClick={() => act(() => tubolsilloApi.check(latest.id))}
            >
              {t('action.check')}
            </Button>
          ) : (
            <>
              {wallet.confirmed !== 'inactive' && (
                <Button
                  danger
                  data-testid="tubolsillo-deactivate"
                  onClick={() => setAsking('deactivate')}
                >
                  {t('action.deactivate')}
                </Button>
              )}
              {wallet.confirmed !== 'active' && (
                <Button
                  type="primary"
                  data-testid="tubolsillo-activate"
                  onClick={() => setAsking('activate')}
                >
                  {t('action.activate')}
                </Button>
              )}
            </>
          )}
          {latest?.status === 'failed' && (
            <Button
              loading={busy}
              data-testid="tubolsillo-retry"
              onClick={() => act(() => tubolsilloApi.retry(latest.id))}
            >
              {t('action.retry')}
            </Button>
          )}
        </Space>
      )}
      <Typography.Title level={5}>{t('history.title')}</Typography.Title>
      <Table<HistoryRow>
        size="small"
        rowKey="id"
        data-testid="tubolsillo-history"
        dataSource={history.records}
        loading={history.query.isFetching}
        columns={columns}
        locale={{ emptyText: t('history.empty') }}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Modal
        open={asking !== null}
        title={asking ? t('confirm.title', { action: t(`action.${asking}`), name }) : ''}
        okText={t('confirm.ok')}
        cancelText={t('confirm.cancel')}
        okButtonProps={
          { 'danger': asking === 'deactivate', 'data-testid': 'tubolsillo-confirm' } as ButtonProps
        }
        confirmLoading={busy}
        onOk={submit}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        {asking && (
          <Form form={form} layout="vertical" preserve={false}>
            <ToggleFields t={t} action={asking} fixedAction />
          </Form>
        )}
      </Modal>
    </div>
  )
}
