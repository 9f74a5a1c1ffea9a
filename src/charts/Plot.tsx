import { useEffect, useRef, useState } from 'react';
import { useTheme } from '../state/theme';
import { loadPlotly, type PlotlyLike } from './plotly';
import { ChartStatus } from './ChartStatus';


interface PlotProps {
  /** Builds the traces and layout; called whenever `deps` or the theme change. */
  figure: () => { data: unknown[]; layout: Record<string, unknown> };
  deps: unknown[];
  height?: number;
  ariaLabel: string;
  testId?: string;
}

/**
 * A small declarative chart for widgets: the plot is created once and then updated with
 * Plotly.react (recreating plots leaks listeners); it is purged only on unmount. For charts fed
 * at animation-frame rate (the training lab) use Plotly directly with requestAnimationFrame.
 */
export function Plot({ figure, deps, height = 280, ariaLabel, testId }: PlotProps) {
  const el = useRef<HTMLDivElement>(null);
  const [plotly, setPlotly] = useState<PlotlyLike | null>(null);
  const [failed, setFailed] = useState(false);
  const theme = useTheme((st) => st.theme);
  // The draw in flight: purging while Plotly is still drawing throws inside Plotly, so the
  // unmount waits for it to settle.
  const drawing = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
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
    if (!plotly || !el.current) return;
    const { data, layout } = figure();
    const node = el.current;
    drawing.current = drawing.current
      .then(() => plotly.react(node, data, baseLayout(layout, height), { displayModeBar: false, responsive: true }))
      .catch((e: unknown) => console.warn('[dlfs2] chart update failed:', e));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plotly, theme, height, ...deps]);

  useEffect(() => {
    const node = el.current;
    return () => {
      if (plotly && node) void drawing.current.then(() => plotly.purge(node));
    };
  }, [plotly]);

  return (
    <div className="plot" role="img" aria-label={ariaLabel} data-testid={testId} style={{ minHeight: height }}>
      <ChartStatus failed={failed} loaded={!!plotly} onRetry={() => setFailed(false)} />
      <div ref={el} />
    </div>
  );
}

function baseLayout(layout: Record<string, unknown>, height: number): Record<string, unknown> {
  const css = getComputedStyle(document.documentElement);
  const fg = css.getPropertyValue('--fg').trim();
  const grid = css.getPropertyValue('--border').trim();
  const axis = { gridcolor: grid, zerolinecolor: grid, color: fg };
  return {
    height,
    margin: { l: 50, r: 16, t: 16, b: 40 },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { color: fg, family: 'system-ui, sans-serif', size: 12 },
    ...layout,
    xaxis: { ...axis, ...(layout.xaxis as object) },
    yaxis: { ...axis, ...(layout.yaxis as object) },
  };
}
