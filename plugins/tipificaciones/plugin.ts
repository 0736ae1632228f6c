import { definePlugin } from '#sdk'

/**
 * Call dispositions (T1–T9): a result tree per campaign, the agent's
 * gestión with callbacks, history, statistics and the interactions report.
 * Emits `gestion.recorded`; the dialer and collections-alerts plugins listen.
 */
export default definePlugin({
  name: 'tipificaciones',
  version: '1.0.0',
  label: { es: 'Tipificaciones', en: 'Dispositions' },
  description: {
    es: 'Árbol de resultados por campaña, gestiones del agente, agenda y estadísticas',
    en: 'Result tree per campaign, agent call outcomes, callbacks and statistics',
  },
  permissions: [
    {
      key: 'tipificaciones.manage',
      label: { es: 'Gestionar resultados', en: 'Manage results' },
      roles: ['admin', 'supervisor'],
    },
    {
      key: 'tipificaciones.record',
      label: { es: 'Registrar gestiones', en: 'Record call outcomes' },
      roles: ['admin', 'supervisor', 'agent'],
    },
    {
      key: 'tipificaciones.agenda',
      label: { es: 'Gestionar la agenda de los agentes', en: "Manage the agents' agenda" },
      roles: ['admin', 'supervisor'],
    },
  ],
  menu: [
    {
      key: 'tipificaciones',
      label: { es: 'Tipificaciones', en: 'Dispositions' },
      path: '/tipificaciones',
      icon: 'TagsOutlined',
      roles: ['admin', 'supervisor'],
      group: 'parametros',
    },
    {
      key: 'tipificaciones-agenda',
      label: { es: 'Agenda', en: 'Agenda' },
      path: '/agenda',
      icon: 'CalendarOutlined',
      group: 'agenda',
    },
    {
      key: 'tipificaciones-stats',
      label: { es: 'Estadísticas', en: 'Statistics' },
      path: '/tipificaciones/estadisticas',
      icon: 'PieChartOutlined',
      group: 'estadisticas',
    },
  ],
  routes: () => import('./backend/routes.ts'),
  resources: () => import('./backend/resources.ts'),
  setup: () => import('./backend/setup.ts'),
  demo: () => import('./database/demo.ts'),
  hooks: { 'client.merging': () => import('./backend/client_merging.ts') },
  clientTables: { tip_gestiones: 'moved', tip_callbacks: 'moved' },
})
