/**
 * The book's layers (§1.3): every layer has `params`, `grads` of the same shapes (allocated
 * once), `forward(x)` that keeps what backward needs, and `backward(dout)` that writes the
 * parameter gradients *into* the existing grads arrays and returns the gradient for its input.
 *
 * Buffers: to keep the training step allocation-free, `forward` and `backward` return matrices
 * owned by the layer, kept for the last two shapes asked for (training batches and passes over
 * all the data alternate without allocating). A result is valid until the layer's next call;
 * copy it (`cloneMat`) to keep it. `backward` uses the last `forward`'s input.
 *
 * Arithmetic: the loops here are the reference; where WebAssembly SIMD runs (src/nn/simd.ts)
 * the same operations run there in the same order. exp is fdlibm's (src/nn/exp.ts), on both paths.
 */
import { exp } from './exp';
import { kernelArray, simd } from './simd';
import { type Mat, argmaxRows, mat, matmul, matmulAddRow, matmulTransA, matmulTransB, pairwiseSum, sumRows } from './matrix';

/** The common shape of every layer (§1.3.4): flat parameter and gradient lists plus forward/backward. */
export interface Layer {
  /** Parameter arrays, shared with the optimizer (which updates them in place). */
  readonly params: Float64Array[];
  /** Gradient arrays, one per parameter, overwritten by each `backward`. */
  readonly grads: Float64Array[];
  forward(x: Mat): Mat;
  backward(dout: Mat): Mat;
}

/**
 * A layer's result buffers for the last two shapes asked for; a third shape replaces the older.
 * New ones are zero-filled and kept where the kernels work on them in place (kernelArray), whose
 * memory comes back only when a buffer is garbage-collected: alternating between two batch
 * sizes (training and accuracy) must not allocate on every switch.
 */
export class Buffers {
  private recent?: Mat;
  private older?: Mat;

  get(rows: number, cols: number): Mat {
    const r = this.recent, o = this.older;
    if (r && r.rows === rows && r.cols === cols) return r;
    this.older = r;
    if (o && o.rows === rows && o.cols === cols) return (this.recent = o);
    return (this.recent = mat(rows, cols, kernelArray(rows * cols)));
  }
}

function requireForward<T>(v: T | undefined, layer: string): T {
  if (v === undefined) throw new Error(`${layer}.backward called before forward`);
  return v;
}

/** MatMul node (§1.3.4.5): y = x·W; dx = dout·Wᵀ, dW = xᵀ·dout. */
export class MatMul implements Layer {
  readonly params: Float64Array[];
  readonly grads: Float64Array[];
  /** dW as a matrix view over grads[0] (same memory). */
  private readonly dW: Mat;
  private x?: Mat;
  private out?: Mat;
  private readonly outs = new Buffers();
  private dx?: Mat;
  private readonly dxs = new Buffers();

  constructor(readonly W: Mat) {
    this.params = [W.data];
    this.grads = [kernelArray(W.data.length)];
    this.dW = { rows: W.rows, cols: W.cols, data: this.grads[0] };
  }

  forward(x: Mat): Mat {
    this.x = x;
    this.out = matmul(x, this.W, this.outs.get(x.rows, this.W.cols));
    return this.out;
  }

  backward(dout: Mat): Mat {
    const x = requireForward(this.x, 'MatMul');
    this.dx = matmulTransB(dout, this.W, this.dxs.get(dout.rows, this.W.rows));
    // §1.3.4.5: write into the shared array (grads[0][...] = dW), never rebind it
    matmulTransA(x, dout, this.dW);
    return this.dx;
  }
}

/** Affine layer (§1.3.5.2): y = x·W + b; dx = dout·Wᵀ, dW = xᵀ·dout, db = Σ rows of dout. */
export class Affine implements Layer {
  readonly params: Float64Array[];
  readonly grads: Float64Array[];
  private readonly dW: Mat;
  private x?: Mat;
  private out?: Mat;
  private readonly outs = new Buffers();
  private dx?: Mat;
  private readonly dxs = new Buffers();

