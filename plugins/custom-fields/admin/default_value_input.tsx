import { Select } from 'antd'
import { FieldWidget, type FieldWidgetProps } from './field_widget'
import { useMessages } from './use_messages'

/**
 * The default value, typed with the widget the agent will use. A yes/no field is the exception:
 * a switch cannot say "no default", so it gets a clearable yes/no choice.
 */
export function DefaultValueInput(props: FieldWidgetProps) {
  const t = useMessages()
  if (props.field.type !== 'boolean') return <FieldWidget {...props} />
  return (
    <Select
      id={props.id}
      data-testid={props['data-testid']}
      value={typeof props.value === 'boolean' ? props.value : undefined}
      onChange={(next) => props.onChange?.(next ?? null)}
      allowClear
      options={[
        { value: true, label: t('common.yes') },
        { value: false, label: t('common.no') },
      ]}
      style={{ width: '100%' }}
    />
  )
}
