/**
 * Axis operations on the small n-d arrays of `ndarray.ts`, for the §1.1 axis widget: the book's
 * code uses them from §1.3 on without introducing them — `x.sum(axis=1, keepdims=True)` and
 * `x.max(axis=1, keepdims=True)` in `softmax`, `np.sum(dout, axis=0)` in `Affine.backward`,
 * `argmax(axis=1)` for predictions, `W.T` in every backward, `np.repeat` for the Repeat node.
 *
 * Shapes, values, dtypes and error texts are NumPy's (checked against NumPy's own output).
 * Nothing here throws on bad input; every function that can fail returns a `Result`. Pure; no DOM.
 */
import { ravel, sizeOf, unravel, type DType, type NDArray, type Result, type Shape } from './ndarray';

export type Reduction = 'sum' | 'max' | 'argmax';

/** `None` in Python: reduce over every axis (or, for `np.repeat`, over the flattened array). */
export type Axis = number | null;

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const numpyError = (error: string): Result<never> => ({ ok: false, code: 'numpy', error });

/** NumPy's normalisation of an axis (−1 is the last one), or its AxisError text. */
export function normalizeAxis(axis: number, ndim: number): Result<number> {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) return numpyError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  return ok(axis < 0 ? axis + ndim : axis);
}

/**
 * The shape of `a.sum(axis=…, keepdims=…)` (and of max, argmax), or NumPy's error. A 0-d array
 * stays 0-d: NumPy accepts axis 0 and −1 for it as well as None (argmax first views it as 1-D,
 * so its error texts say "dimension 1").
 */
export function reducedShape(shape: Shape, axis: Axis, keepdims: boolean, op: Reduction = 'sum'): Result<Shape> {
  if (shape.length === 0) {
    if (axis === null || axis === 0 || axis === -1) return ok([]);
    return numpyError(`axis ${axis} is out of bounds for array of dimension ${op === 'argmax' ? 1 : 0}`);
  }
  if (axis === null) return ok(keepdims ? shape.map(() => 1) : []);
  const ax = normalizeAxis(axis, shape.length);
  if (!ax.ok) return ax;
  return ok(keepdims ? shape.map((d, k) => (k === ax.value ? 1 : d)) : shape.filter((_, k) => k !== ax.value));
}

/**
 * The input cells that make output cell `outIdx` of a reduction: every cell that agrees with it
 * on the axes that are kept. In C order, so `argmax` can count the position among them.
 */
export function reductionSources(shape: Shape, axis: Axis, keepdims: boolean, outIdx: readonly number[]): number[][] {
  const ax = axis === null || shape.length === 0 ? null : axis < 0 ? axis + shape.length : axis;
  const cells: number[][] = [];
  const n = sizeOf(shape);
  for (let f = 0; f < n; f++) {
    const idx = unravel(f, shape);
    const kept = ax === null ? [] : keepdims ? idx.map((v, k) => (k === ax ? 0 : v)) : idx.filter((_, k) => k !== ax);
    const target = ax === null ? [] : outIdx;
    if (kept.every((v, k) => v === target[k])) cells.push(idx);
  }
  return cells;
}

const REDUCE_NAME: Record<Exclude<Reduction, 'sum'>, string> = { max: 'maximum', argmax: 'argmax' };

/** `a.sum(axis, keepdims=…)`, `a.max(…)`, `a.argmax(…)` as NumPy computes them. */
export function reduce(op: Reduction, a: NDArray, axis: Axis, keepdims: boolean): Result<NDArray> {
  const shape = reducedShape(a.shape, axis, keepdims, op);
  if (!shape.ok) return shape;
  const out = shape.value;
  const n = sizeOf(out);
  if (op !== 'sum' && sizeOf(a.shape) === 0 && n > 0) {
    // max or argmax of nothing has no answer (NumPy's texts for the two differ); an empty result
    // (reducing a (0, 3) array over axis 1) needs no answer and is fine
    return numpyError(op === 'max' ? `zero-size array to reduction operation ${REDUCE_NAME.max} which has no identity` : 'attempt to get argmax of an empty sequence');
  }
  const data = new Float64Array(n);
  for (let f = 0; f < n; f++) {
    const src = reductionSources(a.shape, axis, keepdims, unravel(f, out)).map((idx) => a.data[ravel(idx, a.shape)]);
    data[f] = op === 'sum' ? src.reduce((s, v) => s + v, 0) : op === 'max' ? maxOf(src) : argmaxOf(src);
  }
  const dtype: DType = op === 'argmax' ? 'int64' : a.dtype;
  return ok({ shape: out, data, dtype });
}

/** NumPy's max: NaN wins (it propagates). */
function maxOf(v: number[]): number {
  let m = -Infinity;
  for (const x of v) {
    if (Number.isNaN(x)) return NaN;
    if (x > m) m = x;
  }
  return m;
}

/** NumPy's argmax: the first position of the largest value; the first NaN if there is one. */
function argmaxOf(v: number[]): number {
  let best = 0;
  for (let i = 0; i < v.length; i++) {
    if (Number.isNaN(v[i])) return i;
    if (v[i] > v[best]) best = i;
  }
  return best;
}

/** `a.T`: the axes in reverse order (a 1-D array is unchanged). */
export function transpose(a: NDArray): NDArray {
  const out = [...a.shape].reverse();
  const n = sizeOf(out);
  const data = new Float64Array(n);
  for (let f = 0; f < n; f++) data[f] = a.data[ravel(unravel(f, out).reverse(), a.shape)];
  return { shape: out, data, dtype: a.dtype };
}

/** The shape of `np.repeat(a, repeats, axis)`, or NumPy's error. `axis=None` repeats the flattened array. */
export function repeatShape(shape: Shape, repeats: number, axis: Axis): Result<Shape> {
  // NumPy checks the axis first, and repeats a 0-d array as the 1-D array [a]
  const ax = axis === null ? ok(0) : normalizeAxis(axis, Math.max(shape.length, 1));
  if (!ax.ok) return ax;
  const flat = axis === null || shape.length === 0;
  // NumPy pairs one count with each element along the axis: with no elements, no count is checked
  const along = flat ? sizeOf(shape) : shape[ax.value];
  if (along > 0 && (!Number.isInteger(repeats) || repeats < 0)) return numpyError('negative dimensions are not allowed');
  if (flat) return ok([sizeOf(shape) * Math.max(repeats, 0)]);
  return ok(shape.map((d, k) => (k === ax.value ? d * Math.max(repeats, 0) : d)));
}

/** The input cell that output cell `outIdx` of `np.repeat(a, repeats, axis)` copies. */
export function repeatSource(shape: Shape, repeats: number, axis: Axis, outIdx: readonly number[]): number[] {
  if (axis === null || shape.length === 0) return unravel(Math.floor(outIdx[0] / repeats), shape);
  const ax = axis < 0 ? axis + shape.length : axis;
  return outIdx.map((v, k) => (k === ax ? Math.floor(v / repeats) : v));
}

/** `np.repeat(a, repeats, axis)`: each element repeated `repeats` times along `axis`. */
export function repeat(a: NDArray, repeats: number, axis: Axis): Result<NDArray> {
  const shape = repeatShape(a.shape, repeats, axis);
  if (!shape.ok) return shape;
  const out = shape.value;
  const n = sizeOf(out);
  const data = new Float64Array(n);
  for (let f = 0; f < n; f++) data[f] = a.data[ravel(repeatSource(a.shape, repeats, axis, unravel(f, out)), a.shape)];
  return ok({ shape: out, data, dtype: a.dtype });
}
