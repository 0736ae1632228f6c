import { DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { useNotification } from '@refinedev/core'
import { isApiError } from '@tablero/admin'
import { Alert, Button, Form, Modal, Select, Space, Spin, Table, Typography, Upload } from 'antd'
import type { UploadFile } from 'antd'
import { useState } from 'react'
import type { Campaign } from './definitions'
import { errorText } from './error_texts'
import { postMultipart, useShellLanguage } from './file_transfer'
import { TIPIFICACIONES_API, tipificacionesApi } from './tipificaciones_api'
import { useMessages } from './use_messages'
import { useVoiceConfirmation, voiceCampaignsAmong } from './voice_confirmation'

interface RowError {
  key: string
  row: number
  column: string
  message: string
}

/** `rows[7].action` → row 7, column action (backend results_import.ts names them so). */
function rowErrors(errors: Record<string, unknown>): RowError[] {
  return Object.entries(errors).flatMap(([field, messages]) => {
    const match = field.match(/^rows\[(\d+)\]\.(\w+)$/)
    const texts = (Array.isArray(messages) ? messages : [messages]).map(String)
    return texts.map((message, index) => ({
      key: `${field}:${index}`,
      row: match ? Number(match[1]) : 0,
      column: match ? match[2] : field,
      message,
    }))
  })
}

interface ResultsImportModalProps {
  campaignId: number
  campaigns: Campaign[]
  campaignOptions: { value: number; label: string }[]
  onClose: () => void
  onImported: () => void
}

/**
 * T5: many results at once from a CSV into one or more campaigns. The backend checks every row
 * before writing anything; its per-row report is shown as a table to fix the file against.
 */
export function ResultsImportModal(props: ResultsImportModalProps) {
  const t = useMessages()
  const language = useShellLanguage()
  const { open } = useNotification()
  const sendConfirmingVoice = useVoiceConfirmation(t)
  const [campaignIds, setCampaignIds] = useState<number[]>([props.campaignId])
  const [files, setFiles] = useState<UploadFile[]>([])
  const [running, setRunning] = useState(false)
  const [banner, setBanner] = useState<string | null>(null)
  const [rows, setRows] = useState<RowError[]>([])

  const send = (file: File, confirmed: boolean) => {
    const form = new FormData()
    for (const id of campaignIds) form.append('campaignIds[]', String(id))
    if (confirmed) form.append('confirmVoiceIgnoresAction', 'true')
    form.append('file', file)
    return postMultipart<{ data: { rows: number; created: number } }>(
      `${TIPIFICACIONES_API}/results/import`,
      form,
      language
    )
  }

  const submit = async () => {
    const file = files[0]?.originFileObj
    if (!file || campaignIds.length === 0) {
      setBanner(file ? t('results.pickCampaign') : t('import.fileRequired'))
      return
    }
    setRunning(true)
    setBanner(null)
    setRows([])
    try {
      const voice = voiceCampaignsAmong(props.campaigns, campaignIds)
      const answer = await sendConfirmingVoice((confirmed) => send(file, confirmed), voice)
      if (!answer) return
      open?.({ type: 'success', message: t('import.done', answer.data) })
      props.onImported()
    } catch (error) {
      setBanner(errorText(t, error))
      if (isApiError(error) && error.code === 'CSV_ROWS_INVALID' && error.errors) {
        setRows(rowErrors(error.errors))
      }
    } finally {
      setRunning(false)
    }
  }

  return (
    <Modal
      open
      width={720}
      title={t('import.title')}
      okText={t('import.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'loading': running, 'data-testid': 'import-submit' }}
      onOk={() => submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Spin spinning={running} tip={t('import.running')}>
        <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('resultForm.campaigns')} required>
            <Select
              mode="multiple"
              data-testid="import-campaigns"
              value={campaignIds}
              onChange={setCampaignIds}
              options={props.campaignOptions}
              optionFilterProp="label"
            />
          </Form.Item>
          <Form.Item label={t('import.file')} required>
            <Space wrap>
              <Upload
                accept=".csv,text/csv"
                maxCount={1}
                fileList={files}
                beforeUpload={() => false}
                onChange={({ fileList }) => setFiles(fileList.slice(-1))}
                data-testid="import-file"
              >
                <Button icon={<UploadOutlined />}>{t('import.chooseFile')}</Button>
              </Upload>
              <Button
                icon={<DownloadOutlined />}
                href={tipificacionesApi.templateUrl}
                download
                data-testid="import-template"
              >
                {t('import.template')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        {banner && <Alert type="error" showIcon message={banner} data-testid="import-error" />}
        {rows.length > 0 && (
          <Table<RowError>
            style={{ marginTop: 12 }}
            size="small"
            rowKey="key"
            title={() => t('import.rowErrors')}
            dataSource={rows}
            pagination={rows.length > 10 ? { pageSize: 10 } : false}
            data-testid="import-row-errors"
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 70 },
              { title: t('import.column'), dataIndex: 'column', width: 160 },
              { title: t('import.message'), dataIndex: 'message' },
            ]}
          />
        )}
      </Spin>
    </Modal>
  )
}
