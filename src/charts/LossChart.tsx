import { forwardRef, useEffect, useEffectEvent, useImperativeHandle, useRef } from 'react';
import { chartColors, themedLayout } from './plotly';
import { usePlotly } from './usePlotly';
import { useTheme } from '../state/theme';
import { defineStrings, useStrings } from '../app/i18n';
import { ChartStatus } from './ChartStatus';
import type { Series } from '../lab/lossSeries';
import './charts.css';

const S = defineStrings({
  ja: { loading: '損失のグラフを準備中…', x: 'イテレーション', y: '損失' },
  en: { loading: 'Preparing the loss chart…', x: 'iteration', y: 'loss' },
});

/**
 * One line of the chart: the current run (solid, accent), the previous run (faint) or the
 * `index`-th pinned run (its own colour and dash, see {@link pinnedStyle}).
 */
export interface Curve extends Series {
  name: string;
  role: 'current' | 'previous' | 'pinned';
  index?: number;
}

/** The colour (a CSS variable of the palette) and dash of the i-th pinned run's line. */
export function pinnedStyle(i: number): { colorVar: string; dash: 'dash' | 'dot' | 'dashdot' } {
  const styles = [
    { colorVar: '--class-5', dash: 'dash' },
    { colorVar: '--class-4', dash: 'dot' },
    { colorVar: '--class-3', dash: 'dashdot' },
  ] as const;
  return styles[i % styles.length];
}

export interface LossHandle {
  /** Redraws the lines, drawn in the order given (the arrays are read, not kept). */
  draw(curves: readonly Curve[]): void;
}

interface Props {
  height: number;
  ariaLabel: string;
  testId?: string;
  onReady?: () => void;
  /** Show Plotly's legend (off when a list beside the chart names the lines). */
  legend?: boolean;
}

/**
 * The loss curves: the current run as a solid line, the runs kept for comparison as faint or
 * dashed ones. Created once; every draw is one Plotly.react with at most MAX_LOSS_POINTS points
 * per line (the series are bounded upstream).
 */
export const LossChart = forwardRef<LossHandle, Props>(function LossChart({ height, ariaLabel, testId, onReady, legend = true }, ref) {
  const s = useStrings(S);
  const { el, plotly, created, status } = usePlotly();
  const theme = useTheme((t) => t.theme);
  const lastData = useRef<readonly Curve[]>([]);

  function render(): void {
    const node = el.current;
    if (!plotly || !node) return;
    const fig = lossFigure(lastData.current, s, height, legend);
    if (!created.current) {
      created.current = true;
      void plotly.newPlot(node, fig.data, fig.layout, { displayModeBar: false, responsive: true }).then(() => onReady?.());
    } else void plotly.react(node, fig.data, fig.layout);
  }

  // Create the plot once Plotly is here, and redraw for a new theme, size or language (the
  // data arrive through the handle).
  const redraw = useEffectEvent(render);
  useEffect(() => redraw(), [plotly, theme, height, s]);

  useImperativeHandle(ref, () => ({
    draw(curves) {
      lastData.current = curves;
      if (created.current) render();
    },
  }));

  return (
    <div className="plot loss-chart" role="img" aria-label={ariaLabel} data-testid={testId} style={{ minHeight: height }}>
      <ChartStatus {...status} loadingText={s.loading} />
      <div ref={el} />
    </div>
  );
});

function lossFigure(curves: readonly Curve[], s: (typeof S)['ja'], height: number, legend: boolean) {
  const col = chartColors();
  const css = getComputedStyle(document.documentElement);
  const accent = css.getPropertyValue('--accent').trim();
  const data: unknown[] = curves.map((c) => {
    const line =
      c.role === 'current'
        ? { color: accent, width: 2 }
        : c.role === 'previous'
          ? { color: col.soft, width: 1.5 }
          : { color: css.getPropertyValue(pinnedStyle(c.index ?? 0).colorVar).trim(), width: 1.8, dash: pinnedStyle(c.index ?? 0).dash };
    return { type: 'scatter', mode: 'lines', x: c.x, y: c.y, name: c.name, line, opacity: c.role === 'previous' ? 0.45 : 1, hoverinfo: c.role === 'current' ? undefined : 'skip' };
  });
  return {
    data,
    layout: themedLayout(height, { l: 48, r: 8, t: 8, b: 40 }, {
      showlegend: legend,
      legend: { orientation: 'h', x: 1, xanchor: 'right', y: 1 },
      xaxis: { title: { text: s.x }, rangemode: 'tozero' },
      yaxis: { title: { text: s.y }, rangemode: 'tozero' },
      uirevision: 'loss',
    }),
  };
}
