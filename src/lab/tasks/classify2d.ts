/**
 * The 2-D classification task of §1.4: the lab reports the training accuracy and the confusion
 * matrix, and draws the decision boundary as the book does (ch01/train_custom_loop.py): a meshgrid over the data's
 * plane and the model's prediction at every grid point — brute force, no clever boundary
 * tracing (a place readers often stumble). The grid is the core's (src/nn/boundary.ts: coordinates equal to
 * NumPy's `arange` to the bit). On request the picture also carries what each unit of a
 * TwoLayerNet draws and the hidden space (inside.ts), made from the same weights.
 */
import { classGrid, gridFromBounds, type GridSpec } from '../../nn/boundary';
import { exp } from '../../nn/exp';
import { type GridJob, SPLIT_MIN_CELLS, gridJob } from '../../nn/gridSplit';
import { argmaxRows, mat, type Mat } from '../../nn/matrix';
import type { TwoLayerNet } from '../../nn/twoLayerNet';
import { confusionMatrix } from '../../nn/confusion';
import type { Bounds, Dataset, Evaluation, Model, Task } from '../seams';
import { insideFrame, type InsideFrame, type InsideMemory } from '../inside';

/** A grid request: spacing `h`, or `cells` points along the longer axis; with confidence or not. */
export interface GridOptions {
  h?: number;
  cells?: number;
  /** Also give the top softmax probability per cell (the confidence map needs it). */
  confidence: boolean;
  /** Also give every unit's map and the hidden space (the network view; a TwoLayerNet only). */
  inside?: boolean;
}

/** Where each grid cell sits: row r is y = yMin + r·yStep, column c is x = xMin + c·xStep. */
export interface GridGeometry {
  rows: number;
  cols: number;
  xMin: number;
  yMin: number;
  xStep: number;
  yStep: number;
}

/** A class grid over the plane. */
export interface ClassGrid extends GridGeometry {
  /** The h the grid was made with. */
  h: number;
  /** Predicted class per cell, row-major like `np.meshgrid` (rows × cols). */
  classes: Uint8Array;
  /** Top softmax probability per cell, when asked for. */
  confidence?: Float32Array;
  /** Every unit's map and the hidden space, when asked for. */
  inside?: InsideFrame;
}

/** Grids larger than this are refused (the book's h = 0.001 grid has 4,323,264 points). */
export const MAX_GRID_POINTS = 20_000_000;

/** The core's meshgrid over `bounds` at spacing `h`, or with `cells` points along the longer axis. */
export function gridOver(bounds: Bounds, opts: Pick<GridOptions, 'h' | 'cells'>): GridSpec {
  let h = opts.h;
  if (h === undefined) {
    const cells = opts.cells ?? 100;
    if (!(cells >= 1)) throw new Error(`grid: cells must be at least 1, got ${cells}`);
    h = Math.max(bounds.xMax - bounds.xMin, bounds.yMax - bounds.yMin) / cells;
  }
  if (!(h > 0) || !Number.isFinite(h)) throw new Error(`grid: h must be a positive number, got ${h}`);
  const g = gridFromBounds(bounds.xMin, bounds.xMax, bounds.yMin, bounds.yMax, h);
  if (g.rows * g.cols > MAX_GRID_POINTS) throw new Error(`grid: h = ${h} makes ${g.rows * g.cols} points, too many`);
  return g;
}

/**
 * Class (argmax, first on ties) and optionally the top softmax probability at every point of
 * `spec`. TwoLayerNet goes through the core's fast `classGrid`; any other model is asked for its
 * scores one grid row at a time.
 */
export function predictGrid(model: Model, spec: GridSpec, withConfidence: boolean): ClassGrid {
  const n = spec.rows * spec.cols;
  const confidence = withConfidence ? new Float32Array(n) : undefined;
  const classes = isTwoLayerNet(model) ? classGrid(model, spec, undefined, confidence) : classGridByRows(model, spec, confidence);
  return classGridOf(spec, classes, confidence);
}

