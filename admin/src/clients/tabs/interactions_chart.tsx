import { Column, Pie } from '@ant-design/plots'

export interface ChartDatum {
  label: string
  total: number
}

interface InteractionsChartProps {
  kind: 'column' | 'pie'
  data: ChartDatum[]
}

/**
 * One dashboard chart. @ant-design/plots (G2) weighs hundreds of kilobytes, so this module is
 * only ever imported lazily, when a client's dashboard is opened.
 */
export default function InteractionsChart({ kind, data }: InteractionsChartProps) {
  if (kind === 'pie') {
    return (
      <Pie
        data={data}
        angleField="total"
        colorField="label"
        height={260}
        innerRadius={0.5}
        label={{ text: 'total', style: { fontWeight: 'bold' } }}
        legend={{ color: { position: 'bottom', layout: { justifyContent: 'center' } } }}
      />
    )
  }
  return (
    <Column
      data={data}
      xField="label"
      yField="total"
      height={260}
      label={{ text: 'total', textBaseline: 'bottom' }}
      // Interactions are counted: a tick at 0.2 of a call means nothing.
      axis={{
        y: { labelFormatter: (value: number) => (Number.isInteger(value) ? `${value}` : '') },
      }}
    />
  )
}
