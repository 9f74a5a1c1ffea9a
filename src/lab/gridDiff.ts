/**
 * How a fine class grid differs from a coarse one of the same model: at every point of the fine
 * grid, the coarse grid's class is the one of its nearest coarse point (what the coarse image
 * shows there). Points where the two disagree lie along the decision borders; `zoom` is the
 * square window of the fine grid where most of them are, for a magnified view of one border.
 */
import type { ClassGrid } from './tasks/classify2d';

type Grid = Pick<ClassGrid, 'rows' | 'cols' | 'xMin' | 'yMin' | 'xStep' | 'yStep' | 'classes'>;

export interface GridDiff {
  /** Fine points whose class differs from the coarse grid's at that place. */
  changed: number;
  /** Fine points compared (rows × cols of the fine grid). */
  total: number;
  /** The window of `size` × `size` fine points (from row r0, column c0) with the most changes. */
  zoom: { r0: number; c0: number; size: number; changed: number };
}

/** The coarse grid's row or column nearest to coordinate v (clamped to the grid). */
function nearest(v: number, min: number, step: number, n: number): number {
  const i = Math.round((v - min) / step);
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}

/** For every fine column (or row), the nearest coarse column (or row). */
export function nearestIndex(fineMin: number, fineStep: number, n: number, coarseMin: number, coarseStep: number, coarseN: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = nearest(fineMin + i * fineStep, coarseMin, coarseStep, coarseN);
  return out;
}

/** The coarse class shown at each fine point of rows r0… and columns c0… (size × size, row-major). */
export function coarseAt(fine: Grid, coarse: Grid, r0: number, c0: number, size: number): Uint8Array {
  const rows = nearestIndex(fine.yMin + r0 * fine.yStep, fine.yStep, size, coarse.yMin, coarse.yStep, coarse.rows);
  const cols = nearestIndex(fine.xMin + c0 * fine.xStep, fine.xStep, size, coarse.xMin, coarse.xStep, coarse.cols);
  const out = new Uint8Array(size * size);
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) out[r * size + c] = coarse.classes[rows[r] * coarse.cols + cols[c]];
  return out;
}

/** Compares `fine` with `coarse` point by point; the zoom window is `size` fine points wide. */
export function gridDiff(fine: Grid, coarse: Grid, size = 48): GridDiff {
  const cols = nearestIndex(fine.xMin, fine.xStep, fine.cols, coarse.xMin, coarse.xStep, coarse.cols);
  const s = Math.max(1, Math.min(size, fine.rows, fine.cols));
  const blockCols = Math.ceil(fine.cols / s);
  const blocks = new Int32Array(Math.ceil(fine.rows / s) * blockCols);
  let changed = 0;
  for (let r = 0; r < fine.rows; r++) {
    const cr = nearest(fine.yMin + r * fine.yStep, coarse.yMin, coarse.yStep, coarse.rows) * coarse.cols;
    const fr = r * fine.cols;
    const br = Math.floor(r / s) * blockCols;
    for (let c = 0; c < fine.cols; c++) {
      if (fine.classes[fr + c] !== coarse.classes[cr + cols[c]]) {
        changed++;
        blocks[br + Math.floor(c / s)]++;
      }
    }
  }
  let best = 0;
  for (let b = 1; b < blocks.length; b++) if (blocks[b] > blocks[best]) best = b;
  const r0 = Math.min(Math.floor(best / blockCols) * s, fine.rows - s);
  const c0 = Math.min((best % blockCols) * s, fine.cols - s);
  return { changed, total: fine.rows * fine.cols, zoom: { r0, c0, size: s, changed: blocks[best] } };
}
