import { useCallback } from 'react';
import { Plot, type Figure } from './Plot';
import { chartColors } from './plotly';
import { drawPoints, fitCanvas, previewArea } from './preview';

/** Both axes' range (the spiral's points lie within ±1). */
const RANGE: [number, number] = [-1.15, 1.15];

interface Props {
  /** Inputs, (N, 2) row-major, and each row's class. */
  x: Float64Array;
  labels: Int32Array;
  classes: number;
  ariaLabel: string;
  classLabel: (k: number) => string;
  height?: number;
  testId?: string;
}

/** The spiral data as a scatter plot, one trace (colour and symbol) per class (§1.4.1). */
export function DatasetChart({ x, labels, classes, ariaLabel, classLabel, height = 320, testId }: Props) {
  const figure = useCallback((): Figure => {
    const col = chartColors();
    const data: unknown[] = [];
    for (let k = 0; k < classes; k++) {
      const xs: number[] = [];
      const ys: number[] = [];
      for (let i = 0; i < labels.length; i++) {
        if (labels[i] !== k) continue;
        xs.push(x[2 * i]);
        ys.push(x[2 * i + 1]);
      }
      data.push({
        type: 'scatter',
        mode: 'markers',
        x: xs,
        y: ys,
        name: classLabel(k),
        marker: { color: col.classes[k], size: 6, symbol: ['circle', 'x', 'triangle-up', 'square', 'diamond', 'cross'][k] },
      });
    }
    return {
      data,
      layout: {
        showlegend: true,
        legend: { orientation: 'h', y: -0.15 },
        margin: { l: 36, r: 8, t: 8, b: 30 },
        xaxis: { range: RANGE, fixedrange: true, zeroline: false },
        yaxis: { range: RANGE, fixedrange: true, zeroline: false, scaleanchor: 'x', constrain: 'domain' },
      },
    };
  }, [x, labels, classes, classLabel]);
  const preview = useCallback(
    (canvas: HTMLCanvasElement, width: number) => {
      const a = previewArea(width, height, RANGE, RANGE);
      const dpr = Math.min(2, window.devicePixelRatio || 1);
      const ctx = fitCanvas(canvas, a, dpr);
      if (!ctx) return;
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      const col = chartColors();
      drawPoints(ctx, { x, labels }, a, dpr, col.classes, col.fg);
    },
    [x, labels, height],
  );
  return <Plot ariaLabel={ariaLabel} testId={testId} height={height} figure={figure} preview={preview} />;
}
