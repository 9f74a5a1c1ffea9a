/**
 * The instantiated WebAssembly SIMD kernels (wasm/*.ts) behind a typed-array interface with the
 * same contracts as the TypeScript kernels they mirror. See src/nn/simd.ts for when they run.
 *
 * Memory: one fixed-size WebAssembly memory per thread, never grown after start-up (growing
 * would detach every view into it). Above the module's constant tables lie
 * - the scratch region, reused by every call for operands that live elsewhere (copied in, and
 *   results copied out);
 * - the resident region: arrays that the layers, the model and the optimizers allocate for
 *   themselves through {@link SimdKernels.resident} live here as views, so the kernels read
 *   and write them in place, with no copy. A resident array's range is given back when the
 *   array itself is garbage-collected (a FinalizationRegistry); a view derived from it
 *   (`subarray`) does not keep it alive, so keep the array itself while using one.
 * A call whose operands do not fit the scratch region returns false and the caller runs its
 * TypeScript loop; a resident request that does not fit gets an ordinary array.
 */
import { Arena } from './simdArena';

/** A WebAssembly.Memory, as far as it is used here. */
interface Memory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The module's exports (pointers are byte offsets in its memory). */
export interface KernelExports {
  memory: Memory;
  heapBase(): number;
  expArray(x: number, y: number, n: number): void;
  pairwiseSum(a: number, n: number): number;
  matmul(a: number, b: number, bias: number, c: number, n: number, K: number, p: number): void;
  matmulTransA(a: number, b: number, c: number, n: number, p: number, q: number): void;
  matmulTransB(a: number, b: number, c: number, n: number, K: number, q: number, tmp: number): void;
  sumRows(m: number, out: number, rows: number, cols: number): void;
  sigmoid(x: number, y: number, n: number): void;
  sigmoidBackward(dout: number, y: number, dx: number, n: number): void;
  softmax(x: number, y: number, rows: number, cols: number): void;
  softmaxLossBackward(y: number, labels: number, dx: number, n: number, cols: number, dout: number): void;
  sgd(p: number, g: number, n: number, lr: number): void;
  momentum(p: number, g: number, v: number, n: number, lr: number, mu: number): void;
  nesterov(p: number, g: number, v: number, n: number, lr: number, mu: number, mu2: number, gradStep: number): void;
  adagrad(p: number, g: number, h: number, n: number, lr: number): void;
  rmsprop(p: number, g: number, h: number, n: number, lr: number, decay: number, keep: number): void;
  adam(p: number, g: number, m: number, v: number, n: number, lrT: number, a1: number, a2: number): void;
  gridRows(
    xs: number, cols: number, ys: number, rows: number,
    w1: number, b1: number, w2p: number, b2p: number, h: number, o: number, op: number,
    bound: number, classes: number, conf: number, scratch: number,
  ): void;
  gridScratchBytes(h: number, op: number): number;
}

/** Scratch bytes: operands copied in for one call (a call needing more stays in TypeScript). */
export const SCRATCH_BYTES = 8 << 20;
/** Resident bytes: room for the arrays of several models (the lab keeps one, plus garbage not yet collected). */
export const RESIDENT_BYTES = 24 << 20;
const PAGE = 65536;

type F64 = Float64Array;

/**
 * A resident array's byte offset in the kernels' memory, kept on the array itself (a
 * non-enumerable symbol property). Reading it costs a few ns; asking an array for its
 * `buffer` (or `byteOffset`) when that buffer is a WebAssembly memory costs V8 about 100 ns,
 * which at ~25 operands per training iteration was a third of the iteration's time.
 */
const AT = Symbol('offset in the kernels’ memory');
type Tagged = Float64Array & { [AT]?: number };

/** The flat weights of a class grid (see gridWeights in src/nn/boundary.ts). */
export interface GridKernelWeights {
  W1: F64;
  b1: F64;
  W2p: F64;
  b2p: F64;
  H: number;
  O: number;
  Op: number;
}

export class SimdKernels {
  private readonly k: KernelExports;
  private readonly buf: ArrayBuffer;
  private readonly f64: Float64Array;
  private readonly i32: Int32Array;
  private readonly scratchStart: number;
  private readonly scratchEnd: number;
  private top: number;
  private readonly arena: Arena;
  private readonly registry: FinalizationRegistry<[number, number]> | undefined;

  constructor(exports: KernelExports) {
    this.k = exports;
    const mem = exports.memory;
    this.scratchStart = (exports.heapBase() + 63) & ~63;
    this.scratchEnd = this.scratchStart + SCRATCH_BYTES;
    const total = this.scratchEnd + RESIDENT_BYTES;
    if (total > mem.buffer.byteLength) mem.grow(Math.ceil((total - mem.buffer.byteLength) / PAGE));
    this.buf = mem.buffer;
    this.f64 = new Float64Array(this.buf);
    this.i32 = new Int32Array(this.buf);
    this.top = this.scratchStart;
    this.arena = new Arena(this.scratchEnd, total);
    const arena = this.arena;
    this.registry = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry(([at, bytes]) => arena.release(at, bytes)) : undefined;
  }

