/**
 * Row-major float64 matrices and the handful of kernels the book's layers need.
 *
 * NumPy hands `np.dot` to BLAS, whose summation order (and use of fused multiply–add) differs
 * from the plain loops here in the last bits; the reference tolerances allow for that. Sums
 * that NumPy computes itself (`np.sum`) follow NumPy's order exactly, see {@link pairwiseSum}.
 *
 * Every kernel takes an optional `out` so hot loops can reuse buffers and allocate nothing.
 *
 * The loops below are the reference; where WebAssembly SIMD runs, the same products and sums
 * are computed by its kernels (src/nn/simd.ts) with the same order per output element, so the
 * results are the same doubles either way.
 */
import { simd } from './simd';

/** A dense matrix: `data[r * cols + c]` is row r, column c (C order, like a NumPy 2-D array). */
export interface Mat {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** Makes a rows×cols matrix, zero-filled or wrapping (not copying) `data`. */
export function mat(rows: number, cols: number, data?: Float64Array | ArrayLike<number>): Mat {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new Error(`mat: bad shape (${rows}, ${cols})`);
  }
  let d: Float64Array;
  if (data === undefined) d = new Float64Array(rows * cols);
  else d = data instanceof Float64Array ? data : Float64Array.from(data);
  if (d.length !== rows * cols) throw new Error(`mat: ${d.length} values do not fill (${rows}, ${cols})`);
  return { rows, cols, data: d };
}

/** Builds a matrix from nested rows (`[[1, 2], [3, 4]]`), copying. */
export function fromRows(rows: ArrayLike<ArrayLike<number>>): Mat {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0].length;
  const m = mat(r, c);
  for (let i = 0; i < r; i++) {
    if (rows[i].length !== c) throw new Error(`fromRows: row ${i} has ${rows[i].length} values, expected ${c}`);
    for (let j = 0; j < c; j++) m.data[i * c + j] = rows[i][j];
  }
  return m;
}

/** Nested plain arrays of a matrix (for JSON and display). */
export function toRows(m: Mat): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** A deep copy. */
export function cloneMat(m: Mat): Mat {
  return { rows: m.rows, cols: m.cols, data: m.data.slice() };
}

/** Uses `out` (a matrix or a bare array of the right length) or allocates rows×cols. */
function target(rows: number, cols: number, out: Mat | Float64Array | undefined, what: string): Mat {
  if (out === undefined) return mat(rows, cols);
  if (out instanceof Float64Array) {
    if (out.length !== rows * cols) throw new Error(`${what}: out has ${out.length} values, needs ${rows * cols}`);
    return { rows, cols, data: out };
  }
  if (out.rows !== rows || out.cols !== cols) {
    throw new Error(`${what}: out is (${out.rows}, ${out.cols}), needs (${rows}, ${cols})`);
  }
  return out;
}

function shapeError(what: string, a: Mat, b: Mat, left: number, right: number): Error {
  return new Error(
    `${what}: shapes (${a.rows},${a.cols}) and (${b.rows},${b.cols}) not aligned: ${left} (dim) != ${right} (dim)`,
  );
}

/** a·b (`np.dot(a, b)`), summing over k in ascending order. `out` must not alias a or b. */
export function matmul(a: Mat, b: Mat, out?: Mat | Float64Array): Mat {
  if (a.cols !== b.rows) throw shapeError('matmul', a, b, a.cols, b.rows);
  const o = target(a.rows, b.cols, out, 'matmul');
  matmulKernel(a.data, b.data, o.data, a.rows, a.cols, b.cols, undefined);
  return o;
}

/** x·W + b in one pass (`np.dot(x, W) + b`: the bias is added after the full sum, as NumPy does). */
export function matmulAddRow(a: Mat, b: Mat, row: Float64Array, out?: Mat | Float64Array): Mat {
  if (a.cols !== b.rows) throw shapeError('matmulAddRow', a, b, a.cols, b.rows);
  if (row.length !== b.cols) throw new Error(`matmulAddRow: row has ${row.length} values, needs ${b.cols}`);
  const o = target(a.rows, b.cols, out, 'matmulAddRow');
  matmulKernel(a.data, b.data, o.data, a.rows, a.cols, b.cols, row);
  return o;
}

// The kernels below work on two output columns at a time: two independent sums per loop
// keep the floating-point adder busy (one running sum waits ~4 cycles per add). Each output
// element still adds its products in ascending order, so results are unchanged.