  constructor(
    readonly W: Mat,
    readonly b: Float64Array,
  ) {
    if (b.length !== W.cols) throw new Error(`Affine: b has ${b.length} values, W has ${W.cols} columns`);
    this.params = [W.data, b];
    this.grads = [kernelArray(W.data.length), kernelArray(b.length)];
    this.dW = { rows: W.rows, cols: W.cols, data: this.grads[0] };
  }

  forward(x: Mat): Mat {
    this.x = x;
    this.out = matmulAddRow(x, this.W, this.b, this.outs.get(x.rows, this.W.cols));
    return this.out;
  }

  backward(dout: Mat): Mat {
    const x = requireForward(this.x, 'Affine');
    this.dx = matmulTransB(dout, this.W, this.dxs.get(dout.rows, this.W.rows));
    // §1.3.4.5: grads[0][...] = dW and grads[1][...] = db: the optimizer holds these very arrays
    matmulTransA(x, dout, this.dW);
    sumRows(dout, this.grads[1]);
    return this.dx;
  }
}

/** Sigmoid layer (§1.3.5.1): y = 1 / (1 + exp(−x)); dx = dout·(1 − y)·y. No parameters. */
export class Sigmoid implements Layer {
  readonly params: Float64Array[] = [];
  readonly grads: Float64Array[] = [];
  private out?: Mat;
  private readonly outs = new Buffers();
  private readonly dxs = new Buffers();

  forward(x: Mat): Mat {
    this.out = sigmoid(x, this.outs.get(x.rows, x.cols));
    return this.out;
  }

  backward(dout: Mat): Mat {
    const y = requireForward(this.out, 'Sigmoid').data;
    const dx = this.dxs.get(dout.rows, dout.cols);
    const d = dout.data;
    if (simd()?.sigmoidBackward(d, y, dx.data)) return dx;
    // same order of operations as the book: (dout * (1 - y)) * y
    for (let i = 0; i < d.length; i++) dx.data[i] = d[i] * (1 - y[i]) * y[i];
    return dx;
  }
}

/** Softmax layer (the book's common/layers.py): y = softmax(x); dx = y·dout − y·Σ(y·dout) per row. */
export class Softmax implements Layer {
  readonly params: Float64Array[] = [];
  readonly grads: Float64Array[] = [];
  private out?: Mat;
  private readonly outs = new Buffers();
  private readonly dxs = new Buffers();

  forward(x: Mat): Mat {
    this.out = softmax(x, this.outs.get(x.rows, x.cols));
    return this.out;
  }

  backward(dout: Mat): Mat {
    const y = requireForward(this.out, 'Softmax');
    const dx = this.dxs.get(dout.rows, dout.cols);
    const c = y.cols;
    for (let i = 0; i < y.data.length; i++) dx.data[i] = y.data[i] * dout.data[i];
    for (let r = 0; r < y.rows; r++) {
      const sum = pairwiseSum(dx.data, c, r * c);
      for (let j = r * c; j < (r + 1) * c; j++) dx.data[j] -= y.data[j] * sum;
    }
    return dx;
  }
}

/**
 * Softmax followed by the cross-entropy error (§1.3.5.3). `forward(x, t)` takes one-hot
 * targets (a matrix the size of x, turned into labels like the book does) or labels, and
 * returns the mean loss −Σ log(y[t] + 1e-7) / N. `backward(dout)` returns (y − t)·dout / N
 * (the 1e-7 appears only in the loss).
 */
export class SoftmaxWithLoss {
  readonly params: Float64Array[] = [];
  readonly grads: Float64Array[] = [];
  private y?: Mat;
  private readonly ys = new Buffers();
  private labels?: Int32Array;
  private logs?: Float64Array;
  private readonly dxs = new Buffers();

  forward(x: Mat, t: Mat | Int32Array): number {
    const y = (this.y = softmax(x, this.ys.get(x.rows, x.cols)));
    this.labels = toLabels(y, t, this.labels);
    if (this.logs?.length !== y.rows) this.logs = new Float64Array(y.rows);
    return crossEntropyError(y, this.labels, this.logs);
  }

