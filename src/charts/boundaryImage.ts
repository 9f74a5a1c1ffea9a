/**
 * Paints a class grid (and optionally its confidence) into RGBA pixels, one pixel per meshgrid
 * point. The boundary is drawn as an image under the data points rather than as a Plotly heatmap
 * trace: the book's h = 0.001 grid has 4.3 million points, far past what a heatmap can hold, and
 * even at 100 × 100 painting pixels ourselves is cheaper than a heatmap redraw (renderCadence.ts).
 */
import type { GridPayload } from '../lab/protocol';

export type Rgb = readonly [number, number, number];
export type PaintMode = 'class' | 'confidence';

/** Parses `#rrggbb` (the palette's CSS variables) into RGB; grey for anything else. */
export function hexToRgb(hex: string): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return [128, 128, 128];
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/**
 * Fills `out` (rows × cols × 4 bytes) from the grid. Image row 0 is the top, i.e. the grid's
 * last row (largest y), because meshgrid rows run from y_min upwards. Class mode uses a fixed
 * alpha so the data points stay readable; confidence mode uses the top probability as alpha.
 */
export function paintGrid(
  grid: Pick<GridPayload, 'rows' | 'cols' | 'classes' | 'confidence'>,
  palette: readonly Rgb[],
  mode: PaintMode,
  out: Uint8ClampedArray,
  classAlpha = 0.45,
): Uint8ClampedArray {
  const { rows, cols, classes, confidence } = grid;
  if (out.length !== rows * cols * 4) throw new Error(`paintGrid: out has ${out.length} bytes, needs ${rows * cols * 4}`);
  const a = Math.round(classAlpha * 255);
  const useConf = mode === 'confidence' && confidence !== undefined;
  for (let r = 0; r < rows; r++) {
    const src = r * cols;
    const dst = (rows - 1 - r) * cols * 4;
    for (let c = 0; c < cols; c++) {
      const k = classes[src + c];
      const rgb = palette[k % palette.length];
      const o = dst + c * 4;
      out[o] = rgb[0];
      out[o + 1] = rgb[1];
      out[o + 2] = rgb[2];
      out[o + 3] = useConf ? Math.round(confidence![src + c] * 255) : a;
    }
  }
  return out;
}

/** Where the image sits on the axes: cell centres at the meshgrid points, so edges half a step out. */
export function imageExtent(grid: Pick<GridPayload, 'rows' | 'cols' | 'xMin' | 'yMin' | 'xStep' | 'yStep'>): {
  x0: number;
  y1: number;
  width: number;
  height: number;
} {
  return {
    x0: grid.xMin - grid.xStep / 2,
    y1: grid.yMin + (grid.rows - 0.5) * grid.yStep,
    width: grid.cols * grid.xStep,
    height: grid.rows * grid.yStep,
  };
}

type ImageGrid = Pick<GridPayload, 'rows' | 'cols' | 'classes' | 'confidence' | 'xMin' | 'yMin' | 'xStep' | 'yStep'>;

/** Paints the grid into `canvas`, resized to one pixel per meshgrid point. */
export function paintCanvas(canvas: HTMLCanvasElement, grid: ImageGrid, palette: readonly Rgb[], mode: PaintMode, classAlpha: number): void {
  if (canvas.width !== grid.cols || canvas.height !== grid.rows) {
    canvas.width = grid.cols;
    canvas.height = grid.rows;
  }
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(grid.cols, grid.rows);
  paintGrid(grid, palette, mode, img.data, classAlpha);
  ctx.putImageData(img, 0, 0);
}

/** Plotly layout-image attributes that put a grid's image (`source`) under the data, at {@link imageExtent}. */
export function layoutImage(grid: ImageGrid, source: string): Record<string, unknown> {
  const ext = imageExtent(grid);
  return { source, xref: 'x', yref: 'y', x: ext.x0, y: ext.y1, sizex: ext.width, sizey: ext.height, sizing: 'stretch', layer: 'below', xanchor: 'left', yanchor: 'top' };
}
