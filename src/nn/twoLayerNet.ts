/**
 * The chapter's two-layer network (§1.4.2): Affine → Sigmoid → Affine, with SoftmaxWithLoss
 * on top. All parameters sit in one flat `params` list and all gradients in one flat `grads`
 * list, so any optimizer can update the whole net with `update(net.params, net.grads)`.
 */
import { Affine, type Layer, Sigmoid, SoftmaxWithLoss } from './layers';
import { type Mat, argmaxRows, cloneMat, mat } from './matrix';
import type { RandomState } from './random';
import { exp } from './exp';
import { kernelArray } from './simd';

/** Names of the parameters in `params` order, as the book's save files call them. */
export const PARAM_NAMES = ['W1', 'b1', 'W2', 'b2'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];

/** The four parameters by name; W1 is (I, H), b1 (H), W2 (H, O), b2 (O). */
export interface TwoLayerParams {
  W1: Mat;
  b1: Float64Array;
  W2: Mat;
  b2: Float64Array;
}

/** Two-layer net of §1.4.2: W = 0.01·randn, b = 0, drawn from `rng` as W1 then W2. */
export class TwoLayerNet {
  readonly layers: [Affine, Sigmoid, Affine];
  readonly lossLayer = new SoftmaxWithLoss();
  /** [W1, b1, W2, b2]: the very arrays the layers compute with (updates are seen at once). */
  readonly params: Float64Array[];
  /** [dW1, db1, dW2, db2]: overwritten by every `backward`. */
  readonly grads: Float64Array[];
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly outputSize: number;
  private readonly hiddenScratch: Float64Array;
  private readonly scoreScratch: Float64Array;

  /**
   * `TwoLayerNet(input_size, hidden_size, output_size)`: draws 0.01·randn(I, H) then
   * 0.01·randn(H, O) from `rng` (the book's order, continuing the stream the data used).
   */
  constructor(inputSize: number, hiddenSize: number, outputSize: number, rng: RandomState);
  /** Wraps existing parameters (copied), e.g. loaded from a file. */
  constructor(params: TwoLayerParams);
  constructor(a: number | TwoLayerParams, hiddenSize?: number, outputSize?: number, rng?: RandomState) {
    let p: TwoLayerParams;
    if (typeof a === 'number') {
      const I = a, H = hiddenSize!, O = outputSize!;
      for (const [name, v] of [['input', I], ['hidden', H], ['output', O]] as const) {
        if (!Number.isInteger(v) || v < 1) throw new Error(`TwoLayerNet: ${name} size must be a positive integer, got ${v}`);
      }
      if (!rng) throw new Error('TwoLayerNet: a RandomState is required');
      p = {
        W1: mat(I, H, scale(0.01, rng.randn(I * H))),
        b1: new Float64Array(H),
        W2: mat(H, O, scale(0.01, rng.randn(H * O))),
        b2: new Float64Array(O),
      };
    } else {
      checkParamShapes(a);
      p = a;
    }
    // the model's own copies, kept where the kernels work on them in place (see kernelArray)
    p = { W1: mat(p.W1.rows, p.W1.cols, kept(p.W1.data)), b1: kept(p.b1), W2: mat(p.W2.rows, p.W2.cols, kept(p.W2.data)), b2: kept(p.b2) };
    this.inputSize = p.W1.rows;
    this.hiddenSize = p.W1.cols;
    this.outputSize = p.W2.cols;
    this.layers = [new Affine(p.W1, p.b1), new Sigmoid(), new Affine(p.W2, p.b2)];
    // §1.4.2: gather every layer's params and grads into two flat lists (same arrays, no copies)
    this.params = this.layers.flatMap((l: Layer) => l.params);
    this.grads = this.layers.flatMap((l: Layer) => l.grads);
    this.hiddenScratch = new Float64Array(this.hiddenSize);
    this.scoreScratch = new Float64Array(this.outputSize);
  }

