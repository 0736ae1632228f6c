import {
  FilterBuilder,
  api,
  errorMessage,
  newGroup,
  toCrudFilters,
  toFilterTree,
  useResourceDescription,
  useResourceList,
  type FilterGroup,
} from '@tablero/admin'
import { Alert, Button, Card, Col, Input, List, Row, Space, Statistic, message } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { ALERTS_API } from './alerts_api'
import { useMessages } from './use_messages'

interface SegmentRow {
  id: number
  name: string
  filter: string
}

/**
 * A8: a segment is a named filter tree of the clients list, built with the lists' own filter
 * builder (alerts and contactability included, AND/OR groups); its count is asked again each
 * time the tree is applied, and saving keeps it for lists, assignments and dialer lists.
 */
export default function SegmentsPage() {
  const t = useMessages()
  const clients = useResourceDescription('clients')
  const saved = useResourceList<SegmentRow>('ca_segments', {
    sorters: [{ field: 'name', order: 'asc' }],
    pagination: { pageSize: 100 },
  })
  const [messageApi, holder] = message.useMessage()
  const [name, setName] = useState('')
  const [group, setGroup] = useState<FilterGroup>(() => newGroup())
  const [total, setTotal] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const tree = useMemo(() => toFilterTree(toCrudFilters(group)), [group])

  useEffect(() => {
    let live = true
    api
      .post<{ data: { total: number } }>(`${ALERTS_API}/segments/count`, {
        filter: tree ?? { and: [] },
      })
      .then(
        (answer) => {
          if (!live) return
          setTotal(answer.data.total)
          setError(null)
        },
        (caught: unknown) => live && setError(errorMessage(caught))
      )
    return () => {
      live = false
    }
  }, [tree])

  const save = async () => {
    if (!name.trim()) {
      messageApi.error(t('segments.nameRequired'))
      return
    }
    try {
      const body = { name: name.trim(), filter: tree ?? null }
      await api.post(`${ALERTS_API}/segments`, body)
      messageApi.success(t('segments.saved'))
      void saved.reload()
    } catch (caught) {
      messageApi.error(errorMessage(caught))
    }
  }

  const filterable = (clients?.fields ?? []).filter((field) => field.filterable)
  return (
    <Card title={t('segments.title')} data-testid="segments-page">
      {holder}
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input
              placeholder={t('segments.name')}
              value={name}
              maxLength={120}
              onChange={(event) => setName(event.target.value)}
              data-testid="segment-name"
            />
            <FilterBuilder fields={filterable} applied={group} onApply={setGroup} />
            {error && <Alert type="error" showIcon message={error} />}
            <Button type="primary" onClick={save} data-testid="segment-save">
              {t('segments.save')}
            </Button>
          </Space>
        </Col>
        <Col xs={24} md={8}>
          <Statistic
            title={t('segments.count')}
            value={total ?? '…'}
            valueRender={(node) => <span data-testid="segment-count">{node}</span>}
          />
          <List
            header={t('segments.list')}
            dataSource={saved.records}
            renderItem={(segment) => (
              <List.Item data-testid="segment-saved">{segment.name}</List.Item>
            )}
          />
        </Col>
      </Row>
    </Card>
  )
}
