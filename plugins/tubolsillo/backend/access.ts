/** The manifest's permissions (plugin.ts). */
export const TOGGLE = 'tubolsillo.toggle'
export const BULK = 'tubolsillo.bulk'

export const ACTIONS = ['activate', 'deactivate'] as const
