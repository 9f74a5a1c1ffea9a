/**
 * What a scatter chart shows before Plotly has arrived: the data points on a canvas, in the plot
 * area Plotly will lay out (about), with a thin frame. Plotly is held back while the lab's first
 * run may start (plotly.ts, useChartHold), so these previews are what a fast reader sees first.
 */

/** A plot area in CSS pixels from the chart's top-left corner, and the data ranges it shows. */
export interface Area {
  left: number;
  top: number;
  width: number;
  height: number;
  xRange: [number, number];
  yRange: [number, number];
}

/**
 * Where Plotly's plot area ends up inside a 380 × 380 chart of ours (measured: the y-axis title
 * and tick labels take 50 px on the left; ticks and the legend below take 74 px).
 */
const PREVIEW_MARGIN = { l: 50, r: 8, t: 8, b: 74 };

/**
 * Where the plot area will be before Plotly has laid it out: the space inside the margins, at the
 * data's aspect ratio (the axes are scale-anchored), centred as Plotly's constrain: 'domain' does.
 */
export function previewArea(width: number, height: number, xRange: [number, number], yRange: [number, number]): Area {
  const availW = Math.max(1, width - PREVIEW_MARGIN.l - PREVIEW_MARGIN.r);
  const availH = Math.max(1, height - PREVIEW_MARGIN.t - PREVIEW_MARGIN.b);
  const aspect = (xRange[1] - xRange[0]) / (yRange[1] - yRange[0]);
  const w = Math.min(availW, availH * aspect);
  const h = w / aspect;
  return { left: PREVIEW_MARGIN.l + (availW - w) / 2, top: PREVIEW_MARGIN.t + (availH - h) / 2, width: w, height: h, xRange, yRange };
}

/**
 * The points (x: (N, 2) row-major, one class per row) as dots in their class colour with an
 * edge, and the plot area's frame, on a canvas of `dpr` device pixels per CSS pixel whose
 * origin is the area's top-left corner.
 */
export function drawPoints(ctx: CanvasRenderingContext2D, d: { x: Float64Array; labels: Int32Array }, a: Area, dpr: number, colors: string[], edge: string): void {
  const sx = (a.width * dpr) / (a.xRange[1] - a.xRange[0]);
  const sy = (a.height * dpr) / (a.yRange[1] - a.yRange[0]);
  const r = 3 * dpr;
  ctx.lineWidth = 0.6 * dpr;
  ctx.strokeStyle = edge;
  ctx.strokeRect(0, 0, a.width * dpr, a.height * dpr);
  for (let i = 0; i < d.labels.length; i++) {
    const px = (d.x[2 * i] - a.xRange[0]) * sx;
    const py = (a.yRange[1] - d.x[2 * i + 1]) * sy;
    ctx.fillStyle = colors[d.labels[i] % colors.length];
    ctx.beginPath();
    ctx.arc(px, py, r, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
}

/** Sizes `canvas` to the area (CSS position and size, device pixels) and returns its context. */
export function fitCanvas(canvas: HTMLCanvasElement, a: Area, dpr: number): CanvasRenderingContext2D | null {
  const w = Math.max(1, Math.round(a.width * dpr));
  const h = Math.max(1, Math.round(a.height * dpr));
  Object.assign(canvas.style, { left: `${a.left}px`, top: `${a.top}px`, width: `${a.width}px`, height: `${a.height}px` });
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  return canvas.getContext('2d');
}
