import { definePlugin } from '#sdk'

/**
 * Marcador (D3, D4, T3): dialer lists built from the Asignaciones filter,
 * one hopper per campaign refilled in the background under a lock, an
 * atomic next-contact claim for agents, do-not-call numbers and prefixes,
 * and the tipificaciones' actions applied on `gestion.recorded`.
 */
export default definePlugin({
  name: 'dialer',
  version: '0.1.0',
  label: { es: 'Marcador', en: 'Dialer' },
  description: {
    es: 'Listas de marcador, cola de próximos contactos, no llamar y consola del agente',
    en: 'Dialer lists, next-contact hopper, do-not-call and the agent console',
  },
  dependsOn: ['tipificaciones'],
  permissions: [
    {
      key: 'dialer.manage',
      label: { es: 'Armar listas de marcador', en: 'Build dialer lists' },
      roles: ['admin', 'supervisor'],
    },
    {
      key: 'dialer.work',
      label: { es: 'Tomar contactos del marcador', en: 'Take dialer contacts' },
      roles: ['admin', 'supervisor', 'agent'],
    },
  ],
  menu: [
    {
      key: 'dialer-lists',
      label: { es: 'Marcador', en: 'Dialer' },
      path: '/marcador',
      icon: 'PhoneOutlined',
      roles: ['admin', 'supervisor'],
      group: 'parametros',
    },
    {
      key: 'dialer-console',
      label: { es: 'Marcador', en: 'Dialer' },
      path: '/marcador/consola',
      icon: 'PhoneOutlined',
      roles: ['agent'],
      group: 'clientes',
    },
  ],
  routes: () => import('./backend/routes.ts'),
  resources: () => import('./backend/resources.ts'),
  jobs: () => import('./backend/jobs.ts'),
  events: { 'gestion.recorded': () => import('./backend/on_gestion_recorded.ts') },
  demo: () => import('./database/demo.ts'),
  // A merged client's dialer contacts go with it: the survivor keeps its own.
  clientTables: { dialer_contacts: 'dropped' },
})
