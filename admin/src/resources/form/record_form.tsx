import { useForm, type BaseKey } from '@refinedev/core'
import { Alert, App, Button, Form, Space } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import type { ResourceDescription } from '../../meta/admin_meta'
import { isApiError, type ApiError } from '../../api/api_error'
import { ApiErrorResult } from '../../pages/errors/api_error_result'
import { placeServerErrors } from '../../feedback/place_server_errors'
import { forgetRelationLabels } from '../fields/relation_label_store'
import { fieldApplies } from '../fields/field_conditions'
import { FormFields } from './form_fields'
import { createDefaults, editableFields, toPayload } from './form_payload'

type Row = Record<string, unknown>

export interface RecordFormProps {
  resource: ResourceDescription
  action: 'create' | 'edit'
  id?: BaseKey
  /** Only these fields, in this order; all writable fields otherwise. */
  fields?: string[]
  /** Values the caller decides and the user does not see (a new phone's client). */
  fixed?: Row
  /** Values a new record starts with besides the defaults, which the user sees and may change. */
  initial?: Row
  /** Open the record's page after saving (the generated screens), or stay (embedded forms). */
  redirect?: 'show' | false
  onSaved?: (record: Row | undefined) => void
  onCancel?: () => void
  submitLabel?: string
  /** Two columns on wide screens for long cards (the client's); one otherwise. */
  columns?: 1 | 2
}

/**
 * A create or edit form for any resource (K8): one antd widget per field type, required marks and
 * client-side checks from the metadata, the server's 422 messages under their fields and any
 * other refusal (409 conflict, 403…) as a banner above them. The generated screens use it as a
 * page; the client page embeds it in tabs and modals.
 */
export function RecordForm(props: RecordFormProps) {
  const { resource, action, id, fixed, redirect = false, onSaved, onCancel } = props
  const { t } = useTranslation()
  const localize = useLocalize()
  const [form] = Form.useForm()
  const [banner, setBanner] = useState<string | null>(null)
  const { modal } = App.useApp()
  // A date in the past (a task's due date) is saved only once the user confirms it.
  const [confirmedPast, setConfirmedPast] = useState(false)
  const fields = editableFields(resource, props.fields, fixed, action)
  const label = localize(resource.label)

  const { onFinish, query, formLoading, mutation } = useForm<Row, ApiError, Row>({
    resource: resource.name,
    action,
    id,
    redirect,
    meta: confirmedPast ? { query: { confirmPast: 1 } } : undefined,
    errorNotification: false,
    successNotification: () => ({
      type: 'success',
      message: t(action === 'create' ? 'resources.form.created' : 'resources.form.saved', {
        label,
      }),
    }),
    onMutationSuccess: (response) => {
      setBanner(null)
      setConfirmedPast(false)
      forgetRelationLabels(resource.name)
      if (action === 'create') form.resetFields()
      onSaved?.(response.data)
    },
    onMutationError: (error) => {
      if (isApiError(error) && error.code === 'DATE_IN_PAST' && !confirmedPast) {
        modal.confirm({
          title: t('confirmPast.title'),
          content: t('confirmPast.text'),
          okText: t('confirmPast.ok'),
          cancelText: t('buttons.cancel'),
          okButtonProps: { 'data-testid': 'confirm-past' },
          onOk: () => setConfirmedPast(true),
        })
        return
      }
      // A 422 is shown beside its fields; what no field shows, and anything else (409…), in the banner.
      setBanner(placeServerErrors(form, error))
    },
    queryOptions: { enabled: action === 'edit' },
  })

  const record = query?.data?.data
  // Conditional fields (a campaign's custom fields) follow the values being typed.
  const typed = Form.useWatch([], { form, preserve: true }) as Row | undefined
  const shown = fields.filter((field) => fieldApplies(field, { ...record, ...typed, ...fixed }))
  useEffect(() => {
    if (record) form.setFieldsValue(record)
  }, [form, record])
  // confirmed: the same values again, now with confirmPast
  useEffect(() => {
    if (confirmedPast) form.submit()
  }, [confirmedPast, form])

  if (action === 'edit' && query?.isError) {
    return <ApiErrorResult error={query.error} onRetry={() => query.refetch()} />
  }

  return (
    <Form
      form={form}
      layout="vertical"
      data-testid={`record-form-${resource.name}`}
      initialValues={
        action === 'create' ? { ...createDefaults(fields), ...props.initial } : undefined
      }
      disabled={action === 'edit' && query?.isLoading}
      onValuesChange={() => setConfirmedPast(false)}
      onFinish={(values) =>
        onFinish(toPayload(shown, values as Row, action, fixed)).catch(() => {})
      }
    >
      {banner && (
        <Alert
          type="error"
          showIcon
          data-testid="form-error"
          message={banner}
          style={{ marginBottom: 16 }}
        />
      )}
      <FormFields fields={shown} action={action} columns={props.columns ?? 1} />
      <Space>
        <Button
          type="primary"
          htmlType="submit"
          loading={formLoading || mutation.isPending}
          data-testid="save-button"
        >
          {props.submitLabel ?? t('buttons.save')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('buttons.cancel')}</Button>}
      </Space>
    </Form>
  )
}
