import { useSessionUser } from '@tablero/admin'

/** Dates and amounts in the signed-in user's locale and zone. */
export function useFormats() {
  const user = useSessionUser()
  const locale = user?.locale === 'en' ? 'en-US' : 'es-ES'
  const dates = new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: user?.timezone || undefined,
  })
  return {
    date: (value: string | null) => {
      const date = value ? new Date(value) : null
      // a gateway may send a date it cannot read: shown as sent rather than crashing the tab
      return date && !Number.isNaN(date.getTime()) ? dates.format(date) : (value ?? '—')
    },
    amount: (value: number, currency: string) => {
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value)
      } catch {
        return `${value.toFixed(2)} ${currency}`
      }
    },
  }
}
