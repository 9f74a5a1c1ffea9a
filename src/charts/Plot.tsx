import { useEffect, useRef } from 'react';
import { useTheme } from '../state/theme';
import { ChartStatus } from './ChartStatus';
import { themedLayout, type Margin } from './plotly';
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
  /**
   * Draws a stand-in on a canvas (given the chart's width) until Plotly has arrived, in place of
   * the "loading" line; see preview.ts. Memoize it like `figure`.
   */
  preview?: (canvas: HTMLCanvasElement, width: number) => void;
}

/**
 * A small declarative chart for widgets: the plot is created once and then updated with
 * Plotly.react (recreating plots leaks listeners); it is purged only on unmount. For charts fed
 * at animation-frame rate (the training lab) use Plotly directly with requestAnimationFrame.
 */
export function Plot({ figure, height = 280, ariaLabel, testId, preview }: PlotProps) {
  const { el, plotly, status, queue } = usePlotly();
  const theme = useTheme((st) => st.theme);
  const box = useRef<HTMLDivElement>(null);
  const stand = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (plotly || !preview || !stand.current || !box.current) return;
    preview(stand.current, box.current.clientWidth);
  }, [plotly, preview, theme, height]);

  useEffect(() => {
    if (!plotly) return;
    const { data, layout } = figure();
    queue((p, node) => p.react(node, data, themedLayout(height, (layout.margin as Margin | undefined) ?? { l: 50, r: 16, t: 16, b: 40 }, layout), { displayModeBar: false, responsive: true }));
  }, [plotly, queue, figure, theme, height]);

  return (
    <div className="plot" ref={box} role="img" aria-label={ariaLabel} data-testid={testId} style={{ minHeight: height, position: preview ? 'relative' : undefined }}>
      <ChartStatus {...status} loaded={status.loaded || (!!preview && !status.failed)} />
      {preview && !plotly && <canvas ref={stand} className="plot-preview" aria-hidden="true" />}
      <div ref={el} />
    </div>
  );
}
