import { useInvalidate } from '@refinedev/core'
import { Alert, App, Button, Empty, Form, Select, Space } from 'antd'
import { useState, type Key } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../../api/http_client'
import { useLocalize } from '../../../i18n/localized_text'
import type { ResourceDescription } from '../../../meta/admin_meta'
import { forgetRelationLabels } from '../../fields/relation_label_store'
import { ValueInput } from '../../fields/value_input'
import { fieldRules } from '../../form/field_rules'
import { toPayload } from '../../form/form_payload'
import { BulkEditConfirmation } from './bulk_edit_confirmation'
import { bulkEditableFields } from './bulk_editable_fields'
import { placeServerErrors } from '../../../feedback/place_server_errors'

type Row = Record<string, unknown>

interface BulkEditFormProps {
  resource: ResourceDescription
  ids: Key[]
  onUpdated: () => void
  onCancel: () => void
}

/**
 * Pick a field, type its value with the generic form's own widget, read the sentence naming the
 * change, then one `bulk-update` request. The engine changes all the records or none: on a
 * refusal the dialog goes back to the value, with the server's message under it (422) or above
 * the form (403, 409…), and the list stays as it was.
 */
export function BulkEditForm({ resource, ids, onUpdated, onCancel }: BulkEditFormProps) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { notification } = App.useApp()
  const invalidate = useInvalidate()
  const [form] = Form.useForm<Row>()
  const fields = bulkEditableFields(resource)
  const [fieldName, setFieldName] = useState<string>()
  const field = fields.find((candidate) => candidate.name === fieldName)
  // The values to send once reviewed; while set, the dialog shows the confirmation.
  const [pending, setPending] = useState<Row | null>(null)
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const choose = (name: string) => {
    form.resetFields()
    setFailure(null)
    setFieldName(name)
  }

  const apply = async () => {
    if (!field || !pending) return
    setSaving(true)
    try {
      const response = await api.post<{ data: { affected: number } }>(
        `/api/r/${encodeURIComponent(resource.name)}/bulk-update`,
        { ids, values: pending }
      )
      notification.success({
        message: t('resources.bulkEdit.updated', { count: response.data.affected }),
      })
      forgetRelationLabels(resource.name)
      onUpdated()
      await invalidate({ resource: resource.name, invalidates: ['list', 'many'] })
    } catch (error) {
      setPending(null)
      setFailure(placeServerErrors(form, error))
    } finally {
      setSaving(false)
    }
  }

  if (fields.length === 0) {
    return <Empty description={t('resources.bulkEdit.noFields')} />
  }

  return (
    <Space
      direction="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="bulk-edit-dialog"
    >
      {failure && <Alert type="error" showIcon data-testid="bulk-edit-error" message={failure} />}
      {/* Kept mounted while confirming, so a refusal's field message lands under the input. */}
      <Form<Row>
        form={form}
        layout="vertical"
        data-testid="bulk-edit-form"
        style={{ display: pending ? 'none' : undefined }}
        onFinish={(typed) => {
          if (!field) return
          setFailure(null)
          setPending(toPayload([field], typed, 'edit'))
        }}
      >
        <Form.Item label={t('resources.bulkEdit.field')} required>
          <Select
            data-testid="bulk-edit-field"
            value={fieldName}
            onChange={choose}
            placeholder={t('resources.bulkEdit.fieldPlaceholder')}
            options={fields.map((candidate) => ({
              value: candidate.name,
              label: localize(candidate.label),
            }))}
          />
        </Form.Item>
        {field && (
          <div data-testid={`form-item-${field.name}`}>
            <Form.Item
              key={field.name}
              name={field.name}
              label={t('resources.bulkEdit.value', { field: localize(field.label) })}
              rules={fieldRules(field, 'edit', t)}
              initialValue={field.type === 'boolean' ? false : undefined}
              extra={field.required ? undefined : t('resources.bulkEdit.clearHint')}
            >
              <ValueInput field={field} data-testid={`input-${field.name}`} />
            </Form.Item>
          </div>
        )}
      </Form>
      {field && pending && (
        <BulkEditConfirmation
          resource={resource}
          field={field}
          value={pending[field.name]}
          count={ids.length}
        />
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        {pending ? (
          <>
            <Button onClick={() => setPending(null)} data-testid="bulk-edit-back">
              {t('resources.bulkEdit.back')}
            </Button>
            <Button type="primary" loading={saving} onClick={apply} data-testid="bulk-edit-apply">
              {t('resources.bulkEdit.apply')}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={onCancel}>{t('buttons.cancel')}</Button>
            <Button
              type="primary"
              disabled={!field}
              onClick={() => form.submit()}
              data-testid="bulk-edit-review"
            >
              {t('resources.bulkEdit.review')}
            </Button>
          </>
        )}
      </Space>
    </Space>
  )
}
