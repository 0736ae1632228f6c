import { Suspense } from 'react'
import { Route, Routes, useParams } from 'react-router'
import type { ResourceAction, ResourceDescription } from '../meta/admin_meta'
import { PageSpinner } from '../layout/page_spinner'
import { ForbiddenPage } from '../pages/errors/forbidden_page'
import { NotFoundPage } from '../pages/errors/not_found_page'
import { useEnabledPluginModules } from '../plugins/use_enabled_plugin_modules'
import { CORE_SCREENS, type ResourceScreens, type ScreenKind } from './custom_screens'
import { GENERIC_SCREENS } from './generic_screens'
import { useResourceDescription } from './use_resource_description'

/** The action a screen needs; the backend refuses the same requests anyway. */
const SCREEN_ACTIONS: Record<ScreenKind, ResourceAction> = {
  list: 'list',
  show: 'show',
  create: 'create',
  edit: 'update',
}

/** Plugins' own screens first, then the core's custom ones, then the generated ones. */
function useScreens(resource: string): { screens: Required<ResourceScreens>; pending: boolean } {
  const { modules, pending } = useEnabledPluginModules()
  const fromPlugins = modules.reduce<ResourceScreens>(
    (found, { module }) => ({ ...found, ...module.screens?.[resource] }),
    {}
  )
  return { screens: { ...GENERIC_SCREENS, ...CORE_SCREENS[resource], ...fromPlugins }, pending }
}

function Screen({ kind, resource }: { kind: ScreenKind; resource: ResourceDescription }) {
  const { id } = useParams()
  const { screens, pending } = useScreens(resource.name)
  if (!resource.actions[SCREEN_ACTIONS[kind]]) return <ForbiddenPage />
  // Wait for plugin modules, or a plugin's own screen would flash the generated one first.
  if (pending) return <PageSpinner />
  const Component = screens[kind]
  return (
    <Suspense fallback={<PageSpinner />}>
      <Component key={`${resource.name}:${kind}:${id ?? ''}`} resource={resource} id={id} />
    </Suspense>
  )
}

/**
 * `/r/:resource/*`: list, create, show and edit of every resource in `/api/meta` that the user
 * may list. A resource missing from the metadata is either unknown or hidden from this user's
 * role; both read as "not found".
 */
export default function ResourceScreensPage() {
  const { resource: name } = useParams()
  const resource = useResourceDescription(name)
  if (!resource) return <NotFoundPage />
  return (
    <Routes>
      <Route index element={<Screen kind="list" resource={resource} />} />
      <Route path="create" element={<Screen kind="create" resource={resource} />} />
      <Route path=":id" element={<Screen kind="show" resource={resource} />} />
      <Route path=":id/edit" element={<Screen kind="edit" resource={resource} />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
