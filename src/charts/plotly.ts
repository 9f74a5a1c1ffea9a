/**
 * Plotly, loaded lazily: only pages that chart something download it (about 1.5 MB before gzip).
 * The promise is shared, so every chart on a page waits for the same single download. A failed
 * download is not cached: the next call tries again.
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

export function loadPlotly(): Promise<PlotlyLike> {
  if (!loading) {
    loading = import('plotly.js-cartesian-dist-min')
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
