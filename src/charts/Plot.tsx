import { useEffect } from 'react';
import { useTheme } from '../state/theme';
import { ChartStatus } from './ChartStatus';
import { usePlotly } from './usePlotly';

export type Figure = { data: unknown[]; layout: Record<string, unknown> };

interface PlotProps {
  /**
   * Builds the traces and layout; called again when it changes (memoize it with useCallback on
   * what it reads) or the theme changes.
   */
  figure: () => Figure;
  height?: number;
  ariaLabel: string;
  testId?: string;
}

/**
 * A small declarative chart for widgets: the plot is created once and then updated with
 * Plotly.react (recreating plots leaks listeners); it is purged only on unmount. For charts fed
 * at animation-frame rate (the training lab) use Plotly directly with requestAnimationFrame.
 */
export function Plot({ figure, height = 280, ariaLabel, testId }: PlotProps) {
  const { el, plotly, status, queue } = usePlotly();
  const theme = useTheme((st) => st.theme);

  useEffect(() => {
    if (!plotly) return;
    const { data, layout } = figure();
    queue((p, node) => p.react(node, data, baseLayout(layout, height), { displayModeBar: false, responsive: true }));
  }, [plotly, queue, figure, theme, height]);

  return (
    <div className="plot" role="img" aria-label={ariaLabel} data-testid={testId} style={{ minHeight: height }}>
      <ChartStatus {...status} />
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
