import { useNotification } from '@refinedev/core'
import {
  useLocalize,
  placeServerErrors,
  useResourceCreate,
  useResourceUpdate,
} from '@tablero/admin'
import { Alert, Button, Card, Form, Space } from 'antd'
import { useEffect, useState } from 'react'
import { FIELD_RESOURCE, asFormError, fieldColumns } from './custom_fields_api'
import type { CustomField } from './definitions'
import { FieldFormItems } from './field_form_items'
import {
  keyFromLabel,
  newFieldValues,
  toDraftField,
  toFieldInput,
  toFormValues,
  type FieldFormValues,
  type PreviewField,
} from './field_values'
import { useMessages } from './use_messages'

interface FieldEditorProps {
  profileId: number
  /** The field to edit; none to add one. */
  field?: CustomField
  /** Every keystroke's version of the field, for the live preview; null when closed. */
  onDraft: (draft: PreviewField | null) => void
  onClose: (saved: boolean) => void
}

/**
 * Adds a field to a profile or edits one (label, help, required, default, group, options,
 * range; never key or type). The server's 422s, key collisions included, show on the inputs.
 */
export function FieldEditor({ profileId, field, onDraft, onClose }: FieldEditorProps) {
  const t = useMessages()
  const localize = useLocalize()
  const { open } = useNotification()
  const [form] = Form.useForm<FieldFormValues>()
  const { create } = useResourceCreate(FIELD_RESOURCE)
  const { update } = useResourceUpdate(FIELD_RESOURCE)
  const [saving, setSaving] = useState(false)
  const [banner, setBanner] = useState<string | null>(null)
  const initialValues = field ? toFormValues(field) : newFieldValues()

  useEffect(() => {
    onDraft(toDraftField(initialValues, field))
    return () => onDraft(null)
    // The draft starts from the field once; later changes come from the form itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field?.id])

  const followEdits = (changed: Partial<FieldFormValues>) => {
    // Until the supervisor types a key, propose one from the Spanish label.
    if (!field && changed.label?.es !== undefined && !form.isFieldTouched('key')) {
      form.setFieldValue('key', keyFromLabel(changed.label.es))
    }
    // A default of the old type means nothing for the new one.
    if (changed.type) form.setFieldValue('defaultValue', undefined)
    onDraft(toDraftField(form.getFieldsValue(true) as FieldFormValues, field))
  }

  const save = async (values: FieldFormValues) => {
    const input = toFieldInput(values, field)
    setSaving(true)
    setBanner(null)
    try {
      // The engine creates the field with its clients column; a refusal lands on the inputs.
      if (field) await update(field.id, fieldColumns(input)).catch(asFormError)
      else await create(fieldColumns(input, profileId)).catch(asFormError)
      const label = localize(input.label)
      open?.({ type: 'success', message: t(field ? 'field.saved' : 'field.created', { label }) })
      onClose(true)
    } catch (error) {
      setBanner(placeServerErrors(form, error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Card
      data-testid="field-editor"
      title={
        field ? t('field.editTitle', { label: localize(field.label) }) : t('field.createTitle')
      }
    >
      {banner && (
        <Alert
          type="error"
          showIcon
          message={banner}
          data-testid="field-form-error"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={followEdits}
        onFinish={(values) => save(values).catch(() => {})}
      >
        <FieldFormItems field={field} />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="field-save">
            {t('common.save')}
          </Button>
          <Button onClick={() => onClose(false)} data-testid="field-cancel">
            {t('common.cancel')}
          </Button>
        </Space>
      </Form>
    </Card>
  )
}
