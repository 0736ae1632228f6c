import type { G2Spec } from '@antv/g2'
import { extend } from '@antv/g2/esm/api/extend'
import { Runtime } from '@antv/g2/esm/api/runtime'
import { useEffect, useRef } from 'react'
import { chartLibrary } from './chart_library'

const Chart = extend(Runtime, chartLibrary())

interface G2ChartProps {
  /** A G2 specification (`type`, `data`, `encode`…); see chartLibrary for what it may use. */
  spec: G2Spec
  height: number
}

/**
 * Draws one G2 chart that follows its container's width and redraws when the spec changes.
 * Loaded lazily (`@tablero/admin`'s `G2Chart`): G2 arrives with the first chart, never earlier.
 */
export default function G2Chart({ spec, height }: G2ChartProps) {
  const container = useRef<HTMLDivElement>(null)
  const chart = useRef<InstanceType<typeof Chart> | null>(null)

  useEffect(() => {
    const drawn = new Chart({ container: container.current!, autoFit: true, height })
    chart.current = drawn
    return () => {
      chart.current = null
      drawn.destroy()
    }
  }, [height])

  useEffect(() => {
    const drawn = chart.current
    if (!drawn) return
    drawn.options({ ...spec, autoFit: true, height } as G2Spec)
    drawn.render().catch((error: unknown) => {
      // A chart destroyed while it drew (the page moved on) has nothing left to show; any
      // other failure (a piece missing from chartLibrary) must be seen.
      if (chart.current === drawn) console.error('The chart could not be drawn', error)
    })
  }, [spec, height])

  return <div ref={container} style={{ height }} />
}
