import { Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { type RouteObject, useRoutes } from 'react-router'
import { NotFoundPage } from '../pages/errors/not_found_page'
import { PageSpinner } from '../layout/page_spinner'
import { PluginErrorBoundary } from './plugin_error_boundary'
import { useEnabledPluginModules } from './use_enabled_plugin_modules'

/** A path no loaded plugin claims: wait for the ones still loading, then say why it is missing. */
function UnmatchedPath({ pending, failed }: { pending: boolean; failed: string[] }) {
  const { t } = useTranslation()
  if (pending) return <PageSpinner />
  // The page may belong to a plugin whose chunk did not download (e.g. a deploy replaced it).
  if (failed.length > 0) {
    return (
      <Result
        status="warning"
        title={t('errors.pluginLoadFailed', { plugin: failed.join(', ') })}
      />
    )
  }
  return <NotFoundPage />
}

/**
 * Every path the core does not own lands here: it is either a page of an enabled plugin or a 404.
 * Plugin modules load lazily, so an unknown path waits for them before being declared missing;
 * a disabled plugin's pages vanish with its module from this table.
 */
export function PluginRoutes() {
  const { modules, pending, failed } = useEnabledPluginModules()

  const routes: RouteObject[] = modules.flatMap(({ plugin, module }) =>
    (module.routes ?? []).map(({ path, element: Page }) => ({
      // Relative to the layout route, so plugins can write `/hello` or `hello` alike.
      path: path.replace(/^\/+/, ''),
      element: (
        <PluginErrorBoundary plugin={plugin}>
          <Page />
        </PluginErrorBoundary>
      ),
    }))
  )
  routes.push({ path: '*', element: <UnmatchedPath pending={pending} failed={failed} /> })

  return useRoutes(routes)
}
