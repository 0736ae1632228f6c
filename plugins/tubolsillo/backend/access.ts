/** The manifest's permissions (plugin.ts). */
export const TOGGLE = 'tubolsillo.toggle'
export const BULK = 'tubolsillo.bulk'

/** Most clients one bulk toggle covers (each becomes an audited toggle row in the request). */
export const BULK_LIMIT = 1000

export const ACTIONS = ['activate', 'deactivate'] as const
