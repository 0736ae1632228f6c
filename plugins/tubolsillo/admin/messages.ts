/**
 * Every text of the plugin's screens, in both languages (the SDK gives plugins no keys in the
 * shell's bundles: see usePluginMessages). `{name}` placeholders are filled by the caller.
 */
export const MESSAGES = {
  'tab.title': { es: 'TuBolsillo', en: 'TuBolsillo' },
  'status.label': { es: 'Estado de la billetera', en: 'Wallet status' },
  'status.active': { es: 'Activa', en: 'Active' },
  'status.inactive': { es: 'Inactiva', en: 'Inactive' },
  'status.pending': { es: 'Pendiente de confirmación', en: 'Awaiting confirmation' },
  'status.failed': { es: 'Último cambio fallido', en: 'Last change failed' },
  'status.unknown': { es: 'Nunca consultada', en: 'Never asked' },
  'status.confirmed': {
    es: 'Último estado confirmado por el servicio: {state}',
    en: 'Last state the service confirmed: {state}',
  },
  'action.activate': { es: 'Activar TuBolsillo', en: 'Activate TuBolsillo' },
  'action.deactivate': { es: 'Desactivar TuBolsillo', en: 'Deactivate TuBolsillo' },
  'action.check': { es: 'Consultar al servicio', en: 'Ask the service' },
  'action.retry': { es: 'Reintentar', en: 'Retry' },
  'form.action': { es: 'Acción', en: 'Action' },
  'form.reason': { es: 'Motivo', en: 'Reason' },
  'form.note': { es: 'Detalle (opcional)', en: 'Details (optional)' },
  'form.required': { es: 'Elija un motivo', en: 'Choose a reason' },
  'confirm.title': {
    es: '¿{action} la billetera de {name}?',
    en: '{action} the wallet of {name}?',
  },
  'confirm.ok': { es: 'Confirmar', en: 'Confirm' },
  'confirm.cancel': { es: 'Cancelar', en: 'Cancel' },
  'result.confirmed': {
    es: 'El servicio confirmó el cambio',
    en: 'The service confirmed the change',
  },
  'result.failed': {
    es: 'El servicio rechazó el cambio: {error}',
    en: 'The service refused the change: {error}',
  },
  'result.pending': {
    es: 'El servicio no respondió a tiempo: el cambio queda pendiente hasta confirmarlo',
    en: 'The service did not answer in time: the change stays pending until confirmed',
  },
  'history.title': { es: 'Historial de cambios', en: 'Change history' },
  'history.empty': { es: 'Sin cambios registrados', en: 'No changes yet' },
  'bulk.button': { es: 'TuBolsillo en lote', en: 'TuBolsillo in bulk' },
  'bulk.title': {
    es: 'Activar/Desactivar TuBolsillo en lote',
    en: 'Activate/deactivate TuBolsillo in bulk',
  },
  'bulk.scopeSelected': { es: 'Las {count} filas marcadas', en: 'The {count} checked rows' },
  'bulk.scopeFilter': {
    es: 'Todos los clientes del filtro actual',
    en: 'Every client of the current filter',
  },
  'bulk.counting': { es: 'Contando clientes…', en: 'Counting clients…' },
  'bulk.count': {
    es: 'Se cambiará la billetera de {count} clientes.',
    en: 'The wallet of {count} clients will be changed.',
  },
  'bulk.start': { es: 'Iniciar', en: 'Start' },
  'bulk.running': { es: 'Procesando {message}', en: 'Processing {message}' },
  'bulk.done': {
    es: 'Terminado: {confirmed} confirmados, {failed} fallidos, {pending} pendientes',
    en: 'Finished: {confirmed} confirmed, {failed} failed, {pending} pending',
  },
  'bulk.jobFailed': { es: 'El proceso falló: {error}', en: 'The job failed: {error}' },
  'bulk.failedTitle': {
    es: 'Clientes que el servicio rechazó',
    en: 'Clients the service refused',
  },
  'bulk.client': { es: 'Cliente', en: 'Client' },
  'bulk.error': { es: 'Error', en: 'Error' },
  'bulk.retry': { es: 'Reintentar los fallidos', en: 'Retry the failed ones' },
  'bulk.close': { es: 'Cerrar', en: 'Close' },
}

export type MessageKey = keyof typeof MESSAGES
