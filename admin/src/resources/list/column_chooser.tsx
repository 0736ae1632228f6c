import { SettingOutlined } from '@ant-design/icons'
import { Button, Checkbox, Flex, Popover } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import type { ResourceDescription } from '../../meta/admin_meta'

interface ColumnChooserProps {
  resource: ResourceDescription
  columns: string[]
  /** `null` returns to the resource's default columns. */
  onChange: (columns: string[] | null) => void
}

/** Every field but write-only ones (a password is never read back). */
export function showable(resource: ResourceDescription) {
  return resource.fields.filter((field) => field.type !== 'password')
}

/** Which fields the list shows, in the resource's field order. */
export function ColumnChooser({ resource, columns, onChange }: ColumnChooserProps) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const shown = new Set(columns)

  const content = (
    <Flex
      vertical
      gap={8}
      data-testid="column-chooser-panel"
      style={{ maxHeight: 360, overflow: 'auto' }}
    >
      {showable(resource).map((field) => (
        <Checkbox
          key={field.name}
          data-testid={`column-option-${field.name}`}
          checked={shown.has(field.name)}
          onChange={(event) => {
            const names = resource.fields
              .map((candidate) => candidate.name)
              .filter((name) => (name === field.name ? event.target.checked : shown.has(name)))
            onChange(names)
          }}
        >
          {localize(field.label)}
        </Checkbox>
      ))}
      <Button size="small" onClick={() => onChange(null)}>
        {t('resources.list.resetColumns')}
      </Button>
    </Flex>
  )

  return (
    <Popover trigger="click" placement="bottomRight" content={content}>
      <Button icon={<SettingOutlined />} data-testid="column-chooser">
        {t('resources.list.columns')}
      </Button>
    </Popover>
  )
}
