import { forwardRef, useEffect, useEffectEvent, useImperativeHandle, useRef, useState } from 'react';
import { chartColors, themedLayout } from './plotly';
import { usePlotly } from './usePlotly';
import { hexToRgb, paintView, type PaintMode } from './boundaryImage';
import type { GridPayload } from '../lab/protocol';
import { useTheme } from '../state/theme';
import { defineStrings, useStrings } from '../app/i18n';
import { ChartStatus } from './ChartStatus';
import { gridMarkers } from './gridMarkers';
import { drawPoints, fitCanvas, previewArea, type Area } from './preview';
import './charts.css';

const S = defineStrings({
  ja: { x: 'x₁', y: 'x₂', cls: (k: number) => `クラス ${k}`, grid: 'グリッドの点' },
  en: { x: 'x₁', y: 'x₂', cls: (k: number) => `class ${k}`, grid: 'grid points' },
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
   * Draws a grid as the boundary (and, with `markers`, its points as dots when there are few
   * enough and the chart library is loaded). The boundary itself is on screen when this returns;
   * the promise settles once the dots are drawn too.
   */
  draw(grid: GridPayload, opts?: { mode?: PaintMode; markers?: boolean }): Promise<void>;
  /** True once the chart can draw (its canvas exists; the chart library may still be loading). */
  ready(): boolean;
}

interface Props {
  data: BoundaryData;
  height: number;
  ariaLabel: string;
  testId?: string;
  /** Called once the chart can draw boundaries (at mount: the canvas does not wait for Plotly). */
  onReady?: () => void;
}

/** Plotly's axes after a draw (internal but stable fields: `_offset`/`_length` in pixels). */
type LaidOut = { _fullLayout?: { xaxis?: PlotAxis; yaxis?: PlotAxis } };
type PlotAxis = { _offset: number; _length: number; range: [number, number] };

/**
 * The decision boundary with the data on top. The boundary is painted on our own canvas under
 * the plot (Plotly's background is transparent): a redraw is one putImageData of the plot area's
 * pixels, at any grid size up to the book's 2047 × 2112. Plotly draws the axes, the data points,
 * the legend and the grid's dots; it is created once and only updated. Until Plotly has arrived
 * (it loads after the lab's first run, see plotly.ts) the canvas also draws the data points, so
 * the lab is usable from its first paint.
 */
export const BoundaryChart = forwardRef<BoundaryHandle, Props>(function BoundaryChart({ data, height, ariaLabel, testId, onReady }, ref) {
  const s = useStrings(S);
  const { el, plotly, created, status } = usePlotly();
  const theme = useTheme((t) => t.theme);
  const layer = useRef<HTMLCanvasElement>(null);
  // Plotly's plot area once it has drawn; before that, an estimate (previewArea)
  const area = useRef<Area | null>(null);
  const last = useRef<{ grid: GridPayload; mode: PaintMode; markers: boolean } | null>(null);
  const markersShown = useRef(false);
  // Plotly has drawn the plot (for tests: data-plot-ready)
  const [plotted, setPlotted] = useState(false);

  /** Paints the last grid (and, before Plotly, the data points) on the canvas layer. */
  const paint = useEffectEvent(() => {
    const c = layer.current;
    const box = el.current?.parentElement;
    if (!c || !box) return;
    const withPlot = area.current !== null;
    const a = area.current ?? previewArea(box.clientWidth, height, data.xRange, data.yRange);
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const ctx = fitCanvas(c, a, dpr);
    if (!ctx) return;
    const { width: w, height: h } = c;
    const colors = chartColors().classes;
    const l = last.current;
    if (l) {
      const img = ctx.createImageData(w, h);
      paintView(l.grid, colors.map(hexToRgb), l.mode, img.data, { width: w, height: h, xRange: a.xRange, yRange: a.yRange }, l.markers ? 0.25 : 0.45);
      ctx.putImageData(img, 0, 0);
    } else ctx.clearRect(0, 0, w, h);
    if (!withPlot) drawPoints(ctx, data, a, dpr, colors, chartColors().fg);
  });

  // Create once, then update the points, colours and legend with react (theme, data or language
  // changed: the chart outlives a language switch). After every Plotly draw (a resize too) the
  // canvas follows the plot area.
  const onPlotted = useEffectEvent(() => {
    const node = el.current as (HTMLDivElement & LaidOut) | null;
    const xa = node?._fullLayout?.xaxis;
    const ya = node?._fullLayout?.yaxis;
    if (!xa || !ya) return;
    const next: Area = { left: xa._offset, top: ya._offset, width: xa._length, height: ya._length, xRange: [xa.range[0], xa.range[1]], yRange: [ya.range[0], ya.range[1]] };
    const prev = area.current;
    area.current = next;
    if (!prev || JSON.stringify(prev) !== JSON.stringify(next)) paint();
  });
  const redraw = useEffectEvent(() => {
    const node = el.current;
    if (!plotly || !node) {
      paint();
      return;
    }
    const fig = figure(data, s, height);
    if (!created.current) {
      created.current = true;
      void plotly.newPlot(node, fig.data, fig.layout, { displayModeBar: false, responsive: true }).then(() => {
        (node as unknown as { on?: (ev: string, fn: () => void) => void }).on?.('plotly_afterplot', () => onPlotted());
        onPlotted();
        paint(); // without the preview's points now
        setPlotted(true);
        const l = last.current;
        if (l?.markers) void drawMarkers(l.grid, true);
      });
    } else {
      markersShown.current = false; // react puts the (empty) dots trace back
      void plotly.react(node, fig.data, fig.layout).then(() => {
        onPlotted();
        paint();
        const l = last.current;
        if (l?.markers) void drawMarkers(l.grid, true);
      });
    }
  });
  useEffect(() => redraw(), [plotly, data, theme, height, s]);

  const announceReady = useEffectEvent(() => onReady?.());
  useEffect(() => announceReady(), []);

  /** Shows (or takes away) the grid's points as a Plotly trace; a no-op before Plotly. */
  async function drawMarkers(grid: GridPayload, markers: boolean): Promise<void> {
    const node = el.current;
    if (!plotly || !node || !created.current) return;
    const pts = markers ? gridMarkers(grid, chartColors().classes) : null;
    // Restyling the dots trace recalculates every trace: do it only when there are dots to show
    // or dots to take away (the live redraws skip it).
    if (!pts && !markersShown.current) return;
    markersShown.current = !!pts;
    const gridTrace = data.classes; // index of the grid-points trace
    await plotly.restyle(node, { x: [pts ? pts.x : []], y: [pts ? pts.y : []], 'marker.color': [pts ? pts.color : []] }, [gridTrace]);
  }

  useImperativeHandle(ref, () => ({
    draw: async (grid, opts) => {
      const markers = opts?.markers ?? false;
      last.current = { grid, mode: opts?.mode ?? 'class', markers };
      paint();
      await drawMarkers(grid, markers);
    },
    ready: () => !!layer.current,
  }));

  return (
    <div className="plot boundary-chart" role="img" aria-label={ariaLabel} data-testid={testId} data-plot-ready={plotted ? 'true' : 'false'} style={{ minHeight: height }}>
      <ChartStatus {...status} loaded={status.loaded || !status.failed} />
      <div className="boundary-stack" style={{ height }}>
        <canvas ref={layer} className="boundary-layer" data-testid={testId ? `${testId}-layer` : undefined} aria-hidden="true" />
        <div ref={el} />
      </div>
    </div>
  );
});

/** Margins of the plot (Plotly's layout below; its automatic margins add the axis title and the legend). */
const MARGIN = { l: 36, r: 8, t: 8, b: 30 };

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
    layout: themedLayout(height, MARGIN, {
      showlegend: true,
      // Just below the axis. Elsewhere (above the plot, or further down) Plotly's auto-margin
      // redraws rebuilt the legend and added event listeners on every restart (the soak test
      // caught +4 over 20 restarts); so the horizontal axis has no title that the legend would
      // cover on phones (it is x₁, as in the dataset chart; the vertical one keeps its x₂).
      legend: { orientation: 'h', y: -0.12, x: 0 },
      xaxis: { ...axis, range: d.xRange, fixedrange: true, constrain: 'domain' },
      yaxis: { ...axis, range: d.yRange, title: { text: s.y }, fixedrange: true, scaleanchor: 'x', constrain: 'domain' },
    }),
  };
}
