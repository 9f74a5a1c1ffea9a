/**
 * What the layers-as-classes widget shows about a real TwoLayerNet (§1.2.2): each layer's
 * params/grads with shapes, the model's flat lists, and whether they are the very same arrays.
 */
import { Affine, Sigmoid, type Layer } from '../../nn/layers';
import { PARAM_NAMES, type ParamName, type TwoLayerNet } from '../../nn/twoLayerNet';

export interface LayerRow {
  /** Class name as the book names it: Affine, Sigmoid. */
  kind: string;
  /** Shapes of this layer's params (and, identically, grads). */
  shapes: number[][];
  /** Index of each of this layer's params in the model's flat `params` list. */
  flatIndex: number[];
}

/** Shapes of a layer's parameters: Affine has W (in, out) and b (out,); Sigmoid has none. */
function layerShapes(layer: Layer): number[][] {
  if (layer instanceof Affine) return [[layer.W.rows, layer.W.cols], [layer.b.length]];
  return [];
}

export function describeLayers(net: TwoLayerNet): LayerRow[] {
  return net.layers.map((layer) => ({
    kind: layer instanceof Affine ? 'Affine' : layer instanceof Sigmoid ? 'Sigmoid' : 'Layer',
    shapes: layerShapes(layer),
    // identity, not equal values: the flat list holds the layer's own arrays (§1.2.2)
    flatIndex: layer.params.map((p) => net.params.indexOf(p)),
  }));
}

export interface FlatRow {
  name: ParamName;
  shape: number[];
  size: number;
  /** True when params[i] and grads[i] have the same length, as any optimizer requires. */
  gradMatches: boolean;
}

export function describeFlat(net: TwoLayerNet): FlatRow[] {
  const shapes = net.paramShapes();
  return net.params.map((p, i) => ({ name: PARAM_NAMES[i], shape: shapes[i], size: p.length, gradMatches: net.grads[i].length === p.length }));
}
