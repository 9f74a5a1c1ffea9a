/**
 * §1.3.4.5 / §1.3.5: why the book writes `grads[0][...] = dW` and not `grads[0] = dW`.
 *
 * A tiny model built the book's way: one MatMul-style layer owns `params = [W]` and
 * `grads = [zeros]`; the model gathers every layer's arrays into its own flat lists once
 * (`self.grads += layer.grads`), and the optimizer is handed those flat lists
 * (`optimizer.update(model.params, model.grads)`). One real training step then either
 *  - writes the new gradient INTO the shared array (`grads[0][...] = dW`, in TypeScript
 *    `grads[0].set(dW)`): the model's list still points at it, so the optimizer sees dW; or
 *  - REBINDS the layer's slot to a fresh array (`grads[0] = dW`): the model's list still points
 *    at the old zero array, so the optimizer "updates" with zeros and W does not move.
 * Nothing is faked: `updated` compares W before and after the optimizer's real update. Pure.
 */
import { SoftmaxWithLoss } from '../../nn/layers';
import { type Mat, mat, matmul, matmulTransA } from '../../nn/matrix';
import { SGD } from '../../nn/optimizers';

export type StepMode = 'in-place' | 'rebind';

/** Fixed, readable numbers: two samples with two features, two classes. */
const X = [1.0, 0.5, -0.5, 1.0];
const W0 = [0.2, -0.1, 0.05, 0.3];
const LABELS = [1, 0];

export interface TinyModel {
  /** The layer's own lists (what `backward` writes). */
  layer: { W: Mat; params: Float64Array[]; grads: Float64Array[] };
  /** The model's flat lists, gathered once from the layer, handed to the optimizer. */
  params: Float64Array[];
  grads: Float64Array[];
}

export function makeTinyModel(): TinyModel {
  const W = mat(2, 2, Float64Array.from(W0));
  const layer = { W, params: [W.data], grads: [new Float64Array(4)] };
  // §1.2.2: the model's lists hold the SAME array objects as the layer's (no copies)
  return { layer, params: [...layer.params], grads: [...layer.grads] };
}

export interface StepResult {
  mode: StepMode;
  loss: number;
  /** The freshly computed gradient dW = xᵀ·dout. */
  dW: number[];
  /** What the optimizer was handed as grads[0] (the model's list). */
  seenByOptimizer: number[];
  before: number[];
  after: number[];
  /** Did the optimizer's step change any weight? */
  updated: boolean;
  /** Does the layer's slot still refer to the same array as the model's list? */
  shared: boolean;
}

/** One real step of SGD from a fresh tiny model, writing dW in place or rebinding the slot. */
export function trainingStep(mode: StepMode, lr = 0.5): StepResult {
  const model = makeTinyModel();
  const x = mat(2, 2, Float64Array.from(X));
  const lossLayer = new SoftmaxWithLoss();
  const loss = lossLayer.forward(matmul(x, model.layer.W), Int32Array.from(LABELS));
  const dout = lossLayer.backward(1);
  const dW = matmulTransA(x, dout).data; // a NEW array, like the book's local `dW = np.dot(x.T, dout)`
  if (mode === 'in-place') model.layer.grads[0].set(dW); // grads[0][...] = dW
  else model.layer.grads[0] = dW; // grads[0] = dW: the slot now names another array
  const before = Array.from(model.params[0]);
  const seen = Array.from(model.grads[0]);
  new SGD(lr).update(model.params, model.grads);
  const after = Array.from(model.params[0]);
  return {
    mode,
    loss,
    dW: Array.from(dW),
    seenByOptimizer: seen,
    before,
    after,
    updated: after.some((v, i) => v !== before[i]),
    shared: model.layer.grads[0] === model.grads[0],
  };
}
