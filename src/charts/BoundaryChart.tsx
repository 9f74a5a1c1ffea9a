import { forwardRef, useEffect, useEffectEvent, useImperativeHandle, useRef } from 'react';
import { chartColors, themedLayout } from './plotly';
import { usePlotly } from './usePlotly';
import { hexToRgb, layoutImage, paintCanvas, type PaintMode, type Rgb } from './boundaryImage';
import type { GridPayload } from '../lab/protocol';
import { useTheme } from '../state/theme';
import { defineStrings, useStrings } from '../app/i18n';
import { ChartStatus } from './ChartStatus';
import { gridMarkers } from './gridMarkers';
import './charts.css';

const S = defineStrings({
  ja: { loading: '決定境界のグラフを準備中…', x: 'x₁', y: 'x₂', cls: (k: number) => `クラス ${k}`, grid: 'グリッドの点' },
  en: { loading: 'Preparing the boundary chart…', x: 'x₁', y: 'x₂', cls: (k: number) => `class ${k}`, grid: 'grid points' },
});

export interface BoundaryData {
  /** Inputs, (N, 2) row-major. */
  x: Float64Array;
  labels: Int32Array;
  classes: number;
  /** Axis ranges (the meshgrid's bounds). */
  xRange: [number, number];
  yRange: [number, number];
}

export interface BoundaryHandle {
  /**
   * Draws a grid as the boundary image (and, with `markers`, its points as dots when there are
   * few enough). Resolves once Plotly has drawn it.
   */
  draw(grid: GridPayload, opts?: { mode?: PaintMode; markers?: boolean }): Promise<void>;
  /** True once Plotly is loaded and the plot exists. */
  ready(): boolean;
}

interface Props {
  data: BoundaryData;
  height: number;
  ariaLabel: string;
  testId?: string;
  onReady?: () => void;
}

/**
 * The decision boundary with the data on top. The boundary is our own canvas painted from the
 * class grid and placed as a layout image under the points (cheap to swap; any size, up to the
 * book's 2047 × 2112 grid); the plot is created once and only updated (relayout/react).
 */
export const BoundaryChart = forwardRef<BoundaryHandle, Props>(function BoundaryChart({ data, height, ariaLabel, testId, onReady }, ref) {
  const s = useStrings(S);
  const { el, plotly, created, status } = usePlotly();
  const theme = useTheme((t) => t.theme);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  // the blob URL of the last big boundary image, revoked when replaced and on unmount
  const blob = useRef<{ url: string | null }>({ url: null });
  const last = useRef<{ grid: GridPayload; mode: PaintMode; markers: boolean } | null>(null);
  const markersShown = useRef(false);

  // Create once, then update the points, colours and legend with react (theme, data or language
  // changed: the chart outlives a language switch).
  const redraw = useEffectEvent(() => {
    const node = el.current;
    if (!plotly || !node) return;
    const fig = figure(data, s, height);
    if (!created.current) {
      created.current = true;
      void plotly.newPlot(node, fig.data, fig.layout, { displayModeBar: false, responsive: true }).then(() => onReady?.());
    } else {
      markersShown.current = false; // react puts the (empty) dots trace back
      void plotly.react(node, fig.data, { ...fig.layout, images: (node as unknown as { layout?: { images?: unknown } }).layout?.images ?? fig.layout.images });
      const l = last.current;
      if (l) void drawNow(l.grid, l.mode, l.markers);
    }
  });
  useEffect(() => redraw(), [plotly, data, theme, height, s]);

  useEffect(() => {
    const img = blob.current;
    return () => {
      if (img.url) URL.revokeObjectURL(img.url);
      img.url = null;
    };
  }, []);

  async function drawNow(grid: GridPayload, mode: PaintMode, markers: boolean): Promise<void> {
    const node = el.current;
    if (!plotly || !node || !created.current) return;
    last.current = { grid, mode, markers };
    const palette: Rgb[] = chartColors().classes.map(hexToRgb);
    const c = (canvas.current ??= document.createElement('canvas'));
    paintCanvas(c, grid, palette, mode, markers ? 0.25 : 0.45);
    const image = layoutImage(grid, await canvasUrl(c, blob.current));
    const pts = markers ? gridMarkers(grid, chartColors().classes) : null;
    // Restyling the dots trace recalculates every trace: do it only when there are dots to show
    // or dots to take away (the live redraws skip it).
    if (pts || markersShown.current) {
      markersShown.current = !!pts;
      const gridTrace = data.classes; // index of the grid-points trace
      await plotly.restyle(node, { x: [pts ? pts.x : []], y: [pts ? pts.y : []], 'marker.color': [pts ? pts.color : []] }, [gridTrace]);
    }
    // Attribute paths ('images[0].source') redraw only the image layer; replacing the whole
    // images array would replot everything.
    const update: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(image)) update[`images[0].${k}`] = v;
    await plotly.relayout(node, update);
  }

  useImperativeHandle(ref, () => ({
    draw: (grid, opts) => drawNow(grid, opts?.mode ?? 'class', opts?.markers ?? false),
    ready: () => !!plotly && created.current,
  }));

  return (
    <div className="plot boundary-chart" role="img" aria-label={ariaLabel} data-testid={testId} style={{ minHeight: height }}>
      <ChartStatus {...status} loadingText={s.loading} />
      <div ref={el} />
    </div>
  );
});