/** The ClassGrid of `spec` with its classes (and confidences). */
export function classGridOf(spec: GridSpec, classes: Uint8Array, confidence?: Float32Array): ClassGrid {
  const step = (a: Float64Array) => (a.length > 1 ? a[1] - a[0] : spec.h);
  return { rows: spec.rows, cols: spec.cols, xMin: spec.xMin, yMin: spec.yMin, xStep: step(spec.xs), yStep: step(spec.ys), h: spec.h, classes, confidence };
}

/**
 * A grid too big for one thread to draw at once (more than SPLIT_MIN_CELLS cells, e.g. the
 * book's h = 0.001) of a TwoLayerNet, as a job for both cores (src/lab/gridHelpers.ts), with
 * copies of the weights; undefined for a smaller grid or another model (use `picture`).
 */
export function splitGridJob(model: Model, data: Dataset, opts: GridOptions): { job: GridJob; spec: GridSpec } | undefined {
  if (!isTwoLayerNet(model)) return undefined;
  const spec = gridOver(data.bounds, opts);
  if (spec.rows * spec.cols <= SPLIT_MIN_CELLS) return undefined;
  return { job: gridJob(model.named, spec, opts.confidence), spec };
}

function isTwoLayerNet(model: Model): model is Model & TwoLayerNet {
  return 'named' in model && 'predictClass' in model;
}

/** Any model: `predict` on one row of grid points at a time (cols × 2 inputs). */
function classGridByRows(model: Model, spec: GridSpec, confidence: Float32Array | undefined): Uint8Array {
  const classes = new Uint8Array(spec.rows * spec.cols);
  const points = mat(spec.cols, 2);
  for (let c = 0; c < spec.cols; c++) points.data[2 * c] = spec.xs[c];
  for (let r = 0; r < spec.rows; r++) {
    for (let c = 0; c < spec.cols; c++) points.data[2 * c + 1] = spec.ys[r];
    const scores = model.predict(points);
    const best = argmaxRows(scores);
    const C = scores.cols;
    if (C > 255) throw new Error('grid: at most 255 classes fit a Uint8Array');
    for (let c = 0; c < spec.cols; c++) {
      classes[r * spec.cols + c] = best[c];
      if (confidence) confidence[r * spec.cols + c] = topProbability(scores, c, best[c]);
    }
  }
  return classes;
}

/** Softmax probability of row `row`'s top score: 1 / Σ exp(s_k − s_max). */
function topProbability(scores: Mat, row: number, best: number): number {
  const C = scores.cols, base = row * C, max = scores.data[base + best];
  let sum = 0;
  for (let k = 0; k < C; k++) sum += exp(scores.data[base + k] - max);
  return 1 / sum;
}

/**
 * One prediction per row (the top score, the first on ties), counted against the labels: the
 * confusion matrix (true class × predicted) and the accuracy, its diagonal's share.
 */
export function evaluationOf(model: Model, data: Pick<Dataset, 'x' | 'labels' | 'classes'>): Evaluation {
  const pred = argmaxRows(model.predict(data.x));
  const { counts } = confusionMatrix(data.labels, pred, data.classes);
  let hits = 0;
  for (let c = 0; c < data.classes; c++) hits += counts[c * data.classes + c];
  return { accuracy: pred.length === 0 ? 0 : hits / pred.length, confusion: counts };
}

/** The PCA orientation of each model's hidden space, kept from one picture to the next. */
const insideMemory = new WeakMap<Model, InsideMemory>();

/** The task: accuracy and confusion reported, the class grid drawn, ln C as the loss of knowing nothing. */
export const classify2d: Task<GridOptions, ClassGrid> = {
  chanceLoss: (data) => Math.log(data.classes),
  evaluate: evaluationOf,
  picture: (model, data, opts) => {
    const grid = predictGrid(model, gridOver(data.bounds, opts), opts.confidence);
    if (opts.inside && isTwoLayerNet(model)) {
      let memory = insideMemory.get(model);
      if (!memory) insideMemory.set(model, (memory = {}));
      grid.inside = insideFrame(model.named, data.x, data.bounds, memory);
    }
    return grid;
  },
};
