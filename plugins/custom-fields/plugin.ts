import { definePlugin } from '#sdk'

/**
 * Supervisor-defined profiles and fields (P1–P5): each field becomes a
 * real, indexed column of clients, so filtering and sorting on it is as
 * fast as on a built-in column (X2).
 */
export default definePlugin({
  name: 'custom-fields',
  version: '1.0.0',
  label: { es: 'Campos personalizados', en: 'Custom fields' },
  description: {
    es: 'Perfiles por campaña con campos propios en la ficha del cliente',
    en: 'Per-campaign profiles with their own fields on the client card',
  },
  permissions: [
    {
      key: 'custom-fields.manage',
      label: { es: 'Gestionar perfiles y campos', en: 'Manage profiles and fields' },
      roles: ['admin', 'supervisor'],
    },
  ],
  menu: [
    {
      key: 'custom-fields',
      label: { es: 'Perfiles y campos', en: 'Profiles and fields' },
      path: '/custom-fields',
      icon: 'FormOutlined',
      roles: ['admin', 'supervisor'],
      group: 'parametros',
    },
  ],
  routes: () => import('./backend/routes.ts'),
  resources: () => import('./backend/resources.ts'),
  setup: () => import('./backend/setup.ts'),
  demo: () => import('./database/demo.ts'),
  uninstall: () => import('./backend/uninstall.ts'),
  hooks: { 'client.merging': () => import('./backend/client_merging.ts') },
})
