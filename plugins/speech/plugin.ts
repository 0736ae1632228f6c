import { definePlugin } from '#sdk'

/**
 * Call scripts per campaign (S1–S4): sanitized rich text with variables
 * filled for the client on screen, and a version history.
 */
export default definePlugin({
  name: 'speech',
  version: '1.0.0',
  label: { es: 'Speech', en: 'Scripts' },
  description: {
    es: 'Guiones por campaña con variables del cliente e historial de versiones',
    en: 'Per-campaign call scripts with client variables and version history',
  },
  menu: [
    {
      key: 'speech',
      label: { es: 'Speech', en: 'Scripts' },
      path: '/speech',
      icon: 'FileTextOutlined',
      roles: ['admin', 'supervisor'],
      group: 'parametros',
    },
  ],
  routes: () => import('./backend/routes.ts'),
  demo: () => import('./database/demo.ts'),
  resources: () => import('./backend/resources.ts'),
})
