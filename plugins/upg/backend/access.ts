/** The manifest's permissions (plugin.ts). */
export const READ = 'upg.read'
export const FRAUD_SEARCH = 'upg.fraud_search'

export const SERVICES = ['travel', 'shipping', 'market', 'topups', 'remittances'] as const
export const STATUSES = ['approved', 'pending', 'declined', 'refunded', 'chargeback'] as const
export const METHODS = ['card', 'wallet', 'transfer', 'cash'] as const
