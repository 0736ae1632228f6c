import { errorText } from './error_texts'
import { placeServerErrors } from '@tablero/admin'
import { SaveOutlined } from '@ant-design/icons'
import { useNotification } from '@refinedev/core'
import { Alert, Button, Checkbox, DatePicker, Form, Input, Select, Tooltip } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import type { ResultNode } from './definitions'
import { tipificacionesApi, type GestionInput } from './tipificaciones_api'
import { nextCallbackSlot } from './callback_slot'
import { useGestionCampaigns } from './use_campaigns'
import { useMessages } from './use_messages'
import { useResultTree } from './use_results'
import { useUserTime } from './user_time'

interface GestionValues {
  campaignId?: number
  level1Id?: number
  level2Id?: number
  level3Id?: number
  notes?: string
  callbackAt?: Dayjs | null
  alternatePhone?: string
  forMe?: boolean
}

/** Changing a choice clears the ones that hang from it. */
const DEPENDENTS: Record<string, (keyof GestionValues)[]> = {
  campaignId: ['level1Id', 'level2Id', 'level3Id', 'forMe'],
  level1Id: ['level2Id', 'level3Id'],
  level2Id: ['level3Id'],
}

/** The chosen path down the tree: level 1, then 2, then 3, as far as the agent went. */
function chosenPath(tree: ResultNode[], ids: (number | undefined)[]) {
  const path: ResultNode[] = []
  let level = tree
  for (const id of ids) {
    const node = id ? level.find((candidate) => candidate.id === id) : undefined
    if (!node) break
    path.push(node)
    level = node.children
  }
  return path
}

const asOptions = (nodes: ResultNode[]) =>
  nodes.map((node) => ({ value: node.id, label: node.name }))

interface GestionFormProps {
  clientId: number
  defaultCampaignId?: number
  onSaved: () => void
}

/**
 * T6, seed 001 "Agente → Info": campaign (the agent's own) → result level 1 → 2 → 3 (each select
 * appears when the previous choice has children; only level 1 is required, the agent may stop
 * at any level and the deepest chosen result's action applies), notes, and — only when that
 * result allows scheduling — the callback time (by default the next slot within calling hours,
 * in the user's zone), an alternate phone and "Para mí" (enabled on dialer campaigns only).
 */
