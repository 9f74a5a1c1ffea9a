/**
 * The basic computational-graph nodes of §1.3.4 that are not layers in the book's common/
 * code: Add, Mul (multiply), Branch (copy), Repeat and Sum. (MatMul, the sixth node, is a
 * layer: see `MatMul` in layers.ts.)
 *
 * They keep the layers' shape (§1.3.4): `params`/`grads` lists (empty: no node here learns),
 * `forward` that remembers what `backward` needs, and `backward` that turns the upstream
 * gradient into one gradient per input. Unlike the layers they allocate their results, since
 * they serve the node gallery, not the training loop. Pure: no DOM.
 */
import { type Mat, mat, sumRows } from './matrix';

function sameShape(a: Mat, b: Mat, what: string): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new Error(`${what}: shapes (${a.rows},${a.cols}) and (${b.rows},${b.cols}) differ`);
  }
}

function requireForward<T>(v: T | undefined, node: string): T {
  if (v === undefined) throw new Error(`${node}.backward called before forward`);
  return v;
}

/** Add node (§1.3.4.1): z = x + y; the upstream gradient passes to both inputs unchanged. */
export class AddNode {
  readonly params: Float64Array[] = [];
  readonly grads: Float64Array[] = [];
  private shape?: Mat;

  forward(x: Mat, y: Mat): Mat {
    sameShape(x, y, 'Add');
    this.shape = x;
    const z = mat(x.rows, x.cols);
    for (let i = 0; i < z.data.length; i++) z.data[i] = x.data[i] + y.data[i];
    return z;
  }

  /** [dx, dy] = [dz, dz] (copies, so editing one does not change the other). */
  backward(dz: Mat): [Mat, Mat] {
    sameShape(requireForward(this.shape, 'Add'), dz, 'Add.backward');
    return [copy(dz), copy(dz)];
  }
}

/**
 * Multiply node (§1.3.4.1), element-wise: z = x ⊙ y. Each input's gradient is the upstream
 * gradient times the *other* input ("swapped"), so forward must keep both inputs.
 */
export class MulNode {
  readonly params: Float64Array[] = [];
  readonly grads: Float64Array[] = [];
  private x?: Mat;
  private y?: Mat;

  forward(x: Mat, y: Mat): Mat {
    sameShape(x, y, 'Mul');
    this.x = copy(x);
    this.y = copy(y);
    const z = mat(x.rows, x.cols);
    for (let i = 0; i < z.data.length; i++) z.data[i] = x.data[i] * y.data[i];
    return z;
  }

  /** [dx, dy] = [dz ⊙ y, dz ⊙ x]. */
  backward(dz: Mat): [Mat, Mat] {
    const x = requireForward(this.x, 'Mul');
    const y = this.y!;
    sameShape(x, dz, 'Mul.backward');
    const dx = mat(x.rows, x.cols), dy = mat(x.rows, x.cols);
    for (let i = 0; i < dz.data.length; i++) {
      dx.data[i] = dz.data[i] * y.data[i];
      dy.data[i] = dz.data[i] * x.data[i];
    }
    return [dx, dy];
  }
}

/**
 * Branch node (§1.3.4.2): one input copied onto two outputs (the same value flows on). Its
 * backward adds the two upstream gradients: a value used twice collects blame from both uses.
 * It is the Repeat node with N = 2 outputs kept apart instead of stacked into rows.
 */
export class BranchNode {
  readonly params: Float64Array[] = [];
  readonly grads: Float64Array[] = [];
  private shape?: Mat;

  forward(x: Mat): [Mat, Mat] {
    this.shape = x;
    return [copy(x), copy(x)];
  }

  /** dx = dy1 + dy2. */
  backward(dy1: Mat, dy2: Mat): Mat {
    sameShape(requireForward(this.shape, 'Branch'), dy1, 'Branch.backward');
    sameShape(dy1, dy2, 'Branch.backward');
    const dx = mat(dy1.rows, dy1.cols);
    for (let i = 0; i < dx.data.length; i++) dx.data[i] = dy1.data[i] + dy2.data[i];
    return dx;
  }
}

/**
 * Repeat node (§1.3.4.3): a (1, D) row copied N times into (N, D), the book's
 * `np.repeat(x, N, axis=0)`. Backward is the Sum node's forward: `np.sum(dy, axis=0, keepdims=True)`.
 */
export class RepeatNode {
  readonly params: Float64Array[] = [];
  readonly grads: Float64Array[] = [];
  private d?: number;

  constructor(readonly n: number) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Repeat: N must be a positive integer, got ${n}`);
  }

  forward(x: Mat): Mat {
    if (x.rows !== 1) throw new Error(`Repeat: input must be one row (1, D), got (${x.rows},${x.cols})`);
    this.d = x.cols;
    return repeatRow(x.data, this.n);
  }

  /** dx (1, D) = column sums of dy (N, D). */
  backward(dy: Mat): Mat {
    const d = requireForward(this.d, 'Repeat');
    if (dy.rows !== this.n || dy.cols !== d) {
      throw new Error(`Repeat.backward: upstream gradient must be (${this.n},${d}), got (${dy.rows},${dy.cols})`);
    }
    return mat(1, d, sumRows(dy));
  }
}

/**
 * Sum node (§1.3.4.4): (N, D) summed over the rows into (1, D), the book's
 * `np.sum(x, axis=0, keepdims=True)`. Backward is the Repeat node's forward: dy copied N times.
 */
export class SumNode {
  readonly params: Float64Array[] = [];
  readonly grads: Float64Array[] = [];
  private n?: number;
  private d?: number;

  forward(x: Mat): Mat {
    this.n = x.rows;
    this.d = x.cols;
    return mat(1, x.cols, sumRows(x));
  }

  /** dx (N, D) = dy (1, D) repeated N times. */
  backward(dy: Mat): Mat {
    const n = requireForward(this.n, 'Sum');
    if (dy.rows !== 1 || dy.cols !== this.d) {
      throw new Error(`Sum.backward: upstream gradient must be (1,${this.d}), got (${dy.rows},${dy.cols})`);
    }
    return repeatRow(dy.data, n);
  }
}

function repeatRow(row: Float64Array, n: number): Mat {
  const d = row.length;
  const out = mat(n, d);
  for (let i = 0; i < n; i++) out.data.set(row.subarray(0, d), i * d);
  return out;
}

function copy(m: Mat): Mat {
  return { rows: m.rows, cols: m.cols, data: m.data.slice() };
}
