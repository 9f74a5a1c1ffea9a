/**
 * Matrix products and sums of the book's layers on row-major f64 arrays, two output elements
 * per f64x2 lane pair. Every output element is one lane's own running sum, started at +0 and
 * added to in the same order as the TypeScript kernels of src/nn/matrix.ts (ascending k), so
 * the results are the same doubles: SIMD runs across independent outputs, never across a sum.
 *
 * Pointers are byte offsets of f64 arrays in this module's memory.
 */

// @ts-ignore: decorator
@inline function at(p: usize, i: i32): usize {
  return p + (<usize>i << 3);
}

/** C (n×p) = A (n×K) · B (K×p), plus the row vector `bias` (p) when bias ≠ 0 (added after the sum). */
export function matmul(a: usize, b: usize, bias: usize, c: usize, n: i32, K: i32, p: i32): void {
  const rowB = <usize>p << 3;
  for (let i = 0; i < n; i++) {
    const ai = at(a, i * K);
    const ci = at(c, i * p);
    let j = 0;
    for (; j + 3 < p; j += 4) {
      let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
      let bk = at(b, j);
      for (let k = 0; k < K; k++, bk += rowB) {
        const av = v128.load64_splat(at(ai, k));
        s0 = f64x2.add(s0, f64x2.mul(av, v128.load(bk)));
        s1 = f64x2.add(s1, f64x2.mul(av, v128.load(bk, 16)));
      }
      if (bias) {
        s0 = f64x2.add(s0, v128.load(at(bias, j)));
        s1 = f64x2.add(s1, v128.load(at(bias, j), 16));
      }
      v128.store(at(ci, j), s0);
      v128.store(at(ci, j), s1, 16);
    }
    for (; j + 1 < p; j += 2) {
      let s = f64x2.splat(0);
      let bk = at(b, j);
      for (let k = 0; k < K; k++, bk += rowB) s = f64x2.add(s, f64x2.mul(v128.load64_splat(at(ai, k)), v128.load(bk)));
      if (bias) s = f64x2.add(s, v128.load(at(bias, j)));
      v128.store(at(ci, j), s);
    }
    if (j < p) {
      let s = 0.0;
      let bk = at(b, j);
      for (let k = 0; k < K; k++, bk += rowB) s += load<f64>(at(ai, k)) * load<f64>(bk);
      if (bias) s += load<f64>(at(bias, j));
      store<f64>(at(ci, j), s);
    }
  }
}

/** C (p×q) = Aᵀ · B for A (n×p), B (n×q): C[i, j] = Σ_r A[r, i]·B[r, j], r ascending. */
export function matmulTransA(a: usize, b: usize, c: usize, n: i32, p: i32, q: i32): void {
  const rowA = <usize>p << 3, rowB = <usize>q << 3;
  for (let i = 0; i < p; i++) {
    const ci = at(c, i * q);
    let j = 0;
    for (; j + 3 < q; j += 4) {
      let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
      let ar = at(a, i), br = at(b, j);
      for (let r = 0; r < n; r++, ar += rowA, br += rowB) {
        const av = v128.load64_splat(ar);
        s0 = f64x2.add(s0, f64x2.mul(av, v128.load(br)));
        s1 = f64x2.add(s1, f64x2.mul(av, v128.load(br, 16)));
      }
      v128.store(at(ci, j), s0);
      v128.store(at(ci, j), s1, 16);
    }
    for (; j + 1 < q; j += 2) {
      let s = f64x2.splat(0);
      let ar = at(a, i), br = at(b, j);
      for (let r = 0; r < n; r++, ar += rowA, br += rowB) s = f64x2.add(s, f64x2.mul(v128.load64_splat(ar), v128.load(br)));
      v128.store(at(ci, j), s);
    }
    if (j < q) {
      let s = 0.0;
      let ar = at(a, i), br = at(b, j);
      for (let r = 0; r < n; r++, ar += rowA, br += rowB) s += load<f64>(ar) * load<f64>(br);
      store<f64>(at(ci, j), s);
    }
  }
}

/** dst (cols×rows) = srcᵀ for src (rows×cols). */
export function transpose(src: usize, dst: usize, rows: i32, cols: i32): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) store<f64>(at(dst, j * rows + i), load<f64>(at(src, i * cols + j)));
  }
}

/**
 * C (n×q) = A · Bᵀ for A (n×K), B (q×K): C[i, j] = Σ_k A[i, k]·B[j, k], k ascending. B is
 * first transposed into `tmp` (K·q doubles), which turns this into {@link matmul}.
 */
export function matmulTransB(a: usize, b: usize, c: usize, n: i32, K: i32, q: i32, tmp: usize): void {
  transpose(b, tmp, q, K);
  matmul(a, tmp, 0, c, n, K, q);
}

/** out[j] = Σ_i m[i, j] (np.sum(m, axis=0)): from +0, rows in order. */
export function sumRows(m: usize, out: usize, rows: i32, cols: i32): void {
  const row = <usize>cols << 3;
  let j = 0;
  for (; j + 1 < cols; j += 2) {
    let s = f64x2.splat(0);
    let mi = at(m, j);
    for (let i = 0; i < rows; i++, mi += row) s = f64x2.add(s, v128.load(mi));
    v128.store(at(out, j), s);
  }
  if (j < cols) {
    let s = 0.0;
    let mi = at(m, j);
    for (let i = 0; i < rows; i++, mi += row) s += load<f64>(mi);
    store<f64>(at(out, j), s);
  }
}

/**
 * NumPy's pairwise summation of n consecutive doubles, without the leading `0 +` (see
 * pairwiseSum in src/nn/matrix.ts): fewer than 8 values left to right from −0; up to 128 in
 * eight interleaved partial sums (four f64x2 lanes pairs here, each lane its own partial sum)
 * combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the leftovers; longer runs split in
 * halves at a multiple of 8.
 */
export function pairwise(a: usize, n: i32): f64 {
  if (n < 8) {
    let s = -0.0;
    for (let i = 0; i < n; i++) s += load<f64>(at(a, i));
    return s;
  }
  if (n <= 128) {
    let r01 = v128.load(a), r23 = v128.load(a, 16), r45 = v128.load(a, 32), r67 = v128.load(a, 48);
    const whole = n - (n & 7);
    for (let i = 8; i < whole; i += 8) {
      const p = at(a, i);
      r01 = f64x2.add(r01, v128.load(p));
      r23 = f64x2.add(r23, v128.load(p, 16));
      r45 = f64x2.add(r45, v128.load(p, 32));
      r67 = f64x2.add(r67, v128.load(p, 48));
    }
    const lo = (f64x2.extract_lane(r01, 0) + f64x2.extract_lane(r01, 1)) + (f64x2.extract_lane(r23, 0) + f64x2.extract_lane(r23, 1));
    const hi = (f64x2.extract_lane(r45, 0) + f64x2.extract_lane(r45, 1)) + (f64x2.extract_lane(r67, 0) + f64x2.extract_lane(r67, 1));
    let s = lo + hi;
    for (let i = whole; i < n; i++) s += load<f64>(at(a, i));
    return s;
  }
  let half = n >> 1;
  half -= half & 7;
  return pairwise(a, half) + pairwise(at(a, half), n - half);
}

/** np.sum of n consecutive doubles in NumPy's order (`0 +` the pairwise sum). */
export function pairwiseSum(a: usize, n: i32): f64 {
  return 0.0 + pairwise(a, n);
}
