import { Flex, Form, Radio, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import type { ResourceDescription } from '../../meta/admin_meta'

interface ModeState {
  mode: 'create' | 'update'
  key: string | null
  fields: string[]
}

/** Whether this user may import `resource` in update mode: it has key fields and they may update. */
export function offersUpdateMode(resource: ResourceDescription) {
  return Boolean(resource.actions.update && resource.importKeys?.length)
}

/**
 * How the upload writes (issue 14): create every row, or update the records a key field finds
 * (document, phone, e-mail…) in the chosen fields only, creating the rows it finds none for.
 * Reports the upload's text fields (`mode`, `key_field`, `update_fields`).
 */
export function ImportModeFields({
  resource,
  onChange,
}: {
  resource: ResourceDescription
  onChange: (fields: Record<string, string>) => void
}) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const [state, setState] = useState<ModeState>({ mode: 'create', key: null, fields: [] })
  const labelOf = (name: string) => {
    const field = resource.fields.find((candidate) => candidate.name === name)
    return field ? localize(field.label) : name
  }
  const keys = resource.importKeys ?? []
  const updatable = resource.fields.filter(
    (field) => !field.readOnly && !field.createOnly && field.name !== state.key
  )

  const update = (next: ModeState) => {
    setState(next)
    onChange(
      next.mode === 'update'
        ? { mode: 'update', key_field: next.key ?? '', update_fields: next.fields.join(',') }
        : {}
    )
  }

  return (
    <Form layout="vertical" component="div" data-testid="import-mode-fields">
      <Form.Item label={t('importMode.mode')} style={{ marginBottom: 12 }}>
        <Radio.Group
          value={state.mode}
          data-testid="import-mode"
          onChange={(event) => update({ ...state, mode: event.target.value as ModeState['mode'] })}
        >
          <Radio value="create" data-testid="import-mode-create">
            {t('importMode.create')}
          </Radio>
          <Radio value="update" data-testid="import-mode-update">
            {t('importMode.update')}
          </Radio>
        </Radio.Group>
      </Form.Item>
      {state.mode === 'update' && (
        <Flex gap={16} wrap>
          <Form.Item
            label={t('importMode.key')}
            help={t('importMode.keyHelp')}
            style={{ flex: 1, minWidth: 200 }}
          >
            <Select
              value={state.key}
              data-testid="import-key-field"
              options={keys.map((name) => ({ value: name, label: labelOf(name) }))}
              onChange={(key: string) =>
                update({ ...state, key, fields: state.fields.filter((name) => name !== key) })
              }
            />
          </Form.Item>
          <Form.Item
            label={t('importMode.fields')}
            help={t('importMode.fieldsHelp')}
            style={{ flex: 2, minWidth: 260 }}
          >
            <Select
              mode="multiple"
              value={state.fields}
              data-testid="import-update-fields"
              optionFilterProp="label"
              options={updatable.map((field) => ({
                value: field.name,
                label: localize(field.label),
              }))}
              onChange={(fields: string[]) => update({ ...state, fields })}
            />
          </Form.Item>
        </Flex>
      )}
    </Form>
  )
}