  // ---- resident arrays --------------------------------------------------------------------

  /**
   * A zero-filled Float64Array of n values living in the kernels' memory (used in place by
   * every kernel), or an ordinary one when the resident region is full.
   */
  resident(n: number): Float64Array {
    const bytes = n * 8;
    const at = this.registry && bytes > 0 ? this.arena.alloc(bytes) : -1;
    if (at < 0) return new Float64Array(n);
    const a = new Float64Array(this.buf, at, n).fill(0);
    Object.defineProperty(a, AT, { value: at });
    this.registry!.register(a, [at, bytes]);
    return a;
  }

  /** Bytes of resident arrays not yet released (for tests and benchmarks). */
  get residentBytes(): number {
    return this.arena.used;
  }

  // ---- scratch ----------------------------------------------------------------------------

  /** Starts a call needing about `doubles` doubles of scratch; false (stay in TypeScript) if too many. */
  private start(doubles: number): boolean {
    this.top = this.scratchStart;
    return doubles * 8 + 1024 <= SCRATCH_BYTES;
  }

  /** Reserves `bytes` of scratch (16-byte aligned). */
  private alloc(bytes: number): number {
    const at = this.top;
    this.top = (at + bytes + 15) & ~15;
    if (this.top > this.scratchEnd) throw new Error('simd: scratch overflow');
    return at;
  }

  /** Offset of `a`: its own when resident, else a scratch copy's. */
  private put(a: F64): number {
    const own = (a as Tagged)[AT];
    if (own !== undefined) return own;
    const at = this.alloc(a.length * 8);
    this.f64.set(a, at >> 3);
    return at;
  }

  /** Where a result for `dst` goes: `dst` itself when resident, else scratch. */
  private out(dst: F64): number {
    return (dst as Tagged)[AT] ?? this.alloc(dst.length * 8);
  }

  /** Copies the result at `at` into `dst` (nothing to do when `dst` is resident). */
  private get(at: number, dst: F64): void {
    if ((dst as Tagged)[AT] !== undefined) return;
    const f = this.f64, base = at >> 3, n = dst.length;
    if (n <= 32) for (let i = 0; i < n; i++) dst[i] = f[base + i];
    else dst.set(f.subarray(base, base + n));
  }

  // ---- kernels: each returns false (nothing done) when its operands do not fit ------------

  /** y = exp(x) element-wise (V8's Math.exp, bit for bit). */
  exp(x: F64, y: F64): boolean {
    if (!this.start(2 * x.length)) return false;
    const px = this.put(x), py = this.out(y);
    this.k.expArray(px, py, x.length);
    this.get(py, y);
    return true;
  }

  /** np.sum of `a` in NumPy's order (as pairwiseSum in matrix.ts), or NaN when it does not fit. */
  pairwiseSum(a: F64): number {
    if (!this.start(a.length)) return Number.NaN;
    return this.k.pairwiseSum(this.put(a), a.length);
  }

  /** C (n×p) = A (n×K)·B (K×p) [+ bias after the sum]. */
  matmul(A: F64, B: F64, bias: F64 | undefined, C: F64, n: number, K: number, p: number): boolean {
    if (!this.start(A.length + B.length + p + C.length)) return false;
    const pa = this.put(A), pb = this.put(B), pr = bias ? this.put(bias) : 0, pc = this.out(C);
    this.k.matmul(pa, pb, pr, pc, n, K, p);
    this.get(pc, C);
    return true;
  }

  /** C (p×q) = Aᵀ·B for A (n×p), B (n×q). */
  matmulTransA(A: F64, B: F64, C: F64, n: number, p: number, q: number): boolean {
    if (!this.start(A.length + B.length + C.length)) return false;
    const pa = this.put(A), pb = this.put(B), pc = this.out(C);
    this.k.matmulTransA(pa, pb, pc, n, p, q);
    this.get(pc, C);
    return true;
  }

  /** C (n×q) = A·Bᵀ for A (n×K), B (q×K). */
  matmulTransB(A: F64, B: F64, C: F64, n: number, K: number, q: number): boolean {
    if (!this.start(A.length + 2 * B.length + C.length)) return false;
    const pa = this.put(A), pb = this.put(B), pc = this.out(C), tmp = this.alloc(K * q * 8);
    this.k.matmulTransB(pa, pb, pc, n, K, q, tmp);
    this.get(pc, C);
    return true;
  }

