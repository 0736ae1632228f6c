import { DateTime } from 'luxon'

/**
 * The time zones a phone's country spans. A contact may be called only
 * when the hour is inside the calling window in every zone of its country
 * (the strictest reading for countries with several zones). Countries not
 * listed fall back to the campaign's server zone (UTC): extend the table
 * for the markets you dial.
 */
const ZONES: Record<string, string[]> = {
  AR: ['America/Argentina/Buenos_Aires'],
  BO: ['America/La_Paz'],
  BR: ['America/Sao_Paulo', 'America/Manaus', 'America/Rio_Branco'],
  CL: ['America/Santiago'],
  CO: ['America/Bogota'],
  CR: ['America/Costa_Rica'],
  DO: ['America/Santo_Domingo'],
  EC: ['America/Guayaquil'],
  ES: ['Europe/Madrid'],
  GT: ['America/Guatemala'],
  HN: ['America/Tegucigalpa'],
  MX: ['America/Mexico_City', 'America/Tijuana', 'America/Cancun'],
  NI: ['America/Managua'],
  PA: ['America/Panama'],
  PE: ['America/Lima'],
  PY: ['America/Asuncion'],
  SV: ['America/El_Salvador'],
  US: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'],
  UY: ['America/Montevideo'],
  VE: ['America/Caracas'],
  GB: ['Europe/London'],
  PT: ['Europe/Lisbon'],
  IT: ['Europe/Rome'],
  FR: ['Europe/Paris'],
  DE: ['Europe/Berlin'],
}

export interface CallingWindow {
  /** 'HH:mm' local */
  start: string
  end: string
}

export const DEFAULT_WINDOW: CallingWindow = { start: '08:00', end: '21:00' }

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}

export function zonesOf(country: string | null | undefined) {
  return ZONES[(country ?? '').toUpperCase()] ?? ['UTC']
}

/** Whether `at` falls inside the window in every zone of `country`. */
export function withinCallingHours(
  country: string | null | undefined,
  window: CallingWindow,
  at: DateTime = DateTime.utc()
) {
  const start = minutes(window.start)
  const end = minutes(window.end)
  return zonesOf(country).every((zone) => {
    const local = at.setZone(zone)
    const now = local.hour * 60 + local.minute
    return start <= end ? now >= start && now < end : now >= start || now < end
  })
}

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/
