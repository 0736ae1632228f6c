import { useHasPermission, useResourceList, type FilterSourceProps } from '@tablero/admin'
import { Select } from 'antd'
import { useMessages } from './use_messages'

interface SegmentRow {
  id: number
  name: string
  filter: string
}

/**
 * A8: a saved segment as the filter of a clients screen (the list, Asignaciones): choosing one
 * hands its tree to the screen's filter builder, so it counts, assigns and goes to the dialer
 * ("Ir a Marcador") through the engine like any filter the user built.
 */
function SegmentPicker({ apply }: FilterSourceProps) {
  const t = useMessages()
  const segments = useResourceList<SegmentRow>('ca_segments', {
    sorters: [{ field: 'name', order: 'asc' }],
    pagination: { pageSize: 100 },
  })
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      style={{ minWidth: 240 }}
      placeholder={t('segments.source')}
      loading={segments.query.isLoading}
      data-testid="segment-source"
      options={segments.records.map((segment) => ({ value: segment.id, label: segment.name }))}
      onChange={(id?: number) => {
        const segment = segments.records.find((row) => row.id === id)
        apply(segment ? JSON.parse(segment.filter) : null)
      }}
    />
  )
}

export default function SegmentSource(props: FilterSourceProps) {
  const allowed = useHasPermission('collections-alerts.segments')
  return allowed ? <SegmentPicker {...props} /> : null
}
