import { Pie } from '@ant-design/plots'

export interface PieSlice {
  label: string
  value: number
}

/**
 * One donut of the statistics page. Kept in its own module so @ant-design/plots (G2, large)
 * downloads only when the page draws a chart, never with the plugin's entry.
 */
export default function StatsPie({ data, testId }: { data: PieSlice[]; testId: string }) {
  const total = data.reduce((sum, slice) => sum + slice.value, 0)
  return (
    <div data-testid={testId} style={{ height: 300 }}>
      <Pie
        data={data}
        angleField="value"
        colorField="label"
        innerRadius={0.55}
        height={300}
        autoFit
        label={{
          text: (slice: PieSlice) => (total ? `${Math.round((slice.value / total) * 100)}%` : ''),
          style: { fontWeight: 600 },
        }}
        legend={{ color: { position: 'bottom', layout: { justifyContent: 'center' } } }}
        tooltip={{ title: 'label', items: [{ field: 'value' }] }}
      />
    </div>
  )
}
