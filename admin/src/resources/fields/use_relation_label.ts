import { useEffect, useSyncExternalStore } from 'react'
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
 * The field a relation shows: the one the backend names, else the target's first text field,
 * else its primary key.
 */
export function useRelationTarget(relation: Relation) {
  const { meta } = useAdminMeta()
  const target = meta?.resources.find((resource) => resource.name === relation.resource)
  const labelField =
    relation.labelField ??
    target?.fields.find((field) => field.type === 'text')?.name ??
    target?.primaryKey ??
    'id'
  return { resource: relation.resource, labelField, description: target ?? null }
}

/** The label of one related record, fetched together with the others on screen. */
export function useRelationLabel(relation: Relation, id: unknown): RelationLabel {
  const { resource, labelField } = useRelationTarget(relation)
  const key = id === null || id === undefined || id === '' ? null : String(id)
  useSyncExternalStore(subscribeRelationLabels, relationLabelsVersion)
  const label = key === null ? null : readRelationLabel({ resource, labelField }, key)

  useEffect(() => {
    if (key !== null && label === undefined) requestRelationLabel({ resource, labelField }, key)
  }, [resource, labelField, key, label])

  return label
}
