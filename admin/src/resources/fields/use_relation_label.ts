import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { ResourceFieldDescription } from '../../meta/admin_meta'
import { useAdminMeta } from '../../meta/meta_store'
import {
  readRelationLabel,
  relationLabelsVersion,
  requestRelationLabel,
  subscribeRelationLabels,
  type RelationLabel,
} from './relation_label_store'

type Relation = NonNullable<ResourceFieldDescription['relation']>

/**
 * The fields a relation shows. `labelField` is the one the backend names, else the target's first
 * text field, else its primary key; pickers search in it. `labelFields` name the record: the
 * backend's list when it gives one ("first_name last_name"), else `labelField` alone.
 */
export function useRelationTarget(relation: Relation) {
  const { meta } = useAdminMeta()
  const target = meta?.resources.find((resource) => resource.name === relation.resource)
  const labelField =
    relation.labelField ??
    target?.fields.find((field) => field.type === 'text')?.name ??
    target?.primaryKey ??
    'id'
  // Kept stable across renders: effects and option builders depend on it.
  const labelFields = useMemo(
    () => (relation.labelFields?.length ? relation.labelFields : [labelField]),
    [relation.labelFields, labelField]
  )
  return { resource: relation.resource, labelField, labelFields, description: target ?? null }
}

/** The label of one related record, fetched together with the others on screen. */
export function useRelationLabel(relation: Relation, id: unknown): RelationLabel {
  const { resource, labelFields } = useRelationTarget(relation)
  const key = id === null || id === undefined || id === '' ? null : String(id)
  useSyncExternalStore(subscribeRelationLabels, relationLabelsVersion)
  const label = key === null ? null : readRelationLabel({ resource, labelFields }, key)

  useEffect(() => {
    if (key !== null && label === undefined) requestRelationLabel({ resource, labelFields }, key)
  }, [resource, labelFields, key, label])

  return label
}
