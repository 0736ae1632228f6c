import { useCustom } from '@refinedev/core'
import { Card, Col, DatePicker, Empty, Row, Space, Statistic, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCountFormat } from '../../i18n/use_count_format'
import { PageSpinner } from '../../layout/page_spinner'
import { ApiErrorResult } from '../../pages/errors/api_error_result'
import { pickerToDate } from '../../resources/fields/user_time'
import type { ClientRecord } from '../client_record'
import type { ChartDatum } from './interactions_chart'

const InteractionsChart = lazy(() => import('./interactions_chart'))

interface Dashboard {
  byChannel: { channel: string; total: number }[]
  byCampaign: { campaignId: number | null; campaign: string | null; total: number }[]
  byResult: { result: string | null; total: number }[]
}

interface ChartCardProps {
  title: string
  data: ChartDatum[]
  kind: 'column' | 'pie'
  testId: string
}

function ChartCard({ title, data, kind, testId }: ChartCardProps) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={title} data-testid={testId}>
      {data.length === 0 ? (
        <Empty description={t('clients.dashboard.empty')} />
      ) : (
        <Suspense fallback={<PageSpinner />}>
          <InteractionsChart kind={kind} data={data} />
        </Suspense>
      )}
    </Card>
  )
}

/** The client's interactions by channel, by campaign and by result (C15), over a date range. */
export function DashboardTab({ client }: { client: ClientRecord }) {
  const { t } = useTranslation()
  const formatCount = useCountFormat()
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null)
  const { query, result } = useCustom<Dashboard>({
    url: `/api/clients/${client.id}/dashboard`,
    method: 'get',
    config: {
      query: {
        from: pickerToDate(range?.[0]) ?? undefined,
        to: pickerToDate(range?.[1]) ?? undefined,
      },
    },
    errorNotification: false,
  })
  if (query.isError) return <ApiErrorResult error={query.error} onRetry={() => query.refetch()} />
  const data = result.data as Dashboard | undefined
  const none = t('clients.dashboard.unknown')
  const byChannel = (data?.byChannel ?? []).map((row) => ({
    label: t(`clients.dashboard.channels.${row.channel}`, { defaultValue: row.channel }),
    total: row.total,
  }))
  const byCampaign = (data?.byCampaign ?? []).map((row) => ({
    label: row.campaign ?? none,
    total: row.total,
  }))
  const byResult = (data?.byResult ?? []).map((row) => ({
    label: row.result
      ? t(`clients.dashboard.results.${row.result}`, { defaultValue: row.result })
      : none,
    total: row.total,
  }))
  const total = byChannel.reduce((sum, row) => sum + row.total, 0)

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="client-dashboard">
      <Space wrap align="center">
        <Typography.Text type="secondary">{t('clients.dashboard.period')}</Typography.Text>
        <DatePicker.RangePicker
          value={range}
          onChange={(value) => setRange(value)}
          allowEmpty={[true, true]}
        />
        <Statistic
          title={t('clients.dashboard.total')}
          value={total}
          formatter={formatCount}
          data-testid="dashboard-total"
        />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <ChartCard
            title={t('clients.dashboard.byChannel')}
            data={byChannel}
            kind="column"
            testId="dashboard-by-channel"
          />
        </Col>
        <Col xs={24} lg={8}>
          <ChartCard
            title={t('clients.dashboard.byCampaign')}
            data={byCampaign}
            kind="column"
            testId="dashboard-by-campaign"
          />
        </Col>
        <Col xs={24} lg={8}>
          <ChartCard
            title={t('clients.dashboard.byResult')}
            data={byResult}
            kind="pie"
            testId="dashboard-by-result"
          />
        </Col>
      </Row>
    </Space>
  )
}
