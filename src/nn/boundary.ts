/**
 * The decision boundary of §1.4.3 (the plot at the end of train_custom_loop.py): predict a
 * class for every point of a fine meshgrid and colour it. The book uses h = 0.001, which is
 * 2047 × 2112 = 4,323,264 points for the spiral data.
 *
 * The grid's coordinates reproduce `np.arange` to the bit, and the class of each cell is the
 * argmax of the same computation as `model.predict` (Affine → Sigmoid → Affine), done one cell
 * at a time without building the huge X matrix the book builds.
 */
import type { Mat } from './matrix';
import { exp } from './exp';
import { simd } from './simd';
import type { TwoLayerNet, TwoLayerParams } from './twoLayerNet';

/**
 * `np.arange(lo, hi, h)` for floats: length ceil((hi − lo) / h); element 0 is lo, element 1
 * is lo + h, element k ≥ 2 is lo + k·d with d = (lo + h) − lo (NumPy's fill rule), so the
 * coordinates match NumPy's bit for bit.
 */
export function arange(lo: number, hi: number, h: number): Float64Array {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && Number.isFinite(h)) || h === 0) {
    throw new Error(`arange: need finite bounds and a non-zero step, got (${lo}, ${hi}, ${h})`);
  }
  const len = Math.max(0, Math.ceil((hi - lo) / h));
  if (len > 2 ** 28) throw new Error(`arange: ${len} elements is too many`);
  const out = new Float64Array(len);
  if (len > 0) out[0] = lo;
  if (len > 1) out[1] = lo + h;
  const d = out.length > 1 ? out[1] - lo : 0;
  for (let k = 2; k < len; k++) out[k] = lo + k * d;
  return out;
}

/** A meshgrid: row r is y = ys[r] (from yMin upward), column c is x = xs[c] (`np.meshgrid(xs, ys)`). */
export interface GridSpec {
  xs: Float64Array;
  ys: Float64Array;
  rows: number;
  cols: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  h: number;
}

/** A rectangle of the input plane: x in [xMin, xMax), y in [yMin, yMax). */
export interface Bounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The data's bounds padded by `pad` per axis (the book's script: x[:, 0].min() − .1 … max() + .1). */
export function dataBounds(x: Mat, pad = 0.1): Bounds {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < x.rows; i++) {
    const a = x.data[2 * i], b = x.data[2 * i + 1];
    if (a < x0) x0 = a;
    if (a > x1) x1 = a;
    if (b < y0) y0 = b;
    if (b > y1) y1 = b;
  }
  return { xMin: x0 - pad, xMax: x1 + pad, yMin: y0 - pad, yMax: y1 + pad };
}

/**
 * The book's plotting grid for 2-D data x: bounds [min − pad, max + pad] on each axis, then
 * `np.meshgrid(np.arange(x_min, x_max, h), np.arange(y_min, y_max, h))`.
 */
export function gridSpec(x: Mat, h: number, pad = 0.1): GridSpec {
  if (x.cols !== 2 || x.rows === 0) throw new Error(`gridSpec: need 2-D points, got (${x.rows}, ${x.cols})`);
  if (!(h > 0)) throw new Error(`gridSpec: h must be positive, got ${h}`);
  const b = dataBounds(x, pad);
  return gridFromBounds(b.xMin, b.xMax, b.yMin, b.yMax, h);
}

/** A meshgrid over given bounds (x in [xMin, xMax), y in [yMin, yMax), step h). */
export function gridFromBounds(xMin: number, xMax: number, yMin: number, yMax: number, h: number): GridSpec {
  const xs = arange(xMin, xMax, h);
  const ys = arange(yMin, yMax, h);
  return { xs, ys, rows: ys.length, cols: xs.length, xMin, xMax, yMin, yMax, h };
}

/** The flat weights the grid kernels read (the WebAssembly kernel reads W1, b1, W2p, b2p). */
interface GridWeights {
  W1: Float64Array;
  b1: Float64Array;
  W2: Float64Array;
  b2: Float64Array;
  H: number;
  O: number;
  /** W2 with zero columns appended up to a multiple of 3 (Op columns), for 3-wide score loops. */
  W2p: Float64Array;
  /** b2 padded with −∞, so a padding column never wins. */
  b2p: Float64Array;
  Op: number;
}

