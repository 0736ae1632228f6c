import { litelib } from '@antv/g2/esm/lib/lite'
import { Polar } from '@antv/g2/esm/coordinate/polar'
import { Theta } from '@antv/g2/esm/coordinate/theta'
import { Transpose } from '@antv/g2/esm/coordinate/transpose'
import { ElementHighlight } from '@antv/g2/esm/interaction/elementHighlight'
import { OverlapHide } from '@antv/g2/esm/label-transform/overlapHide'
import { StackEnter } from '@antv/g2/esm/transform/stackEnter'
import { StackY } from '@antv/g2/esm/transform/stackY'

/**
 * The pieces of G2 the admin's charts use: bars (interval) and donuts (interval on a theta
 * coordinate, stacked), with labels, legends and tooltips. G2's standard library registers
 * every mark, map, graph and 3D piece by name, so nothing of it can be tree-shaken: importing
 * `Chart` or `@ant-design/plots` downloads 1.6 MB for two kinds of chart. A chart kind that
 * needs more adds its pieces here (G2 names what is missing: "Unknown Component: …").
 */
export function chartLibrary() {
  return {
    ...litelib(),
    'coordinate.polar': Polar,
    'coordinate.theta': Theta,
    'coordinate.transpose': Transpose,
    'transform.stackY': StackY,
    'transform.stackEnter': StackEnter,
    'interaction.elementHighlight': ElementHighlight,
    'labelTransform.overlapHide': OverlapHide,
  }
}
