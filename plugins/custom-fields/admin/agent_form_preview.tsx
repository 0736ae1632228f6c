import { EyeOutlined } from '@ant-design/icons'
import { useLocalize } from '@tablero/admin'
import { Card, Divider, Empty, Form, Space, Tag, Typography } from 'antd'
import { Fragment } from 'react'
import { FieldWidget } from './field_widget'
import type { PreviewField } from './field_values'
import { useMessages } from './use_messages'

interface Section {
  group: string | null
  fields: PreviewField[]
}

/** Fields of one group together, groups in the order their first field appears. */
export function groupSections(fields: PreviewField[]): Section[] {
  const sections: Section[] = []
  for (const field of fields) {
    const section = sections.find((candidate) => candidate.group === field.group)
    if (section) section.fields.push(field)
    else sections.push({ group: field.group, fields: [field] })
  }
  return sections
}

function PreviewItem({ field }: { field: PreviewField }) {
  const t = useMessages()
  const localize = useLocalize()
  const label = localize(field.label) || field.key
  const testKey = field.draft ? 'draft' : field.key
  return (
    <div
      data-testid={`preview-field-${testKey}`}
      style={field.draft ? { background: '#e6f4ff', borderRadius: 6, padding: '4px 8px' } : {}}
    >
      <Form.Item
        name={`field_${field.id}`}
        label={
          <Space size={6}>
            <span>{label}</span>
            {field.draft && <Tag color="blue">{t('preview.editing')}</Tag>}
          </Space>
        }
        required={field.required}
        initialValue={field.defaultValue}
        extra={field.help ? localize(field.help) : undefined}
      >
        <FieldWidget field={field} data-testid={`preview-input-${testKey}`} />
      </Form.Item>
    </div>
  )
}

/**
 * The agent's form for this profile as it will look (P2, P3): active fields in order, grouped,
 * with each type's widget, required marks, help and defaults. It follows unsaved edits too.
 */
export function AgentFormPreview({ fields }: { fields: PreviewField[] }) {
  const t = useMessages()
  // Defaults are initial values: a changed default or type must rebuild the form to show.
  const signature = JSON.stringify(fields.map((f) => [f.id, f.type, f.defaultValue]))

  return (
    <Card
      data-testid="agent-form-preview"
      title={
        <Space>
          <EyeOutlined />
          {t('preview.title')}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('preview.hint')}</Typography.Paragraph>
      {fields.length === 0 ? (
        <Empty description={t('preview.empty')} />
      ) : (
        <Form key={signature} layout="vertical">
          {groupSections(fields).map((section, index) => (
            <Fragment key={section.group ?? `ungrouped-${index}`}>
              {section.group && (
                <Divider orientation="left" orientationMargin={0} data-testid="preview-group">
                  {section.group}
                </Divider>
              )}
              {section.fields.map((field) => (
                <PreviewItem key={field.id} field={field} />
              ))}
            </Fragment>
          ))}
        </Form>
      )}
    </Card>
  )
}
