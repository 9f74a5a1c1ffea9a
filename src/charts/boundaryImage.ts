/**
 * Paints a class grid (and optionally its confidence) into RGBA pixels, never as a Plotly
 * heatmap trace: the book's h = 0.001 grid has 4.3 million points, far past what a heatmap can
 * hold. The lab paints the plot area's own pixels on a canvas under its chart (paintView: about
 * a millisecond at any grid size, where a layout image had to be encoded as PNG, decoded and
 * laid out again by Plotly on every redraw); §1.5's boundaries are layout images, one pixel per
 * meshgrid point (paintGrid, paintCanvas, layoutImage).
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

/** A rectangle of the plane shown on `width` × `height` device pixels (the plot area). */
export interface View {
  width: number;
  height: number;
  xRange: readonly [number, number];
  yRange: readonly [number, number];
}

/**
 * Fills `out` (view.height × view.width × 4 bytes) with the grid as seen through `view`: each
 * pixel takes the class of the grid cell under its centre (nearest cell, so every cell stays a
 * crisp block, and a grid of millions of cells costs what the screen's pixels cost); pixels
 * outside the grid stay transparent. Pixel row 0 is the top (largest y). Class mode uses a
 * fixed alpha so the data points stay readable; confidence mode uses the top probability.
 */
export function paintView(
  grid: Pick<GridPayload, 'rows' | 'cols' | 'xMin' | 'yMin' | 'xStep' | 'yStep' | 'classes' | 'confidence'>,
  palette: readonly Rgb[],
  mode: PaintMode,
  out: Uint8ClampedArray,
  view: View,
  classAlpha = 0.45,
): Uint8ClampedArray {
  const { rows, cols, classes, confidence } = grid;
  const { width, height } = view;
  if (out.length !== width * height * 4) throw new Error(`paintView: out has ${out.length} bytes, needs ${width * height * 4}`);
  const [x0, x1] = view.xRange;
  const [y0, y1] = view.yRange;
  // the cell under each column's and each row's pixel centre, or -1 outside the grid
  const colOf = new Int32Array(width);
  for (let i = 0; i < width; i++) colOf[i] = cellIndex(x0 + ((i + 0.5) / width) * (x1 - x0), grid.xMin, grid.xStep, cols);
  const a = Math.round(classAlpha * 255);
  const useConf = mode === 'confidence' && confidence !== undefined;
  out.fill(0);
  for (let j = 0; j < height; j++) {
    const r = cellIndex(y1 - ((j + 0.5) / height) * (y1 - y0), grid.yMin, grid.yStep, rows);
    if (r < 0) continue;
    const src = r * cols;
    const dst = j * width * 4;
    for (let i = 0; i < width; i++) {
      const c = colOf[i];
      if (c < 0) continue;
      const k = classes[src + c];
      const rgb = palette[k % palette.length];
      const o = dst + i * 4;
      out[o] = rgb[0];
      out[o + 1] = rgb[1];
      out[o + 2] = rgb[2];
      out[o + 3] = useConf ? Math.round(confidence![src + c] * 255) : a;
    }
  }
  return out;
}

/** Index of the cell (centre at min + k·step, half a step either side) holding `v`; -1 outside. */
function cellIndex(v: number, min: number, step: number, n: number): number {
  const k = Math.floor((v - min) / step + 0.5);
  return k >= 0 && k < n ? k : -1;
}

/**
 * Fills `out` (rows × cols × 4 bytes) from the grid, one pixel per cell: paintView through a view
 * that is exactly the grid (in cell units). Image row 0 is the top, i.e. the grid's last row
 * (largest y), because meshgrid rows run from y_min upwards.
 */
export function paintGrid(
  grid: Pick<GridPayload, 'rows' | 'cols' | 'classes' | 'confidence'>,
  palette: readonly Rgb[],
  mode: PaintMode,
  out: Uint8ClampedArray,
  classAlpha = 0.45,
): Uint8ClampedArray {
  const { rows, cols } = grid;
  const cells = { ...grid, xMin: 0, yMin: 0, xStep: 1, yStep: 1 };
  return paintView(cells, palette, mode, out, { width: cols, height: rows, xRange: [-0.5, cols - 0.5], yRange: [-0.5, rows - 0.5] }, classAlpha);
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
