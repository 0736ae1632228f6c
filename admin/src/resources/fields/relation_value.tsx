import { Skeleton } from 'antd'
import { Link } from 'react-router'
import type { ResourceFieldDescription } from '../../meta/admin_meta'
import { useRelationLabel, useRelationTarget } from './use_relation_label'

type Relation = NonNullable<ResourceFieldDescription['relation']>

/**
 * A related record by its label, linked to its page when this user may open it; the bare id
 * when the record is gone or out of reach.
 */
export function RelationValue({ relation, id }: { relation: Relation; id: unknown }) {
  const { description } = useRelationTarget(relation)
  const label = useRelationLabel(relation, id)
  if (label === undefined) {
    return <Skeleton.Input size="small" active style={{ width: 80, minWidth: 80 }} />
  }
  const text = label || `#${String(id)}`
  if (!description?.actions.show) return <span>{text}</span>
  return (
    <Link
      to={`/r/${description.name}/${encodeURIComponent(String(id))}`}
      data-relation-id={String(id)}
    >
      {text}
    </Link>
  )
}
