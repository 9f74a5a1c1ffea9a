/**
 * The decision boundary as the book draws it (ch01/train_custom_loop.py, §1.4.3): a meshgrid
 * over the data's range padded by 0.1, and the model's prediction at every grid point — brute
 * force, no clever boundary tracing (★ a reader's note). Coordinates follow NumPy's `arange`
 * exactly (shared/golden/README.md): length ceil((hi − lo)/h), element k = lo + k·d with
 * d = (lo + h) − lo.
 */
import type { Mat } from '../nn/matrix';
import { classGrid, dataBounds, gridFromBounds, type GridSpec as CoreGridSpec } from '../nn/boundary';
import type { TwoLayerNet } from '../nn/twoLayerNet';

export interface GridSpec {
  xMin: number;
  yMin: number;
  /** The padded upper bounds (arange's exclusive stop). */
  xMax?: number;
  yMax?: number;
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

/** The data's bounds padded by `pad` (the core's, re-exported for the lab's views). */
export const bounds = dataBounds;

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
  return { xMin: b.xMin, yMin: b.yMin, xMax: b.xMax, yMax: b.yMax, xStep: xs.d, yStep: ys.d, rows: ys.n, cols: xs.n, h };
}

/**
 * Predicts every grid point with the core's `classGrid` (src/nn/boundary.ts): class (argmax,
 * first on ties, equal to a direct forward pass) and optionally the top softmax probability.
 */
export function predictGrid(
  model: TwoLayerNet,
  spec: GridSpec,
  withConfidence: boolean,
): GridSpec & { classes: Uint8Array; confidence?: Float32Array } {
  const core = gridSpecOf(spec);
  const confidence = withConfidence ? new Float32Array(spec.rows * spec.cols) : undefined;
  const classes = classGrid(model, core, undefined, confidence);
  return { ...spec, classes, confidence };
}

/** The core's grid (with its NumPy-exact coordinate arrays) for our spec. */
function gridSpecOf(spec: GridSpec): CoreGridSpec {
  const xMax = spec.xMin + spec.cols * spec.h;
  const yMax = spec.yMin + spec.rows * spec.h;
  const g = gridFromBounds(spec.xMin, spec.xMax ?? xMax, spec.yMin, spec.yMax ?? yMax, spec.h);
  if (g.rows !== spec.rows || g.cols !== spec.cols) throw new Error('grid: spec and core grid disagree');
  return g;
}
