import { definePlugin } from '#sdk'

/**
 * Collections alerts (issue 17, A1–A7): a client's portfolio (debts,
 * payments, promises, "pago a verificar") and the alerts that raise and lift
 * themselves: from gestiones (a result → alert mapping), from the channels
 * (a signed webhook), from a sweep of broken promises; lifted by a payment,
 * a new contact or by hand. Each raise and lift is audited in the client's log.
 */
export default definePlugin({
  name: 'collections-alerts',
  version: '0.1.0',
  label: { es: 'Alertas de cobranza', en: 'Collections alerts' },
  description: {
    es: 'Cartera del cliente y alertas de no pago y contactabilidad que se levantan y quitan solas',
    en: "Clients' portfolio, and payment and contactability alerts that raise and lift themselves",
  },
  dependsOn: ['tipificaciones'],
  permissions: [
    {
      key: 'collections-alerts.lift',
      label: { es: 'Quitar alertas', en: 'Lift alerts' },
      roles: ['admin', 'supervisor', 'agent'],
    },
    {
      key: 'collections-alerts.sweep',
      label: {
        es: 'Ver indicadores y revisar compromisos incumplidos',
        en: 'See indicators and sweep broken promises',
      },
      roles: ['admin', 'supervisor'],
    },
    {
      key: 'collections-alerts.segments',
      label: { es: 'Crear y usar segmentos', en: 'Build and use segments' },
      roles: ['admin', 'supervisor'],
    },
  ],
  menu: [
    {
      key: 'collections-alerts-segments',
      label: { es: 'Segmentos', en: 'Segments' },
      path: '/segmentos',
      icon: 'ApartmentOutlined',
      roles: ['admin', 'supervisor'],
      group: 'campanas',
    },
    {
      key: 'collections-alerts-contactability',
      label: { es: 'Contactabilidad', en: 'Contactability' },
      path: '/cobranzas/contactabilidad',
      icon: 'PieChartOutlined',
      roles: ['admin', 'supervisor'],
      group: 'estadisticas',
    },
  ],
  routes: () => import('./backend/routes.ts'),
  webhooks: () => import('./backend/webhooks.ts'),
  resources: () => import('./backend/resources.ts'),
  setup: () => import('./backend/setup.ts'),
  jobs: () => import('./backend/jobs.ts'),
  demo: () => import('./database/demo.ts'),
  events: {
    'gestion.recorded': () => import('./backend/on_gestion_recorded.ts'),
    'resource.created': () => import('./backend/on_resource_created.ts'),
  },
  hooks: { 'client.merging': () => import('./backend/on_client_merging.ts') },
  clientTables: {
    ca_debts: 'moved',
    ca_payments: 'moved',
    ca_promises: 'moved',
    ca_payments_to_verify: 'moved',
    ca_client_alerts: 'moved',
    ca_client_alert_flags: 'moved',
    ca_client_contactability: 'moved',
  },
})