export function GestionForm({ clientId, defaultCampaignId, onSaved }: GestionFormProps) {
  const t = useMessages()
  const time = useUserTime()
  const { open } = useNotification()
  const campaigns = useGestionCampaigns(t)
  const [form] = Form.useForm<GestionValues>()
  const [saving, setSaving] = useState(false)
  const [banner, setBanner] = useState<string | null>(null)

  const values = Form.useWatch([], form) ?? {}
  const campaignId = values.campaignId
  const { tree, query } = useResultTree(campaignId)
  const path = chosenPath(tree, [values.level1Id, values.level2Id, values.level3Id])
  // the deepest result chosen decides, whether or not it has children
  const last = path.at(-1)
  const scheduling = Boolean(last?.allowsScheduling)
  const dialer = campaigns.find(campaignId)?.type === 'outbound_dialer'

  // The client's campaign is the default when the user works in it; the only one otherwise.
  const { ready, campaigns: offered } = campaigns
  useEffect(() => {
    if (!ready || form.getFieldValue('campaignId')) return
    const preferred = offered.find((campaign) => campaign.id === defaultCampaignId)
    const only = offered.length === 1 ? offered[0] : undefined
    const chosen = preferred ?? only
    if (chosen) form.setFieldsValue({ campaignId: chosen.id })
  }, [ready, offered, defaultCampaignId, form])

  // A result that allows scheduling starts on the next slot, not on 00:00 (issue 20).
  useEffect(() => {
    if (scheduling && !form.getFieldValue('callbackAt')) {
      form.setFieldsValue({ callbackAt: dayjs(nextCallbackSlot(new Date(), time.zone)) })
    }
  }, [scheduling, form, time.zone])

  const onValuesChange = (changed: Partial<GestionValues>) => {
    const cleared = Object.keys(changed).flatMap((key) => DEPENDENTS[key] ?? [])
    if (cleared.length > 0) form.resetFields(cleared)
    setBanner(null)
  }

  const save = async () => {
    const input = await form.validateFields()
    const body: GestionInput = {
      clientId,
      campaignId: input.campaignId!,
      level1Id: input.level1Id!,
      level2Id: input.level2Id,
      level3Id: input.level3Id,
      notes: input.notes?.trim() || undefined,
    }
    if (scheduling) {
      body.callbackAt = input.callbackAt ? time.toInstant(input.callbackAt) : undefined
      body.alternatePhone = input.alternatePhone?.trim() || undefined
      body.forMe = dialer && input.forMe ? true : undefined
    }
    setSaving(true)
    setBanner(null)
    try {
      await tipificacionesApi.recordGestion(body)
      open?.({
        type: 'success',
        message: t('gestion.saved', { path: path.map((n) => n.name).join(' > ') }),
      })
      form.resetFields()
      form.setFieldsValue({ campaignId: body.campaignId, callbackAt: null })
      onSaved()
    } catch (error) {
      setBanner(
        placeServerErrors(form, error, {
          describe: (refusal) => errorText(t, refusal),
          codeFields: { NOT_IN_CAMPAIGN: 'campaignId', CALLBACK_IN_PAST: 'callbackAt' },
        })
      )
    } finally {
      setSaving(false)
    }
  }

  // Level 1 is required (seed 001); levels 2 and 3 may be left empty to stop above them.
  const levelSelect = (level: 1 | 2 | 3, nodes: ResultNode[]) => (
    <Form.Item
      key={level}
      name={`level${level}Id`}
      label={t(`gestion.level${level}`)}
      rules={level === 1 ? [{ required: true, message: t('common.required') }] : []}
      extra={level === 1 ? undefined : t('gestion.optionalLevel')}
    >
      <Select
        data-testid={`gestion-level${level}`}
        options={asOptions(nodes)}
        optionFilterProp="label"
        showSearch
        allowClear={level > 1}
        loading={level === 1 && query.isFetching}
      />
    </Form.Item>
  )

  return (
    <Form
      form={form}
      layout="vertical"
      onValuesChange={onValuesChange}
      data-testid="gestion-form"
      initialValues={{ forMe: false }}
    >
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="campaignId"
        label={t('gestion.campaign')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          data-testid="gestion-campaign"
          options={campaigns.options}
          loading={campaigns.loading}
          optionFilterProp="label"
          showSearch
        />
      </Form.Item>
      {campaigns.ready && campaigns.campaigns.length === 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('gestion.noCampaigns')}
          style={{ marginBottom: 16 }}
        />
      )}
      {campaignId && !query.isFetching && tree.length === 0 && (
        <Alert type="info" showIcon message={t('gestion.noResults')} style={{ marginBottom: 16 }} />
      )}
      {campaignId && tree.length > 0 && levelSelect(1, tree)}
      {path[0] && path[0].children.length > 0 && levelSelect(2, path[0].children)}
      {path[1] && path[1].children.length > 0 && levelSelect(3, path[1].children)}
      {last && !last.allowsScheduling && (
        <Alert
          type="info"
          data-testid="gestion-action"
          style={{ marginBottom: 16 }}
          message={t('gestion.actionApplies', {
            action: t(`action.${last.action ?? 'no_action'}`),
          })}
        />
      )}
      <Form.Item name="notes" label={t('gestion.notes')}>
        <Input.TextArea data-testid="gestion-notes" maxLength={5000} autoSize={{ minRows: 2 }} />
      </Form.Item>
      {scheduling && (
        <>
          <Form.Item
            name="callbackAt"
            label={t('gestion.callbackAt')}
            extra={time.zone ? t('gestion.callbackZone', { zone: time.zone }) : undefined}
            dependencies={['forMe']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null | undefined) => {
                  if (!value) {
                    return getFieldValue('forMe')
                      ? Promise.reject(new Error(t('common.required')))
                      : Promise.resolve()
                  }
                  return value.isAfter(time.nowAsPicker())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('gestion.callbackFuture')))
                },
              }),
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format="DD/MM/YYYY HH:mm"
              data-testid="gestion-callback"
              disabledDate={(day) => day.isBefore(time.nowAsPicker(), 'day')}
            />
          </Form.Item>
          <Form.Item
            name="alternatePhone"
            label={t('gestion.alternatePhone')}
            extra={t('gestion.alternatePhoneHelp')}
          >
            <Input data-testid="gestion-alternate-phone" maxLength={30} inputMode="tel" />
          </Form.Item>
          <Form.Item extra={dialer ? t('gestion.forMeHelp') : t('gestion.forMeDialerOnly')}>
            <Tooltip title={dialer ? undefined : t('gestion.forMeDialerOnly')}>
              <span>
                <Form.Item name="forMe" valuePropName="checked" noStyle>
                  <Checkbox data-testid="gestion-for-me" disabled={!dialer}>
                    {t('gestion.forMe')}
                  </Checkbox>
                </Form.Item>
              </span>
            </Tooltip>
          </Form.Item>
        </>
      )}
      <Button
        type="primary"
        icon={<SaveOutlined />}
        loading={saving}
        data-testid="gestion-save"
        onClick={() => save().catch(() => {})}
      >
        {t('gestion.save')}
      </Button>
    </Form>
  )
}
