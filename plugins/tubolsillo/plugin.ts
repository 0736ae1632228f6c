import { definePlugin } from '#sdk'

/**
 * TuBolsillo (W1–W3): switch a client's TuBolsillo wallet on or off with a
 * reason, one client from its page or many from the clients list in the
 * background, through the wallet service (local or HTTP adapter). Every
 * toggle is pending until the service confirms it, then confirmed or failed.
 */
export default definePlugin({
  name: 'tubolsillo',
  version: '1.0.0',
  label: { es: 'TuBolsillo', en: 'TuBolsillo' },
  description: {
    es: 'Activar o desactivar la billetera TuBolsillo de los clientes, con motivo e historial',
    en: "Activate or deactivate clients' TuBolsillo wallet, with a reason and a history",
  },
  permissions: [
    {
      key: 'tubolsillo.toggle',
      label: { es: 'Activar/Desactivar TuBolsillo', en: 'Activate/deactivate TuBolsillo' },
      // seed 000: support agents switch a client's wallet from the client's page
      roles: ['admin', 'supervisor', 'agent'],
    },
    {
      key: 'tubolsillo.bulk',
      label: {
        es: 'Activar/Desactivar TuBolsillo en lote',
        en: 'Activate/deactivate TuBolsillo in bulk',
      },
      roles: ['admin', 'supervisor'],
    },
  ],
  routes: () => import('./backend/routes.ts'),
  resources: () => import('./backend/resources.ts'),
  jobs: () => import('./backend/jobs.ts'),
  demo: () => import('./database/demo.ts'),
  hooks: { 'client.merging': () => import('./backend/on_client_merging.ts') },
  // A merge moves the merged client's wallet history to the survivor (the hook above);
  // the merged client leaves the bulks not yet done with it.
  clientTables: { tubolsillo_toggles: 'moved', tubolsillo_bulk_clients: 'dropped' },
})
