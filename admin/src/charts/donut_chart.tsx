import type { G2Spec } from '@antv/g2'
import G2Chart from './g2_chart'
import { useMemo } from 'react'

export interface DonutSlice {
  label: string
  value: number
}

/**
 * One donut: each slice's share as its label. Loaded by DonutCard when it first draws one,
 * G2 with it.
 */
export default function DonutChart({ data, testId }: { data: DonutSlice[]; testId: string }) {
  const spec = useMemo(() => {
    const total = data.reduce((sum, slice) => sum + slice.value, 0)
    return {
      type: 'interval',
      data,
      encode: { y: 'value', color: 'label' },
      transform: [{ type: 'stackY' }],
      coordinate: { type: 'theta', innerRadius: 0.55, outerRadius: 0.8 },
      labels: [
        {
          text: (slice: DonutSlice) => (total ? `${Math.round((slice.value / total) * 100)}%` : ''),
          style: { fontWeight: 600 },
        },
      ],
      legend: { color: { position: 'bottom', layout: { justifyContent: 'center' } } },
      tooltip: { title: 'label', items: [{ field: 'value' }] },
    } as G2Spec
  }, [data])
  return (
    <div data-testid={testId} style={{ height: 300 }}>
      <G2Chart spec={spec} height={300} />
    </div>
  )
}
