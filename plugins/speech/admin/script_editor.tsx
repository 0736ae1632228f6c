import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EyeOutlined,
  HistoryOutlined,
  SaveOutlined,
} from '@ant-design/icons'
import { useNotification } from '@refinedev/core'
import { placeServerErrors, useActionFeedback } from '@tablero/admin'
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import type { Script } from './definitions'
import RichTextEditor from './rich_text_editor'
import { ScriptPreviewModal } from './script_preview_modal'
import { useMessages } from './use_messages'
import { useCampaigns, useScripts, useScriptWrites, useVariables } from './use_speech_data'
import { unknownTokens } from './variable_tokens'
import { VersionHistoryDrawer } from './version_history_drawer'

export const SPEECH_PATH = '/speech'
const EMPTY_SCRIPT = '<p></p>'

interface ScriptEditorProps {
  /** The saved script, or null to write a new one. */
  initial: Script | null
  /** Campaign preselected for a new script (`/speech/new?campaign=`). */
  campaignId?: number
  /** Reloads the saved script into a fresh editor (after a restore). */
  onReload: () => void
}

/** Campaigns that have a script already cannot get a second one (the API refuses it). */
function useCampaignOptions(creating: boolean) {
  const t = useMessages()
  const { campaigns, loading } = useCampaigns()
  const { scripts } = useScripts()
  const taken = new Set(creating ? scripts.map((script) => script.campaign.id) : [])
  return {
    loading,
    options: campaigns.map((campaign) => ({
      value: campaign.id,
      label: taken.has(campaign.id)
        ? `${campaign.name} (${t('editor.campaignTaken')})`
        : campaign.name,
      disabled: taken.has(campaign.id),
    })),
  }
}

/**
 * Writing a campaign's script (S1–S4): title, rich text with variables, the unknown-variable
 * warning (tokens the campaign does not offer stay in the text, marked), preview, version
 * history with restore, delete. Every save is a new version on the server.
 */
export function ScriptEditor({ initial, onReload, ...props }: ScriptEditorProps) {
  const t = useMessages()
  const navigate = useNavigate()
  const { open } = useNotification()
  const runAction = useActionFeedback()
  const [form] = Form.useForm<{ campaign_id?: number; title: string }>()
  const writes = useScriptWrites()
  const [current, setCurrent] = useState<Script | null>(initial)
  const [html, setHtml] = useState(initial?.html || EMPTY_SCRIPT)
  const [saving, setSaving] = useState(false)
  const [banner, setBanner] = useState<string | null>(null)
  const [panel, setPanel] = useState<'preview' | 'history' | null>(null)
  const chosenCampaign = Form.useWatch('campaign_id', form)
  const campaignId = current?.campaign.id ?? chosenCampaign ?? props.campaignId
  const campaigns = useCampaignOptions(!current)
  const { variables, loading: variablesLoading } = useVariables(campaignId)

  const known = new Set(variables.map((variable) => variable.name))
  const unknown = campaignId && !variablesLoading ? [...new Set(unknownTokens(html, known))] : []

  const save = async () => {
    const values = await form.validateFields()
    setSaving(true)
    setBanner(null)
    try {
      if (current) {
        const data = await writes.update(current.id, { title: values.title, html })
        setCurrent({ ...current, title: data.title, version: data.version, html: data.html })
        open?.({
          type: 'success',
          message: t('editor.saved', { title: data.title, version: data.version }),
        })
      } else {
        const data = await writes.create({
          campaign_id: values.campaign_id!,
          title: values.title,
          html,
        })
        open?.({ type: 'success', message: t('editor.created', { title: data.title }) })
        navigate(`${SPEECH_PATH}/${data.id}`, { replace: true })
      }
    } catch (error) {
      setBanner(placeServerErrors(form, error))
    } finally {
      setSaving(false)
    }
  }

  const remove = async () => {
    if (!current) return
    const deleted = await runAction(
      () => writes.remove(current.id),
      t('scripts.deleted', { title: current.title })
    )
    if (deleted) navigate(SPEECH_PATH)
  }

  return (
    <Card data-testid="speech-editor-page">
      <Link to={SPEECH_PATH}>
        <ArrowLeftOutlined /> {t('editor.back')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ margin: '8px 0 16px' }}>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {current
              ? t('editor.editTitle', { campaign: current.campaign.name })
              : t('editor.createTitle')}
          </Typography.Title>
          {current && (
            <Tag color="blue" data-testid="script-version">
              {t('editor.versionTag', { version: current.version })}
            </Tag>
          )}
        </Space>
        <Space wrap>
          <Button
            icon={<EyeOutlined />}
            onClick={() => setPanel('preview')}
            data-testid="script-preview"
          >
            {t('scripts.preview')}
          </Button>
          {current && (
            <Button
              icon={<HistoryOutlined />}
              onClick={() => setPanel('history')}
              data-testid="script-history"
            >
              {t('scripts.history')}
            </Button>
          )}
          {current && (
            <Popconfirm
              title={t('scripts.deleteTitle', { title: current.title })}
              description={
                <Typography.Paragraph style={{ maxWidth: 300, marginBottom: 0 }}>
                  {t('scripts.deleteText')}
                </Typography.Paragraph>
              }
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={remove}
            >
              <Button danger icon={<DeleteOutlined />} data-testid="script-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            onClick={() => save().catch(() => {})}
            data-testid="script-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      </Flex>
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ campaign_id: props.campaignId, title: initial?.title ?? '' }}
      >
        {!current && (
          <Form.Item
            name="campaign_id"
            label={t('editor.campaign')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              style={{ maxWidth: 420 }}
              data-testid="script-campaign"
              options={campaigns.options}
              loading={campaigns.loading}
              optionFilterProp="label"
              showSearch
            />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('editor.title')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} data-testid="script-title" />
        </Form.Item>
        <Form.Item label={t('editor.body')} required>
          {/* A fixed wrapper: the warning coming and going must not remount the editor. */}
          <div>
            {unknown.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="unknown-variables"
                message={t('editor.unknownTitle')}
                description={
                  <Space direction="vertical" size={4}>
                    <Space size={[4, 4]} wrap>
                      {unknown.map((name) => (
                        <Tag key={name} color="red" data-testid="unknown-variable">
                          {`{{${name}}}`}
                        </Tag>
                      ))}
                    </Space>
                    <span>{t('editor.unknownText')}</span>
                  </Space>
                }
              />
            )}
          </div>
          <RichTextEditor
            initialHtml={html}
            onChange={setHtml}
            variables={variables}
            variablesUnavailable={campaignId ? undefined : t('editor.pickCampaignFirst')}
          />
        </Form.Item>
      </Form>
      {panel === 'preview' && (
        <ScriptPreviewModal
          title={form.getFieldValue('title') || current?.title || ''}
          campaignId={campaignId ?? 0}
          draftHtml={html}
          variables={variables}
          saved={Boolean(current)}
          onClose={() => setPanel(null)}
        />
      )}
      {panel === 'history' && current && (
        <VersionHistoryDrawer
          script={current}
          onClose={() => setPanel(null)}
          onRestored={() => {
            setPanel(null)
            onReload()
          }}
        />
      )}
    </Card>
  )
}
