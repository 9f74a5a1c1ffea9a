import { useMemo } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { groupDigits } from '../../app/numberFormat';
import { hexToRgb, layoutImage, paintCanvas } from '../../charts/boundaryImage';
import { chartColors } from '../../charts/plotly';
import { Plot, type Figure } from '../../charts/Plot';
import { classGrid } from '../../nn/boundary';
import { gridOver } from '../../lab/tasks/classify2d';
import type { Dataset } from '../../lab/seams';
import { named } from './bookRun';
import type { ParamsPayload } from '../../lab/protocol';

const S = defineStrings({
  ja: {
    before: '保存前（float64）',
    after: 'float16 で保存して読み戻した後',
    changed: 'クラスが変わった点',
    aria: (title: string, n: number) => `${title}の決定境界。クラスが変わった点は ${n} 個`,
    cells: (changed: number, total: number) => `格子 ${groupDigits(total, 'ja')} 点のうち、境界の色が変わった点：${groupDigits(changed, 'ja')}`,
  },
  en: {
    before: 'Before saving (float64)',
    after: 'After a float16 save and reload',
    changed: 'points whose class changed',
    aria: (title: string, n: number) => `Decision boundary ${title.toLowerCase()}; ${n} points changed class`,
    cells: (changed: number, total: number) => `Grid cells whose colour changed: ${groupDigits(changed, 'en')} of ${groupDigits(total, 'en')}`,
  },
});

/** Cells along the longer axis of the small boundary plots (≈ 120 × 120: a few ms on the main thread). */
const CELLS = 120;

interface Props {
  before: ParamsPayload;
  after: ParamsPayload;
  data: Dataset;
  /** Indices of data points whose predicted class changed. */
  changed: number[];
}

/** The two decision boundaries side by side (§1.4.3's brute-force meshgrid), changed points ringed. */
export function BoundaryPair({ before, after, data, changed }: Props) {
  const s = useStrings(S);
  const grids = useMemo(() => {
    const spec = gridOver(data.bounds, { cells: CELLS });
    const a = classGrid(named(before), spec);
    const b = classGrid(named(after), spec);
    let diff = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
    return { spec, a, b, diff };
  }, [before, after, data]);

  const figures = useMemo(() => {
    const C = before.shapes[3][0];
    const figure = (classes: Uint8Array) => (): Figure => {
      const col = chartColors();
      const { spec } = grids;
      // the meshgrid's classes as an image under the points, one pixel per point
      const grid = { rows: spec.rows, cols: spec.cols, classes, xMin: spec.xMin, yMin: spec.yMin, xStep: spec.h, yStep: spec.h };
      const canvas = document.createElement('canvas');
      paintCanvas(canvas, grid, col.classes.map(hexToRgb), 'class', 0.4);
      const points = Array.from({ length: C }, (_, k) => {
        const idx = Array.from(data.labels.keys()).filter((i) => data.labels[i] === k);
        return {
          type: 'scatter', mode: 'markers', hoverinfo: 'skip', showlegend: false,
          x: idx.map((i) => data.x.data[2 * i]), y: idx.map((i) => data.x.data[2 * i + 1]),
          marker: { size: 5, color: col.classes[k % 6], line: { width: 0.5, color: col.fg } },
        };
      });
      return {
        data: [
          ...points,
          {
            type: 'scatter', mode: 'markers', name: s.changed, hoverinfo: 'skip', showlegend: changed.length > 0,
            x: changed.map((i) => data.x.data[2 * i]), y: changed.map((i) => data.x.data[2 * i + 1]),
            marker: { size: 14, symbol: 'circle-open', color: col.fg, line: { width: 2.5 } },
          },
        ],
        layout: {
          images: [layoutImage(grid, canvas.toDataURL())],
          margin: { l: 30, r: 8, t: 8, b: 24 },
          xaxis: { range: [spec.xMin, spec.xMax], zeroline: false, constrain: 'domain' },
          yaxis: { range: [spec.yMin, spec.yMax], zeroline: false, scaleanchor: 'x' },
          legend: { orientation: 'h', y: -0.12 },
        },
      };
    };
    return { before: figure(grids.a), after: figure(grids.b) };
  }, [before, grids, data, changed, s]);

  return (
    <div className="pl-boundaries">
      {(['before', 'after'] as const).map((key) => (
        <figure key={key} className="pl-boundary" data-testid={`boundary-${key}`} data-changed={changed.length}>
          <figcaption>{s[key]}</figcaption>
          <Plot figure={figures[key]} height={300} ariaLabel={s.aria(s[key], changed.length)} />
        </figure>
      ))}
      <p className="w-note pl-cells" data-testid="boundary-cells-changed" data-cells={grids.diff}>
        {s.cells(grids.diff, grids.a.length)}
      </p>
    </div>
  );
}
