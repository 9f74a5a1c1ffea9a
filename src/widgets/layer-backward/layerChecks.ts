/**
 * §1.3.5: gradient checks of the core's layers. Each check runs the layer's real forward and
 * backward on small random inputs, then compares every gradient with central differences
 * (gradcheck.ts) through the norm-wise relative error ‖a − n‖ / (‖a‖ + ‖n‖) over all elements.
 * A wrong backward gives an error near 1; a right one, about 1e-10. Pure.
 *
 * Inputs are book-scale: weights 0.01·randn as `TwoLayerNet` draws them, so the scores reaching
 * SoftmaxWithLoss are small and every class has a probability near 1/C. That matters because the
 * book's loss is −log(y_t + 1e-7) while its backward (y − t)/N is the derivative of −log(y_t):
 * against the loss WITH the 1e-7 the two differ by a factor y_t / (y_t + 1e-7), a relative gap
 * of about 1e-7 / y_t — harmless when y_t ≈ 1/3, large when y_t is tiny (big scores).
 */
import { Affine, Sigmoid, SoftmaxWithLoss, softmax } from '../../nn/layers';
import { type Mat, cloneMat, mat } from '../../nn/matrix';
import { numericalGradient, relativeError } from '../../nn/gradcheck';
import type { RandomState } from '../../nn/random';
import { TwoLayerNet } from '../../nn/twoLayerNet';

export interface GradPair {
  /** The gradient's name as the book writes it: dx, dW, db, dW1, … */
  name: string;
  /** NumPy's shape of the gradient: a bias's is 1-D, `(3,)`, as `np.sum(dout, axis=0)` gives. */
  shape: readonly number[];
  analytic: Float64Array;
  numeric: Float64Array;
  relError: number;
}

export interface LayerCheck {
  pairs: GradPair[];
  /** The largest relative error of the pairs (what the page reports). */
  relError: number;
}

/** Which loss the finite differences differentiate. */
export type LossForm = 'book' | 'noEps';

/** Scores (N, C) fed to SoftmaxWithLoss: book scale (0.01·randn) or large (3·randn). */
export type ScoreScale = 'book' | 'large';

const H = 1e-5;

function pair(name: string, shape: readonly number[], analytic: Float64Array, numeric: Float64Array): GradPair {
  return { name, shape, analytic: analytic.slice(), numeric, relError: relativeError(analytic, numeric) };
}

function summary(pairs: GradPair[]): LayerCheck {
  return { pairs, relError: Math.max(...pairs.map((p) => p.relError)) };
}

function randn(rng: RandomState, rows: number, cols: number, scale = 1): Mat {
  const m = mat(rows, cols, rng.randn(rows * cols));
  for (let i = 0; i < m.data.length; i++) m.data[i] *= scale;
  return m;
}

/** Σ out ⊙ dout: a scalar whose gradient with respect to the layer's input is backward(dout). */
function dot(a: Mat, b: Mat): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i] * b.data[i];
  return s;
}

/** Anything with the layers' forward/backward on one input (Sigmoid, Affine, or a broken stand-in). */
export interface OneInputLayer {
  params: Float64Array[];
  grads: Float64Array[];
  forward(x: Mat): Mat;
  backward(dout: Mat): Mat;
}

/**
 * Checks dx and every parameter gradient of a one-input layer against differences of
 * L = Σ forward(x) ⊙ dout. `paramNames` label the params (['W', 'b'] for Affine).
 */
export function checkOneInput(layer: OneInputLayer, x: Mat, dout: Mat, paramNames: string[] = []): LayerCheck {
  layer.forward(x);
  const dx = cloneMat(layer.backward(dout));
  const grads = layer.grads.map((g) => g.slice());
  const L = () => dot(layer.forward(x), dout);
  const pairs = [pair('dx', [x.rows, x.cols], dx.data, numericalGradient(L, x.data, H))];
  layer.params.forEach((p, i) => {
    pairs.push(pair(`d${paramNames[i] ?? i}`, shapeOf(layer, i, p), grads[i], numericalGradient(L, p, H)));
  });
  return summary(pairs);
}

function shapeOf(layer: OneInputLayer, i: number, p: Float64Array): number[] {
  if (layer instanceof Affine && i === 0) return [layer.W.rows, layer.W.cols];
  return [p.length];
}

/** Sigmoid: dx = dout·y(1 − y), on x (3, 4) from randn. */
export function checkSigmoid(rng: RandomState): LayerCheck {
  return checkOneInput(new Sigmoid(), randn(rng, 3, 4), randn(rng, 3, 4));
}

/** Affine: dx = dout·Wᵀ, dW = xᵀ·dout, db = Σ rows, on x (3, 4), W (4, 3) = 0.01·randn. */
export function checkAffine(rng: RandomState): LayerCheck {
  const x = randn(rng, 3, 4);
  const W = randn(rng, 4, 3, 0.01);
  const b = randn(rng, 1, 3, 0.01).data;
  return checkOneInput(new Affine(W, b), x, randn(rng, 3, 3), ['W', 'b']);
}

/** Mean −log(softmax(s)[t]) with no 1e-7: the function (y − t)/N is the exact gradient of. */
function lossWithoutEps(scores: Mat, labels: Int32Array): number {
  const y = softmax(scores);
  let s = 0;
  for (let i = 0; i < scores.rows; i++) s += Math.log(y.data[i * scores.cols + labels[i]]);
  return -s / scores.rows;
}

function randomLabels(rng: RandomState, n: number, classes: number): Int32Array {
  return Int32Array.from(rng.randint(0, classes, n));
}

/** SoftmaxWithLoss: dx = (y − t)/N on scores (4, 3), checked against the book's loss or the loss without 1e-7. */
export function checkSoftmaxWithLoss(rng: RandomState, form: LossForm = 'book', scale: ScoreScale = 'book'): LayerCheck {
  const scores = randn(rng, 4, 3, scale === 'book' ? 0.01 : 3);
  const labels = randomLabels(rng, 4, 3);
  const layer = new SoftmaxWithLoss();
  layer.forward(scores, labels);
  const dx = cloneMat(layer.backward(1));
  const L = form === 'book' ? () => layer.forward(scores, labels) : () => lossWithoutEps(scores, labels);
  return summary([pair('dx', [4, 3], dx.data, numericalGradient(L, scores.data, H))]);
}

/** The whole TwoLayerNet(2, 5, 3) on 4 points: dW1, db1, dW2, db2 from backward() vs differences of the loss. */
export function checkTwoLayerNet(rng: RandomState, form: LossForm = 'book'): LayerCheck {
  const x = randn(rng, 4, 2);
  const net = new TwoLayerNet(2, 5, 3, rng);
  // b = 0 in the book; give the biases small values so db is not checked only at one point
  for (const b of [net.params[1], net.params[3]]) for (let i = 0; i < b.length; i++) b[i] = 0.01 * rng.randn(1)[0];
  const labels = randomLabels(rng, 4, 3);
  net.forward(x, labels);
  net.backward();
  const grads = net.grads.map((g) => g.slice());
  const L = form === 'book' ? () => net.forward(x, labels) : () => lossWithoutEps(net.scores(x), labels);
  const shapes = net.paramShapes();
  const names = ['dW1', 'db1', 'dW2', 'db2'];
  return summary(net.params.map((p, i) => pair(names[i], shapes[i], grads[i], numericalGradient(L, p, H))));
}
