/**
 * How a related record is named: its label fields' values joined by a space, empty ones skipped,
 * so a client reads "María Gómez", or "María" while her last name is unknown.
 */
export function relationLabelText(row: Record<string, unknown>, labelFields: readonly string[]) {
  return labelFields
    .map((field) => row[field])
    .map((value) => (value === null || value === undefined ? '' : String(value).trim()))
    .filter(Boolean)
    .join(' ')
}
