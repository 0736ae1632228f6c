import { usePluginMessages, type PluginTranslate } from '@tablero/admin'

/** Texts of the plugin's home cards (kept apart from messages.ts: one concern, one file). */
export const HOME_MESSAGES = {
  'dueToday.title': { es: 'Rellamadas para hoy', en: 'Callbacks due today' },
  'dueToday.empty': {
    es: 'No tienes rellamadas pendientes para hoy.',
    en: 'You have no callbacks due today.',
  },
  'dueToday.overdue': { es: 'Vencida', en: 'Overdue' },
  'dueToday.more': { es: 'y {count} más', en: 'and {count} more' },
  'recent.title': { es: 'Mis últimas gestiones', en: 'My latest call outcomes' },
  'recent.empty': { es: 'Todavía no registraste gestiones.', en: 'No call outcomes recorded yet.' },
  'byAgent.title': { es: 'Gestiones de hoy por agente', en: "Today's call outcomes per agent" },
  'byAgent.empty': { es: 'Nadie registró gestiones hoy.', en: 'No call outcomes recorded today.' },
  'byAgent.total': { es: 'Total del día', en: 'Total today' },
  'byAgent.nobody': { es: 'Sin agente', en: 'No agent' },
  'callbacks.title': { es: 'Rellamadas', en: 'Callbacks' },
  'callbacks.overdue': { es: 'Vencidas', en: 'Overdue' },
  'callbacks.dueToday': { es: 'Vencen hoy', en: 'Due today' },
  'callbacks.queue': { es: 'En cola compartida', en: 'In the shared queue' },
  'callbacks.next': { es: 'Las más atrasadas', en: 'Most overdue' },
  'callbacks.empty': { es: 'Sin rellamadas pendientes.', en: 'No pending callbacks.' },
  'callbacks.unassigned': { es: 'Cola compartida', en: 'Shared queue' },
  'common.open': { es: 'Ver todas', en: 'See all' },
} as const

export type HomeTranslate = PluginTranslate<keyof typeof HOME_MESSAGES>

export function useHomeMessages(): HomeTranslate {
  return usePluginMessages(HOME_MESSAGES)
}
