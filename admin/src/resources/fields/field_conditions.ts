import type { ResourceFieldDescription } from '../../meta/admin_meta'

/**
 * Whether a field applies to a record: always, unless it carries a condition (a campaign's
 * custom field applies only to clients of that campaign).
 */
export function fieldApplies(field: ResourceFieldDescription, record: Record<string, unknown>) {
  if (!field.condition) return true
  const value = record[field.condition.field]
  if (value === null || value === undefined) return false
  return field.condition.in.map(String).includes(String(value))
}

export interface FieldGroup {
  /** null for the fields outside any group, listed first. */
  name: string | null
  fields: ResourceFieldDescription[]
}

/** Fields under their form headings, in the order the headings first appear. */
export function groupFields(fields: ResourceFieldDescription[]): FieldGroup[] {
  const groups = new Map<string | null, ResourceFieldDescription[]>([[null, []]])
  for (const field of fields) {
    const name = field.group ?? null
    groups.set(name, [...(groups.get(name) ?? []), field])
  }
  return [...groups]
    .filter(([, members]) => members.length > 0)
    .map(([name, members]) => ({ name, fields: members }))
}
