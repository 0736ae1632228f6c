import { errorMessage, isApiError } from '@tablero/admin'
import { Alert, Button, Descriptions, Empty, Select, Space, Spin, Table, Tabs, Tag } from 'antd'
import { useEffect, useState } from 'react'
import { SERVICES } from './messages'
import { useFormats } from './format'
import { upgApi, type TransactionPage, type UpgTransaction, type UpgUser } from './upg_api'
import { labelOf, useMessages, type Translate } from './use_messages'

interface ClientSlotProps {
  client: { id: number; first_name: string; last_name: string | null }
}

const STATUS_COLORS: Record<string, string> = {
  approved: 'green',
  pending: 'gold',
  declined: 'red',
  refunded: 'blue',
  chargeback: 'volcano',
}

/** What went wrong reading the gateway: "UPG no disponible" for the breaker and time-outs. */
function Failure({ error, t }: { error: unknown; t: Translate }) {
  const down = isApiError(error) && error.code === 'UPG_UNAVAILABLE'
  return (
    <Alert
      type={down ? 'warning' : 'error'}
      showIcon
      data-testid="upg-error"
      data-code={isApiError(error) ? error.code : 'ERROR'}
      message={down ? t('unavailable') : errorMessage(error)}
      description={down ? errorMessage(error) : undefined}
    />
  )
}

function TrxDetails({ trx, t }: { trx: UpgTransaction | null; t: Translate }) {
  const formats = useFormats()
  if (!trx) return <Empty description={t('trx.pick')} />
  return (
    <Descriptions bordered size="small" column={1} data-testid="upg-trx-details">
      <Descriptions.Item label={t('col.order')}>{trx.orderNumber}</Descriptions.Item>
      <Descriptions.Item label={t('col.service')}>
        {labelOf(t, 'service', trx.service)}
      </Descriptions.Item>
      <Descriptions.Item label={t('col.user')}>{trx.userId}</Descriptions.Item>
      <Descriptions.Item label={t('col.amount')}>
        {formats.amount(trx.amount, trx.currency)}
      </Descriptions.Item>
      <Descriptions.Item label={t('col.method')}>
        {labelOf(t, 'method', trx.paymentMethod)}
      </Descriptions.Item>
      <Descriptions.Item label={t('trx.card')}>
        <span data-testid="upg-card-mask">{trx.cardMask ?? '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('trx.brand')}>{trx.cardBrand ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('trx.gateway')}>
        <span data-testid="upg-gateway">{trx.gateway ?? '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('col.ip')}>{trx.paymentIp ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('col.status')}>
        <Tag color={STATUS_COLORS[trx.status]}>{labelOf(t, 'status', trx.status)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('col.date')}>{formats.date(trx.date)}</Descriptions.Item>
    </Descriptions>
  )
}

function ClientDetails({ clientId, t }: { clientId: number; t: Translate }) {
  const formats = useFormats()
  const [users, setUsers] = useState<UpgUser[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    let live = true
    upgApi.details(clientId).then(
      (answer) => live && setUsers(answer.data),
      (caught: unknown) => live && setError(caught)
    )
    return () => {
      live = false
    }
  }, [clientId])
  if (error) return <Failure error={error} t={t} />
  if (!users) return <Spin />
  if (users.length === 0) return <Empty description={t('client.none')} />
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="upg-client-details">
      {users.map((user) => (
        <Descriptions key={user.userId} bordered size="small" column={1} title={user.userId}>
          <Descriptions.Item label={t('client.name')}>{user.fullName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('client.email')}>{user.email ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('client.phone')}>{user.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('client.country')}>{user.country ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('client.kyc')}>{user.kycStatus ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('client.level')}>{user.level ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('client.registered')}>
            {formats.date(user.registeredAt)}
          </Descriptions.Item>
        </Descriptions>
      ))}
    </Space>
  )
}

/**
 * U1–U3: the client's payments in the other services, read through the connector. It loads
 * on its own after the client page, so a slow or broken gateway never holds the page: the tab
 * says "UPG no disponible" (the breaker answers at once once it is open).
 */