  backward(dout = 1): Mat {
    const y = requireForward(this.y, 'SoftmaxWithLoss');
    const t = this.labels!;
    const n = y.rows, c = y.cols;
    const dx = this.dxs.get(n, c);
    if (simd()?.softmaxLossBackward(y.data, t, dx.data, n, c, dout)) return dx;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < c; j++) {
        const k = i * c + j;
        // book: dx = y.copy(); dx[arange(N), t] -= 1; dx *= dout; dx = dx / N
        dx.data[k] = ((j === t[i] ? y.data[k] - 1 : y.data[k]) * dout) / n;
      }
    }
    return dx;
  }

  /** The softmax output of the last forward (a layer-owned buffer). */
  get output(): Mat | undefined {
    return this.y;
  }
}

/**
 * Turns targets into class labels: a one-hot matrix the size of `y` becomes its row-wise argmax
 * (as the book's `t.argmax(axis=1)`); labels pass through. Reuses `out` when given.
 */
export function toLabels(y: Mat, t: Mat | Int32Array, out?: Int32Array): Int32Array {
  const n = y.rows;
  if (t instanceof Int32Array) {
    if (t.length !== n) throw new Error(`labels: ${t.length} labels for ${n} rows`);
    return t;
  }
  const labels = out?.length === n ? out : new Int32Array(n);
  if (t.data.length === y.data.length) {
    if (t.rows !== n) throw new Error(`targets: (${t.rows}, ${t.cols}) do not match scores (${y.rows}, ${y.cols})`);
    return argmaxRows(t, labels);
  }
  if (t.data.length !== n) throw new Error(`targets: (${t.rows}, ${t.cols}) do not match scores (${y.rows}, ${y.cols})`);
  for (let i = 0; i < n; i++) labels[i] = t.data[i];
  return labels;
}

/** Element-wise 1 / (1 + exp(−x)), into `out` if given. */
export function sigmoid(x: Mat, out?: Mat): Mat {
  const o = out ?? mat(x.rows, x.cols);
  const a = x.data, b = o.data;
  if (simd()?.sigmoid(a, b)) return o;
  for (let i = 0; i < a.length; i++) b[i] = 1 / (1 + exp(-a[i]));
  return o;
}

/**
 * Row-wise softmax as the book computes it (§1.3.5.3): subtract the row maximum, exponentiate,
 * divide by the row sum (summed in NumPy's order). Into `out` if given; `out` may be `m`.
 */
export function softmax(m: Mat, out?: Mat): Mat {
  const o = out ?? mat(m.rows, m.cols);
  const c = m.cols, src = m.data, dst = o.data;
  if (simd()?.softmax(src, dst, m.rows, c)) return o;
  for (let r = 0; r < m.rows; r++) {
    const base = r * c;
    let max = -Infinity;
    for (let j = 0; j < c; j++) if (src[base + j] > max || src[base + j] !== src[base + j]) max = src[base + j];
    for (let j = 0; j < c; j++) dst[base + j] = exp(src[base + j] - max);
    const sum = pairwiseSum(dst, c, base);
    for (let j = 0; j < c; j++) dst[base + j] /= sum;
  }
  return o;
}

/**
 * Mean cross-entropy error −Σ log(y[i, t_i] + 1e-7) / N (§1.3.5.3), with one-hot or label
 * targets. `scratch` (length N) avoids an allocation; the sum follows NumPy's order.
 */
export function crossEntropyError(y: Mat, t: Mat | Int32Array, scratch?: Float64Array): number {
  const labels = toLabels(y, t);
  const n = y.rows;
  const logs = scratch?.length === n ? scratch : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = labels[i];
    if (!(j >= 0 && j < y.cols)) throw new Error(`label ${j} out of range for ${y.cols} classes`);
    logs[i] = Math.log(y.data[i * y.cols + j] + 1e-7);
  }
  return -pairwiseSum(logs) / n;
}
