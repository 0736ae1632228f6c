import { primaryKeyOf } from './resource_registry.ts'
import type { ResourceDefinition } from './types.ts'

type Row = Record<string, unknown>

/** The values of `changes` that differ from the stored row (a link kept as it is is not re-checked). */
export function changedFrom(row: Row, changes: Row) {
  return Object.fromEntries(
    Object.entries(changes).filter(([key, value]) => String(row[key] ?? '') !== String(value ?? ''))
  )
}

/**
 * Keeps only the fields that changed, so history shows field, old, new.
 */
export function changedOnly(before: Row, after: Row) {
  const changedBefore: Row = {}
  const changedAfter: Row = {}
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]) && key !== 'updated_at') {
      changedBefore[key] = before[key]
      changedAfter[key] = after[key]
    }
  }
  return { before: changedBefore, after: changedAfter }
}

/**
 * Where a record's audit entry shows up besides the record's own history:
 * the parent's log for a satellite, the `auditSubject`'s (a gestión's
 * client) when the row names one, the record's own log otherwise.
 */
export function auditSubjectOf(definition: ResourceDefinition, row: Row) {
  const under = definition.parent ?? definition.auditSubject
  if (under && (definition.parent || (row[under.field] ?? null) !== null)) {
    return { subject: under.resource, subjectId: row[under.field] as string }
  }
  return { subject: definition.name, subjectId: row[primaryKeyOf(definition)] as string }
}