function matmulKernel(A: Float64Array, B: Float64Array, C: Float64Array, n: number, K: number, p: number, row: Float64Array | undefined): void {
  if (simd()?.matmul(A, B, row, C, n, K, p)) return;
  for (let i = 0, ai = 0, ci = 0; i < n; i++, ai += K, ci += p) {
    let j = 0;
    for (; j + 1 < p; j += 2) {
      let s0 = 0, s1 = 0;
      for (let k = 0, bk = j; k < K; k++, bk += p) {
        const a = A[ai + k];
        s0 += a * B[bk];
        s1 += a * B[bk + 1];
      }
      C[ci + j] = row === undefined ? s0 : s0 + row[j];
      C[ci + j + 1] = row === undefined ? s1 : s1 + row[j + 1];
    }
    if (j < p) {
      let s = 0;
      for (let k = 0, bk = j; k < K; k++, bk += p) s += A[ai + k] * B[bk];
      C[ci + j] = row === undefined ? s : s + row[j];
    }
  }
}

/** aᵀ·b (`np.dot(a.T, b)`, e.g. dW = xᵀ·dout), summing over the rows in ascending order. */
export function matmulTransA(a: Mat, b: Mat, out?: Mat | Float64Array): Mat {
  if (a.rows !== b.rows) throw shapeError('matmulTransA', a, b, a.rows, b.rows);
  const n = a.rows, p = a.cols, q = b.cols;
  const o = target(p, q, out, 'matmulTransA');
  const A = a.data, B = b.data, C = o.data;
  if (simd()?.matmulTransA(A, B, C, n, p, q)) return o;
  for (let i = 0, ci = 0; i < p; i++, ci += q) {
    let j = 0;
    for (; j + 1 < q; j += 2) {
      let s0 = 0, s1 = 0;
      for (let r = 0, ar = i, br = j; r < n; r++, ar += p, br += q) {
        const v = A[ar];
        s0 += v * B[br];
        s1 += v * B[br + 1];
      }
      C[ci + j] = s0;
      C[ci + j + 1] = s1;
    }
    if (j < q) {
      let s = 0;
      for (let r = 0, ar = i, br = j; r < n; r++, ar += p, br += q) s += A[ar] * B[br];
      C[ci + j] = s;
    }
  }
  return o;
}

/** a·bᵀ (`np.dot(a, b.T)`, e.g. dx = dout·Wᵀ). */
export function matmulTransB(a: Mat, b: Mat, out?: Mat | Float64Array): Mat {
  if (a.cols !== b.cols) throw shapeError('matmulTransB', a, b, a.cols, b.cols);
  const n = a.rows, K = a.cols, q = b.rows;
  const o = target(n, q, out, 'matmulTransB');
  const A = a.data, B = b.data, C = o.data;
  if (simd()?.matmulTransB(A, B, C, n, K, q)) return o;
  for (let i = 0, ai = 0, ci = 0; i < n; i++, ai += K, ci += q) {
    let j = 0;
    for (; j + 1 < q; j += 2) {
      let s0 = 0, s1 = 0;
      for (let k = 0, b0 = j * K; k < K; k++) {
        const v = A[ai + k];
        s0 += v * B[b0 + k];
        s1 += v * B[b0 + K + k];
      }
      C[ci + j] = s0;
      C[ci + j + 1] = s1;
    }
    if (j < q) {
      let s = 0;
      for (let k = 0, bj = j * K; k < K; k++) s += A[ai + k] * B[bj + k];
      C[ci + j] = s;
    }
  }
  return o;
}

/** m += row broadcast over every row (`np.dot(x, W) + b`). Returns m. */
export function addRowInPlace(m: Mat, row: Float64Array): Mat {
  if (row.length !== m.cols) throw new Error(`addRowInPlace: row has ${row.length} values, matrix has ${m.cols} columns`);
  const D = m.data, c = m.cols;
  for (let i = 0; i < m.rows; i++) {
    const base = i * c;
    for (let j = 0; j < c; j++) D[base + j] += row[j];
  }
  return m;
}

/**
 * Column sums (`np.sum(m, axis=0)`, e.g. db): for a C-ordered array NumPy starts from 0 and
 * adds the rows one after another, and so do we.
 */