function gridWeights(model: TwoLayerNet | TwoLayerParams): GridWeights {
  const p = 'named' in model ? model.named : model;
  if (p.W1.rows !== 2) throw new Error(`classGrid: the model must take 2 inputs, W1 is (${p.W1.rows}, ${p.W1.cols})`);
  const H = p.W1.cols, O = p.W2.cols;
  if (O > 255) throw new Error('classGrid: at most 255 classes fit a Uint8Array');
  const Op = Math.max(3, Math.ceil(O / 3) * 3);
  const W2p = new Float64Array(H * Op);
  for (let j = 0; j < H; j++) W2p.set(p.W2.data.subarray(j * O, (j + 1) * O), j * Op);
  const b2p = new Float64Array(Op).fill(-Infinity);
  b2p.set(p.b2);
  return { W1: p.W1.data, b1: p.b1, W2: p.W2.data, b2: p.b2, H, O, W2p, b2p, Op };
}

/** Which kernel computes a class grid: see {@link classGrid}. */
export type GridKernel = 'auto' | 'direct' | 'stepped';

/**
 * Class of every grid cell, row-major (row r ↔ ys[r], column c ↔ xs[c]): the argmax (first on
 * ties) of Affine → Sigmoid → Affine at (xs[c], ys[r]), equal to the book's
 * `np.argmax(model.predict(np.c_[xx.ravel(), yy.ravel()]), axis=1)` computed with the same
 * operations. Optionally writes the top softmax probability per cell into `confidence`.
 * Allocates nothing per cell; pass `out` to allocate nothing at all.
 *
 * The default kernel ('auto' → 'stepped' when the weights allow) avoids most exp calls:
 * along a row the pre-activation changes by the same d·W1[0, j] from cell to cell, so
 * exp(−a) is carried along by one multiplication, re-seeded exactly every
 * {@link STEP_RESEED} cells. Its scores differ from the direct ones by at most a bound derived
 * from the rounding errors (see `marginBound`); a cell whose top two scores are closer than
 * that bound is recomputed the direct way. So the classes always equal the direct kernel's
 * (and the tests check it on the book's trained model and others). `confidence` comes from the
 * stepped scores and may differ from the direct one in the last float32 bit.
 *
 * Where WebAssembly SIMD runs, the same per-row arithmetic runs there, two rows at a time
 * (wasm/grid.ts), with the same results bit for bit.
 */
export function classGrid(
  model: TwoLayerNet | TwoLayerParams,
  spec: GridSpec,
  out?: Uint8Array,
  confidence?: Float32Array,
  kernel: GridKernel = 'auto',
): Uint8Array {
  return classGridRows(model, spec, 0, spec.rows, out, confidence, kernel);
}

/**
 * Rows [r0, r1) of {@link classGrid} (cell (r − r0)·cols + c): equal to the same rows of the
 * whole grid bit for bit, so a grid can be split by rows across threads.
 */
export function classGridRows(
  model: TwoLayerNet | TwoLayerParams,
  spec: GridSpec,
  r0: number,
  r1: number,
  out?: Uint8Array,
  confidence?: Float32Array,
  kernel: GridKernel = 'auto',
): Uint8Array {
  if (!(Number.isInteger(r0) && Number.isInteger(r1) && 0 <= r0 && r0 <= r1 && r1 <= spec.rows)) {
    throw new Error(`classGrid: rows ${r0}..${r1} outside the grid's ${spec.rows}`);
  }
  const w = gridWeights(model);
  const n = (r1 - r0) * spec.cols;
  const classes = out ?? new Uint8Array(n);
  if (classes.length !== n) throw new Error(`classGrid: out has ${classes.length} cells, grid has ${n}`);
  if (confidence && confidence.length !== n) throw new Error(`classGrid: confidence has ${confidence.length} cells, grid has ${n}`);
  if (n === 0) return classes;
  // the bound depends on the whole grid, so every row range of it gets the same one
  const bound = kernel === 'direct' ? undefined : marginBound(w, spec);
  if (kernel === 'stepped' && bound === undefined) throw new Error('classGrid: weights too large for the stepped kernel');
  if (simd()?.gridRows(w, spec.xs, spec.ys, r0, r1, bound ?? -1, classes, confidence)) return classes;
  const s = new Scratch(w.H, w.O);
  for (let r = r0; r < r1; r++) {
    const y = spec.ys[r];
    const row = (r - r0) * spec.cols;
    for (let j = 0; j < w.H; j++) s.yPart[j] = y * w.W1[w.H + j];
    if (bound === undefined) {
      for (let c = 0; c < spec.cols; c++) classifyDirect(w, spec.xs[c], s, classes, confidence, row + c);
    } else {
      classifyRowStepped(w, spec.xs, s, bound, classes, confidence, row);
    }
  }
  return classes;
}

