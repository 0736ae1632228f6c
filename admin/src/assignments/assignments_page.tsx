import { useList } from '@refinedev/core'
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Typography,
} from 'antd'
import type { ButtonProps } from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotification } from '@refinedev/core'
import { ScreenFrame } from '../layout/screen_frame'
import { useResourceDescription } from '../resources/use_resource_description'
import { FilterBuilder } from '../resources/filters/filter_builder'
import {
  fromFilterTree,
  newGroup,
  toCrudFilters,
  type FilterGroup,
} from '../resources/filters/filter_model'
import type { FilterSourceProps } from '../resources/filters/filter_source'
import { toFilterTree } from '../providers/filter_tree'
import { errorMessage } from '../feedback/error_message'
import { Slot } from '../plugins/slot'
import { useCampaignTeam } from '../campaigns/campaign_team'
import {
  assignmentApi,
  type AssignmentOutcome,
  type AssignmentSelection,
  type JobRun,
  type RecordType,
} from './assignment_api'
import { useAssignmentCount } from './use_assignment_count'
import { JobProgress } from './job_progress'
import { announceSelection } from './selection_event'

/**
 * Asignaciones (D2, seed 001): the supervisor picks a campaign, builds a filter over its clients
 * (custom fields included; or takes a saved one, a segment, from a plugin's
 * `clients.filters.sources`), a record type and a maximum, sees the count under the agent list,
 * and shares the results out between the agents chosen, or unassigns them, after a confirmation that states the
 * counts. Large sets run in the background with a progress bar.
 */
