import { errorText } from './error_texts'
import { placeServerErrors } from '@tablero/admin'
import { useNotification } from '@refinedev/core'
import { Alert, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd'
import { useState } from 'react'
import { RESULT_ACTIONS, type Campaign, type ResultAction, type ResultNode } from './definitions'
import { tipificacionesApi, type NewResultInput } from './tipificaciones_api'
import { useMessages } from './use_messages'
import { useResultWrites } from './use_results'
import { useVoiceConfirmation, voiceCampaignsAmong, voiceNames } from './voice_confirmation'

/** A new level-1 result (for one or more campaigns), a child of a result, or an edit. */
export type ResultFormMode =
  | { kind: 'root'; campaignId: number }
  | { kind: 'child'; parent: ResultNode }
  | { kind: 'edit'; node: ResultNode }

interface ResultFormValues {
  campaignIds?: number[]
  name: string
  /** The radio: false = runs an action, true = allows scheduling (T2: never both). */
  allowsScheduling: boolean
  action?: ResultAction
  deleteScheduled: boolean
  gamificationMeasure?: number | null
}

interface ResultFormModalProps {
  mode: ResultFormMode
  campaigns: Campaign[]
  campaignOptions: { value: number; label: string }[]
  onClose: () => void
  onSaved: () => void
}

function initialValues(mode: ResultFormMode): ResultFormValues {
  if (mode.kind !== 'edit') {
    return {
      campaignIds: mode.kind === 'root' ? [mode.campaignId] : undefined,
      name: '',
      allowsScheduling: false,
      // a grouping node ("Contactado") needs no action of its own: "Sin acción"
      action: 'no_action',
      deleteScheduled: false,
      gamificationMeasure: null,
    }
  }
  const { node } = mode
  return {
    name: node.name,
    allowsScheduling: node.allowsScheduling,
    action: node.action ?? undefined,
    deleteScheduled: node.deleteScheduled,
    gamificationMeasure: node.gamificationMeasure,
  }
}

function title(t: ReturnType<typeof useMessages>, mode: ResultFormMode) {
  if (mode.kind === 'root') return t('resultForm.createTitle')
  if (mode.kind === 'child') return t('resultForm.childTitle', { name: mode.parent.name })
  return t('resultForm.editTitle', { name: mode.node.name })
}

/**
 * Name, behaviour, flags and measure of one result (T1–T4). The behaviour is a single radio, so
 * an action and "allows scheduling" cannot both be chosen; the action select only exists while
 * "runs an action" is picked.
 */
export function ResultFormModal(props: ResultFormModalProps) {
  const { mode, campaigns, onClose, onSaved } = props
  const t = useMessages()
  const { open } = useNotification()
  const sendConfirmingVoice = useVoiceConfirmation(t)
  const writes = useResultWrites()
  const [form] = Form.useForm<ResultFormValues>()
  const [saving, setSaving] = useState(false)
  const [banner, setBanner] = useState<string | null>(null)
  const scheduling = Form.useWatch('allowsScheduling', form)
  const chosenAction = Form.useWatch('action', form)
  const chosenIds = Form.useWatch('campaignIds', form)

  const targetIds =
    mode.kind === 'root'
      ? (chosenIds ?? [])
      : [mode.kind === 'child' ? mode.parent.campaignId : mode.node.campaignId]
  const voiceTargets = voiceCampaignsAmong(campaigns, targetIds)

  const create = async (values: ResultFormValues) => {
    const input: NewResultInput = {
      name: values.name.trim(),
      ...(values.allowsScheduling ? { allowsScheduling: true } : { action: values.action }),
      deleteScheduled: values.deleteScheduled,
      gamificationMeasure: values.gamificationMeasure ?? undefined,
    }
    if (mode.kind === 'root') input.campaignIds = values.campaignIds
    if (mode.kind === 'child') input.parentId = mode.parent.id
    const answer = await sendConfirmingVoice(
      (confirmed) =>
        tipificacionesApi.createResult({
          ...input,
          confirmVoiceIgnoresAction: confirmed || undefined,
        }),
      voiceTargets
    )
    if (!answer) return false
    const count = answer.data.length
    open?.({
      type: 'success',
      message:
        count > 1
          ? t('resultForm.createdMany', { name: input.name, count })
          : t('resultForm.created', { name: input.name }),
    })
    return true
  }

  const update = async (node: ResultNode, values: ResultFormValues) => {
    await writes.updateResult(node.id, {
      name: values.name.trim(),
      allowsScheduling: values.allowsScheduling,
      action: values.allowsScheduling ? null : values.action,
      deleteScheduled: values.deleteScheduled,
      gamificationMeasure: values.gamificationMeasure ?? null,
    })
    open?.({ type: 'success', message: t('resultForm.saved', { name: values.name.trim() }) })
    return true
  }

  const save = async () => {
    const values = await form.validateFields()
    setSaving(true)
    setBanner(null)
    try {
      const done = mode.kind === 'edit' ? await update(mode.node, values) : await create(values)
      if (done) onSaved()
    } catch (error) {
      setBanner(
        placeServerErrors(form, error, {
          describe: (refusal) => errorText(t, refusal),
          codeFields: { ACTION_AND_SCHEDULING: 'allowsScheduling', TOO_DEEP: 'name' },
        })
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={title(t, mode)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'loading': saving, 'data-testid': 'result-save' }}
      onOk={() => save().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
    >
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues(mode)}
        data-testid="result-form"
      >
        {mode.kind === 'root' && (
          <Form.Item
            name="campaignIds"
            label={t('resultForm.campaigns')}
            extra={t('resultForm.campaignsHelp')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              mode="multiple"
              data-testid="result-campaigns"
              options={props.campaignOptions}
              optionFilterProp="label"
            />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('resultForm.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input data-testid="result-name" maxLength={120} autoFocus />
        </Form.Item>
        <Form.Item
          name="allowsScheduling"
          label={t('resultForm.behaviour')}
          extra={t('resultForm.behaviourHelp')}
        >
          <Radio.Group
            data-testid="result-behaviour"
            options={[
              { value: false, label: t('resultForm.useAction') },
              { value: true, label: t('resultForm.useScheduling') },
            ]}
          />
        </Form.Item>
        {!scheduling && (
          <Form.Item
            name="action"
            label={t('resultForm.action')}
            extra={t('resultForm.actionDefault')}
          >
            <Select
              data-testid="result-action"
              options={RESULT_ACTIONS.map((action) => ({
                value: action,
                label: t(`action.${action}`),
              }))}
            />
          </Form.Item>
        )}
        {!scheduling && chosenAction && chosenAction !== 'no_action' && voiceTargets.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t(voiceTargets.length === 1 ? 'voice.notice.one' : 'voice.notice', {
              names: voiceNames(voiceTargets),
            })}
          />
        )}
        <Form.Item
          name="deleteScheduled"
          label={t('resultForm.deleteScheduled')}
          extra={t('resultForm.deleteScheduledHelp')}
          valuePropName="checked"
        >
          <Switch data-testid="result-delete-scheduled" />
        </Form.Item>
        <Form.Item name="gamificationMeasure" label={t('resultForm.measure')}>
          <InputNumber
            data-testid="result-measure"
            min={-100000}
            max={100000}
            style={{ width: 180 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