export default function UpgTab({ client }: ClientSlotProps) {
  const t = useMessages()
  const formats = useFormats()
  const [tab, setTab] = useState('transactions')
  const [userId, setUserId] = useState<string | undefined>()
  const [service, setService] = useState<string | undefined>()
  const [page, setPage] = useState(1)
  const [answer, setAnswer] = useState<TransactionPage | null>(null)
  const [error, setError] = useState<unknown>(null)
  // the request whose answer (or error) is on screen: loading while it is not the current one
  const [settled, setSettled] = useState<string | null>(null)
  const current = JSON.stringify([client.id, userId, service, page])
  const loading = settled !== current
  const [picked, setPicked] = useState<UpgTransaction | null>(null)

  useEffect(() => {
    let live = true
    upgApi
      .transactions(client.id, {
        ...(userId ? { user_id: userId } : {}),
        ...(service ? { service } : {}),
        page,
        per_page: 20,
      })
      .then(
        (result) => {
          if (!live) return
          setAnswer(result)
          setError(null)
        },
        (caught: unknown) => live && setError(caught)
      )
      .finally(() => live && setSettled(current))
    return () => {
      live = false
    }
  }, [client.id, userId, service, page, current])

  const open = async (row: UpgTransaction) => {
    setPicked(row)
    setTab('trx')
    try {
      const details = await upgApi.transaction(client.id, row.id)
      setPicked(details.data)
    } catch (caught) {
      setError(caught)
    }
  }

  const columns = [
    {
      key: 'service',
      title: t('col.service'),
      render: (_: unknown, row: UpgTransaction) => labelOf(t, 'service', row.service),
    },
    { key: 'order', title: t('col.order'), dataIndex: 'orderNumber' },
    {
      key: 'amount',
      title: t('col.amount'),
      align: 'right' as const,
      render: (_: unknown, row: UpgTransaction) => formats.amount(row.amount, row.currency),
    },
    {
      key: 'method',
      title: t('col.method'),
      render: (_: unknown, row: UpgTransaction) => labelOf(t, 'method', row.paymentMethod),
    },
    { key: 'ip', title: t('col.ip'), dataIndex: 'paymentIp' },
    {
      key: 'status',
      title: t('col.status'),
      render: (_: unknown, row: UpgTransaction) => (
        <Tag color={STATUS_COLORS[row.status]}>{labelOf(t, 'status', row.status)}</Tag>
      ),
    },
    {
      key: 'date',
      title: t('col.date'),
      render: (_: unknown, row: UpgTransaction) => formats.date(row.date),
    },
    {
      key: 'open',
      title: '',
      render: (_: unknown, row: UpgTransaction) => (
        <Button size="small" data-testid="upg-open-trx" onClick={() => void open(row)}>
          {t('trx.open')}
        </Button>
      ),
    },
  ]

  const transactions = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          data-testid="upg-filter-user"
          style={{ minWidth: 180 }}
          placeholder={t('filter.userAll')}
          value={userId}
          onChange={(value) => {
            setUserId(value)
            setPage(1)
          }}
          options={(answer?.meta.userIds ?? []).map((id) => ({ value: id, label: id }))}
          aria-label={t('filter.user')}
        />
        <Select
          allowClear
          data-testid="upg-filter-service"
          style={{ minWidth: 180 }}
          placeholder={t('filter.serviceAll')}
          value={service}
          onChange={(value) => {
            setService(value)
            setPage(1)
          }}
          options={SERVICES.map((code) => ({ value: code, label: labelOf(t, 'service', code) }))}
          aria-label={t('filter.service')}
        />
      </Space>
      {error ? <Failure error={error} t={t} /> : null}
      <Table<UpgTransaction>
        data-testid="upg-transactions"
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={error ? [] : (answer?.data ?? [])}
        onRow={(row) => ({ 'data-order': row.orderNumber }) as Record<string, string>}
        pagination={{
          current: page,
          pageSize: 20,
          total: answer?.meta.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
      />
    </Space>
  )

  return (
    <div data-testid="upg-tab">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'transactions', label: t('tab.transactions'), children: transactions },
          {
            key: 'trx',
            label: <span data-testid="upg-tab-trx">{t('tab.trx')}</span>,
            children: <TrxDetails trx={picked} t={t} />,
          },
          {
            key: 'client',
            label: <span data-testid="upg-tab-client">{t('tab.client')}</span>,
            children: <ClientDetails clientId={client.id} t={t} />,
          },
        ]}
      />
    </div>
  )
}
