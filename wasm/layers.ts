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
 * Row-wise softmax (y may be x): per row subtract the maximum (a NaN counts as the maximum, as
 * in the TypeScript kernel), exponentiate, divide by the row's sum in NumPy's order.
 */
export function softmax(x: usize, y: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) {
      const v = load<f64>(at(x, base + j));
      if (v > max || v != v) max = v;
    }
    for (let j = 0; j < cols; j++) store<f64>(at(y, base + j), load<f64>(at(x, base + j)) - max);
  }
  const n = rows * cols;
  let i = 0;
  for (; i + 1 < n; i += 2) v128.store(at(y, i), expV(v128.load(at(y, i))));
  if (i < n) store<f64>(at(y, i), expScalar(load<f64>(at(y, i))));
  for (let r = 0; r < rows; r++) {
    const row = at(y, r * cols);
    const sum = 0.0 + pairwise(row, cols);
    for (let j = 0; j < cols; j++) store<f64>(at(row, j), load<f64>(at(row, j)) / sum);
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
