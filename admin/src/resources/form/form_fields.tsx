import { Col, Divider, Form, Row } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import type { ResourceFieldDescription } from '../../meta/admin_meta'
import { groupFields } from '../fields/field_conditions'
import { ValueInput } from '../fields/value_input'
import { fieldRules } from './field_rules'

interface FormFieldsProps {
  fields: ResourceFieldDescription[]
  action: 'create' | 'edit'
  columns: 1 | 2
}

/** The form items of a record form, under their group headings, in one or two columns. */
export function FormFields({ fields, action, columns }: FormFieldsProps) {
  const { t } = useTranslation()
  const localize = useLocalize()
  return groupFields(fields).map((group) => (
    <div key={group.name ?? ''} data-testid={group.name ? `form-group-${group.name}` : undefined}>
      {group.name && <Divider orientation="left">{group.name}</Divider>}
      <Row gutter={24}>
        {group.fields.map((field) => (
          <Col
            key={field.name}
            xs={24}
            md={columns === 2 && field.type !== 'textarea' ? 12 : 24}
            data-testid={`form-item-${field.name}`}
          >
            <Form.Item
              name={field.name}
              label={localize(field.label)}
              rules={fieldRules(field, action, t)}
              extra={field.help ? localize(field.help) : undefined}
            >
              <ValueInput field={field} data-testid={`input-${field.name}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </div>
  ))
}
