/**
 * The hidden space of the two-layer net (§1.4, "inside the network"): where the first Affine and
 * the Sigmoid send each input point. The output layer is an Affine followed by an argmax, so in
 * this space the classes are separated by straight lines (planes); training pulls the spiral's
 * arms apart until such lines can separate them (ConvNetJS's classic view).
 *
 * - With 1, 2 or 3 hidden units the hidden vector itself is drawn (coordinates in (0, 1)).
 * - With more, a 2-D projection: principal component analysis (PCA) of the data's hidden
 *   vectors, i.e. the plane that keeps the most of their variance.
 * A coordinate grid of the input plane is sent through the same map, so the reader sees how the
 * plane is bent.
 */
import type { Bounds } from './boundary';
import type { TwoLayerParams } from './twoLayerNet';


/**
 * σ(x·W1 + b1) for every row of `x` (n points, row-major pairs) into an n × H row-major array.
 */
export function hiddenOf(p: TwoLayerParams, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  if (p.W1.rows !== 2) throw new Error(`hiddenOf: the net must take 2 inputs, W1 is (${p.W1.rows}, ${p.W1.cols})`);
  const H = p.W1.cols, n = Math.floor(x.length / 2);
  const a = out && out.length === n * H ? out : new Float64Array(n * H);
  const W1 = p.W1.data, b1 = p.b1;
  for (let i = 0; i < n; i++) {
    const x0 = x[2 * i], x1 = x[2 * i + 1];
    for (let j = 0; j < H; j++) a[i * H + j] = 1 / (1 + Math.exp(-(x0 * W1[j] + x1 * W1[H + j] + b1[j])));
  }
  return a;
}

/**
 * A coordinate grid of the input box: `lines` vertical lines (x fixed, from xMin to xMax) then
 * `lines` horizontal lines (y fixed), each sampled at `samples` points from one edge to the
 * other. Returns the 2·lines·samples points as row-major pairs, line after line.
 */
export function gridLines(box: Bounds, lines: number, samples: number): Float64Array {
  if (!(Number.isInteger(lines) && lines >= 2 && Number.isInteger(samples) && samples >= 2)) {
    throw new Error(`gridLines: need at least 2 lines of at least 2 samples, got ${lines} × ${samples}`);
  }
  const out = new Float64Array(2 * lines * samples * 2);
  let o = 0;
  const at = (lo: number, hi: number, i: number, n: number) => lo + ((hi - lo) * i) / (n - 1);
  for (let l = 0; l < lines; l++) {
    const x = at(box.xMin, box.xMax, l, lines);
    for (let s = 0; s < samples; s++) {
      out[o++] = x;
      out[o++] = at(box.yMin, box.yMax, s, samples);
    }
  }
  for (let l = 0; l < lines; l++) {
    const y = at(box.yMin, box.yMax, l, lines);
    for (let s = 0; s < samples; s++) {
      out[o++] = at(box.xMin, box.xMax, s, samples);
      out[o++] = y;
    }
  }
  return out;
}

/** Two principal axes of a set of H-dimensional points. */
export interface Pca2 {
  /** Mean of the points (H values). */
  mean: Float64Array;
  /** First axis then second (2 × H, unit length, orthogonal). */
  axes: Float64Array;
  /** Variance along each axis (the covariance's two largest eigenvalues, divided by n). */
  variance: [number, number];
  /** Total variance (the covariance's trace), so variance / total is the share each axis keeps. */
  total: number;
}

/** Points used to fit the PCA at most (strided evenly); all points are projected. */
export const PCA_MAX_FIT_POINTS = 512;

/**
 * PCA of n points of dimension H (row-major `a`): the two leading eigenvectors of the covariance
 * (with 1/n), by subspace iteration with a Rayleigh–Ritz step, warm-started from `prev` (the
 * previous frame's axes) so the picture does not jump. Each axis's sign is chosen to agree with
 * `prev` (or, without it, to make its largest component positive): an eigenvector's sign is
 * arbitrary, and a flip from one frame to the next would mirror the picture. When the second and
 * third eigenvalues are close, convergence is slow: a caller drawing frames passes a small
 * `maxIterations` and lets the warm start carry the iteration on from frame to frame.
 */
export function pca2(a: Float64Array, n: number, H: number, prev?: Float64Array, maxIterations = 500): Pca2 {
  if (H < 2) throw new Error(`pca2: need at least 2 dimensions, got ${H}`);
  if (a.length < n * H) throw new Error(`pca2: ${a.length} values for ${n} × ${H}`);
  const stride = Math.max(1, Math.ceil(n / PCA_MAX_FIT_POINTS));
  const cov = covariance(a, n, H, stride);
  const mean = cov.mean;
  let total = 0;
  for (let j = 0; j < H; j++) total += cov.c[j * H + j];
  const q = startBasis(H, prev);
  const w = new Float64Array(2 * H);
  for (let it = 0; it < maxIterations; it++) {
    mulSym(cov.c, H, q, w);
    const change = orthonormalise(w, H, q);
    q.set(w);
    if (change < 1e-12) break;
  }
  const variance = rayleighRitz(cov.c, H, q);
  orient(q, H, prev);
  return { mean, axes: q, variance, total };
}