export default function AssignmentsPage() {
  const { t } = useTranslation()
  const { open } = useNotification()
  const [modal, modalHolder] = Modal.useModal()
  const clients = useResourceDescription('clients')
  const [campaignId, setCampaignId] = useState<number | null>(null)
  const [filter, setFilter] = useState<FilterGroup>(() => newGroup())
  const [recordType, setRecordType] = useState<RecordType>('all')
  const [limit, setLimit] = useState<number | null>(null)
  const [agentIds, setAgentIds] = useState<number[]>([])
  const [jobId, setJobId] = useState<number | null>(null)
  const [running, setRunning] = useState(false)

  const { result: campaigns } = useList<{ id: number; name: string }>({
    resource: 'campaigns',
    filters: [{ field: 'archived_at', operator: 'null', value: true }],
    sorters: [{ field: 'name', order: 'asc' }],
    pagination: { pageSize: 100 },
  })
  const team = useCampaignTeam(campaignId ?? undefined)
  const agents = (team.members ?? []).filter((member) => member.role === 'agent')

  const tree = useMemo(() => toFilterTree(toCrudFilters(filter)), [filter])
  const selection = useMemo<AssignmentSelection | null>(
    () => (campaignId ? { campaignId, filter: tree, recordType, limit } : null),
    [campaignId, tree, recordType, limit]
  )
  const { counts, error: countError, loading: counting, recount } = useAssignmentCount(selection)

  useEffect(() => {
    announceSelection({ selection, counts })
  }, [selection, counts])

  const applySource = useCallback((source: unknown) => setFilter(fromFilterTree(source)), [])

  const chooseCampaign = (id: number) => {
    setCampaignId(id)
    setAgentIds([])
  }

  const reportOutcome = useCallback(
    (outcome: AssignmentOutcome) => {
      open?.({
        type: 'success',
        message:
          outcome.mode === 'assign'
            ? t('assignments.assigned', { count: outcome.clients })
            : t('assignments.unassigned', { count: outcome.clients }),
      })
      recount()
    },
    [open, recount, t]
  )

  const jobEnded = useCallback(
    (run: JobRun) => {
      if (run.status === 'done' && run.result) reportOutcome(run.result)
      setRunning(false)
    },
    [reportOutcome]
  )

  const carryOut = async (mode: 'assign' | 'unassign') => {
    if (!selection || !counts) return
    setRunning(true)
    setJobId(null)
    try {
      const answer = await assignmentApi.run(selection, mode, agentIds, counts)
      if (answer.jobId !== undefined) {
        setJobId(answer.jobId)
        return
      }
      reportOutcome(answer.outcome)
    } catch (failure) {
      open?.({ type: 'error', message: errorMessage(failure) })
      recount()
    }
    setRunning(false)
  }

  const confirm = (mode: 'assign' | 'unassign') => {
    if (!counts) return
    const each = Math.floor(counts.matched / Math.max(agentIds.length, 1))
    const content =
      mode === 'assign'
        ? t(counts.assigned > 0 ? 'assignments.confirmReassign' : 'assignments.confirmAssign', {
            count: counts.matched,
            agents: agentIds.length,
            each,
            assigned: counts.assigned,
          })
        : t('assignments.confirmUnassign', { count: counts.matched, assigned: counts.assigned })
    void modal.confirm({
      title: mode === 'assign' ? t('assignments.assign') : t('assignments.unassign'),
      content: <span data-testid="assignment-confirm-text">{content}</span>,
      okText: t('assignments.confirm'),
      cancelText: t('buttons.cancel'),
      okButtonProps: { 'data-testid': 'assignment-confirm-ok' } as ButtonProps,
      onOk: () => carryOut(mode),
    })
  }

  const matched = counts?.matched ?? 0
  const tooFew = agentIds.length > 0 && matched < agentIds.length
  const filterable = (clients?.fields ?? []).filter((field) => field.filterable)

  return (
    <ScreenFrame title={t('assignments.title')} data-testid="assignments-page">
      {modalHolder}
      <Flex vertical gap={16}>
        <Space wrap>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 280 }}
            placeholder={t('assignments.campaign')}
            value={campaignId ?? undefined}
            onChange={chooseCampaign}
            options={(campaigns?.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="assignment-campaign"
          />
          <Radio.Group
            value={recordType}
            onChange={(event) => setRecordType(event.target.value as RecordType)}
            data-testid="assignment-record-type"
            options={(['all', 'assigned', 'unassigned'] as const).map((value) => ({
              value,
              label: t(`assignments.recordTypes.${value}`),
            }))}
          />
          <InputNumber
            min={1}
            precision={0}
            placeholder={t('assignments.limit')}
            value={limit}
            onChange={(value) => setLimit(typeof value === 'number' ? value : null)}
            style={{ width: 180 }}
            data-testid="assignment-limit"
          />
        </Space>
        {!campaignId ? (
          <Empty description={t('assignments.chooseCampaign')} />
        ) : (
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Card size="small" title={t('assignments.agents')} data-testid="assignment-agents">
                {agents.length === 0 ? (
                  <Typography.Text type="secondary">{t('assignments.noAgents')}</Typography.Text>
                ) : (
                  <Checkbox.Group
                    style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                    value={agentIds}
                    onChange={(values) => setAgentIds(values as number[])}
                    options={agents.map((agent) => ({ value: agent.id, label: agent.fullName }))}
                  />
                )}
                <Statistic
                  style={{ marginTop: 16 }}
                  title={t('assignments.results')}
                  value={counting && !counts ? '…' : matched}
                  valueRender={(node) => <span data-testid="assignment-count">{node}</span>}
                />
                {counts && counts.assigned > 0 && (
                  <Typography.Text type="secondary">
                    {t('assignments.alreadyAssigned', { count: counts.assigned })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={24} md={16}>
              <Space wrap style={{ marginBottom: 8 }}>
                {/* a saved filter from a plugin (a segment) becomes the builder's conditions */}
                <Slot
                  name="clients.filters.sources"
                  props={{ resource: 'clients', apply: applySource } satisfies FilterSourceProps}
                />
              </Space>
              <FilterBuilder
                // a source's tree replaces the builder's draft: a new root, a fresh builder
                key={filter.id}
                fields={filterable}
                applied={filter}
                onApply={setFilter}
              />
              {countError !== null && (
                <Alert type="error" showIcon message={errorMessage(countError)} />
              )}
              {tooFew && (
                <Alert
                  type="warning"
                  showIcon
                  message={t('assignments.tooFew', { count: matched, agents: agentIds.length })}
                  data-testid="assignment-too-few"
                />
              )}
              <Space wrap style={{ marginTop: 12 }}>
                <Button
                  type="primary"
                  disabled={!counts || matched === 0 || agentIds.length === 0 || tooFew || running}
                  onClick={() => confirm('assign')}
                  data-testid="assignment-assign"
                >
                  {t('assignments.assign')}
                </Button>
                <Button
                  disabled={!counts || matched === 0 || running}
                  onClick={() => confirm('unassign')}
                  data-testid="assignment-unassign"
                >
                  {t('assignments.unassign')}
                </Button>
                <Slot name="assignments.actions" props={{ selection, counts }} />
              </Space>
              {jobId !== null && (
                <div style={{ marginTop: 12 }}>
                  <JobProgress jobId={jobId} onEnd={jobEnded} />
                </div>
              )}
            </Col>
          </Row>
        )}
      </Flex>
    </ScreenFrame>
  )
}
