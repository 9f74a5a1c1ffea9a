/**
 * Plotly, loaded lazily: only pages that chart something download it, and not while something
 * on the page holds it back (holdPlotly). The basic bundle (scatter, bar and pie traces; 1.15 MB,
 * about 380 KB gzipped) is enough: every chart here is scatter traces; the lab's boundary is a
 * canvas of our own under its plot (BoundaryChart.tsx), §1.5's boundaries are layout images
 * (boundaryImage.ts), never heatmaps. The promise is shared, so every chart on a page waits for
 * the same single download. A failed download is not cached: the next call tries again.
 */
export interface PlotlyLike {
  newPlot(el: HTMLElement, data: unknown[], layout?: unknown, config?: unknown): Promise<unknown>;
  react(el: HTMLElement, data: unknown[], layout?: unknown, config?: unknown): Promise<unknown>;
  extendTraces(el: HTMLElement, update: unknown, indices: number[], maxPoints?: number): Promise<unknown>;
  restyle(el: HTMLElement, update: unknown, indices?: number[]): Promise<unknown>;
  relayout(el: HTMLElement, update: unknown): Promise<unknown>;
  purge(el: HTMLElement): void;
  Plots: { resize(el: HTMLElement): void };
}

let loading: Promise<PlotlyLike> | undefined;

/**
 * Holds on the download: while any is out, `loadPlotly` waits. Evaluating Plotly's 1.4 MB takes
 * one main-thread task of 150–250 ms on a quiet 2-core machine (740 ms at load average 16, seen
 * in a trace of the lab's first visit), and a click or a frame that falls into it waits that
 * long; the training lab holds the download while the reader's first run trains (useChartHold).
 */
const holds = new Set<symbol>();
const released = new Set<() => void>();

/** Holds the download until the returned function is called (calling it twice is harmless). */
export function holdPlotly(): () => void {
  const id = Symbol('plotly hold');
  holds.add(id);
  return () => {
    if (!holds.delete(id) || holds.size > 0) return;
    for (const go of [...released]) go();
    released.clear();
  };
}

/** Resolves when no hold is out, after the tasks already queued (a hold taken by a sibling's effect counts). */
function unheld(): Promise<void> {
  return new Promise<void>((resolve) => {
    setTimeout(() => {
      if (holds.size === 0) resolve();
      else released.add(resolve);
    }, 0);
  });
}

export function loadPlotly(): Promise<PlotlyLike> {
  if (!loading) {
    loading = unheld()
      .then(() => import('plotly.js-basic-dist-min'))
      .then((m) => ((m as { default?: PlotlyLike }).default ?? (m as unknown as PlotlyLike)))
      .catch((e: unknown) => {
        loading = undefined;
        throw e;
      });
  }
  return loading;
}

/** Theme-aware colours for chart layouts, read from the CSS variables in app.css. */
export function chartColors(): { fg: string; soft: string; grid: string; bg: string; classes: string[] } {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    fg: v('--fg'),
    soft: v('--fg-soft'),
    grid: v('--border'),
    bg: v('--bg-soft'),
    classes: [0, 1, 2, 3, 4, 5].map((i) => v(`--class-${i}`)),
  };
}

/** Plot margins in pixels. */
export interface Margin {
  l: number;
  r: number;
  t: number;
  b: number;
}

/**
 * What every chart's layout shares: its height and margins, a transparent background, the
 * theme's text colour and font, and axes in the theme's colours. `layout` adds to it; its `xaxis`
 * and `yaxis` are merged into the themed ones. The margin stays right after the height: with it
 * further down the object, each lab restart left about three more event listeners behind
 * (Plotly.react redrew the legend; the short soak test counted 338 → 394 over 20 restarts).
 */
export function themedLayout(height: number, margin: Margin, layout: Record<string, unknown>): Record<string, unknown> {
  const col = chartColors();
  const axis = { gridcolor: col.grid, zerolinecolor: col.grid, color: col.fg };
  return {
    height,
    margin,
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { color: col.fg, family: 'system-ui, sans-serif', size: 12 },
    ...layout,
    xaxis: { ...axis, ...(layout.xaxis as object) },
    yaxis: { ...axis, ...(layout.yaxis as object) },
  };
}
