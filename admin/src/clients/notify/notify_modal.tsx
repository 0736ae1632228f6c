import { smsLength } from '@tablero/shared/sms_length'
import { App, Alert, Button, Form, Input, Modal, Radio, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/http_client'
import { placeServerErrors } from '../../feedback/place_server_errors'
import { clientName, type ClientRecord } from '../client_record'
import { SmsCounter } from './sms_counter'

interface NotifyValues {
  channel: 'sms' | 'email'
  to?: string
  subject?: string
  body: string
}

interface NotifyModalProps {
  client: ClientRecord
  open: boolean
  onClose: () => void
}

/**
 * Sends the client an SMS or an e-mail (C6) through the backend's provider. An SMS that does not
 * fit one message (counted as carriers do, shared/sms_length) is blocked here and refused there; a provider failure (502) is shown in the dialog
 * so the agent can retry or pick the other channel. Every attempt lands in the client's log.
 */
export function NotifyModal({ client, open, onClose }: NotifyModalProps) {
  const { t } = useTranslation()
  const { notification } = App.useApp()
  const [form] = Form.useForm<NotifyValues>()
  const channel = Form.useWatch('channel', form) ?? 'sms'
  const body = Form.useWatch('body', form) ?? ''
  // Counted on the trimmed text, as the backend counts what it sends.
  const sms = channel === 'sms' ? smsLength(body.trim()) : null
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const defaultTo = channel === 'sms' ? client.primary_phone : client.email

  const send = async (values: NotifyValues) => {
    setSending(true)
    setFailure(null)
    try {
      const payload = { ...values, to: values.to?.trim() || undefined }
      if (payload.channel === 'sms') delete payload.subject
      await api.post(`/api/clients/${client.id}/notify`, payload)
      notification.success({ message: t(`clients.notify.sent.${values.channel}`) })
      form.resetFields()
      onClose()
    } catch (error) {
      setFailure(placeServerErrors(form, error))
    } finally {
      setSending(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('clients.notify.title', { name: clientName(client) })}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('buttons.cancel')}</Button>
          <Button
            type="primary"
            loading={sending}
            data-testid="notify-send"
            onClick={() => form.submit()}
          >
            {t('clients.notify.send')}
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      <Form<NotifyValues>
        form={form}
        layout="vertical"
        initialValues={{ channel: 'sms' }}
        onFinish={send}
        data-testid="notify-form"
      >
        {failure && (
          <Alert
            type="error"
            showIcon
            data-testid="notify-error"
            message={failure}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form.Item name="channel" label={t('clients.notify.channel')}>
          <Radio.Group
            optionType="button"
            data-testid="notify-channel"
            options={[
              { value: 'sms', label: t('clients.notify.sms') },
              { value: 'email', label: t('clients.notify.email') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="to"
          label={t('clients.notify.to')}
          extra={defaultTo ? t('clients.notify.defaultTo', { to: defaultTo }) : undefined}
        >
          <Input placeholder={defaultTo ?? ''} data-testid="notify-to" />
        </Form.Item>
        {channel === 'email' && (
          <Form.Item
            name="subject"
            label={t('clients.notify.subject')}
            rules={[{ required: true, message: t('resources.form.required') }]}
          >
            <Input maxLength={200} data-testid="notify-subject" />
          </Form.Item>
        )}
        <Form.Item
          name="body"
          label={t('clients.notify.body')}
          rules={[
            { required: true, whitespace: true, message: t('resources.form.required') },
            ...(sms
              ? [
                  {
                    validator: async (_rule: unknown, value?: string) => {
                      const counted = smsLength((value ?? '').trim())
                      if (!counted.fits) {
                        throw new Error(t('clients.notify.smsTooLong', { ...counted }))
                      }
                    },
                  },
                ]
              : []),
          ]}
          extra={sms && <SmsCounter counted={sms} />}
        >
          <Input.TextArea
            data-testid="notify-body"
            autoSize={{ minRows: 4, maxRows: 10 }}
            showCount={!sms}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