/** Cells between exact re-seeds of exp(−a) in the stepped kernel. */
export const STEP_RESEED = 64;

/** Per-call scratch arrays (sized H and O). */
class Scratch {
  readonly yPart: Float64Array;
  readonly hidden: Float64Array;
  readonly expNeg: Float64Array;
  readonly ratio: Float64Array;
  readonly scores: Float64Array;
  constructor(H: number, O: number) {
    this.yPart = new Float64Array(H);
    this.hidden = new Float64Array(H);
    this.expNeg = new Float64Array(H);
    this.ratio = new Float64Array(H);
    this.scores = new Float64Array(O);
  }
}

/**
 * One cell the direct way, as NumPy computes it: a = x·W1[0] + y·W1[1] + b1 (np.dot then + b1),
 * h = 1 / (1 + exp(−a)), s = h·W2 + b2, class = first argmax.
 */
function classifyDirect(w: GridWeights, x: number, s: Scratch, classes: Uint8Array, confidence: Float32Array | undefined, cell: number): void {
  const { W1, b1, H } = w;
  const hidden = s.hidden, yPart = s.yPart;
  for (let j = 0; j < H; j++) hidden[j] = 1 / (1 + exp(-(x * W1[j] + yPart[j] + b1[j])));
  const best = scoreAndArgmax(w, hidden, s.scores);
  classes[cell] = best;
  if (confidence) confidence[cell] = topProbability(s.scores, w.O, s.scores[best]);
}

/** scores = hidden·W2 + b2 (summed over j in order, then + b2); returns the first argmax. */
function scoreAndArgmax(w: GridWeights, hidden: Float64Array, scores: Float64Array): number {
  const { W2, b2, H, O } = w;
  let best = 0;
  for (let k = 0; k < O; k++) {
    let acc = 0;
    for (let j = 0; j < H; j++) acc += hidden[j] * W2[j * O + k];
    acc += b2[k];
    scores[k] = acc;
    if (k === 0 || acc > scores[best]) best = k;
  }
  return best;
}

/**
 * One row with exp(−a) carried along by multiplication (re-seeded exactly every STEP_RESEED
 * cells); a cell whose top two scores are within `bound` is recomputed the direct way.
 * The scores are summed over j in the same order as the direct kernel, three classes at a
 * time in local variables (much faster in V8 than an array of accumulators).
 */
function classifyRowStepped(
  w: GridWeights,
  xs: Float64Array,
  s: Scratch,
  bound: number,
  classes: Uint8Array,
  confidence: Float32Array | undefined,
  offset: number,
): void {
  const { W1, b1, H, O, W2p, b2p, Op } = w;
  const { yPart, hidden, expNeg, ratio, scores } = s;
  const cols = xs.length;
  const d = cols > 1 ? xs[1] - xs[0] : 0;
  for (let j = 0; j < H; j++) ratio[j] = exp(-(d * W1[j]));
  for (let c0 = 0; c0 < cols; c0 += STEP_RESEED) {
    const x0 = xs[c0];
    for (let j = 0; j < H; j++) expNeg[j] = exp(-(x0 * W1[j] + yPart[j] + b1[j]));
    const end = Math.min(cols, c0 + STEP_RESEED);
    for (let c = c0; c < end; c++) {
      if (c > c0) for (let j = 0; j < H; j++) expNeg[j] *= ratio[j];
      let best = 0, top = -Infinity, second = -Infinity;
      if (Op === 3) {
        // the common case (≤ 3 classes): sigmoid and scores in one pass, no hidden array
        let s0 = 0, s1 = 0, s2 = 0;
        for (let j = 0, base = 0; j < H; j++, base += 3) {
          const h = 1 / (1 + expNeg[j]);
          s0 += h * W2p[base];
          s1 += h * W2p[base + 1];
          s2 += h * W2p[base + 2];
        }
        s0 += b2p[0];
        s1 += b2p[1];
        s2 += b2p[2];
        scores[0] = s0;
        if (O > 1) scores[1] = s1;
        if (O > 2) scores[2] = s2;
        top = s0;
        if (s1 > top) { second = top; top = s1; best = 1; } else second = s1;
        if (s2 > top) { second = top; top = s2; best = 2; } else if (s2 > second) second = s2;
      } else {
        for (let j = 0; j < H; j++) hidden[j] = 1 / (1 + expNeg[j]);
        for (let kk = 0; kk < Op; kk += 3) {
          let s0 = 0, s1 = 0, s2 = 0;
          for (let j = 0, base = kk; j < H; j++, base += Op) {
            const h = hidden[j];
            s0 += h * W2p[base];
            s1 += h * W2p[base + 1];
            s2 += h * W2p[base + 2];
          }
          s0 += b2p[kk];
          s1 += b2p[kk + 1];
          s2 += b2p[kk + 2];
          if (kk < O) scores[kk] = s0;
          if (kk + 1 < O) scores[kk + 1] = s1;
          if (kk + 2 < O) scores[kk + 2] = s2;
          if (kk === 0 || s0 > top) { second = top; top = s0; best = kk; } else if (s0 > second) second = s0;
          if (s1 > top) { second = top; top = s1; best = kk + 1; } else if (s1 > second) second = s1;
          if (s2 > top) { second = top; top = s2; best = kk + 2; } else if (s2 > second) second = s2;
        }
      }
      if (top - second > bound) {
        classes[offset + c] = best;
        if (confidence) confidence[offset + c] = topProbability(scores, O, top);
      } else {
        classifyDirect(w, xs[c], s, classes, confidence, offset + c); // too close to call: exact path
      }
    }
  }
}

