import { CodeOutlined, DownOutlined } from '@ant-design/icons'
import { useLocalize } from '@tablero/admin'
import { Button, Dropdown, Tooltip } from 'antd'
import type { MenuProps } from 'antd'
import type { ScriptVariable } from './definitions'
import { useMessages } from './use_messages'

type Group = 'variables.client' | 'variables.custom' | 'variables.other'

function groupOf(name: string): Group {
  if (name.startsWith('client.custom.')) return 'variables.custom'
  return name.startsWith('client.') ? 'variables.client' : 'variables.other'
}

interface VariableMenuProps {
  variables: ScriptVariable[]
  /** Why the menu is empty (no campaign chosen yet), shown as its tooltip. */
  disabledReason?: string
  onInsert: (name: string) => void
}

/**
 * "Insertar variable": the campaign's variables (GET variables?campaignId) grouped as the
 * supervisor thinks of them — the client's core data, the campaign profile's custom fields,
 * the agent and the campaign — each shown by its label with the token it inserts.
 */
export function VariableMenu({ variables, disabledReason, onInsert }: VariableMenuProps) {
  const t = useMessages()
  const localize = useLocalize()
  const groups: Group[] = ['variables.client', 'variables.custom', 'variables.other']
  const items: MenuProps['items'] = groups
    .map((group) => ({
      type: 'group' as const,
      key: group,
      label: t(group),
      children: variables
        .filter((variable) => groupOf(variable.name) === group)
        .map((variable) => ({
          key: variable.name,
          label: (
            <span data-testid={`variable-${variable.name}`}>
              {localize(variable.label)}{' '}
              <code style={{ color: '#8c8c8c', fontSize: 12 }}>{`{{${variable.name}}}`}</code>
            </span>
          ),
        })),
    }))
    .filter((group) => group.children.length > 0)

  const disabled = Boolean(disabledReason) || variables.length === 0
  return (
    <Tooltip title={disabledReason}>
      <Dropdown
        disabled={disabled}
        trigger={['click']}
        menu={{ items, onClick: ({ key }) => onInsert(key) }}
      >
        <Button size="small" icon={<CodeOutlined />} data-testid="insert-variable">
          {t('toolbar.insertVariable')} <DownOutlined />
        </Button>
      </Dropdown>
    </Tooltip>
  )
}