/** Projects n points onto the two PCA axes: 2 values per point (row-major). */
export function projectPca(a: ArrayLike<number>, n: number, H: number, pca: Pca2, out?: Float64Array): Float64Array {
  const o = out && out.length === 2 * n ? out : new Float64Array(2 * n);
  const { mean, axes } = pca;
  for (let i = 0; i < n; i++) {
    let u = 0, v = 0;
    for (let j = 0; j < H; j++) {
      const d = a[i * H + j] - mean[j];
      u += d * axes[j];
      v += d * axes[H + j];
    }
    o[2 * i] = u;
    o[2 * i + 1] = v;
  }
  return o;
}

/**
 * Class of each cell of an S × S grid over the hidden square (0, 1)² for a net with 2 hidden
 * units: argmax of h·W2 + b2 (first on ties). Its borders are straight lines — the output
 * layer can only cut the hidden space with lines. Row 0 at h₂ = 0, like the maps.
 */
export function hiddenClassMap(p: TwoLayerParams, size: number, out?: Uint8Array): Uint8Array {
  if (p.W2.rows !== 2) throw new Error(`hiddenClassMap: needs 2 hidden units, got ${p.W2.rows}`);
  const O = p.W2.cols, W2 = p.W2.data, b2 = p.b2;
  const m = out && out.length === size * size ? out : new Uint8Array(size * size);
  for (let r = 0; r < size; r++) {
    const h2 = (r + 0.5) / size;
    for (let c = 0; c < size; c++) {
      const h1 = (c + 0.5) / size;
      let best = 0, top = -Infinity;
      for (let k = 0; k < O; k++) {
        const s = h1 * W2[k] + h2 * W2[O + k] + b2[k];
        if (s > top) {
          top = s;
          best = k;
        }
      }
      m[r * size + c] = best;
    }
  }
  return m;
}

/**
 * An orthographic view of points of the unit cube (3 values per point, each in [0, 1]) turned
 * by `yaw` about the vertical h₃ axis and tilted by `pitch`, centred on the cube's middle:
 * 2 screen values (right, up) per point, plus a depth (larger = nearer) when `depth` is given.
 */
export function view3(a: ArrayLike<number>, n: number, yaw: number, pitch: number, out?: Float64Array, depth?: Float64Array): Float64Array {
  const o = out && out.length === 2 * n ? out : new Float64Array(2 * n);
  const cy = Math.cos(yaw), sy = Math.sin(yaw), cp = Math.cos(pitch), sp = Math.sin(pitch);
  for (let i = 0; i < n; i++) {
    const x = a[3 * i] - 0.5, y = a[3 * i + 1] - 0.5, z = a[3 * i + 2] - 0.5;
    const right = cy * x - sy * y;
    const fwd = sy * x + cy * y;
    o[2 * i] = right;
    o[2 * i + 1] = cp * z - sp * fwd;
    if (depth) depth[i] = -(sp * z + cp * fwd);
  }
  return o;
}

// ---- linear algebra for pca2 ------------------------------------------------------------------

function covariance(a: Float64Array, n: number, H: number, stride: number): { mean: Float64Array; c: Float64Array } {
  const mean = new Float64Array(H);
  let m = 0;
  for (let i = 0; i < n; i += stride, m++) for (let j = 0; j < H; j++) mean[j] += a[i * H + j];
  for (let j = 0; j < H; j++) mean[j] /= Math.max(1, m);
  const c = new Float64Array(H * H);
  const d = new Float64Array(H);
  for (let i = 0; i < n; i += stride) {
    for (let j = 0; j < H; j++) d[j] = a[i * H + j] - mean[j];
    for (let j = 0; j < H; j++) {
      const dj = d[j];
      if (dj === 0) continue;
      const row = j * H;
      for (let k = j; k < H; k++) c[row + k] += dj * d[k];
    }
  }
  for (let j = 0; j < H; j++) {
    for (let k = j; k < H; k++) {
      const v = c[j * H + k] / Math.max(1, m);
      c[j * H + k] = v;
      c[k * H + j] = v;
    }
  }
  return { mean, c };
}

/** out (2 × H) = rows of q (2 × H) times the symmetric H × H matrix c. */
function mulSym(c: Float64Array, H: number, q: Float64Array, out: Float64Array): void {
  for (let v = 0; v < 2; v++) {
    for (let j = 0; j < H; j++) {
      let s = 0;
      const row = j * H;
      for (let k = 0; k < H; k++) s += c[row + k] * q[v * H + k];
      out[v * H + j] = s;
    }
  }
}

/**
 * Gram–Schmidt on the two rows of w (in place, twice for the second row so it stays orthogonal
 * to rounding); a row with (next to) nothing left is replaced by a unit vector orthogonal to the
 * first. Returns how far the new span moved from `q`'s: the largest sine of the angle between a
 * new row and q's span.
 */
