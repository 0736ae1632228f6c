import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Flex, Form, Input, Tooltip } from 'antd'
import { OPTION_VALUE, type FieldOption } from './definitions'
import { useMessages } from './use_messages'

/**
 * The options of a select or multiselect: a stored value and its label in both languages.
 * The server's messages on `options[2].value` land on that very input.
 */
export function OptionListInput() {
  const t = useMessages()
  const required = { required: true, whitespace: true, message: t('common.required') }

  return (
    <Form.List
      name="options"
      rules={[
        {
          validator: async (_, options: FieldOption[] | undefined) => {
            if (!options || options.length === 0) throw new Error(t('field.optionsRequired'))
          },
        },
      ]}
    >
      {(items, { add, remove }, { errors }) => (
        <Form.Item label={t('field.options')} required data-testid="field-options">
          {items.map((item, index) => (
            <Flex key={item.key} gap={8} align="start" data-testid="field-option">
              <Form.Item
                name={[item.name, 'value']}
                rules={[required, { pattern: OPTION_VALUE, message: t('field.optionFormat') }]}
                style={{ flex: 1, marginBottom: 8 }}
              >
                <Input placeholder={t('field.optionValue')} data-testid={`option-value-${index}`} />
              </Form.Item>
              <Form.Item
                name={[item.name, 'label', 'es']}
                rules={[required]}
                style={{ flex: 1, marginBottom: 8 }}
              >
                <Input
                  placeholder={t('field.optionLabelEs')}
                  data-testid={`option-label-es-${index}`}
                />
              </Form.Item>
              <Form.Item
                name={[item.name, 'label', 'en']}
                rules={[required]}
                style={{ flex: 1, marginBottom: 8 }}
              >
                <Input
                  placeholder={t('field.optionLabelEn')}
                  data-testid={`option-label-en-${index}`}
                />
              </Form.Item>
              <Tooltip title={t('field.removeOption')}>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('field.removeOption')}
                  onClick={() => remove(item.name)}
                />
              </Tooltip>
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ value: '', label: { es: '', en: '' } })}
            data-testid="add-option"
          >
            {t('field.addOption')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  )
}
