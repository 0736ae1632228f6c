import { Refine } from '@refinedev/core'
import routerProvider from '@refinedev/react-router'
import { App as AntdApp, ConfigProvider } from 'antd'
import enUS from 'antd/es/locale/en_US'
import esES from 'antd/es/locale/es_ES'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { BrowserRouter } from 'react-router'
import { retryUnlessRefused } from './api/query_retry'
import { AppRoutes } from './app_routes'
import { currentLocale } from './i18n/i18n'
import { SessionExpiryWatcher } from './layout/session_expiry_watcher'
import { buildMenuResources } from './meta/menu_resources'
import { useAdminMeta } from './meta/meta_store'
import { accessControlProvider } from './providers/access_control_provider'
import { authProvider } from './providers/auth_provider'
import { dataProvider } from './providers/data_provider'
import { useI18nProvider } from './providers/i18n_provider'
import { liveProvider } from './providers/live_provider'
import { useTableroNotificationProvider } from './providers/notification_provider'

const ANTD_LOCALES = { es: esES, en: enUS }

function RefineApp() {
  const { t } = useTranslation()
  const i18nProvider = useI18nProvider()
  const { meta } = useAdminMeta()
  const locale = currentLocale()
  // Rebuilt when the language changes, so menu labels follow the switch.
  const resources = useMemo(() => buildMenuResources(meta, t, locale), [meta, t, locale])

  return (
    <Refine
      routerProvider={routerProvider}
      dataProvider={dataProvider}
      authProvider={authProvider}
      accessControlProvider={accessControlProvider}
      liveProvider={liveProvider}
      i18nProvider={i18nProvider}
      notificationProvider={useTableroNotificationProvider}
      resources={resources}
      options={{
        disableTelemetry: true,
        syncWithLocation: false,
        warnWhenUnsavedChanges: true,
        // a refused or missing record shows its page at once, not after retries (issue 20)
        reactQuery: {
          clientConfig: { defaultOptions: { queries: { retry: retryUnlessRefused } } },
        },
      }}
    >
      <SessionExpiryWatcher />
      <AppRoutes />
    </Refine>
  )
}

/** Root component: router under `/admin`, antd theme and locale, then Refine. */
export function App() {
  // Subscribes to language changes, which swap antd's own texts (pickers, pagination, empty).
  useTranslation()
  const locale = currentLocale()
  return (
    <BrowserRouter basename="/admin">
      <ConfigProvider locale={ANTD_LOCALES[locale]}>
        <AntdApp>
          <RefineApp />
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  )
}
