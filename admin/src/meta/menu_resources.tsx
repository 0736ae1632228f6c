import {
  AppstoreOutlined,
  DatabaseOutlined,
  HomeOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons'
import type { ResourceProps } from '@refinedev/core'
import type { TFunction } from 'i18next'
import { pickLocalized } from '../i18n/localized_text'
import type { Locale } from '../i18n/i18n'
import { MenuIcon } from '../layout/menu_icon'
import { MENU_KIND } from '../providers/access_control_provider'
import type { AdminMeta } from './admin_meta'

/**
 * Refine resources, and therefore the sider menu, derived from `/api/meta`: the home page, the
 * menu entries of enabled plugins, the visible generic resources and the kernel's plugin manager.
 * The access-control provider then hides what the user's role may not open.
 */
export function buildMenuResources(
  meta: AdminMeta | null,
  t: TFunction,
  locale: Locale
): ResourceProps[] {
  const resources: ResourceProps[] = [
    {
      name: 'dashboard',
      list: '/',
      meta: { label: t('menu.dashboard'), icon: <HomeOutlined />, kind: MENU_KIND.home },
    },
  ]
  if (!meta) return resources

  for (const plugin of meta.plugins) {
    for (const entry of plugin.menu) {
      resources.push({
        name: `${plugin.name}.${entry.key}`,
        list: entry.path,
        meta: {
          label: pickLocalized(entry.label, locale),
          icon: <MenuIcon name={entry.icon} />,
          kind: MENU_KIND.pluginPage,
          plugin: plugin.name,
        },
      })
    }
  }

  // Asignaciones (D2): whoever may share out a campaign's clients.
  if (meta.permissions.includes('assignments.manage')) {
    resources.push({
      name: 'assignments',
      list: '/assignments',
      meta: { label: t('assignments.menu'), icon: <UserSwitchOutlined /> },
    })
  }

  // Users and the role × permission matrix sit together under "Usuarios".
  const usersGroup = 'users-group'
  const hasUsers = meta.resources.some((resource) => resource.name === 'users')
  const hasPermissions = meta.permissions.includes('permissions.manage')
  if (hasUsers || hasPermissions) {
    resources.push({
      name: usersGroup,
      meta: { label: t('menu.usersGroup'), icon: <TeamOutlined />, kind: MENU_KIND.group },
    })
  }

  // Parámetros (seed 001): the supervisor's set-up screens, the uploaded bases first.
  const settingsGroup = 'settings-group'
  const settingsResources = new Set(['bases'])
  if (meta.resources.some((resource) => settingsResources.has(resource.name))) {
    resources.push({
      name: settingsGroup,
      meta: { label: t('menu.settingsGroup'), icon: <SettingOutlined />, kind: MENU_KIND.group },
    })
  }

  for (const resource of meta.resources) {
    // Refine builds redirects ("show the record after saving") and the menu from these routes.
    resources.push({
      name: resource.name,
      list: `/r/${resource.name}`,
      create: `/r/${resource.name}/create`,
      show: `/r/${resource.name}/:id`,
      edit: `/r/${resource.name}/:id/edit`,
      meta: {
        label: pickLocalized(resource.label, locale),
        icon: <DatabaseOutlined />,
        kind: MENU_KIND.resource,
        ...(resource.name === 'users' ? { parent: usersGroup } : {}),
        ...(settingsResources.has(resource.name) ? { parent: settingsGroup } : {}),
      },
    })
  }

  if (hasPermissions) {
    resources.push({
      name: 'permissions',
      list: '/permissions',
      meta: { label: t('menu.permissions'), icon: <SafetyOutlined />, parent: usersGroup },
    })
  }

  resources.push({
    name: 'plugins',
    list: '/plugins',
    meta: { label: t('menu.plugins'), icon: <AppstoreOutlined /> },
  })
  return resources
}
