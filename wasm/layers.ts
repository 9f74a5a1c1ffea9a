/**
 * The element-wise and row-wise arithmetic of the book's Sigmoid, Softmax and
 * SoftmaxWithLoss layers (§1.3.5), with the same operations in the same order as
 * src/nn/layers.ts. Pointers are byte offsets of f64 arrays (labels: i32).
 */
import { expScalar, expV } from './exp';
import { pairwise } from './linalg';
import { CONSTS, C_ONE } from './consts';

// @ts-ignore: decorator
@inline function at(p: usize, i: i32): usize {
  return p + (<usize>i << 3);
}

/** y = 1 / (1 + exp(−x)) for n values (y may be x). */
export function sigmoid(x: usize, y: usize, n: i32): void {
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const e = expV(f64x2.neg(v128.load(at(x, i))));
    v128.store(at(y, i), f64x2.div(v128.load(CONSTS, C_ONE), f64x2.add(v128.load(CONSTS, C_ONE), e)));
  }
  if (i < n) store<f64>(at(y, i), 1.0 / (1.0 + expScalar(-load<f64>(at(x, i)))));
}

/** dx = dout·(1 − y)·y, left to right as the book writes it. */
export function sigmoidBackward(dout: usize, y: usize, dx: usize, n: i32): void {
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const yv = v128.load(at(y, i));
    v128.store(at(dx, i), f64x2.mul(f64x2.mul(v128.load(at(dout, i)), f64x2.sub(v128.load(CONSTS, C_ONE), yv)), yv));
  }
  if (i < n) {
    const yv = load<f64>(at(y, i));
    store<f64>(at(dx, i), load<f64>(at(dout, i)) * (1.0 - yv) * yv);
  }
}

/**
 * Row-wise softmax (y may be x): per row subtract the maximum, exponentiate, divide by the
 * row's sum in NumPy's order. A NaN anywhere in a row makes its maximum NaN, as in the
 * TypeScript kernel; between +0 and −0 as the maximum the two kernels may pick differently,
 * which changes no result (x − (±0) differs only for x = −0, and exp(±0) = 1).
 */
export function softmax(x: usize, y: usize, rows: i32, cols: i32): void {
  let r = 0;
  // narrow rows (the book's 3 classes): two rows side by side, one per lane
  if (cols < 8) for (; r + 1 < rows; r += 2) softmaxRowPair(at(x, r * cols), at(y, r * cols), cols);
  for (; r < rows; r++) softmaxRow(at(x, r * cols), at(y, r * cols), cols);
}

/** One row of any width. */
function softmaxRow(x: usize, y: usize, cols: i32): void {
  let max = -Infinity;
  for (let j = 0; j < cols; j++) max = maxKeepNaN(max, load<f64>(at(x, j)));
  for (let j = 0; j < cols; j++) store<f64>(at(y, j), load<f64>(at(x, j)) - max);
  let j = 0;
  for (; j + 1 < cols; j += 2) v128.store(at(y, j), expV(v128.load(at(y, j))));
  if (j < cols) store<f64>(at(y, j), expScalar(load<f64>(at(y, j))));
  const sum = 0.0 + pairwise(y, cols);
  for (let k = 0; k < cols; k++) store<f64>(at(y, k), load<f64>(at(y, k)) / sum);
}

/** The larger of two doubles, NaN if either is NaN (as f64.max; ±0 ties do not matter here). */
// @ts-ignore: decorator
@inline function maxKeepNaN(a: f64, b: f64): f64 {
  return max<f64>(a, b);
}

/** Two consecutive rows of fewer than 8 values (their sums are then plain left-to-right sums). */
function softmaxRowPair(x: usize, y: usize, cols: i32): void {
  const x1 = at(x, cols), y1 = at(y, cols);
  let m = f64x2.splat(-Infinity);
  for (let j = 0; j < cols; j++) m = f64x2.max(m, v128.load64_lane(at(x1, j), v128.load64_splat(at(x, j)), 1));
  let sum = f64x2.splat(-0.0);
  for (let j = 0; j < cols; j++) {
    const e = expV(f64x2.sub(v128.load64_lane(at(x1, j), v128.load64_splat(at(x, j)), 1), m));
    v128.store64_lane(at(y, j), e, 0);
    v128.store64_lane(at(y1, j), e, 1);
    sum = f64x2.add(sum, e);
  }
  sum = f64x2.add(f64x2.splat(0.0), sum);
  for (let j = 0; j < cols; j++) {
    const q = f64x2.div(v128.load64_lane(at(y1, j), v128.load64_splat(at(y, j)), 1), sum);
    v128.store64_lane(at(y, j), q, 0);
    v128.store64_lane(at(y1, j), q, 1);
  }
}

/** SoftmaxWithLoss backward: dx[i, j] = ((y[i, j] − [j = t_i])·dout) / n. */
export function softmaxLossBackward(y: usize, labels: usize, dx: usize, n: i32, cols: i32, dout: f64): void {
  const count = <f64>n;
  for (let i = 0; i < n; i++) {
    const t = load<i32>(labels + (<usize>i << 2));
    for (let j = 0; j < cols; j++) {
      const k = i * cols + j;
      const v = load<f64>(at(y, k));
      store<f64>(at(dx, k), ((j == t ? v - 1.0 : v) * dout) / count);
    }
  }
}
