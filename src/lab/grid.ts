/**
 * The decision boundary as the book draws it (ch01/train_custom_loop.py, §1.4.3): a meshgrid
 * over the data's range padded by 0.1, and the model's prediction at every grid point — brute
 * force, no clever boundary tracing (★ a reader's note). Coordinates follow NumPy's `arange`
 * exactly (shared/golden/README.md): length ceil((hi − lo)/h), element k = lo + k·d with
 * d = (lo + h) − lo.
 */
import type { Mat } from '../nn/matrix';
import type { TwoLayerNet } from '../nn/twoLayerNet';

export interface GridSpec {
  xMin: number;
  yMin: number;
  xStep: number;
  yStep: number;
  rows: number;
  cols: number;
  h: number;
}

/** Length and step of `np.arange(lo, hi, h)` for floats. */
export function arangeSpec(lo: number, hi: number, h: number): { n: number; d: number } {
  return { n: Math.max(0, Math.ceil((hi - lo) / h)), d: lo + h - lo };
}

/** The data's bounds padded by `pad` (the book: x[:, 0].min() − .1 … max() + .1). */
export function bounds(x: Mat, pad = 0.1): { xMin: number; xMax: number; yMin: number; yMax: number } {
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

/** The grid at spacing `h`, or with `cells` points along the longer axis. */
export function gridSpecFor(x: Mat, opts: { h?: number; cells?: number }): GridSpec {
  const b = bounds(x);
  let h = opts.h;
  if (h === undefined) {
    const cells = opts.cells ?? 100;
    if (!(cells >= 1)) throw new Error(`grid: cells must be at least 1, got ${cells}`);
    h = Math.max(b.xMax - b.xMin, b.yMax - b.yMin) / cells;
  }
  if (!(h > 0) || !Number.isFinite(h)) throw new Error(`grid: h must be a positive number, got ${h}`);
  const xs = arangeSpec(b.xMin, b.xMax, h);
  const ys = arangeSpec(b.yMin, b.yMax, h);
  if (xs.n * ys.n > 20_000_000) throw new Error(`grid: h = ${h} makes ${xs.n * ys.n} points, too many`);
  return { xMin: b.xMin, yMin: b.yMin, xStep: xs.d, yStep: ys.d, rows: ys.n, cols: xs.n, h };
}

/**
 * Predicts every grid point: class (argmax, first on ties) and optionally the top softmax
 * probability. The hidden pre-activation is computed as the book's `np.dot(X, W1) + b1`:
 * (x·W1[0, j] + y·W1[1, j]) + b1[j], so every cell equals a direct forward pass; the two
 * products are precomputed per column and per row.
 */
export function predictGrid(
  model: TwoLayerNet,
  spec: GridSpec,
  withConfidence: boolean,
): GridSpec & { classes: Uint8Array; confidence?: Float32Array } {
  const { W1, b1, W2, b2 } = model.named;
  const H = model.hiddenSize, O = model.outputSize;
  const { rows, cols } = spec;
  const px = new Float64Array(cols * H);
  const py = new Float64Array(rows * H);
  for (let c = 0; c < cols; c++) {
    const x = c === 0 ? spec.xMin : spec.xMin + c * spec.xStep;
    for (let j = 0; j < H; j++) px[c * H + j] = x * W1.data[j];
  }
  for (let r = 0; r < rows; r++) {
    const y = r === 0 ? spec.yMin : spec.yMin + r * spec.yStep;
    for (let j = 0; j < H; j++) py[r * H + j] = y * W1.data[H + j];
  }
  const classes = new Uint8Array(rows * cols);
  const confidence = withConfidence ? new Float32Array(rows * cols) : undefined;
  const hid = new Float64Array(H);
  const s = new Float64Array(O);
  const W2d = W2.data;
  for (let r = 0; r < rows; r++) {
    const pyr = r * H;
    for (let c = 0; c < cols; c++) {
      const pxc = c * H;
      for (let j = 0; j < H; j++) hid[j] = 1 / (1 + Math.exp(-(px[pxc + j] + py[pyr + j] + b1[j])));
      let best = 0;
      for (let k = 0; k < O; k++) {
        let acc = 0;
        for (let j = 0; j < H; j++) acc += hid[j] * W2d[j * O + k];
        s[k] = acc + b2[k];
        if (k > 0 && s[k] > s[best]) best = k;
      }
      const cell = r * cols + c;
      classes[cell] = best;
      if (confidence) {
        let sum = 0;
        for (let k = 0; k < O; k++) sum += Math.exp(s[k] - s[best]);
        confidence[cell] = 1 / sum;
      }
    }
  }
  return { ...spec, classes, confidence };
}
