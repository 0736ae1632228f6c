import { placeServerErrors } from '@tablero/admin'
import { Alert, Button, Card, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { useFormats } from './format'
import { upgApi, type FraudQuery, type FraudResult, type UpgTransaction } from './upg_api'
import { labelOf, useMessages } from './use_messages'

type Row = UpgTransaction & { clientName: string | null }

const clientPath = (id: number) => `/r/clients/${id}?tab=plugin:upg`

/**
 * U4: the supervisors' anti-fraud search. Every client's payments that used a card (first 6
 * and last 4 digits) or came from an IP (exact, or the same /24), with links to the clients.
 */
export default function FraudPage() {
  const t = useMessages()
  const formats = useFormats()
  const [form] = Form.useForm<FraudQuery>()
  const [result, setResult] = useState<FraudResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const search = async (values: FraudQuery) => {
    setError(null)
    if (!values.card?.trim() && !values.ip?.trim()) {
      setError(t('fraud.need'))
      return
    }
    setBusy(true)
    try {
      const query: FraudQuery = {}
      if (values.card?.trim()) query.card = values.card.trim()
      if (values.ip?.trim()) {
        query.ip = values.ip.trim()
        query.ipScope = values.ipScope ?? 'exact'
      }
      const answer = await upgApi.search(query)
      setResult(answer.data)
    } catch (caught) {
      setResult(null)
      // a 422 on `card` or `ip` lands under its input; anything else above the results
      const banner = placeServerErrors(form, caught)
      if (banner) setError(banner)
    } finally {
      setBusy(false)
    }
  }

  const clientLink = (id: number | null, name: string | null) =>
    id === null ? '—' : <Link to={clientPath(id)}>{name ?? `#${id}`}</Link>

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="upg-fraud">
      <div>
        <Typography.Title level={3}>{t('fraud.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('fraud.help')}</Typography.Text>
      </div>
      <Form
        form={form}
        layout="inline"
        initialValues={{ ipScope: 'exact' }}
        onFinish={(values) => void search(values)}
      >
        <Form.Item name="card" label={t('fraud.card')}>
          <Input
            data-testid="upg-fraud-card"
            placeholder="411111******1111"
            autoComplete="off"
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="ip" label={t('fraud.ip')}>
          <Input data-testid="upg-fraud-ip" placeholder="203.0.113.7" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="ipScope">
          <Radio.Group>
            <Radio.Button value="exact">{t('fraud.exact')}</Radio.Button>
            <Radio.Button value="network">{t('fraud.network')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="upg-fraud-search">
            {t('fraud.search')}
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
      {result && (
        <>
          <Card
            size="small"
            title={t('fraud.clients', { count: result.clients.length })}
            data-testid="upg-fraud-clients"
            data-count={result.clients.length}
          >
            <Table
              rowKey="clientId"
              size="small"
              pagination={false}
              dataSource={result.clients}
              columns={[
                {
                  key: 'client',
                  title: t('col.client'),
                  render: (_: unknown, row) => clientLink(row.clientId, row.name),
                },
                { key: 'count', title: t('col.count'), dataIndex: 'transactions' },
                {
                  key: 'last',
                  title: t('col.last'),
                  render: (_: unknown, row) => formats.date(row.lastAt),
                },
              ]}
            />
          </Card>
          <Card
            size="small"
            title={t('fraud.transactions', { count: result.total })}
            extra={
              result.total > result.transactions.length ? (
                <Typography.Text type="secondary">{t('fraud.shown')}</Typography.Text>
              ) : null
            }
          >
            <Table<Row>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={result.transactions}
              columns={[
                {
                  key: 'client',
                  title: t('col.client'),
                  render: (_: unknown, row) => clientLink(row.clientId, row.clientName),
                },
                { key: 'user', title: t('col.user'), dataIndex: 'userId' },
                {
                  key: 'service',
                  title: t('col.service'),
                  render: (_: unknown, row) => labelOf(t, 'service', row.service),
                },
                { key: 'order', title: t('col.order'), dataIndex: 'orderNumber' },
                {
                  key: 'amount',
                  title: t('col.amount'),
                  align: 'right' as const,
                  render: (_: unknown, row) => formats.amount(row.amount, row.currency),
                },
                { key: 'card', title: t('col.card'), dataIndex: 'cardMask' },
                { key: 'ip', title: t('col.ip'), dataIndex: 'paymentIp' },
                {
                  key: 'status',
                  title: t('col.status'),
                  render: (_: unknown, row) => <Tag>{labelOf(t, 'status', row.status)}</Tag>,
                },
                {
                  key: 'date',
                  title: t('col.date'),
                  render: (_: unknown, row) => formats.date(row.date),
                },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  )
}
