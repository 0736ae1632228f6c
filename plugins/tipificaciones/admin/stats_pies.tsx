import type { G2Spec } from '@antv/g2'
import { G2Chart } from '@tablero/admin'
import { useMemo } from 'react'

export interface PieSlice {
  label: string
  value: number
}

/**
 * One donut of the statistics page. Kept in its own module, loaded when the page draws a
 * chart; G2 itself arrives with the first chart (`G2Chart` is lazy).
 */
export default function StatsPie({ data, testId }: { data: PieSlice[]; testId: string }) {
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
          text: (slice: PieSlice) => (total ? `${Math.round((slice.value / total) * 100)}%` : ''),
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
