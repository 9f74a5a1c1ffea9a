/**
 * §1.5.1 on a trained model: what `save_params` (float16) then `load_params` (float32) does to
 * the weights, the file, the loss, the accuracy and the predicted classes. Pure: src/nn only.
 */
import { argmaxRows } from '../../nn/matrix';
import { loadParamsNpz, saveParamsNpz, writeNpz } from '../../nn/npy';
import type { Spiral } from '../../nn/spiral';
import { PARAM_NAMES, TwoLayerNet, type ParamName } from '../../nn/twoLayerNet';
import { named } from './bookRun';
import type { ParamsPayload } from '../../lab/protocol';

export interface ModelScore {
  loss: number;
  accuracy: number;
  /** Predicted class of each data point. */
  predicted: Int32Array;
}

export interface RoundTrip {
  /** .npz file size with every parameter in each dtype (the float16 one is what we download). */
  sizes: { float64: number; float32: number; float16: number };
  /** The largest |loaded − original| over all weights, and where. */
  maxChange: { value: number; name: ParamName; index: number };
  before: ModelScore;
  after: ModelScore;
  /** Data points whose predicted class differs after the round trip. */
  changed: number[];
  /** The parameters as `load_params` leaves them (float16 values, held as float32). */
  reloaded: ParamsPayload;
}

/** A TwoLayerNet wrapping copies of the parameters. */
export function netOf(p: ParamsPayload): TwoLayerNet {
  return new TwoLayerNet(named(p));
}

/** Loss (SoftmaxWithLoss on all the data), accuracy and predicted classes of a model. */
export function score(p: ParamsPayload, data: Pick<Spiral, 'x' | 't'>): ModelScore {
  const net = netOf(p);
  const loss = net.forward(data.x, data.t);
  const accuracy = net.accuracy(data.x, data.t);
  return { loss, accuracy, predicted: argmaxRows(net.predict(data.x)) };
}

/** The .npz files of `p` in float64, float32 and float16 (np.savez layout), to compare sizes. */
export function fileSizes(p: ParamsPayload): RoundTrip['sizes'] {
  const arrays = (dtype: 'float64' | 'float32') =>
    Object.fromEntries(PARAM_NAMES.map((n, i) => [n, { dtype, shape: p.shapes[i], data: p.params[i] }]));
  return {
    float64: writeNpz(arrays('float64')).length,
    float32: writeNpz(arrays('float32')).length,
    float16: saveParamsNpz(named(p)).length,
  };
}

/** Saves `p` as the book's save_params does, loads it back as load_params does, and compares. */
export function roundTrip(p: ParamsPayload, data: Pick<Spiral, 'x' | 't'>): RoundTrip {
  const [[, H], , [, C]] = p.shapes;
  const loaded = loadParamsNpz(saveParamsNpz(named(p)), { hiddenSize: H, outputSize: C });
  const reloaded: ParamsPayload = { params: [loaded.W1.data, loaded.b1, loaded.W2.data, loaded.b2], shapes: p.shapes.map((s) => s.slice()) };
  let maxChange: RoundTrip['maxChange'] = { value: 0, name: 'W1', index: 0 };
  reloaded.params.forEach((arr, k) => {
    for (let i = 0; i < arr.length; i++) {
      const d = Math.abs(arr[i] - p.params[k][i]);
      if (d > maxChange.value) maxChange = { value: d, name: PARAM_NAMES[k], index: i };
    }
  });
  const before = score(p, data);
  const after = score(reloaded, data);
  const changed: number[] = [];
  for (let i = 0; i < before.predicted.length; i++) if (before.predicted[i] !== after.predicted[i]) changed.push(i);
  return { sizes: fileSizes(p), maxChange, before, after, changed, reloaded };
}
