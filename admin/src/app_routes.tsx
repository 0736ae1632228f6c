import { Authenticated } from '@refinedev/core'
import { CatchAllNavigate } from '@refinedev/react-router'
import { lazy, Suspense } from 'react'
import { Navigate, Outlet, Route, Routes, useSearchParams } from 'react-router'
import { AppLayout } from './layout/app_layout'
import { MetaGate } from './layout/meta_gate'
import { PageSpinner } from './layout/page_spinner'
import { PluginRoutes } from './plugins/plugin_routes'

// Pages load on demand: the first download holds only the shell.
const LoginPage = lazy(() => import('./pages/login/login_page'))
const DashboardPage = lazy(() => import('./pages/dashboard/dashboard_page'))
const PluginManagerPage = lazy(() => import('./pages/plugins/plugin_manager_page'))
const PermissionsPage = lazy(() => import('./pages/permissions/permissions_page'))
const ResourceScreensPage = lazy(() => import('./resources/resource_screens_page'))
const AssignmentsPage = lazy(() => import('./assignments/assignments_page'))
const SearchPage = lazy(() => import('./pages/search/search_page'))

/** Only paths inside the admin are followed: `?to=//elsewhere` must not leave the site. */
function safeReturnPath(to: string | null) {
  return to && to.startsWith('/') && !to.startsWith('//') ? to : '/'
}

/** A signed-in user who opens the login page goes where `?to=` points, or home. */
function LeaveLoginPage() {
  const [search] = useSearchParams()
  return <Navigate to={safeReturnPath(search.get('to'))} replace />
}

/** The shell's routes, all below `/admin` (the router's basename). */
export function AppRoutes() {
  return (
    <Suspense fallback={<PageSpinner fullScreen />}>
      <Routes>
        <Route
          element={
            <Authenticated
              key="signed-in"
              fallback={<CatchAllNavigate to="/login" />}
              loading={<PageSpinner fullScreen />}
            >
              <MetaGate>
                <AppLayout />
              </MetaGate>
            </Authenticated>
          }
        >
          <Route
            element={
              <Suspense fallback={<PageSpinner />}>
                <Outlet />
              </Suspense>
            }
          >
            <Route index element={<DashboardPage />} />
            <Route path="plugins" element={<PluginManagerPage />} />
            <Route path="permissions" element={<PermissionsPage />} />
            <Route path="assignments" element={<AssignmentsPage />} />
            <Route path="busqueda" element={<SearchPage />} />
            <Route path="r/:resource/*" element={<ResourceScreensPage />} />
            <Route path="*" element={<PluginRoutes />} />
          </Route>
        </Route>
        <Route
          path="login"
          element={
            // The auth check re-runs after every sign-in attempt; rendering the form while it
            // runs (instead of a spinner) keeps the form, and the refusal message, mounted.
            <Authenticated key="signed-out" fallback={<LoginPage />} loading={<LoginPage />}>
              <LeaveLoginPage />
            </Authenticated>
          }
        />
      </Routes>
    </Suspense>
  )
}
