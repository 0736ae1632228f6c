import { errorText } from './error_texts'
import { placeServerErrors } from '@tablero/admin'
import { SaveOutlined } from '@ant-design/icons'
import { useNotification } from '@refinedev/core'
import { Alert, Button, Checkbox, DatePicker, Form, Input, Select, Tooltip } from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import type { ResultNode } from './definitions'
import { tipificacionesApi, type GestionInput } from './tipificaciones_api'
import { useCampaigns } from './use_campaigns'
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
 * T6, seed 001 "Agente → Info": campaign → result level 1 → 2 → 3 (each select appears when the
 * previous choice has children), notes, and — only when the chosen leaf allows scheduling — the
 * callback time, an alternate phone and "Para mí" (enabled on dialer campaigns only).
 */
export function GestionForm({ clientId, defaultCampaignId, onSaved }: GestionFormProps) {
  const t = useMessages()
  const time = useUserTime()
  const { open } = useNotification()
  const campaigns = useCampaigns(t)
  const [form] = Form.useForm<GestionValues>()
  const [saving, setSaving] = useState(false)
  const [banner, setBanner] = useState<string | null>(null)

  const values = Form.useWatch([], form) ?? {}
  const campaignId = values.campaignId
  const { tree, query } = useResultTree(campaignId)
  const path = chosenPath(tree, [values.level1Id, values.level2Id, values.level3Id])
  const last = path.at(-1)
  const leaf = last && last.children.length === 0 ? last : undefined
  const scheduling = Boolean(leaf?.allowsScheduling)
  const dialer = campaigns.find(campaignId)?.type === 'outbound_dialer'

  // The client's campaign arrives with the client record; it is the default, not a lock.
  useEffect(() => {
    if (defaultCampaignId && !form.getFieldValue('campaignId')) {
      form.setFieldsValue({ campaignId: defaultCampaignId })
    }
  }, [defaultCampaignId, form])

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
      form.setFieldsValue({ campaignId: body.campaignId })
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

  const levelSelect = (level: 1 | 2 | 3, nodes: ResultNode[]) => (
    <Form.Item
      key={level}
      name={`level${level}Id`}
      label={t(`gestion.level${level}`)}
      rules={[{ required: true, message: t('common.required') }]}
    >
      <Select
        data-testid={`gestion-level${level}`}
        options={asOptions(nodes)}
        optionFilterProp="label"
        showSearch
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
      initialValues={{ campaignId: defaultCampaignId, forMe: false }}
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
      {campaignId && !query.isFetching && tree.length === 0 && (
        <Alert type="info" showIcon message={t('gestion.noResults')} style={{ marginBottom: 16 }} />
      )}
      {campaignId && tree.length > 0 && levelSelect(1, tree)}
      {path[0] && path[0].children.length > 0 && levelSelect(2, path[0].children)}
      {path[1] && path[1].children.length > 0 && levelSelect(3, path[1].children)}
      <Form.Item name="notes" label={t('gestion.notes')}>
        <Input.TextArea data-testid="gestion-notes" maxLength={5000} autoSize={{ minRows: 2 }} />
      </Form.Item>
      {scheduling && (
        <>
          <Form.Item
            name="callbackAt"
            label={t('gestion.callbackAt')}
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