export function sumRows(m: Mat, out?: Float64Array): Float64Array {
  const c = m.cols;
  const o = out ?? new Float64Array(c);
  if (o.length !== c) throw new Error(`sumRows: out has ${o.length} values, needs ${c}`);
  const D = m.data;
  if (simd()?.sumRows(D, o, m.rows, c)) return o;
  o.fill(0);
  for (let i = 0; i < m.rows; i++) {
    const base = i * c;
    for (let j = 0; j < c; j++) o[j] += D[base + j];
  }
  return o;
}

/** Index of the largest value in each row (`np.argmax(m, axis=1)`): the first on ties, a NaN wins. */
export function argmaxRows(m: Mat, out?: Int32Array): Int32Array {
  const o = out ?? new Int32Array(m.rows);
  if (o.length !== m.rows) throw new Error(`argmaxRows: out has ${o.length} values, needs ${m.rows}`);
  const D = m.data, c = m.cols;
  for (let i = 0; i < m.rows; i++) {
    const base = i * c;
    let best = 0;
    let bestV = D[base];
    if (bestV === bestV) {
      for (let j = 1; j < c; j++) {
        const v = D[base + j];
        if (v > bestV || v !== v) {
          best = j;
          bestV = v;
          if (v !== v) break;
        }
      }
    }
    o[i] = best;
  }
  return o;
}

/**
 * Sum of `n` values from `a[start]` (every `stride`-th) in NumPy's order for a float64 `np.sum`:
 * the reduction starts from 0.0 and adds NumPy's pairwise sum: fewer than 8 values left to
 * right; up to 128 in eight interleaved partial sums combined as
 * ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the leftovers; longer runs split in halves (at a
 * multiple of 8). Matching it keeps the loss identical to NumPy's, not just close
 * (checked against tests/fixtures/numpy/sums.json).
 */
export function pairwiseSum(a: ArrayLike<number>, n = a.length, start = 0, stride = 1): number {
  return 0 + pairwise(a, n, start, stride);
}

function pairwise(a: ArrayLike<number>, n: number, start: number, stride: number): number {
  if (n < 8) {
    let s = -0;
    for (let i = 0; i < n; i++) s += a[start + i * stride];
    return s;
  }
  if (n <= 128) {
    let r0 = a[start], r1 = a[start + stride], r2 = a[start + 2 * stride], r3 = a[start + 3 * stride];
    let r4 = a[start + 4 * stride], r5 = a[start + 5 * stride], r6 = a[start + 6 * stride], r7 = a[start + 7 * stride];
    const whole = n - (n % 8);
    for (let i = 8; i < whole; i += 8) {
      const k = start + i * stride;
      r0 += a[k];
      r1 += a[k + stride];
      r2 += a[k + 2 * stride];
      r3 += a[k + 3 * stride];
      r4 += a[k + 4 * stride];
      r5 += a[k + 5 * stride];
      r6 += a[k + 6 * stride];
      r7 += a[k + 7 * stride];
    }
    let s = (r0 + r1 + (r2 + r3)) + (r4 + r5 + (r6 + r7));
    for (let i = whole; i < n; i++) s += a[start + i * stride];
    return s;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwise(a, half, start, stride) + pairwise(a, n - half, start + half * stride, stride);
}

/** Copies rows `idx[0..]` of `src` into `out` (`x[idx]`, NumPy fancy indexing). */
export function gatherRows(src: Mat, idx: ArrayLike<number>, out?: Mat): Mat {
  const c = src.cols;
  const o = target(idx.length, c, out, 'gatherRows');
  if (o.data === src.data) throw new Error('gatherRows: out must not alias src');
  const S = src.data, D = o.data;
  for (let i = 0; i < idx.length; i++) {
    const r = idx[i];
    if (!(r >= 0 && r < src.rows)) throw new Error(`gatherRows: index ${r} out of range for ${src.rows} rows`);
    // element by element: cheaper than a subarray view per row for these short rows
    for (let k = 0, from = r * c, to = i * c; k < c; k++) D[to + k] = S[from + k];
  }
  return o;
}

/** Copies rows [start, start + count) of `src` into `out` (`x[start:start+count]`, as a copy). */
export function copyRows(src: Mat, start: number, count: number, out?: Mat): Mat {
  const c = src.cols;
  if (!(start >= 0 && start + count <= src.rows)) throw new Error(`copyRows: rows ${start}..${start + count} out of range for ${src.rows}`);
  const o = target(count, c, out, 'copyRows');
  const S = src.data, D = o.data;
  for (let k = 0, from = start * c, n = count * c; k < n; k++) D[k] = S[from + k];
  return o;
}
