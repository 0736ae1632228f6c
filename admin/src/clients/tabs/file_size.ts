/** `2,4 MB` in the user's language. */
export function formatFileSize(bytes: number, locale: string) {
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  const digits = unit === 0 ? 0 : 1
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${units[unit]}`
}

/** What the backend accepts per file (C10); checked here first to spare a doomed upload. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