const U = 2 ** -53; // unit roundoff

/**
 * How far apart the stepped kernel's top two scores must be for its argmax to be the direct
 * kernel's, or undefined when the weights make exp(−a) leave the safe range (then the direct
 * kernel runs). Derivation (first order in u = 2⁻⁵³, then doubled for safety):
 * - direct a has error ≤ |W0|·u·(span + max|x|) (the arange coordinate) + 3u·M (the two adds
 *   and the product), M = max|x|·|W0| + max|y|·|W1| + |b1| over the grid;
 * - both exp's are within 2u; each of the ≤ K−1 steps adds u (product) + u(1 + |d·W0|) (ratio);
 * - so |ln e_stepped − ln e_direct| ≤ Δ = 2ε + 4u + (K−1)(3u + u|d·W0|), and
 *   |h_stepped − h_direct| ≤ Δ·h(1 − h)·1.01 + 4u ≤ 0.26Δ + 4u;
 * - |s_stepped − s_direct| ≤ Σ_j |W2[j,k]|·Δh_j + 4(H + 1)·u·(Σ_j |W2[j,k]| + |b2[k]|) = τ_k.
 * If the stepped top score beats every other by more than 2·max τ_k, the direct scores have
 * the same strict argmax.
 */
function marginBound(w: GridWeights, spec: GridSpec): number | undefined {
  const { W1, b1, W2, b2, H, O } = w;
  const xs = spec.xs, ys = spec.ys;
  const maxX = Math.max(Math.abs(xs[0]), Math.abs(xs[xs.length - 1]));
  const maxY = Math.max(Math.abs(ys[0]), Math.abs(ys[ys.length - 1]));
  const spanX = Math.abs(xs[xs.length - 1] - xs[0]);
  const d = xs.length > 1 ? Math.abs(xs[1] - xs[0]) : 0;
  const dh = new Float64Array(H);
  for (let j = 0; j < H; j++) {
    const w0 = Math.abs(W1[j]), w1 = Math.abs(W1[H + j]);
    const M = maxX * w0 + maxY * w1 + Math.abs(b1[j]);
    if (!(M < 600)) return undefined; // exp(−a) could overflow or underflow; NaN lands here too
    const eps = w0 * U * (spanX + maxX) + 3 * U * M;
    const delta = 2 * eps + 4 * U + (STEP_RESEED - 1) * (3 * U + U * d * w0);
    dh[j] = 0.26 * delta + 4 * U;
  }
  let tauMax = 0;
  for (let k = 0; k < O; k++) {
    let tau = 0, sumAbs = Math.abs(b2[k]);
    for (let j = 0; j < H; j++) {
      const a = Math.abs(W2[j * O + k]);
      tau += a * dh[j];
      sumAbs += a;
    }
    tau += 4 * (H + 1) * U * sumAbs;
    if (!(tau < Infinity)) return undefined;
    tauMax = Math.max(tauMax, tau);
  }
  return 2 * (2 * tauMax); // 2·τ for the pair, doubled again as a safety factor
}

/** Softmax probability of the top score: 1 / Σ exp(s_k − s_max). */
function topProbability(scores: Float64Array, O: number, max: number): number {
  let sum = 0;
  for (let k = 0; k < O; k++) sum += exp(scores[k] - max);
  return 1 / sum;
}

/** Number of cells of each class 0..numClasses−1. */
export function classCounts(classes: Uint8Array, numClasses: number): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (let i = 0; i < classes.length; i++) counts[classes[i]]++;
  return counts;
}
