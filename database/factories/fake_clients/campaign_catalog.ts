/**
 * Campaigns of a typical Latin-American contact center, used by the demo
 * seed (the first six) and by tablero:fake-clients (all ten).
 */
export const CAMPAIGN_CATALOG: Array<{
  name: string
  type: 'inbound_voice' | 'outbound_dialer'
  description: string
}> = [
  {
    name: 'Cobranzas Temprana',
    type: 'outbound_dialer',
    description: 'Mora de 1 a 30 días: recordatorio de pago y acuerdo en la primera llamada.',
  },
  {
    name: 'Servicio al Cliente',
    type: 'inbound_voice',
    description: 'Línea de atención: consultas de saldo, facturación y cambios de datos.',
  },
  {
    name: 'Retención Hogar',
    type: 'inbound_voice',
    description: 'Clientes de internet y TV que piden la baja: ofertas de retención.',
  },
  {
    name: 'Ventas Portabilidad',
    type: 'outbound_dialer',
    description: 'Ofertas de portabilidad móvil a bases de prospectos con consentimiento.',
  },
  {
    name: 'Cobranzas Tardía',
    type: 'outbound_dialer',
    description: 'Mora de 31 a 90 días: negociación de cuotas y refinanciación.',
  },
  {
    name: 'Soporte Técnico',
    type: 'inbound_voice',
    description: 'Fallas de servicio, visitas técnicas y seguimiento de tickets.',
  },
  {
    name: 'Bienvenida Clientes Nuevos',
    type: 'outbound_dialer',
    description: 'Llamada de bienvenida y verificación de datos a los 7 días del alta.',
  },
  {
    name: 'Recuperación de Cartera',
    type: 'outbound_dialer',
    description: 'Cartera castigada de más de 90 días: acuerdos de pago con descuento.',
  },
  {
    name: 'Encuestas de Satisfacción',
    type: 'outbound_dialer',
    description: 'Encuesta NPS después de una gestión o una visita técnica.',
  },
  {
    name: 'Retención Móvil',
    type: 'inbound_voice',
    description: 'Líneas pospago con solicitud de portabilidad saliente.',
  },
]
