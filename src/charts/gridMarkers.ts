/**
 * The meshgrid points themselves, as dots coloured by predicted class ("show the grid": a common stumbling point made visible):
 * the boundary is nothing but a prediction at every one of these points. SVG dots get slow past
 * a few thousand, so finer grids are drawn only as the image (one pixel per point).
 */
import type { GridPayload } from '../lab/protocol';

/** Grids with more points than this are shown as an image only. */
export const MAX_GRID_MARKERS = 5000;

/** x, y and colour of every grid point, or null when there are too many to draw as dots. */
export function gridMarkers(
  grid: Pick<GridPayload, 'rows' | 'cols' | 'xMin' | 'yMin' | 'xStep' | 'yStep' | 'classes'>,
  palette: readonly string[],
): { x: number[]; y: number[]; color: string[] } | null {
  const n = grid.rows * grid.cols;
  if (n > MAX_GRID_MARKERS) return null;
  const x: number[] = new Array(n);
  const y: number[] = new Array(n);
  const color: string[] = new Array(n);
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const i = r * grid.cols + c;
      x[i] = grid.xMin + c * grid.xStep;
      y[i] = grid.yMin + r * grid.yStep;
      color[i] = palette[grid.classes[i] % palette.length];
    }
  }
  return { x, y, color };
}
