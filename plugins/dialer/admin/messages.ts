/**
 * Every text of the dialer's screens, in both languages (plugins keep their own messages: see
 * usePluginMessages). `{name}` placeholders are filled by the caller.
 */
export const MESSAGES = {
  'goto.button': { es: 'Ir a Marcador', en: 'Go to Dialer' },
  'goto.help': {
    es: 'Armar una lista de marcador con los clientes de la búsqueda',
    en: 'Build a dialer list from the clients found',
  },
  'lists.title': { es: 'Marcador', en: 'Dialer' },
  'lists.new': { es: 'Nueva lista', en: 'New list' },
  'lists.fromAssignments': {
    es: 'Con el filtro de Asignaciones: {count} clientes',
    en: 'With the Asignaciones filter: {count} clients',
  },
  'lists.noFilter': {
    es: 'Sin filtro: todos los clientes de la campaña',
    en: 'No filter: every client of the campaign',
  },
  'lists.name': { es: 'Nombre de la lista', en: 'List name' },
  'lists.campaign': { es: 'Campaña de marcador', en: 'Dialer campaign' },
  'lists.submit': { es: 'Subir lista', en: 'Upload list' },
  'lists.created': {
    es: 'Lista creada con {total} contactos ({skipped} teléfonos inválidos omitidos)',
    en: 'List created with {total} contacts ({skipped} invalid phones skipped)',
  },
  'lists.building': {
    es: 'Armando la lista de {count} clientes en segundo plano: los contadores avanzan solos',
    en: 'Building the list of {count} clients in the background: the counts move on their own',
  },
  'lists.buildingTag': { es: 'armándose', en: 'building' },
  'lists.required': { es: 'Obligatorio', en: 'Required' },
  'col.name': { es: 'Lista', en: 'List' },
  'col.campaign': { es: 'Campaña', en: 'Campaign' },
  'col.active': { es: 'Activa', en: 'Active' },
  'col.total': { es: 'Contactos', en: 'Contacts' },
  'col.new': { es: 'Nuevos', en: 'New' },
  'col.called': { es: 'En llamada', en: 'In call' },
  'col.recall': { es: 'Rellamar pendientes', en: 'Pending recall' },
  'col.dnc': { es: 'No llamar', en: 'Do not call' },
  'col.done': { es: 'Terminados', en: 'Done' },
  'col.invalid': { es: 'Teléfonos inválidos', en: 'Invalid phones' },
  'links.dnc': { es: 'Lista de no llamar', en: 'Do-not-call list' },
  'links.settings': { es: 'Horarios y reintentos', en: 'Hours and retries' },
  'console.title': { es: 'Marcador', en: 'Dialer' },
  'console.campaign': { es: 'Campaña', en: 'Campaign' },
  'console.next': { es: 'Siguiente contacto', en: 'Next contact' },
  'console.noAnswer': { es: 'No contesta', en: 'No answer' },
  'console.open': { es: 'Abrir cliente', en: 'Open client' },
  'console.pause': { es: 'Pausa', en: 'Pause' },
  'console.pauseReason': { es: 'Motivo de la pausa', en: 'Pause reason' },
  'console.resume': { es: 'Disponible', en: 'Available' },
  'console.wrapUp': { es: 'Cortar y tipificar', en: 'Hang up and wrap up' },
  'console.empty': { es: 'No hay contactos para llamar ahora', en: 'No contact to call now' },
  'console.current': { es: 'Contacto actual: {phone}', en: 'Current contact: {phone}' },
  'console.wrapHelp': {
    es: 'Registre la gestión en la pestaña Info del cliente para quedar disponible',
    en: "Record the gestión in the client's Info tab to become available",
  },
  'floor.title': { es: 'Agentes del marcador', en: 'Dialer agents' },
  'floor.agent': { es: 'Agente', en: 'Agent' },
  'floor.state': { es: 'Estado', en: 'State' },
  'floor.contact': { es: 'Contacto', en: 'Contact' },
  'floor.empty': {
    es: 'Ningún agente tomó contactos todavía',
    en: 'No agent has taken contacts yet',
  },
  'state.available': { es: 'Disponible', en: 'Available' },
  'state.in_call': { es: 'En llamada', en: 'In a call' },
  'state.wrap_up': { es: 'Tipificando', en: 'Wrap-up' },
  'state.paused': { es: 'En pausa: {reason}', en: 'Paused: {reason}' },
} as const

export type MessageKey = keyof typeof MESSAGES
