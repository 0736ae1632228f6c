/**
 * Every text of the plugin's screens, in both languages (plugins keep their own messages:
 * see usePluginMessages). `{name}` placeholders are filled by the caller.
 */
export const MESSAGES = {
  'column.title': { es: 'Alerta', en: 'Alert' },
  'tab.title': { es: 'Cartera', en: 'Portfolio' },
  'lift.action': { es: 'Quitar alerta', en: 'Lift alert' },
  'lift.title': { es: '¿Quitar la alerta "{name}"?', en: 'Lift the "{name}" alert?' },
  'lift.reason': { es: 'Motivo (opcional)', en: 'Reason (optional)' },
  'lift.ok': { es: 'Quitar', en: 'Lift' },
  'lift.cancel': { es: 'Cancelar', en: 'Cancel' },
  'lift.done': { es: 'Alerta quitada', en: 'Alert lifted' },
  'badge.raised': { es: 'Desde {date}: {reason}', en: 'Since {date}: {reason}' },
  'detail.wrong_phone': { es: 'Teléfono equivocado o suspendido', en: 'Wrong or suspended phone' },
  'detail.whatsapp_unavailable': { es: 'WhatsApp no disponible', en: 'WhatsApp unavailable' },
  'detail.email_not_found': { es: 'Correo no encontrado', en: 'E-mail not found' },
  'portfolio.debts': { es: 'Deudas', en: 'Debts' },
  'portfolio.payments': { es: 'Pagos', en: 'Payments' },
  'portfolio.promises': { es: 'Compromisos de pago', en: 'Promises to pay' },
  'portfolio.toVerify': { es: 'Pagos a verificar', en: 'Payments to verify' },
  'portfolio.daysOverdue': { es: 'Días de atraso', en: 'Days overdue' },
  'portfolio.empty': { es: 'Sin registros', en: 'Nothing yet' },
  'segments.title': { es: 'Segmentos', en: 'Segments' },
  'segments.name': { es: 'Nombre del segmento', en: 'Segment name' },
  'segments.count': { es: 'Clientes en el segmento', en: 'Clients in the segment' },
  'segments.save': { es: 'Guardar segmento', en: 'Save segment' },
  'segments.saved': { es: 'Segmento guardado', en: 'Segment saved' },
  'segments.nameRequired': { es: 'Escriba un nombre', en: 'Type a name' },
  'segments.list': { es: 'Segmentos guardados', en: 'Saved segments' },
  'segments.source': { es: 'Aplicar un segmento', en: 'Apply a segment' },
  'contact.marked': { es: 'Problema de contactabilidad', en: 'Contactability problem' },
} as const

export type MessageKey = keyof typeof MESSAGES
