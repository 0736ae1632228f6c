import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons'
import { useCustom } from '@refinedev/core'
import {
  ApiErrorResult,
  DonutCard,
  useCountFormat,
  useResourceList,
  useSessionUser,
} from '@tablero/admin'
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Typography,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { Stats } from './definitions'
import { useShellLanguage } from './file_transfer'
import { tipificacionesApi, TIPIFICACIONES_API, type StatsFilter } from './tipificaciones_api'
import { useCampaigns } from './use_campaigns'
import { useMessages } from './use_messages'

const DAY = 'YYYY-MM-DD'

/** Supervisors choose among the agents; agents only ever see their own figures. */
function useAgents(enabled: boolean) {
  const { records, query } = useResourceList<{ id: number; full_name: string }>('users', {
    filters: [{ field: 'role', operator: 'eq', value: 'agent' }],
    pagination: { currentPage: 1, pageSize: 100 },
    sorters: [{ field: 'full_name', order: 'asc' }],
    enabled,
  })
  return {
    loading: query.isLoading && enabled,
    options: records.map((user) => ({ value: user.id, label: user.full_name })),
  }
}

/**
 * T8–T9, seed 001 "Estadísticas": the share of each result among the gestiones and the clients
 * managed or not, for a period, a campaign and (supervisors) an agent. Charts do not follow in
 * real time: the refresh button re-reads them. The CSV report takes the same filters.
 */
export default function StatsPage() {
  const formatCount = useCountFormat()
  const t = useMessages()
  const language = useShellLanguage()
  const user = useSessionUser()
  const manager = user?.role === 'admin' || user?.role === 'supervisor'
  const campaigns = useCampaigns(t, { withArchived: true })
  const agents = useAgents(manager)
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(29, 'day'), dayjs()])
  const [campaignId, setCampaignId] = useState<number>()
  const [userId, setUserId] = useState<number>()
  const filter: StatsFilter = {
    from: range[0].format(DAY),
    to: range[1].format(DAY),
    campaignId,
    userId: manager ? userId : undefined,
  }
  const { query } = useCustom<Stats>({
    url: `${TIPIFICACIONES_API}/stats`,
    method: 'get',
    config: { query: { ...filter } },
    queryOptions: { refetchOnWindowFocus: false },
    errorNotification: false,
  })
  // Not `result.data`: Refine gives an empty object until the answer arrives.
  const stats = query.data?.data

  return (
    <Card data-testid="tipificaciones-stats">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('stats.title')}
        </Typography.Title>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={tipificacionesApi.reportUrl(filter, language)}
            download
            data-testid="stats-download"
          >
            {t('stats.download')}
          </Button>
          <Button
            type="primary"
            icon={<ReloadOutlined />}
            loading={query.isFetching}
            onClick={() => query.refetch()}
            data-testid="stats-refresh"
          >
            {t('common.refresh')}
          </Button>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary">{t('stats.intro')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          aria-label={t('stats.range')}
          value={range}
          allowClear={false}
          format="DD/MM/YYYY"
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
          data-testid="stats-range"
        />
        <Select
          style={{ minWidth: 240 }}
          allowClear
          placeholder={t('common.allCampaigns')}
          value={campaignId}
          onChange={setCampaignId}
          options={campaigns.options}
          optionFilterProp="label"
          showSearch
          data-testid="stats-campaign"
        />
        {manager && (
          <Select
            style={{ minWidth: 220 }}
            allowClear
            placeholder={t('stats.allAgents')}
            value={userId}
            onChange={setUserId}
            loading={agents.loading}
            options={agents.options}
            optionFilterProp="label"
            showSearch
            data-testid="stats-agent"
          />
        )}
      </Flex>
      {query.isError && <ApiErrorResult error={query.error} onRetry={() => query.refetch()} />}
      {!query.isError && !stats && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {stats && (
        <>
          <Flex gap={48} style={{ marginBottom: 16 }}>
            <Statistic
              title={t('stats.totalGestiones')}
              value={stats.totalGestiones}
              formatter={formatCount}
              valueRender={(node) => <span data-testid="stats-total-gestiones">{node}</span>}
            />
            <Statistic
              title={t('stats.totalClients')}
              value={stats.clients.total}
              formatter={formatCount}
              valueRender={(node) => <span data-testid="stats-total-clients">{node}</span>}
            />
          </Flex>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <DonutCard
                title={t('stats.byResult')}
                empty={t('stats.noData')}
                testId="stats-by-result"
                data={stats.byResult.map((row) => ({ label: row.result, value: row.total }))}
              />
            </Col>
            <Col xs={24} lg={12}>
              <DonutCard
                title={t('stats.clients')}
                empty={t('stats.noClients')}
                testId="stats-clients"
                data={[
                  { label: t('stats.managed'), value: stats.clients.managed },
                  { label: t('stats.unmanaged'), value: stats.clients.unmanaged },
                ]}
              />
            </Col>
          </Row>
        </>
      )}
    </Card>
  )
}
