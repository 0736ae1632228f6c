import { useNotification } from '@refinedev/core'
import { useLocalize, placeServerErrors } from '@tablero/admin'
import { Alert, Form, Modal, Select, Typography } from 'antd'
import { useState } from 'react'
import { customFieldsApi } from './custom_fields_api'
import {
  CUSTOM_FIELD_TYPES,
  hasOptions,
  type CustomField,
  type CustomFieldType,
  type FieldOption,
} from './definitions'
import { OptionListInput } from './option_list_input'
import { typeLabel, useMessages } from './use_messages'

interface ChangeTypeModalProps {
  field: CustomField
  onClose: (changed: boolean) => void
}

interface ChangeTypeValues {
  type?: CustomFieldType
  options?: FieldOption[]
}

/**
 * A type change is its own, confirmed action (P4): every stored value is converted, or nothing
 * is, and the backend says how many values stood in the way (409 FIELD_TYPE_UNCONVERTIBLE).
 */
export function ChangeTypeModal({ field, onClose }: ChangeTypeModalProps) {
  const t = useMessages()
  const localize = useLocalize()
  const { open } = useNotification()
  const [form] = Form.useForm<ChangeTypeValues>()
  const target = Form.useWatch('type', form)
  const [saving, setSaving] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const label = localize(field.label)

  const change = async () => {
    const values = await form.validateFields()
    const type = values.type!
    setSaving(true)
    setRefusal(null)
    try {
      await customFieldsApi.changeFieldType(
        field.id,
        type,
        hasOptions(type) ? values.options : undefined
      )
      open?.({
        type: 'success',
        message: t('changeType.done', { label, type: typeLabel(t, type) }),
      })
      onClose(true)
    } catch (error) {
      setRefusal(placeServerErrors(form, error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      width={640}
      title={t('changeType.title', { label })}
      okText={t('changeType.submit')}
      okButtonProps={{ 'danger': true, 'loading': saving, 'data-testid': 'change-type-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => change().catch(() => {})}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('changeType.current', { type: typeLabel(t, field.type) })}
      </Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        message={t('changeType.warning')}
        style={{ marginBottom: 16 }}
      />
      {refusal && (
        <Alert
          type="error"
          showIcon
          data-testid="change-type-refused"
          message={t('changeType.refused')}
          description={refusal}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical" initialValues={{ options: field.options ?? [] }}>
        <Form.Item
          name="type"
          label={t('changeType.target')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            data-testid="change-type-target"
            options={CUSTOM_FIELD_TYPES.filter((type) => type !== field.type).map((type) => ({
              value: type,
              label: typeLabel(t, type),
            }))}
          />
        </Form.Item>
        {target && hasOptions(target) && <OptionListInput />}
      </Form>
    </Modal>
  )
}
