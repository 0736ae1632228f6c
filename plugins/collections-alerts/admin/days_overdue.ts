const DAY_MS = 86_400_000

/** Days overdue of a due date (`YYYY-MM-DD`): today − due date, never below zero. */
export function daysOverdue(dueDate: unknown) {
  if (typeof dueDate !== 'string') return null
  const today = new Date()
  const startOfToday = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())
  const due = Date.parse(`${dueDate.slice(0, 10)}T00:00:00Z`)
  return Math.max(0, Math.round((startOfToday - due) / DAY_MS))
}
