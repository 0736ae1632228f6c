import {
  AppstoreOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  HomeOutlined,
  PieChartOutlined,
  SafetyOutlined,
  SearchOutlined,
  SettingOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons'
import type { ResourceProps } from '@refinedev/core'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import {
  DEFAULT_MENU_GROUP,
  FLAT_MENU_GROUPS,
  MENU_GROUPS,
  type MenuGroup,
} from '@tablero/shared/menu_groups'
import { pickLocalized } from '../i18n/localized_text'
import type { Locale } from '../i18n/i18n'
import { MenuIcon } from '../layout/menu_icon'
import { MENU_KIND } from '../providers/access_control_provider'
import type { AdminMeta, ResourceDescription } from './admin_meta'

/** Icons of the groups that fold into a submenu. */
const GROUP_ICONS: Partial<Record<MenuGroup, ReactNode>> = {
  busqueda: <SearchOutlined />,
  parametros: <SettingOutlined />,
  agenda: <CalendarOutlined />,
  estadisticas: <PieChartOutlined />,
  administracion: <TeamOutlined />,
}

/**
 * Screens of the shell itself that stand in the menu, declared like a plugin's pages: the group
 * they belong to and who sees them. Búsqueda opens the clients list ready to type a document, a
 * name or a phone (seed 001's agent tab).
 */
const CORE_PAGES: Array<{
  name: string
  path: string
  group: MenuGroup
  label: string
  icon: ReactNode
  visible: (meta: AdminMeta) => boolean
}> = [
  {
    name: 'busqueda',
    path: '/busqueda',
    group: 'busqueda',
    label: 'menu.search',
    icon: <SearchOutlined />,
    visible: (meta) =>
      meta.user.role === 'agent' &&
      meta.resources.some((resource) => resource.name === 'clients' && resource.searchable),
  },
  {
    // Asignaciones (D2): whoever may share out a campaign's clients.
    name: 'assignments',
    path: '/assignments',
    group: 'asignaciones',
    label: 'assignments.menu',
    icon: <UserSwitchOutlined />,
    visible: (meta) => meta.permissions.includes('assignments.manage'),
  },
  {
    name: 'permissions',
    path: '/permissions',
    group: 'administracion',
    label: 'menu.permissions',
    icon: <SafetyOutlined />,
    visible: (meta) => meta.permissions.includes('permissions.manage'),
  },
  {
    name: 'plugins',
    path: '/plugins',
    group: 'administracion',
    label: 'menu.plugins',
    icon: <AppstoreOutlined />,
    visible: (meta) => meta.permissions.includes('plugins.manage'),
  },
]

/** A menu entry waiting for its place: the group decides its position and its parent. */
interface PlacedEntry {
  group: MenuGroup
  resource: ResourceProps
}

function resourceEntry(resource: ResourceDescription, locale: Locale): ResourceProps {
  // Refine builds redirects ("show the record after saving") and the menu from these routes.
  return {
    name: resource.name,
    list: `/r/${resource.name}`,
    create: `/r/${resource.name}/create`,
    show: `/r/${resource.name}/:id`,
    edit: `/r/${resource.name}/:id/edit`,
    meta: {
      label: pickLocalized(resource.label, locale),
      icon: <DatabaseOutlined />,
      kind: MENU_KIND.resource,
      // A satellite (a client's phones) keeps its routes but lives in its parent's page.
      ...(resource.menu === null ? { hide: true } : {}),
    },
  }
}

/**
 * Refine resources, and therefore the sider menu, derived from `/api/meta` and grouped by job
 * (seed 001): the home page, then each group of shared/menu_groups.ts in order. Resources,
 * core screens and plugin pages name their group (`menu.group` from the backend, the
 * manifest's `group`, CORE_PAGES); a group with one entry shows that entry in its place, with
 * several a submenu. Screens that do not exist (a disabled plugin's) are simply not there, and
 * the access-control provider still hides what the role may not open.
 */
export function buildMenuResources(
  meta: AdminMeta | null,
  t: TFunction,
  locale: Locale
): ResourceProps[] {
  const home: ResourceProps = {
    name: 'dashboard',
    list: '/',
    meta: { label: t('menu.dashboard'), icon: <HomeOutlined />, kind: MENU_KIND.home },
  }
  if (!meta) return [home]

  const placed: PlacedEntry[] = []
  const hidden: ResourceProps[] = []
  const addResources = (resources: ResourceDescription[]) => {
    for (const resource of resources) {
      const entry = resourceEntry(resource, locale)
      if (resource.menu) placed.push({ group: resource.menu.group, resource: entry })
      else hidden.push(entry)
    }
  }

  // The core's entries first, then each enabled plugin's pages and lists, in the kernel's order.
  addResources(meta.resources.filter((resource) => !resource.plugin))
  for (const page of CORE_PAGES.filter((candidate) => candidate.visible(meta))) {
    placed.push({
      group: page.group,
      resource: {
        name: page.name,
        list: page.path,
        meta: { label: t(page.label), icon: page.icon, kind: MENU_KIND.corePage },
      },
    })
  }
  for (const plugin of meta.plugins) {
    for (const entry of plugin.menu) {
      placed.push({
        group: entry.group ?? DEFAULT_MENU_GROUP,
        resource: {
          name: `${plugin.name}.${entry.key}`,
          list: entry.path,
          meta: {
            label: pickLocalized(entry.label, locale),
            icon: <MenuIcon name={entry.icon} />,
            kind: MENU_KIND.pluginPage,
            plugin: plugin.name,
          },
        },
      })
    }
    addResources(meta.resources.filter((resource) => resource.plugin === plugin.name))
  }

  const resources: ResourceProps[] = [home]
  for (const group of MENU_GROUPS) {
    const entries = placed.filter((entry) => entry.group === group)
    if (entries.length > 1 && !FLAT_MENU_GROUPS.has(group)) {
      const parent = `group-${group}`
      resources.push({
        name: parent,
        meta: {
          label: t(`menuGroups.${group}`),
          icon: GROUP_ICONS[group] ?? <AppstoreOutlined />,
          kind: MENU_KIND.group,
        },
      })
      for (const { resource } of entries) {
        resources.push({ ...resource, meta: { ...resource.meta, parent } })
      }
    } else {
      resources.push(...entries.map((entry) => entry.resource))
    }
  }
  return [...resources, ...hidden]
}