function orthonormalise(w: Float64Array, H: number, q: Float64Array): number {
  const n0 = rowNorm(w, H, 0);
  if (n0 > 1e-300) scaleRow(w, H, 0, 1 / n0);
  else unitRow(w, H, 0, 0);
  const before = rowNorm(w, H, 1);
  for (let pass = 0; pass < 2; pass++) {
    let d = 0;
    for (let j = 0; j < H; j++) d += w[j] * w[H + j];
    for (let j = 0; j < H; j++) w[H + j] -= d * w[j];
  }
  const n1 = rowNorm(w, H, 1);
  if (n1 > 1e-10 * before && n1 > 1e-300) scaleRow(w, H, 1, 1 / n1);
  else {
    // no variance left in a second direction: any unit vector orthogonal to the first row
    let k = 0;
    for (let j = 1; j < H; j++) if (Math.abs(w[j]) < Math.abs(w[k])) k = j;
    unitRow(w, H, 1, k);
    for (let pass = 0; pass < 2; pass++) {
      let d = 0;
      for (let j = 0; j < H; j++) d += w[j] * w[H + j];
      for (let j = 0; j < H; j++) w[H + j] -= d * w[j];
    }
    scaleRow(w, H, 1, 1 / rowNorm(w, H, 1));
  }
  let change = 0;
  for (let v = 0; v < 2; v++) {
    // the part of the new row outside the old span
    let p0 = 0, p1 = 0;
    for (let j = 0; j < H; j++) {
      p0 += w[v * H + j] * q[j];
      p1 += w[v * H + j] * q[H + j];
    }
    let r = 0;
    for (let j = 0; j < H; j++) r += (w[v * H + j] - p0 * q[j] - p1 * q[H + j]) ** 2;
    change = Math.max(change, Math.sqrt(r));
  }
  return change;
}

function rowNorm(w: Float64Array, H: number, v: number): number {
  let s = 0;
  for (let j = 0; j < H; j++) s += w[v * H + j] ** 2;
  return Math.sqrt(s);
}

function scaleRow(w: Float64Array, H: number, v: number, f: number): void {
  for (let j = 0; j < H; j++) w[v * H + j] *= f;
}

function unitRow(w: Float64Array, H: number, v: number, k: number): void {
  for (let j = 0; j < H; j++) w[v * H + j] = j === k ? 1 : 0;
}

/** Rotates the orthonormal rows of q to the eigenvectors of the 2 × 2 matrix qᵀ·c·q; returns its eigenvalues. */
function rayleighRitz(c: Float64Array, H: number, q: Float64Array): [number, number] {
  const w = new Float64Array(2 * H);
  mulSym(c, H, q, w);
  let t00 = 0, t01 = 0, t11 = 0;
  for (let j = 0; j < H; j++) {
    t00 += q[j] * w[j];
    t01 += q[j] * w[H + j];
    t11 += q[H + j] * w[H + j];
  }
  // eigenvectors of [[t00, t01], [t01, t11]]: a rotation by θ with tan 2θ = 2 t01 / (t00 − t11)
  const theta = 0.5 * Math.atan2(2 * t01, t00 - t11);
  const cs = Math.cos(theta), sn = Math.sin(theta);
  for (let j = 0; j < H; j++) {
    const a0 = q[j], a1 = q[H + j];
    q[j] = cs * a0 + sn * a1;
    q[H + j] = -sn * a0 + cs * a1;
  }
  const l0 = cs * cs * t00 + 2 * cs * sn * t01 + sn * sn * t11;
  const l1 = sn * sn * t00 - 2 * cs * sn * t01 + cs * cs * t11;
  if (l1 > l0) {
    for (let j = 0; j < H; j++) {
      const t = q[j];
      q[j] = q[H + j];
      q[H + j] = t;
    }
    return [Math.max(0, l1), Math.max(0, l0)];
  }
  return [Math.max(0, l0), Math.max(0, l1)];
}

function startBasis(H: number, prev?: Float64Array): Float64Array {
  const q = new Float64Array(2 * H);
  if (prev && prev.length === 2 * H && prev.every(Number.isFinite)) q.set(prev);
  else {
    // a fixed start that is not orthogonal to any axis direction in general
    for (let j = 0; j < H; j++) {
      q[j] = 1 + j / H;
      q[H + j] = j % 2 === 0 ? 1 : -1;
    }
  }
  const w = q.slice();
  orthonormalise(w, H, q);
  return w;
}

function orient(q: Float64Array, H: number, prev?: Float64Array): void {
  for (let v = 0; v < 2; v++) {
    let ref = 0;
    if (prev && prev.length === 2 * H) for (let j = 0; j < H; j++) ref += q[v * H + j] * prev[v * H + j];
    if (ref === 0) {
      let big = 0;
      for (let j = 0; j < H; j++) if (Math.abs(q[v * H + j]) > Math.abs(big)) big = q[v * H + j];
      ref = big;
    }
    if (ref < 0) for (let j = 0; j < H; j++) q[v * H + j] = -q[v * H + j];
  }
}
