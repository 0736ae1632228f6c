/**
 * Every text of the plugin's screens, in both languages. The SDK offers no way for a plugin to
 * add keys to the shell's i18next bundles, so the plugin keeps its own keyed `{ es, en }` texts
 * and reads them through the SDK's `useLocalize` (see use_messages.ts), as custom-fields does.
 * `{name}` placeholders are filled by the caller.
 */
export const MESSAGES = {
  'common.cancel': { es: 'Cancelar', en: 'Cancel' },
  'common.save': { es: 'Guardar', en: 'Save' },
  'common.edit': { es: 'Editar', en: 'Edit' },
  'common.delete': { es: 'Eliminar', en: 'Delete' },
  'common.actions': { es: 'Acciones', en: 'Actions' },
  'common.required': { es: 'Este dato es obligatorio', en: 'This is required' },
  'common.yes': { es: 'Sí', en: 'Yes' },
  'common.continue': { es: 'Continuar', en: 'Continue' },
  'common.refresh': { es: 'Actualizar', en: 'Refresh' },
  'common.campaign': { es: 'Campaña', en: 'Campaign' },
  'common.campaigns': { es: 'Campañas', en: 'Campaigns' },
  'common.allCampaigns': { es: 'Todas las campañas', en: 'All campaigns' },
  'common.archived': { es: 'archivada', en: 'archived' },

  'campaignType.inbound_voice': { es: 'Voz entrante', en: 'Inbound voice' },
  'campaignType.outbound_dialer': { es: 'Marcador', en: 'Dialer' },

  'action.recall': { es: 'Rellamar', en: 'Recall' },
  'action.recall_alternate': { es: 'Rellamar alternativo', en: 'Recall alternate phone' },
  'action.no_action': { es: 'Sin acción', en: 'No action' },
  'action.do_not_call': { es: 'No volver a llamar', en: 'Do not call' },
  'actionHelp.recall': {
    es: 'El contacto vuelve al final de la lista y se rellama al teléfono que se llamó.',
    en: 'The contact goes back to the end of the list and is called again on the same phone.',
  },
  'actionHelp.recall_alternate': {
    es: 'El contacto vuelve al final de la lista y se rellama al próximo teléfono alternativo.',
    en: 'The contact goes back to the end of the list and is called on the next alternate phone.',
  },
  'actionHelp.no_action': {
    es: 'El marcador no hace nada con el contacto.',
    en: 'The dialer does nothing with the contact.',
  },
  'actionHelp.do_not_call': {
    es: 'El contacto pasa a la lista de no llamar.',
    en: 'The contact goes to the do-not-call list.',
  },

  'results.title': { es: 'Tipificaciones', en: 'Dispositions' },
  'results.intro': {
    es: 'Los resultados que el agente elige al tipificar una llamada, hasta 3 niveles por campaña. El nivel 1 es obligatorio.',
    en: 'The results an agent picks when recording a call, up to 3 levels per campaign. Level 1 is mandatory.',
  },
  'results.pickCampaign': { es: 'Elija una campaña', en: 'Choose a campaign' },
  'results.noCampaign': {
    es: 'Elija una campaña para ver y editar su árbol de resultados.',
    en: 'Choose a campaign to see and edit its result tree.',
  },
  'results.new': { es: 'Nuevo resultado de nivel 1', en: 'New level-1 result' },
  'results.import': { es: 'Importar CSV', en: 'Import CSV' },
  'results.empty': {
    es: 'Esta campaña todavía no tiene resultados',
    en: 'This campaign has no results yet',
  },
  'results.name': { es: 'Resultado', en: 'Result' },
  'results.level': { es: 'Nivel', en: 'Level' },
  'results.behaviour': { es: 'Acción o agenda', en: 'Action or scheduling' },
  'results.schedules': { es: 'Permite agendar', en: 'Allows scheduling' },
  'results.deleteScheduled': { es: 'Borra agendados', en: 'Clears callbacks' },
  'results.measure': { es: 'Medida', en: 'Measure' },
  'results.status': { es: 'Estado', en: 'Status' },
  'results.active': { es: 'Activo', en: 'Active' },
  'results.inactive': { es: 'Inactivo', en: 'Inactive' },
  'results.addChild': { es: 'Agregar hijo', en: 'Add child' },
  'results.deactivate': { es: 'Desactivar', en: 'Deactivate' },
  'results.activate': { es: 'Activar', en: 'Activate' },
  'results.deactivated': {
    es: 'Resultado «{name}» desactivado',
    en: 'Result “{name}” deactivated',
  },
  'results.activated': { es: 'Resultado «{name}» activado', en: 'Result “{name}” activated' },
  'results.deleteTitle': { es: '¿Eliminar «{name}»?', en: 'Delete “{name}”?' },
  'results.deleteText': {
    es: 'Se eliminan también sus resultados hijos. Si alguna gestión ya lo usó, desactívelo en su lugar.',
    en: 'Its child results are deleted too. If any gestión used it already, deactivate it instead.',
  },
  'results.deleted': { es: 'Resultado «{name}» eliminado', en: 'Result “{name}” deleted' },
  'results.actionsHelp': { es: 'Qué hace cada acción', en: 'What each action does' },

  'resultForm.createTitle': { es: 'Nuevo resultado de nivel 1', en: 'New level-1 result' },
  'resultForm.childTitle': {
    es: 'Nuevo resultado bajo «{name}»',
    en: 'New result under “{name}”',
  },
  'resultForm.editTitle': { es: 'Editar «{name}»', en: 'Edit “{name}”' },
  'resultForm.name': { es: 'Nombre', en: 'Name' },
  'resultForm.campaigns': { es: 'Campañas', en: 'Campaigns' },
  'resultForm.campaignsHelp': {
    es: 'El resultado se crea en cada campaña elegida.',
    en: 'The result is created in every chosen campaign.',
  },
  'resultForm.behaviour': { es: 'Al elegirlo', en: 'When chosen' },
  'resultForm.useAction': { es: 'Ejecuta una acción', en: 'Runs an action' },
  'resultForm.useScheduling': { es: 'Permite agendar', en: 'Allows scheduling' },
  'resultForm.behaviourHelp': {
    es: 'Un resultado tiene una acción o permite agendar, nunca ambas.',
    en: 'A result has an action or allows scheduling, never both.',
  },
  'resultForm.action': { es: 'Acción', en: 'Action' },
  'resultForm.actionDefault': {
    es: 'Sin acción si no elige otra: un resultado que agrupa otros no necesita acción propia.',
    en: 'No action unless you choose one: a result that groups others needs no action of its own.',
  },
  'resultForm.deleteScheduled': {
    es: 'Borrar eventos agendados previos',
    en: 'Delete earlier scheduled callbacks',
  },
  'resultForm.deleteScheduledHelp': {
    es: 'Al tipificar con este resultado se quitan las rellamadas pendientes del cliente y sus números salen de las colas del marcador.',
    en: 'Recording this result removes the client’s pending callbacks and drops its numbers from the dialer queues.',
  },
  'resultForm.measure': { es: 'Medida de gamificación', en: 'Gamification measure' },
  'resultForm.created': { es: 'Resultado «{name}» creado', en: 'Result “{name}” created' },
  'resultForm.createdMany': {
    es: 'Resultado «{name}» creado en {count} campañas',
    en: 'Result “{name}” created in {count} campaigns',
  },
  'resultForm.saved': { es: 'Resultado «{name}» guardado', en: 'Result “{name}” saved' },

  'voice.title': { es: 'Campañas de voz', en: 'Voice campaigns' },
  'voice.text': {
    es: 'La acción solo se aplica a las campañas de marcador: {names} son campañas de voz y la ignorarán. ¿Desea aplicar los cambios de todos modos?',
    en: 'The action applies only to dialer campaigns: {names} are voice campaigns and will ignore it. Apply the changes anyway?',
  },
  'voice.notice': {
    es: 'La acción solo se aplica a las campañas de marcador: {names} son campañas de voz y la ignorarán.',
    en: 'The action applies only to dialer campaigns: {names} are voice campaigns and will ignore it.',
  },
  'voice.text.one': {
    es: 'La acción solo se aplica a las campañas de marcador: {names} es una campaña de voz y la ignorará. ¿Desea aplicar los cambios de todos modos?',
    en: 'The action applies only to dialer campaigns: {names} is a voice campaign and will ignore it. Apply the changes anyway?',
  },
  'voice.notice.one': {
    es: 'La acción solo se aplica a las campañas de marcador: {names} es una campaña de voz y la ignorará.',
    en: 'The action applies only to dialer campaigns: {names} is a voice campaign and will ignore it.',
  },
  'voice.confirm': { es: 'Aplicar igualmente', en: 'Apply anyway' },

  'import.title': { es: 'Importar resultados desde CSV', en: 'Import results from CSV' },
  'import.intro': {
    es: 'Columnas: level1, level2, level3, action, allows_scheduling, delete_scheduled, gamification_measure (separadas por coma o punto y coma). Si alguna fila tiene errores no se importa nada.',
    en: 'Columns: level1, level2, level3, action, allows_scheduling, delete_scheduled, gamification_measure (comma or semicolon separated). If any row has errors nothing is imported.',
  },
  'import.template': { es: 'Descargar plantilla', en: 'Download template' },
  'import.file': { es: 'Archivo CSV', en: 'CSV file' },
  'import.chooseFile': { es: 'Elegir archivo', en: 'Choose file' },
  'import.fileRequired': { es: 'Elija el archivo CSV', en: 'Choose the CSV file' },
  'import.submit': { es: 'Importar', en: 'Import' },
  'import.running': { es: 'Importando…', en: 'Importing…' },
  'import.done': {
    es: '{rows} filas leídas, {created} resultados nuevos',
    en: '{rows} rows read, {created} new results',
  },
  'import.rowErrors': {
    es: 'Filas con errores (no se importó nada)',
    en: 'Rows with errors (nothing was imported)',
  },
  'import.row': { es: 'Fila', en: 'Row' },
  'import.column': { es: 'Columna', en: 'Column' },
  'import.message': { es: 'Error', en: 'Error' },

  'stats.title': { es: 'Estadísticas', en: 'Statistics' },
  'stats.intro': {
    es: 'Las gráficas no se actualizan en tiempo real: use «Actualizar».',
    en: 'The charts do not update in real time: use “Refresh”.',
  },
  'stats.range': { es: 'Período', en: 'Period' },
  'stats.agent': { es: 'Agente', en: 'Agent' },
  'stats.allAgents': { es: 'Todos los agentes', en: 'All agents' },
  'stats.download': { es: 'Reporte CSV', en: 'CSV report' },
  'stats.byResult': { es: 'Resultados de las gestiones', en: 'Results of the gestiones' },
  'stats.clients': { es: 'Clientes gestionados', en: 'Managed clients' },
  'stats.managed': { es: 'Gestionados', en: 'Managed' },
  'stats.unmanaged': { es: 'No gestionados', en: 'Not managed' },
  'stats.totalGestiones': { es: 'Gestiones', en: 'Gestiones' },
  'stats.totalClients': { es: 'Clientes', en: 'Clients' },
  'stats.noData': { es: 'Sin gestiones en el período', en: 'No gestiones in the period' },
  'stats.noClients': { es: 'Sin clientes', en: 'No clients' },

  'gestion.title': { es: 'Gestión de la llamada', en: 'Call outcome' },
  'gestion.campaign': { es: 'Campaña', en: 'Campaign' },
  'gestion.noCampaigns': {
    es: 'No trabaja en ninguna campaña: pida a su supervisor que le asigne una.',
    en: 'You work in no campaign: ask your supervisor to assign you one.',
  },
  'gestion.optionalLevel': {
    es: 'Opcional: puede guardar en el nivel anterior.',
    en: 'Optional: you may save at the level above.',
  },
  'gestion.actionApplies': { es: 'Se aplicará: {action}', en: 'Will apply: {action}' },
  'gestion.callbackZone': { es: 'Hora de {zone}', en: 'Time in {zone}' },
  'gestion.level1': { es: 'Resultado', en: 'Result' },
  'gestion.level2': { es: 'Nivel 2', en: 'Level 2' },
  'gestion.level3': { es: 'Nivel 3', en: 'Level 3' },
  'gestion.noResults': {
    es: 'Esta campaña no tiene resultados: pídaselos a su supervisor.',
    en: 'This campaign has no results: ask your supervisor.',
  },
  'gestion.notes': { es: 'Notas', en: 'Notes' },
  'gestion.callbackAt': { es: 'Volver a llamar', en: 'Call back on' },
  'gestion.callbackFuture': {
    es: 'Elija una fecha y hora futuras',
    en: 'Pick a future date and time',
  },
  'gestion.alternatePhone': { es: 'Teléfono alternativo', en: 'Alternate phone' },
  'gestion.alternatePhoneHelp': {
    es: 'Opcional, con prefijo de país: +57 300 123 4567',
    en: 'Optional, with country code: +57 300 123 4567',
  },
  'gestion.forMe': { es: 'Para mí', en: 'For me' },
  'gestion.forMeHelp': {
    es: 'La rellamada queda en su propia agenda.',
    en: 'The callback goes to your own agenda.',
  },
  'gestion.forMeDialerOnly': {
    es: 'Solo en campañas de marcador: en voz la atiende el próximo agente disponible.',
    en: 'Only on dialer campaigns: on voice any available agent takes it.',
  },
  'gestion.save': { es: 'Guardar gestión', en: 'Save call outcome' },
  'gestion.saved': { es: 'Gestión guardada: {path}', en: 'Call outcome saved: {path}' },
  'gestion.noClient': {
    es: 'Guarde el cliente antes de registrar una gestión.',
    en: 'Save the client before recording a call outcome.',
  },

  'history.title': { es: 'Gestiones del cliente', en: 'Client’s call outcomes' },
  'history.empty': { es: 'Sin gestiones todavía', en: 'No call outcomes yet' },
  'history.date': { es: 'Fecha', en: 'Date' },
  'history.result': { es: 'Resultado', en: 'Result' },
  'history.notes': { es: 'Notas', en: 'Notes' },
  'history.callback': { es: 'Rellamada', en: 'Callback' },
  'history.user': { es: 'Agente', en: 'Agent' },

  'callbacks.title': { es: 'Mis rellamadas pendientes', en: 'My pending callbacks' },
  'callbacks.empty': { es: 'No tiene rellamadas pendientes', en: 'You have no pending callbacks' },
  'callbacks.due': { es: 'Cuándo', en: 'When' },
  'callbacks.client': { es: 'Cliente', en: 'Client' },
  'callbacks.remove': { es: 'Quitar', en: 'Remove' },
  'callbacks.removeTitle': {
    es: '¿Quitar esta rellamada?',
    en: 'Remove this callback?',
  },
  'callbacks.removed': { es: 'Rellamada quitada', en: 'Callback removed' },
  'callbacks.overdue': { es: 'Vencida', en: 'Overdue' },

  'error.RESULT_IN_USE': {
    es: 'Algunas gestiones ya usaron este resultado o sus hijos: desactívelo en lugar de eliminarlo.',
    en: 'Some call outcomes already used this result or its children: deactivate it instead of deleting it.',
  },
  'error.TOO_DEEP': {
    es: 'Los resultados llegan hasta el nivel 3.',
    en: 'Results go three levels deep at most.',
  },
  'error.ACTION_AND_SCHEDULING': {
    es: 'Un resultado tiene una acción o permite agendar, nunca ambas.',
    en: 'A result has either an action or allows scheduling, never both.',
  },
  'error.NOT_IN_CAMPAIGN': {
    es: 'Usted no trabaja en esta campaña.',
    en: 'You do not work in this campaign.',
  },
  'error.CALLBACK_IN_PAST': {
    es: 'Elija una fecha y hora futuras.',
    en: 'Pick a future date and time.',
  },
  'error.CSV_HEADER': {
    es: 'Al CSV le faltan columnas: descargue la plantilla para ver el formato.',
    en: 'The CSV lacks columns: download the template to see the format.',
  },
  'error.CSV_EMPTY': { es: 'El CSV no tiene filas.', en: 'The CSV has no rows.' },
  'error.CSV_ROWS_INVALID': {
    es: 'Hay filas con errores: no se importó nada.',
    en: 'Some rows have errors: nothing was imported.',
  },
} as const

export type MessageKey = keyof typeof MESSAGES