/** A data URL for small canvases (synchronous, cheap); a blob URL for big ones (encoded off-thread). */
function canvasUrl(c: HTMLCanvasElement, slot: { url: string | null }): Promise<string> {
  if (c.width * c.height <= 400 * 400) return Promise.resolve(c.toDataURL());
  return new Promise((resolve, reject) => {
    c.toBlob((png) => {
      if (!png) {
        reject(new Error('could not encode the boundary image'));
        return;
      }
      if (slot.url) URL.revokeObjectURL(slot.url);
      slot.url = URL.createObjectURL(png);
      resolve(slot.url);
    });
  });
}

/** A transparent 1 × 1 PNG: the image slot's content until the first grid arrives. */
const BLANK_PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function figure(d: BoundaryData, s: (typeof S)['ja'], height: number): { data: unknown[]; layout: Record<string, unknown> } {
  const col = chartColors();
  const traces: unknown[] = [];
  for (let k = 0; k < d.classes; k++) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < d.labels.length; i++) {
      if (d.labels[i] !== k) continue;
      xs.push(d.x[2 * i]);
      ys.push(d.x[2 * i + 1]);
    }
    traces.push({
      type: 'scatter',
      mode: 'markers',
      x: xs,
      y: ys,
      name: s.cls(k),
      hoverinfo: 'skip',
      marker: { color: col.classes[k], size: 6, symbol: ['circle', 'x', 'triangle-up', 'square', 'diamond', 'cross'][k], line: { color: col.fg, width: k === 1 || k === 5 ? 0 : 0.6 } },
    });
  }
  traces.push({ type: 'scatter', mode: 'markers', x: [], y: [], name: s.grid, hoverinfo: 'skip', showlegend: false, marker: { size: 3, color: [] } });
  const axis = { showgrid: false, zeroline: false };
  return {
    data: traces,
    layout: themedLayout(height, { l: 36, r: 8, t: 8, b: 30 }, {
      showlegend: true,
      // Just below the axis. Elsewhere (above the plot, or further down) Plotly's auto-margin
      // redraws rebuilt the legend and added event listeners on every restart (the soak test
      // caught +4 over 20 restarts); so the horizontal axis has no title that the legend would
      // cover on phones (it is x₁, as in the dataset chart; the vertical one keeps its x₂).
      legend: { orientation: 'h', y: -0.12, x: 0 },
      xaxis: { ...axis, range: d.xRange, fixedrange: true, constrain: 'domain' },
      yaxis: { ...axis, range: d.yRange, title: { text: s.y }, fixedrange: true, scaleanchor: 'x', constrain: 'domain' },
      // one image slot from the start, so each redraw only swaps its attributes
      images: [{ source: BLANK_PIXEL, xref: 'x', yref: 'y', x: d.xRange[0], y: d.yRange[1], sizex: 0, sizey: 0, sizing: 'stretch', layer: 'below', xanchor: 'left', yanchor: 'top' }],
    }),
  };
}
