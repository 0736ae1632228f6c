import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import { Alert, Button, Flex, Form, Input, Progress, Typography, Upload } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/api_error'
import { fieldMessages } from '../../feedback/place_server_errors'
import { formatFileSize } from '../../clients/tabs/file_size'
import { useUserLocale } from '../fields/use_user_locale'
import { IMPORT_MAX_BYTES } from './import_job'
import type { ImportFlow } from './use_import_job'
import { RelationSelect } from '../form/relation_select'
import type { ResourceDescription } from '../../meta/admin_meta'
import { ImportModeFields, offersUpdateMode } from './import_mode_fields'

const CAMPAIGNS = { resource: 'campaigns', labelField: 'name' }

/** The base an upload of clients makes: its name (the file's by default) and its campaign. */
function BaseFields({ onChange }: { onChange: (fields: Record<string, string>) => void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [campaign, setCampaign] = useState<string | null>(null)
  const update = (nextName: string, nextCampaign: string | null) => {
    setName(nextName)
    setCampaign(nextCampaign)
    onChange({
      ...(nextName.trim() ? { base_name: nextName.trim() } : {}),
      ...(nextCampaign ? { campaign_id: nextCampaign } : {}),
    })
  }
  return (
    <Form layout="vertical" component="div" data-testid="import-base-fields">
      <Flex gap={16} wrap>
        <Form.Item
          label={t('bases.upload.name')}
          help={t('bases.upload.nameHelp')}
          style={{ flex: 1, minWidth: 220 }}
        >
          <Input
            value={name}
            maxLength={120}
            data-testid="import-base-name"
            onChange={(event) => update(event.target.value, campaign)}
          />
        </Form.Item>
        <Form.Item label={t('bases.upload.campaign')} style={{ flex: 1, minWidth: 220 }}>
          <RelationSelect
            relation={CAMPAIGNS}
            value={campaign}
            data-testid="import-base-campaign"
            onChange={(value) => update(name, value === null ? null : String(value))}
          />
        </Form.Item>
      </Flex>
    </Form>
  )
}

/**
 * Step 1: the template to fill in and the drop zone. The browser refuses what the server would
 * (not a .csv, over 50 MB) before sending a byte; the server's own refusals show in the same
 * place, with its reasons.
 */
export function ImportUploadStep({
  flow,
  asBase,
  resource,
}: {
  flow: ImportFlow
  asBase?: boolean
  /** Offers the update mode when the resource has key fields and the user may update. */
  resource?: ResourceDescription
}) {
  const { t } = useTranslation()
  const baseFields = useRef<Record<string, string>>({})
  const modeFields = useRef<Record<string, string>>({})
  const { locale } = useUserLocale()
  const [refusal, setRefusal] = useState<string | null>(null)
  const maxSize = formatFileSize(IMPORT_MAX_BYTES, locale)
  const uploading = flow.uploadPercent !== null

  const accept = (file: File) => {
    if (!file.name.toLowerCase().endsWith('.csv')) {
      setRefusal(t('resources.import.notCsv', { name: file.name }))
      return false
    }
    if (file.size > IMPORT_MAX_BYTES) {
      setRefusal(t('resources.import.tooLarge', { max: maxSize }))
      return false
    }
    setRefusal(null)
    return true
  }

  const serverError = flow.uploadError
  const serverMessage = !serverError
    ? null
    : isApiError(serverError) && serverError.statusCode === 413
      ? t('resources.import.tooLarge', { max: maxSize })
      : serverError instanceof Error
        ? serverError.message
        : t('resources.import.uploadFailed')
  const details = serverMessage ? fieldMessages(serverError) : []

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('resources.import.templateHelp')}</Typography.Text>
        <Button
          icon={<DownloadOutlined />}
          href={flow.api.templateUrl}
          download
          data-testid="import-template"
        >
          {t('resources.import.template')}
        </Button>
      </Flex>
      {asBase && (
        <BaseFields
          onChange={(fields) => {
            baseFields.current = fields
          }}
        />
      )}
      {resource && offersUpdateMode(resource) && (
        <ImportModeFields
          resource={resource}
          onChange={(fields) => {
            modeFields.current = fields
          }}
        />
      )}
      <div data-testid="import-dragger">
        <Upload.Dragger
          accept=".csv,text/csv"
          multiple={false}
          showUploadList={false}
          disabled={uploading}
          beforeUpload={(file) => (accept(file) ? true : Upload.LIST_IGNORE)}
          customRequest={({ file }) =>
            void flow.upload(file as File, { ...baseFields.current, ...modeFields.current })
          }
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('resources.import.dropHint')}</p>
          <p className="ant-upload-hint">{t('resources.import.dropLimit', { max: maxSize })}</p>
        </Upload.Dragger>
      </div>
      {uploading && (
        <Progress percent={flow.uploadPercent ?? 0} status="active" data-testid="import-upload" />
      )}
      {(refusal || serverMessage) && (
        <Alert
          type="error"
          showIcon
          data-testid="import-upload-error"
          message={refusal ?? serverMessage}
          description={
            !refusal && details.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </Flex>
  )
}
