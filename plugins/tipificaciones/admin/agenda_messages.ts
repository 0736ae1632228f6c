import { usePluginMessages, type PluginTranslate } from '@tablero/admin'

/** The Agenda's and the shared queue's texts (D5, 15.4), in both languages. */
export const AGENDA_MESSAGES = {
  'agenda.title': { es: 'Agenda', en: 'Agenda' },
  'agenda.new': { es: 'Crear evento', en: 'New event' },
  'agenda.allAgents': { es: 'Todos los agentes', en: 'All agents' },
  'agenda.allCampaigns': { es: 'Todas las campañas', en: 'All campaigns' },
  'agenda.agent': { es: 'Agente', en: 'Agent' },
  'agenda.queueHolder': { es: 'Cola compartida', en: 'Shared queue' },
  'agenda.campaign': { es: 'Campaña', en: 'Campaign' },
  'agenda.client': { es: 'Cliente', en: 'Client' },
  'agenda.clientId': { es: 'N.º de cliente', en: 'Client number' },
  'agenda.when': { es: 'Fecha y hora', en: 'Date and time' },
  'agenda.phone': { es: 'Teléfono', en: 'Phone' },
  'agenda.notes': { es: 'Notas', en: 'Notes' },
  'agenda.save': { es: 'Guardar', en: 'Save' },
  'agenda.cancel': { es: 'Cancelar', en: 'Cancel' },
  'agenda.remove': { es: 'Quitar', en: 'Remove' },
  'agenda.removeTitle': { es: '¿Quitar este evento?', en: 'Remove this event?' },
  'agenda.removed': { es: 'Evento quitado', en: 'Event removed' },
  'agenda.saved': { es: 'Evento guardado', en: 'Event saved' },
  'agenda.created': { es: 'Evento creado', en: 'Event created' },
  'agenda.moved': { es: 'Evento movido', en: 'Event moved' },
  'agenda.openClient': { es: 'Abrir cliente y gestionar', en: 'Open client and record' },
  'agenda.editTitle': { es: 'Evento agendado', en: 'Scheduled event' },
  'agenda.pastRefused': {
    es: 'No se puede agendar en el pasado',
    en: 'An event cannot be scheduled in the past',
  },
  'agenda.unknownPhoneTitle': { es: 'Teléfono desconocido', en: 'Unknown phone' },
  'agenda.unknownPhone': {
    es: 'Ningún cliente tiene este teléfono: el agente no podrá gestionar el evento. ¿Guardar igualmente?',
    en: 'No client has this phone: the agent will not be able to manage the event. Save anyway?',
  },
  'agenda.taken': {
    es: 'Otro agente tomó esta rellamada hace un momento: elija otra de la cola',
    en: 'Another agent took this callback a moment ago: pick another one from the queue',
  },
  'agenda.queue': { es: 'Cola compartida de la campaña', en: 'Campaign shared queue' },
  'agenda.queueHelp': {
    es: 'Rellamadas vencidas sin agente: las atiende el primero que las toma.',
    en: 'Due callbacks with no agent: the first agent who takes one handles it.',
  },
  'agenda.queueEmpty': { es: 'No hay rellamadas en la cola', en: 'The queue is empty' },
  'agenda.take': { es: 'Tomar', en: 'Take' },
  'agenda.takenByYou': {
    es: 'La rellamada es suya: figura en su agenda',
    en: 'The callback is yours: it is in your agenda',
  },
  'agenda.due': { es: 'Vencidas', en: 'Due' },
  'agenda.dueBadge': { es: 'Eventos vencidos', en: 'Due events' },
} as const

export type AgendaMessageKey = keyof typeof AGENDA_MESSAGES
export type AgendaTranslate = PluginTranslate<AgendaMessageKey>

export function useAgendaMessages(): AgendaTranslate {
  return usePluginMessages(AGENDA_MESSAGES)
}
