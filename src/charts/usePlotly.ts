import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { loadPlotly, type PlotlyLike } from './plotly';

export interface PlotlyChart {
  /** The element Plotly draws into. */
  el: RefObject<HTMLDivElement | null>;
  /** Plotly once it has loaded; null before, and after a failed download. */
  plotly: PlotlyLike | null;
  /** For charts that create their plot once (newPlot) and then update it: true once created; false again after the purge. */
  created: RefObject<boolean>;
  /** Props for `<ChartStatus>`: loading, failed with a retry, or nothing once loaded. */
  status: { failed: boolean; loaded: boolean; onRetry: () => void };
  /**
   * Runs a draw after the previous one has settled (a failed draw is logged, not thrown). The
   * unmount purges the plot only after the last queued draw: purging while Plotly is still
   * drawing throws inside Plotly.
   */
  queue: (draw: (plotly: PlotlyLike, node: HTMLDivElement) => unknown) => void;
}

/**
 * One chart's Plotly: loads it (one shared download per page), reports a failed download and
 * downloads again on request, and purges the plot on unmount (plots left behind or recreated
 * leak listeners).
 */
export function usePlotly(): PlotlyChart {
  const el = useRef<HTMLDivElement>(null);
  const [plotly, setPlotly] = useState<PlotlyLike | null>(null);
  const [failed, setFailed] = useState(false);
  const created = useRef(false);
  const drawing = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    if (failed) return;
    let alive = true;
    loadPlotly().then(
      (p) => alive && setPlotly(p),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [failed]);

  useEffect(() => {
    const node = el.current;
    if (!plotly || !node) return;
    const inFlight = drawing;
    const made = created;
    return () => {
      made.current = false;
      void inFlight.current.then(() => plotly.purge(node));
    };
  }, [plotly]);

  const queue = useCallback<PlotlyChart['queue']>(
    (draw) => {
      drawing.current = drawing.current
        .then(() => {
          const node = el.current;
          return plotly && node ? draw(plotly, node) : undefined;
        })
        .catch((e: unknown) => console.warn('[dlfs2] chart update failed:', e));
    },
    [plotly],
  );

  const onRetry = useCallback(() => setFailed(false), []);
  return { el, plotly, created, status: { failed, loaded: !!plotly, onRetry }, queue };
}
