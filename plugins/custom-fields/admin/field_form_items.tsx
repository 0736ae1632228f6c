import { Alert, Col, Form, Input, InputNumber, Row, Select, Switch, Tag, Typography } from 'antd'
import type { Rule } from 'antd/es/form'
import { DefaultValueInput } from './default_value_input'
import {
  CUSTOM_FIELD_TYPES,
  FIELD_KEY,
  hasOptions,
  isNumeric,
  type CustomField,
  type CustomFieldType,
  type FieldOption,
} from './definitions'
import { OptionListInput } from './option_list_input'
import { typeLabel, useMessages, type Translate } from './use_messages'

interface FieldFormItemsProps {
  /** The field being edited; none while creating (then key and type are chosen here). */
  field?: CustomField
}

function labelRules(t: Translate): Rule[] {
  return [
    { required: true, whitespace: true, message: t('common.required') },
    { max: 120, message: t('profile.nameLength') },
  ]
}

/** Help is optional, but when given it must exist in both languages (backend validators). */
function helpRule(t: Translate, other: 'es' | 'en'): Rule {
  return ({ getFieldValue }) => ({
    validator: async (_, value: string | undefined) => {
      const mine = value?.trim() ?? ''
      const theirs = String(getFieldValue(['help', other]) ?? '').trim()
      if ((mine === '') !== (theirs === '')) throw new Error(t('field.helpBoth'))
    },
  })
}

function KeyAndType({ field }: FieldFormItemsProps) {
  const t = useMessages()
  if (field) {
    return (
      <Alert
        type="info"
        style={{ marginBottom: 16 }}
        message={
          <span>
            <Typography.Text code>{field.key}</Typography.Text>{' '}
            <Tag>{typeLabel(t, field.type)}</Tag> {t('field.fixed')}
          </span>
        }
      />
    )
  }
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item
          name="key"
          label={t('field.key')}
          extra={t('field.keyHelp')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: FIELD_KEY, message: t('field.keyFormat') },
          ]}
        >
          <Input data-testid="field-key" maxLength={40} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="type" label={t('field.type')} rules={[{ required: true }]}>
          <Select
            data-testid="field-type"
            options={CUSTOM_FIELD_TYPES.map((type) => ({ value: type, label: typeLabel(t, type) }))}
          />
        </Form.Item>
      </Col>
    </Row>
  )
}

function RangeItems() {
  const t = useMessages()
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item name="min" label={t('field.min')}>
          <InputNumber data-testid="field-min" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="max"
          label={t('field.max')}
          dependencies={['min']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, max: number | null | undefined) => {
                const min = getFieldValue('min') as number | null | undefined
                if (typeof min === 'number' && typeof max === 'number' && max < min) {
                  throw new Error(t('field.maxBelowMin'))
                }
              },
            }),
          ]}
        >
          <InputNumber data-testid="field-max" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  )
}

/**
 * The inputs of the add/edit field form (P2–P4). Named like the API's body (`label.es`,
 * `options[0].value`), so each 422 message finds its input.
 */
export function FieldFormItems({ field }: FieldFormItemsProps) {
  const t = useMessages()
  const form = Form.useFormInstance()
  const watchedType = Form.useWatch('type', form) as CustomFieldType | undefined
  const watchedOptions = Form.useWatch('options', form) as (FieldOption | undefined)[] | undefined
  const options = (watchedOptions ?? []).filter((option): option is FieldOption =>
    Boolean(option?.value)
  )
  const min = Form.useWatch('min', form) as number | null | undefined
  const max = Form.useWatch('max', form) as number | null | undefined
  const type = field?.type ?? watchedType ?? 'text'

  return (
    <>
      <KeyAndType field={field} />
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={['label', 'es']} label={t('field.labelEs')} rules={labelRules(t)}>
            <Input data-testid="field-label-es" maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['label', 'en']} label={t('field.labelEn')} rules={labelRules(t)}>
            <Input data-testid="field-label-en" maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['help', 'es']}
            label={t('field.helpEs')}
            dependencies={[['help', 'en']]}
            rules={[helpRule(t, 'en')]}
          >
            <Input data-testid="field-help-es" maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['help', 'en']}
            label={t('field.helpEn')}
            dependencies={[['help', 'es']]}
            rules={[helpRule(t, 'es')]}
          >
            <Input data-testid="field-help-en" maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
      {hasOptions(type) && <OptionListInput />}
      {isNumeric(type) && <RangeItems />}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="group" label={t('field.group')} extra={t('field.groupHelp')}>
            <Input data-testid="field-group" maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="defaultValue" label={t('field.defaultValue')}>
            <DefaultValueInput
              field={{ type, options, min: min ?? null, max: max ?? null }}
              data-testid="field-default"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="required"
        label={t('field.required')}
        extra={t('field.requiredHelp')}
        valuePropName="checked"
      >
        <Switch data-testid="field-required" />
      </Form.Item>
    </>
  )
}
