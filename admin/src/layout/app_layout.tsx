import { ThemedLayout, ThemedSider } from '@refinedev/antd'
import type { ComponentProps } from 'react'
import { Outlet } from 'react-router'
import { Slot } from '../plugins/slot'
import { AppHeader } from './app_header'
import { AppTitle } from './app_title'

type SiderProps = ComponentProps<typeof ThemedSider>

/** The header carries the logout button, so the sider lists only the menu entries. */
function AppSider(props: SiderProps) {
  return <ThemedSider {...props} fixed render={({ items }) => items} />
}

/**
 * The signed-in shell: menu from /api/meta on the left, header on top, the page in between, and
 * the plugins' `shell.live` listeners, mounted once here so that moving between pages neither
 * drops nor repeats their subscriptions.
 */
export function AppLayout() {
  return (
    <ThemedLayout Header={AppHeader} Sider={AppSider} Title={AppTitle}>
      <Slot name="shell.live" />
      <Outlet />
    </ThemedLayout>
  )
}
