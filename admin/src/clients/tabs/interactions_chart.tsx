import type { G2Spec } from '@antv/g2'
import { useMemo } from 'react'
import G2Chart from '../../charts/g2_chart'

export interface ChartDatum {
  label: string
  total: number
}

interface InteractionsChartProps {
  kind: 'column' | 'pie'
  data: ChartDatum[]
}

const LEGEND_BELOW = { color: { position: 'bottom', layout: { justifyContent: 'center' } } }

function chartSpec(kind: 'column' | 'pie', data: ChartDatum[]): G2Spec {
  if (kind === 'pie') {
    return {
      type: 'interval',
      data,
      encode: { y: 'total', color: 'label' },
      transform: [{ type: 'stackY' }],
      coordinate: { type: 'theta', innerRadius: 0.5, outerRadius: 0.8 },
      labels: [{ text: 'total', style: { fontWeight: 'bold' } }],
      legend: LEGEND_BELOW,
    } as G2Spec
  }
  return {
    type: 'interval',
    data,
    encode: { x: 'label', y: 'total', color: 'label' },
    labels: [{ text: 'total', textBaseline: 'bottom' }],
    legend: false,
    // Interactions are counted: a tick at 0.2 of a call means nothing.
    axis: {
      x: { title: false },
      y: {
        title: false,
        labelFormatter: (value: number) => (Number.isInteger(value) ? `${value}` : ''),
      },
    },
  } as G2Spec
}

/**
 * One dashboard chart. G2 is large, so this module is only ever imported lazily, when a
 * client's dashboard is opened.
 */
export default function InteractionsChart({ kind, data }: InteractionsChartProps) {
  const spec = useMemo(() => chartSpec(kind, data), [kind, data])
  return <G2Chart spec={spec} height={260} />
}
