import { FieldValue, useLocalize, useResourceDescription, useResourceList } from '@tablero/admin'
import { Table, Typography } from 'antd'
import { daysOverdue } from './days_overdue'
import { useMessages } from './use_messages'

interface ClientSlotProps {
  client: { id: number }
}

type Row = Record<string, unknown> & { id: number }

/** One of the portfolio's resources for the client, with the columns its metadata lists. */
function PortfolioTable({
  resource,
  clientId,
  title,
  sort,
  columns,
  extra,
}: {
  resource: string
  clientId: number
  title: string
  sort: string
  columns: string[]
  extra?: { key: string; title: string; render: (row: Row) => React.ReactNode }
}) {
  const t = useMessages()
  const localize = useLocalize()
  const description = useResourceDescription(resource)
  const list = useResourceList<Row>(resource, {
    filters: [{ field: 'client_id', operator: 'eq', value: clientId }],
    sorters: [{ field: sort.replace(/^-/, ''), order: sort.startsWith('-') ? 'desc' : 'asc' }],
    pagination: { pageSize: 20 },
  })
  const fields = description?.fields ?? []
  const tableColumns: Array<{
    key: string
    title: string
    render: (value: unknown, row: Row) => React.ReactNode
  }> = columns.flatMap((name) => {
    const field = fields.find((candidate) => candidate.name === name)
    return field
      ? [
          {
            key: name,
            title: localize(field.label),
            render: (_: unknown, row: Row) => (
              <FieldValue field={field} value={row[name]} compact />
            ),
          },
        ]
      : []
  })
  if (extra) {
    tableColumns.push({ key: extra.key, title: extra.title, render: (_, row) => extra.render(row) })
  }
  return (
    <div style={{ marginBottom: 24 }} data-testid={`portfolio-${resource}`}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        dataSource={list.records}
        columns={tableColumns}
        pagination={false}
        locale={{ emptyText: t('portfolio.empty') }}
      />
    </div>
  )
}

/** A7: the client's portfolio tab (`client.tabs`): debts with days overdue, payments, promises. */
export default function PortfolioTab({ client }: ClientSlotProps) {
  const t = useMessages()
  return (
    <div data-testid="portfolio-tab">
      <PortfolioTable
        resource="ca_debts"
        clientId={client.id}
        title={t('portfolio.debts')}
        sort="due_date"
        columns={['product', 'amount', 'currency', 'due_date']}
        extra={{
          key: 'days_overdue',
          title: t('portfolio.daysOverdue'),
          render: (row) => daysOverdue(row.due_date),
        }}
      />
      <PortfolioTable
        resource="ca_payments"
        clientId={client.id}
        title={t('portfolio.payments')}
        sort="-paid_on"
        columns={['amount', 'currency', 'paid_on', 'reference']}
      />
      <PortfolioTable
        resource="ca_promises"
        clientId={client.id}
        title={t('portfolio.promises')}
        sort="-promised_on"
        columns={['amount', 'currency', 'promised_on', 'status']}
      />
      <PortfolioTable
        resource="ca_payments_to_verify"
        clientId={client.id}
        title={t('portfolio.toVerify')}
        sort="-reported_on"
        columns={['amount', 'currency', 'reported_on', 'status']}
      />
    </div>
  )
}
