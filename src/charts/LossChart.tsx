import { forwardRef, useEffect, useEffectEvent, useImperativeHandle, useRef } from 'react';
import { chartColors, themedLayout } from './plotly';
import { usePlotly } from './usePlotly';
import { useTheme } from '../state/theme';
import { defineStrings, useStrings } from '../app/i18n';
import { ChartStatus } from './ChartStatus';
import './charts.css';

const S = defineStrings({
  ja: { loading: '損失のグラフを準備中…', x: 'イテレーション', y: '損失', now: 'この実行', prev: '前の実行' },
  en: { loading: 'Preparing the loss chart…', x: 'iteration', y: 'loss', now: 'this run', prev: 'previous run' },
});

export interface Series {
  x: number[];
  y: number[];
}

export interface LossHandle {
  /** Redraws both lines (the arrays are read, not kept). */
  draw(current: Series, previous: Series | null): void;
}

interface Props {
  height: number;
  ariaLabel: string;
  testId?: string;
  onReady?: () => void;
  /** Legend names, when the lines are not "this run" and "previous run". */
  names?: { current: string; previous: string };
}

/**
 * The loss curve: the current run as a solid line and the previous run as a faint one for
 * comparison. Created once; every draw is one Plotly.react with at most MAX_LOSS_POINTS points
 * per line (the series is bounded upstream).
 */
export const LossChart = forwardRef<LossHandle, Props>(function LossChart({ height, ariaLabel, testId, onReady, names }, ref) {
  const s = useStrings(S);
  const { el, plotly, created, status } = usePlotly();
  const theme = useTheme((t) => t.theme);
  const lastData = useRef<{ current: Series; previous: Series | null }>({ current: { x: [], y: [] }, previous: null });

  function render(): void {
    const node = el.current;
    if (!plotly || !node) return;
    const { current, previous } = lastData.current;
    const fig = lossFigure(current, previous, s, height, names);
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
    draw(current, previous) {
      lastData.current = { current, previous };
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

function lossFigure(current: Series, previous: Series | null, s: (typeof S)['ja'], height: number, names?: { current: string; previous: string }) {
  const col = chartColors();
  const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
  const data: unknown[] = [
    { type: 'scatter', mode: 'lines', x: previous?.x ?? [], y: previous?.y ?? [], name: names?.previous ?? s.prev, line: { color: col.soft, width: 1.5 }, opacity: 0.45, hoverinfo: 'skip' },
    { type: 'scatter', mode: 'lines', x: current.x, y: current.y, name: names?.current ?? s.now, line: { color: accent, width: 2 } },
  ];
  return {
    data,
    layout: themedLayout(height, { l: 48, r: 8, t: 8, b: 40 }, {
      showlegend: true,
      legend: { orientation: 'h', x: 1, xanchor: 'right', y: 1 },
      xaxis: { title: { text: s.x }, rangemode: 'tozero' },
      yaxis: { title: { text: s.y }, rangemode: 'tozero' },
      uirevision: 'loss',
    }),
  };
}