  /** out[j] = Σ_i M[i, j]. */
  sumRows(M: F64, out: F64, rows: number, cols: number): boolean {
    if (!this.start(M.length + cols)) return false;
    const pm = this.put(M), po = this.out(out);
    this.k.sumRows(pm, po, rows, cols);
    this.get(po, out);
    return true;
  }

  /** y = 1 / (1 + exp(−x)) (y may be x). */
  sigmoid(x: F64, y: F64): boolean {
    if (!this.start(2 * x.length)) return false;
    const px = this.put(x), py = this.out(y);
    this.k.sigmoid(px, py, x.length);
    this.get(py, y);
    return true;
  }

  /** dx = dout·(1 − y)·y. */
  sigmoidBackward(dout: F64, y: F64, dx: F64): boolean {
    if (!this.start(3 * dout.length)) return false;
    const pd = this.put(dout), py = this.put(y), pdx = this.out(dx);
    this.k.sigmoidBackward(pd, py, pdx, dout.length);
    this.get(pdx, dx);
    return true;
  }

  /** Row-wise softmax of a rows×cols matrix (y may be x). */
  softmax(x: F64, y: F64, rows: number, cols: number): boolean {
    if (!this.start(2 * x.length)) return false;
    const px = this.put(x), py = this.out(y);
    this.k.softmax(px, py, rows, cols);
    this.get(py, y);
    return true;
  }

  /** dx = (y − onehot(t))·dout / n. */
  softmaxLossBackward(y: F64, labels: Int32Array, dx: F64, n: number, cols: number, dout: number): boolean {
    if (!this.start(2 * y.length + labels.length)) return false;
    const py = this.put(y), pt = this.alloc(labels.length * 4), pdx = this.out(dx);
    this.i32.set(labels, pt >> 2);
    this.k.softmaxLossBackward(py, pt, pdx, n, cols, dout);
    this.get(pdx, dx);
    return true;
  }

  /** SGD on one parameter array. */
  sgd(p: F64, g: F64, lr: number): boolean {
    if (!this.start(2 * p.length)) return false;
    const pp = this.put(p);
    this.k.sgd(pp, this.put(g), p.length, lr);
    this.get(pp, p);
    return true;
  }

  /**
   * One update of a stateful optimizer (wasm/optimizers.ts) on parameter array p with gradient
   * g, its state arrays (velocity; squared-gradient sums; Adam's m and v) and scalars, in the
   * kernel's argument order: kernel(p, g, ...states, n, ...scalars).
   */
  update(kernel: 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam', p: F64, g: F64, states: F64[], scalars: number[]): boolean {
    if (!this.start((2 + states.length) * p.length)) return false;
    const pp = this.put(p), pg = this.put(g);
    const ps = states.map((a) => this.put(a));
    (this.k[kernel] as (...args: number[]) => void)(pp, pg, ...ps, p.length, ...scalars);
    this.get(pp, p);
    states.forEach((a, i) => this.get(ps[i], a));
    return true;
  }

  /**
   * Class-grid rows [r0, r1) (see classGrid in boundary.ts) into `classes` and `confidence`
   * at cell (r − r0)·cols + c; `bound` < 0 selects the direct mode. Runs in bands of rows that
   * fit the scratch region; false when not even two rows fit.
   */
  gridRows(w: GridKernelWeights, xs: F64, ys: F64, r0: number, r1: number, bound: number, classes: Uint8Array, confidence: Float32Array | undefined): boolean {
    const cols = xs.length;
    const fixed = 8 * (cols + w.W1.length + w.b1.length + w.W2p.length + w.b2p.length) + this.k.gridScratchBytes(w.H, w.Op) + 1024;
    const perRow = cols * (confidence ? 5 : 1) + 8 + 32;
    const fit = Math.floor((SCRATCH_BYTES - fixed) / perRow) & ~1;
    if (fit < 2) return false;
    const band = Math.min(fit, 512);
    for (let r = r0; r < r1; r += band) {
      const rows = Math.min(band, r1 - r);
      this.start(0);
      const pxs = this.put(xs), pys = this.put(ys.subarray(r, r + rows));
      const pw1 = this.put(w.W1), pb1 = this.put(w.b1), pw2 = this.put(w.W2p), pb2 = this.put(w.b2p);
      const pcls = this.alloc(rows * cols), pconf = confidence ? this.alloc(rows * cols * 4) : 0;
      const scratch = this.alloc(this.k.gridScratchBytes(w.H, w.Op));
      this.k.gridRows(pxs, cols, pys, rows, pw1, pb1, pw2, pb2, w.H, w.O, w.Op, bound, pcls, pconf, scratch);
      const at = (r - r0) * cols;
      classes.set(new Uint8Array(this.buf, pcls, rows * cols), at);
      if (confidence) confidence.set(new Float32Array(this.buf, pconf, rows * cols), at);
    }
    return true;
  }
}
