import { ReloadOutlined } from '@ant-design/icons'
import { useCustom } from '@refinedev/core'
import { ApiErrorResult, DonutCard, useCountFormat, useResourceList } from '@tablero/admin'
import {
  Button,
  Card,
  Col,
  Flex,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import { ALERTS_API } from './alerts_api'
import { useMessages } from './use_messages'

const STATES = ['no_contactable', 'with_problems', 'contactable', 'new'] as const
type State = (typeof STATES)[number]

type IndicatorRow = { campaign_id: number | null; user_id: number | null } & Record<State, number>

interface Named {
  id: number
  name?: string
  full_name?: string
}

/** Names of the campaigns and agents the rows mention (up to 100 of each: a filter's list). */
function useNames(resource: 'campaigns' | 'users', labelField: 'name' | 'full_name') {
  const { records } = useResourceList<Named>(resource, {
    pagination: { currentPage: 1, pageSize: 100 },
    sorters: [{ field: labelField, order: 'asc' }],
    ...(resource === 'users'
      ? { filters: [{ field: 'role', operator: 'eq', value: 'agent' }] }
      : {}),
  })
  return useMemo(
    () => new Map(records.map((record) => [Number(record.id), String(record[labelField] ?? '')])),
    [records, labelField]
  )
}

/** One of the page's filters: a searchable choice among `names`, cleared for "all". */
function Pick(props: {
  testId: string
  placeholder: string
  value: number | undefined
  onChange: (value: number | undefined) => void
  names: Map<number, string>
}) {
  return (
    <Select
      data-testid={props.testId}
      allowClear
      showSearch
      optionFilterProp="label"
      style={{ minWidth: 220 }}
      placeholder={props.placeholder}
      value={props.value}
      onChange={props.onChange}
      options={[...props.names].map(([value, name]) => ({ value, label: name }))}
    />
  )
}

/**
 * A5, seed 003 "indicadores de gestión": the clients of each campaign and agent by
 * contactability (no contactable, con problemas, contactable, nuevos), as counts, a donut of
 * the four and a table per campaign and agent. Filters narrow the same rows the server
 * counted (clients the supervisor may see); the refresh button counts again.
 */
export default function ContactabilityPage() {
  const t = useMessages()
  const formatCount = useCountFormat()
  const campaigns = useNames('campaigns', 'name')
  const agents = useNames('users', 'full_name')
  const [campaignId, setCampaignId] = useState<number>()
  const [userId, setUserId] = useState<number>()
  const { query } = useCustom<IndicatorRow[]>({
    url: `${ALERTS_API}/indicators`,
    method: 'get',
  })
  const rows = useMemo(
    () =>
      (query.data?.data ?? []).filter(
        (row) =>
          (campaignId === undefined || row.campaign_id === campaignId) &&
          (userId === undefined || row.user_id === userId)
      ),
    [query.data, campaignId, userId]
  )
  const totals = useMemo(() => {
    const sum = Object.fromEntries(STATES.map((state) => [state, 0])) as Record<State, number>
    for (const row of rows) for (const state of STATES) sum[state] += row[state]
    return sum
  }, [rows])
  const label = (state: State) => t(`indicators.${state}`)
  const campaignName = (id: number | null) =>
    id === null ? t('indicators.none') : (campaigns.get(id) ?? `#${id}`)
  const agentName = (id: number | null) =>
    id === null ? t('indicators.unassigned') : (agents.get(id) ?? `#${id}`)
  const count = (value: number) => formatCount(value)

  if (query.isError) return <ApiErrorResult error={query.error} />
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('indicators.title')}
        </Typography.Title>
        <Space wrap>
          <Pick
            testId="indicators-campaign"
            placeholder={t('indicators.allCampaigns')}
            value={campaignId}
            onChange={setCampaignId}
            names={campaigns}
          />
          <Pick
            testId="indicators-agent"
            placeholder={t('indicators.allAgents')}
            value={userId}
            onChange={setUserId}
            names={agents}
          />
          <Button
            icon={<ReloadOutlined />}
            loading={query.isFetching}
            onClick={() => void query.refetch()}
          >
            {t('indicators.refresh')}
          </Button>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary">{t('indicators.intro')}</Typography.Paragraph>
      {query.isLoading ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {STATES.map((state) => (
              <Col key={state} xs={12} md={6}>
                <Card size="small">
                  <Statistic
                    title={label(state)}
                    value={totals[state]}
                    formatter={(value) => (
                      <span data-testid={`indicators-${state}`}>{count(Number(value))}</span>
                    )}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <DonutCard
                title={t('indicators.chart')}
                empty={t('indicators.empty')}
                testId="indicators-chart"
                data={STATES.map((state) => ({ label: label(state), value: totals[state] }))}
              />
            </Col>
            <Col xs={24} lg={14}>
              <Table<IndicatorRow>
                data-testid="indicators-table"
                size="small"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                rowKey={(row) => `${row.campaign_id ?? ''}:${row.user_id ?? ''}`}
                dataSource={rows}
                columns={[
                  {
                    key: 'campaign',
                    title: t('indicators.campaign'),
                    render: (_, row) => campaignName(row.campaign_id),
                  },
                  {
                    key: 'agent',
                    title: t('indicators.agent'),
                    render: (_, row) => agentName(row.user_id),
                  },
                  ...STATES.map((state) => ({
                    key: state,
                    title: label(state),
                    align: 'right' as const,
                    render: (_: unknown, row: IndicatorRow) => count(row[state]),
                  })),
                  {
                    key: 'total',
                    title: t('indicators.total'),
                    align: 'right' as const,
                    render: (_, row) => count(STATES.reduce((sum, state) => sum + row[state], 0)),
                  },
                ]}
              />
            </Col>
          </Row>
        </>
      )}
    </Space>
  )
}
