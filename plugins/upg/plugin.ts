import { definePlugin } from '#sdk'

/**
 * UPG (U1–U5): a client's payments in the other services (travel, shipping,
 * market, top-ups…) read from the Universal Payment Gateway without leaving
 * the CRM, and the supervisors' anti-fraud search by card mask and payment
 * IP. The gateway sits behind a read-only connector (HTTP with a breaker, or
 * the local store filled by CSV import and the signed webhook). A full card
 * number is never stored, logged or shown: BIN + last 4 only.
 */
export default definePlugin({
  name: 'upg',
  version: '1.0.0',
  label: { es: 'UPG (pasarela de pagos)', en: 'UPG (payment gateway)' },
  description: {
    es: 'Transacciones del cliente en otros servicios y búsqueda antifraude por tarjeta e IP',
    en: "Clients' transactions in other services and anti-fraud search by card and IP",
  },
  permissions: [
    {
      key: 'upg.read',
      label: { es: 'Ver la pestaña UPG del cliente', en: "See a client's UPG tab" },
      roles: ['admin', 'supervisor', 'agent'],
    },
    {
      key: 'upg.fraud_search',
      label: { es: 'Búsqueda antifraude (tarjeta, IP)', en: 'Anti-fraud search (card, IP)' },
      roles: ['admin', 'supervisor'],
    },
  ],
  menu: [
    {
      key: 'upg-antifraude',
      label: { es: 'Antifraude', en: 'Anti-fraud' },
      path: '/upg/antifraude',
      icon: 'SafetyOutlined',
      roles: ['admin', 'supervisor'],
      group: 'busqueda',
    },
  ],
  routes: () => import('./backend/routes.ts'),
  webhooks: () => import('./backend/webhooks.ts'),
  resources: () => import('./backend/resources.ts'),
  demo: () => import('./database/demo.ts'),
  hooks: { 'client.merging': () => import('./backend/on_client_merging.ts') },
  // A merge moves the merged client's gateway users and transactions to the survivor.
  clientTables: { upg_clients: 'moved', upg_transactions: 'moved' },
})
