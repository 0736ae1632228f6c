import { errorMessage, useCountFormat } from '@tablero/admin'
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useEffect, useState } from 'react'
import { Link, useLocation } from 'react-router'
import { dialerApi, type DialerList, type FromAssignments } from './dialer_api'
import { useMessages } from './use_messages'
import AgentsCard from './agents_card'
import WallboardCard from './wallboard_card'

interface NewList {
  name: string
  campaignId: number
}

/**
 * Marcador for supervisors (seed 001): the lists per campaign with their counts, and the form
 * that builds a list from Asignaciones' search ("Ir a Marcador" brings it here) or from every
 * client of a campaign.
 */
export default function ListsPage() {
  const t = useMessages()
  const count = useCountFormat()
  const location = useLocation()
  const from = (location.state ?? null) as FromAssignments | null
  const [lists, setLists] = useState<DialerList[]>([])
  const [campaigns, setCampaigns] = useState<Array<{ id: number; name: string }>>([])
  const [loading, setLoading] = useState(true)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [form] = Form.useForm<NewList>()

  const [version, setVersion] = useState(0)
  const reload = () => {
    setLoading(true)
    setVersion((current) => current + 1)
  }

  useEffect(() => {
    let stopped = false
    void (async () => {
      try {
        const [answer, offered] = await Promise.all([dialerApi.lists(), dialerApi.campaigns()])
        if (stopped) return
        setLists(answer.data)
        setCampaigns(offered.data)
      } catch (caught) {
        if (!stopped) setError(errorMessage(caught))
      } finally {
        if (!stopped) setLoading(false)
      }
    })()
    return () => {
      stopped = true
    }
  }, [version])

  useEffect(() => {
    if (from?.selection) form.setFieldsValue({ campaignId: from.selection.campaignId })
  }, [from, form])

  async function submit(values: NewList) {
    setSaving(true)
    setError(null)
    try {
      const sameCampaign = from?.selection && from.selection.campaignId === values.campaignId
      const built = await dialerApi.build({
        name: values.name,
        campaignId: values.campaignId,
        ...(sameCampaign
          ? {
              filter: from!.selection.filter ?? undefined,
              recordType: from!.selection.recordType,
              limit: from!.selection.limit,
            }
          : {}),
      })
      setNotice(
        built.data.building
          ? t('lists.building', { count: count(built.data.clients) })
          : t('lists.created', {
              total: count(built.data.total),
              skipped: count(built.data.skippedInvalid),
            })
      )
      form.resetFields(['name'])
      reload()
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setSaving(false)
    }
  }

  async function toggle(list: DialerList, active: boolean) {
    try {
      await dialerApi.setActive(list.id, active)
      reload()
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }

  const number = (value: number) => count(value)
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('lists.title')}</Typography.Title>
      <Card title={t('lists.new')}>
        <Typography.Paragraph type="secondary">
          {from?.selection
            ? t('lists.fromAssignments', {
                count: from.matched === null ? '…' : number(from.matched),
              })
            : t('lists.noFilter')}
        </Typography.Paragraph>
        <Form form={form} layout="inline" onFinish={submit} data-testid="dialer-list-form">
          <Form.Item
            name="name"
            label={t('lists.name')}
            rules={[{ required: true, message: t('lists.required') }]}
          >
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item
            name="campaignId"
            label={t('lists.campaign')}
            rules={[{ required: true, message: t('lists.required') }]}
          >
            <Select
              style={{ minWidth: 220 }}
              options={campaigns.map((campaign) => ({ value: campaign.id, label: campaign.name }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('lists.submit')}
          </Button>
        </Form>
        {notice && <Alert style={{ marginTop: 16 }} type="success" message={notice} showIcon />}
        {error && <Alert style={{ marginTop: 16 }} type="error" message={error} showIcon />}
      </Card>
      <Space>
        <Link to="/r/dialer_dnc">{t('links.dnc')}</Link>
        <Link to="/r/dialer_settings">{t('links.settings')}</Link>
      </Space>
      <Table<DialerList>
        rowKey="id"
        loading={loading}
        dataSource={lists}
        pagination={false}
        columns={[
          {
            title: t('col.name'),
            dataIndex: 'name',
            render: (name: string, list) => (
              <>
                {name} {list.building && <Tag color="processing">{t('lists.buildingTag')}</Tag>}
              </>
            ),
          },
          {
            title: t('col.campaign'),
            dataIndex: 'campaignName',
            // D3: lists are listed per campaign
            filters: [...new Set(lists.map((list) => list.campaignName))].map((name) => ({
              text: name,
              value: name,
            })),
            onFilter: (value, list) => list.campaignName === value,
          },
          {
            title: t('col.active'),
            dataIndex: 'active',
            render: (active: boolean, list) => (
              <Switch checked={active} onChange={(next) => void toggle(list, next)} />
            ),
          },
          { title: t('col.total'), dataIndex: 'total', render: number },
          { title: t('col.new'), render: (_, list) => number(list.counts.new) },
          { title: t('col.called'), render: (_, list) => number(list.counts.called) },
          { title: t('col.recall'), render: (_, list) => number(list.counts.recall) },
          { title: t('col.dnc'), render: (_, list) => number(list.counts.dnc) },
          { title: t('col.done'), render: (_, list) => number(list.counts.done) },
          { title: t('col.invalid'), dataIndex: 'skippedInvalid', render: number },
          { title: t('col.hopper'), dataIndex: 'hopperDepth', render: number },
        ]}
      />
      <WallboardCard />
      <AgentsCard />
    </Space>
  )
}
