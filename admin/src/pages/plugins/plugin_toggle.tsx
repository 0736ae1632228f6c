import { useCustomMutation } from '@refinedev/core'
import { Popconfirm, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import type { PluginCatalog, PluginSummary } from './plugin_summary'

interface PluginToggleProps {
  plugin: PluginSummary
  catalog: PluginCatalog
  onChanged: () => void
}

/**
 * Enable/disable switch behind a confirmation that names what the change touches: the enabled
 * plugins depending on this one when disabling, its dependencies when enabling. The backend has
 * the last word; its refusal (409) is shown with its own message.
 */
export function PluginToggle({ plugin, catalog, onChanged }: PluginToggleProps) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { mutate, mutation } = useCustomMutation<PluginSummary>()

  const label = localize(plugin.label)
  const labelsOf = (names: string[]) =>
    names.map((name) => localize(catalog.get(name)?.label) || name).join(', ')
  const enabledDependents = plugin.dependents.filter((name) => catalog.get(name)?.enabled)

  const title = plugin.enabled
    ? t('plugins.confirmDisableTitle', { label })
    : t('plugins.confirmEnableTitle', { label })
  const description = plugin.enabled
    ? enabledDependents.length > 0
      ? t('plugins.confirmDisableDependents', { names: labelsOf(enabledDependents) })
      : t('plugins.confirmDisableNoDependents')
    : plugin.dependsOn.length > 0
      ? t('plugins.confirmEnableDependencies', { names: labelsOf(plugin.dependsOn) })
      : t('plugins.confirmEnableNoDependencies')

  const toggle = () =>
    mutate(
      {
        url: `/api/plugins/${encodeURIComponent(plugin.name)}/${plugin.enabled ? 'disable' : 'enable'}`,
        method: 'post',
        values: {},
        successNotification: {
          type: 'success',
          message: t(plugin.enabled ? 'plugins.disabledNotice' : 'plugins.enabledNotice', {
            label,
          }),
        },
        // Refine's antd notifications use `description` as the heading and `message` as the
        // text below it: the heading says what failed, the backend's message says why.
        errorNotification: (error) => ({
          type: 'error',
          description: t('plugins.refused', { label }),
          message: error?.message ?? '',
        }),
      },
      { onSettled: onChanged }
    )

  return (
    <Popconfirm
      title={title}
      description={<div style={{ maxWidth: 320 }}>{description}</div>}
      okText={plugin.enabled ? t('plugins.disableAction') : t('plugins.enableAction')}
      cancelText={t('buttons.cancel')}
      okButtonProps={{ danger: plugin.enabled }}
      onConfirm={toggle}
    >
      <Switch
        checked={plugin.enabled}
        loading={mutation.isPending}
        aria-label={plugin.enabled ? t('plugins.disableAction') : t('plugins.enableAction')}
        data-testid={`plugin-toggle-${plugin.name}`}
      />
    </Popconfirm>
  )
}
