import { FieldValue, useResourceDescription } from '@tablero/admin'

/**
 * A value of a row of one of the plugin's resources shown as the generated screens show it (the
 * client by name, linked to its page; dates in the user's zone); the bare value when the
 * resource is not described to this user.
 */
export function RowValue({
  resource,
  name,
  value,
}: {
  resource: string
  name: string
  value: unknown
}) {
  const description = useResourceDescription(resource)
  const field = description?.fields.find((candidate) => candidate.name === name)
  return field ? <FieldValue field={field} value={value} /> : <>{String(value ?? '')}</>
}
