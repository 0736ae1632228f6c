/**
 * Spanish texts of the demo's notes, tasks and addresses, as agents of a
 * Latin-American contact center write them.
 */
export const DEMO_NOTES = [
  'Cliente solicita que lo llamen después de las 6 p. m.',
  'Acordó pagar la cuota el viernes; enviar recordatorio por WhatsApp.',
  'No contesta. Se deja mensaje de voz.',
  'Pidió información del plan Hogar 300 Mbps; enviar propuesta por correo.',
  'Reclama cobro duplicado en la factura de octubre; escalado a facturación.',
  'Actualizó su correo electrónico y la dirección de envío.',
  'Manifiesta inconformidad con la velocidad del servicio; se agenda visita técnica.',
  'Indica que ya pagó en efectivo en corresponsal; pidió validar el pago.',
  'Número equivocado: el titular es un familiar; pidió no volver a llamar a este número.',
  'Acepta la oferta de retención: 3 meses con 30 % de descuento.',
  'Cliente VIP: atender con prioridad y ofrecer beneficio de lealtad.',
  'Solicita paz y salvo para trámite bancario.',
]

export const DEMO_TASKS = [
  'Llamar para confirmar el acuerdo de pago',
  'Enviar estado de cuenta por correo',
  'Verificar el pago en la pasarela',
  'Agendar visita técnica',
  'Dar seguimiento al reclamo de facturación',
  'Confirmar datos para la portabilidad',
  'Devolver la llamada al cliente',
  'Enviar paz y salvo',
]

/** City, region and postal code by country, and how streets are written there. */
export const DEMO_PLACES: Record<
  string,
  { cities: Array<[city: string, region: string, postalCode: string]>; streets: string[] }
> = {
  CO: {
    cities: [
      ['Bogotá', 'Bogotá D.C.', '110111'],
      ['Medellín', 'Antioquia', '050021'],
      ['Cali', 'Valle del Cauca', '760001'],
      ['Barranquilla', 'Atlántico', '080001'],
    ],
    streets: ['Calle {n} # {m}-{k}', 'Carrera {n} # {m}-{k}', 'Avenida Calle {n} # {m}-{k}'],
  },
  MX: {
    cities: [
      ['Ciudad de México', 'CDMX', '03100'],
      ['Guadalajara', 'Jalisco', '44100'],
      ['Monterrey', 'Nuevo León', '64000'],
    ],
    streets: ['Av. Insurgentes Sur {n}{k}, Col. Del Valle', 'Calle Morelos {n}, Col. Centro'],
  },
  PE: {
    cities: [
      ['Lima', 'Lima', '15046'],
      ['Arequipa', 'Arequipa', '04001'],
    ],
    streets: ['Av. Arequipa {n}{k}', 'Jr. de la Unión {n}', 'Av. Javier Prado Este {n}{k}'],
  },
  CL: {
    cities: [
      ['Santiago', 'Región Metropolitana', '7500000'],
      ['Valparaíso', 'Valparaíso', '2340000'],
    ],
    streets: ['Av. Providencia {n}{k}, Depto. {m}', 'Los Leones {n}'],
  },
  AR: {
    cities: [
      ['Buenos Aires', 'CABA', 'C1043'],
      ['Córdoba', 'Córdoba', 'X5000'],
    ],
    streets: ['Av. Corrientes {n}{k}, Piso {m}', 'Av. Santa Fe {n}{k}'],
  },
  ES: {
    cities: [
      ['Madrid', 'Madrid', '28009'],
      ['Barcelona', 'Cataluña', '08013'],
      ['Sevilla', 'Andalucía', '41004'],
    ],
    streets: ['Calle de Alcalá {n}, {m}º', 'Carrer de Mallorca {n}, {m}º'],
  },
  US: {
    cities: [
      ['Miami', 'FL', '33135'],
      ['Houston', 'TX', '77036'],
      ['Orlando', 'FL', '32801'],
    ],
    streets: ['{n}{k} SW 8th St', '{n}{k} Bellaire Blvd'],
  },
}
