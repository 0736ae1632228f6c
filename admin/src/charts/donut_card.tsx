import { Card, Empty, Spin, Typography } from 'antd'
import { lazy, Suspense } from 'react'
import { useCountFormat } from '../i18n/use_count_format'
import type { DonutSlice } from './donut_chart'

const DonutChart = lazy(() => import('./donut_chart'))

interface DonutCardProps {
  title: string
  /** the slices; those at 0 are left out of the chart and of its legend */
  data: DonutSlice[]
  /** what the card says when every slice is 0 */
  empty: string
  /** `data-testid` of the chart; its legend list is `<testId>-legend` */
  testId: string
}

/**
 * A card with a donut of shares and, below it, each slice's count in the UI language (the
 * legend a test or a screen reader reads). The statistics screens of plugins (tipificaciones'
 * results, collections-alerts' contactability) draw theirs with it; G2 downloads with the
 * first chart drawn.
 */
export function DonutCard({ title, data, empty, testId }: DonutCardProps) {
  const formatCount = useCountFormat()
  const nonZero = data.filter((slice) => slice.value > 0)
  return (
    <Card size="small" title={title}>
      {nonZero.length === 0 ? (
        <Empty description={empty} style={{ height: 300, paddingTop: 80 }} />
      ) : (
        <Suspense fallback={<Spin style={{ display: 'block', margin: '120px auto' }} />}>
          <DonutChart data={nonZero} testId={testId} />
        </Suspense>
      )}
      <ul data-testid={`${testId}-legend`} style={{ margin: '8px 0 0', paddingLeft: 18 }}>
        {nonZero.map((slice) => (
          <li key={slice.label}>
            {slice.label}: <Typography.Text strong>{formatCount(slice.value)}</Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  )
}
