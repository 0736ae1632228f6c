import { useLocalize, useResourceList } from '@tablero/admin'
import { Form, Input, Radio, Select } from 'antd'
import type { WalletAction } from './tubolsillo_api'
import type { Translate } from './use_messages'

export interface ToggleValues {
  action: WalletAction
  reason_id?: number
  note?: string
}

interface ReasonRow {
  id: number
  label: string
  applies_to: 'both' | WalletAction
}

/**
 * The action, a reason from the supervisors' list (`tubolsillo_reasons`, only those for the
 * chosen action) and free text: what every toggle, one or in bulk, is asked with. Lives inside
 * the caller's antd `Form`.
 */
export function ToggleFields({
  t,
  action,
  fixedAction,
}: {
  t: Translate
  action: WalletAction
  fixedAction?: boolean
}) {
  const localize = useLocalize()
  const { records } = useResourceList<ReasonRow & { [key: string]: unknown }>(
    'tubolsillo_reasons',
    {
      filters: [{ field: 'active', operator: 'eq', value: true }],
      sorters: [{ field: 'label', order: 'asc' }],
      pagination: { pageSize: 100 },
    }
  )
  const reasons = records.filter(
    (reason) => reason.applies_to === 'both' || reason.applies_to === action
  )
  return (
    <>
      {!fixedAction && (
        <Form.Item name="action" label={t('form.action')} rules={[{ required: true }]}>
          <Radio.Group data-testid="tubolsillo-action">
            <Radio.Button value="deactivate">{t('action.deactivate')}</Radio.Button>
            <Radio.Button value="activate">{t('action.activate')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
      )}
      <Form.Item
        name="reason_id"
        label={t('form.reason')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <Select
          data-testid="tubolsillo-reason"
          options={reasons.map((reason) => ({ value: reason.id, label: localize(reason.label) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('form.note')}>
        <Input.TextArea maxLength={500} rows={2} data-testid="tubolsillo-note" />
      </Form.Item>
    </>
  )
}
