import {
  FadeIn,
  FadeOut,
  Morphing,
  ScaleInY,
  ScaleOutY,
  WaveIn,
} from '@antv/g2/esm/animation/index'
import {
  AxisArc,
  AxisLinear,
  AxisX,
  AxisY,
  LegendCategory,
  Legends,
  TitleComponent,
} from '@antv/g2/esm/component/index'
import { Mark, View } from '@antv/g2/esm/composition/index'
import { Cartesian, Polar, Theta, Transpose } from '@antv/g2/esm/coordinate/index'
import { Inline } from '@antv/g2/esm/data/index'
import { Column, Constant, Field, Transform } from '@antv/g2/esm/encode/index'
import {
  ElementHighlight,
  Event,
  LegendFilter,
  LegendHighlight,
  Poptip,
  ScrollbarFilter,
  SliderFilter,
  Tooltip,
} from '@antv/g2/esm/interaction/index'
import { OverlapHide } from '@antv/g2/esm/label-transform/index'
import { Interval } from '@antv/g2/esm/mark/index'
import { Category10, Category20 } from '@antv/g2/esm/palette/index'
import {
  Band,
  Constant as ConstantScale,
  Identity,
  Linear,
  Ordinal,
  Point,
} from '@antv/g2/esm/scale/index'
import { LabelShape } from '@antv/g2/esm/shape/index'
import { Classic, Light } from '@antv/g2/esm/theme/index'
import { StackEnter, StackY } from '@antv/g2/esm/transform/index'

/**
 * The pieces of G2 the admin's charts use: bars (interval) and donuts (interval on a theta
 * coordinate, stacked), with labels, category legends, axes and tooltips. G2's standard library
 * registers every mark, map, graph and 3D piece by name, so nothing of it can be tree-shaken:
 * importing `Chart` or `@ant-design/plots` downloads 1.6 MB for two kinds of chart. A chart kind
 * that needs more adds its pieces here (G2 names what is missing: "Unknown Component: …").
 */
export function chartLibrary() {
  return {
    'data.inline': Inline,
    'coordinate.cartesian': Cartesian,
    'coordinate.polar': Polar,
    'coordinate.theta': Theta,
    'coordinate.transpose': Transpose,
    'encode.constant': Constant,
    'encode.field': Field,
    'encode.transform': Transform,
    'encode.column': Column,
    'mark.interval': Interval,
    'shape.label.label': LabelShape,
    'transform.stackY': StackY,
    'transform.stackEnter': StackEnter,
    'labelTransform.overlapHide': OverlapHide,
    'palette.category10': Category10,
    'palette.category20': Category20,
    'scale.linear': Linear,
    'scale.ordinal': Ordinal,
    'scale.band': Band,
    'scale.identity': Identity,
    'scale.point': Point,
    'scale.constant': ConstantScale,
    'theme.classic': Classic,
    'theme.light': Light,
    'component.axisX': AxisX,
    'component.axisY': AxisY,
    'component.axisLinear': AxisLinear,
    'component.axisArc': AxisArc,
    'component.legendCategory': LegendCategory,
    'component.legends': Legends,
    'component.title': TitleComponent,
    'animation.scaleInY': ScaleInY,
    'animation.scaleOutY': ScaleOutY,
    'animation.waveIn': WaveIn,
    'animation.fadeIn': FadeIn,
    'animation.fadeOut': FadeOut,
    'animation.morphing': Morphing,
    'interaction.tooltip': Tooltip,
    'interaction.elementHighlight': ElementHighlight,
    'interaction.legendFilter': LegendFilter,
    'interaction.legendHighlight': LegendHighlight,
    'interaction.poptip': Poptip,
    'interaction.sliderFilter': SliderFilter,
    'interaction.scrollbarFilter': ScrollbarFilter,
    'interaction.event': Event,
    'composition.mark': Mark,
    'composition.view': View,
  }
}