  /** The parameters by name, as views of the live arrays. */
  get named(): TwoLayerParams {
    const [a1, , a2] = this.layers;
    return { W1: a1.W, b1: a1.b, W2: a2.W, b2: a2.b };
  }

  /** Shapes of [W1, b1, W2, b2]: [[I, H], [H], [H, O], [O]]. */
  paramShapes(): number[][] {
    return twoLayerShapes(this.inputSize, this.hiddenSize, this.outputSize);
  }

  /** Scores (before softmax) for each row of x, as a new matrix. */
  predict(x: Mat): Mat {
    return cloneMat(this.scores(x));
  }

  /** Scores in a buffer owned by the last layer (valid until the next call). Allocation-free. */
  scores(x: Mat): Mat {
    let h = x;
    for (const layer of this.layers) h = layer.forward(h);
    return h;
  }

  /** Mean loss on a batch (one-hot targets or labels); keeps what `backward` needs. */
  forward(x: Mat, t: Mat | Int32Array): number {
    return this.lossLayer.forward(this.scores(x), t);
  }

  /** Back-propagates from the loss, filling `grads` in place; returns the input gradient. */
  backward(dout = 1): Mat {
    let d = this.lossLayer.backward(dout);
    for (let i = this.layers.length - 1; i >= 0; i--) d = this.layers[i].backward(d);
    return d;
  }

  /** Fraction of rows whose argmax score equals the label (labels or one-hot targets). */
  accuracy(x: Mat, t: Mat | Int32Array): number {
    const pred = argmaxRows(this.scores(x));
    const labels = t instanceof Int32Array ? t : argmaxRows(t);
    if (labels.length !== pred.length) throw new Error(`accuracy: ${labels.length} labels for ${pred.length} rows`);
    let hits = 0;
    for (let i = 0; i < pred.length; i++) if (pred[i] === labels[i]) hits++;
    return pred.length === 0 ? 0 : hits / pred.length;
  }

  /** Class of one 2-D point (first index on ties), without allocating. Requires input size 2. */
  predictClass(x0: number, x1: number): number {
    if (this.inputSize !== 2) throw new Error('predictClass: the net must take 2 inputs');
    const { W1, b1, W2, b2 } = this.named;
    const H = this.hiddenSize, O = this.outputSize;
    const h = this.hiddenScratch, s = this.scoreScratch;
    for (let j = 0; j < H; j++) h[j] = 1 / (1 + exp(-(x0 * W1.data[j] + x1 * W1.data[H + j] + b1[j])));
    for (let k = 0; k < O; k++) {
      let acc = 0;
      for (let j = 0; j < H; j++) acc += h[j] * W2.data[j * O + k];
      s[k] = acc + b2[k];
    }
    let best = 0;
    for (let k = 1; k < O; k++) if (s[k] > s[best]) best = k;
    return best;
  }
}

/** Shapes of TwoLayerNet(I, H, O)'s [W1, b1, W2, b2]: [[I, H], [H], [H, O], [O]]. */
export function twoLayerShapes(I: number, H: number, O: number): number[][] {
  return [[I, H], [H], [H, O], [O]];
}

function kept(a: Float64Array): Float64Array {
  const k = kernelArray(a.length);
  k.set(a);
  return k;
}

function scale(f: number, a: Float64Array): Float64Array {
  for (let i = 0; i < a.length; i++) a[i] *= f;
  return a;
}

function checkParamShapes(p: TwoLayerParams): void {
  const { W1, b1, W2, b2 } = p;
  if (b1.length !== W1.cols || W2.rows !== W1.cols || b2.length !== W2.cols) {
    throw new Error(
      `TwoLayerNet: inconsistent shapes W1 (${W1.rows}, ${W1.cols}), b1 (${b1.length}), W2 (${W2.rows}, ${W2.cols}), b2 (${b2.length})`,
    );
  }
}
