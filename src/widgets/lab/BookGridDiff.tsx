import { useEffect, useRef } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { groupDigits } from '../../app/numberFormat';
import { useColon } from '../../app/punctuation';
import { chartColors } from '../../charts/plotly';
import { hexToRgb, paintGrid, type Rgb } from '../../charts/boundaryImage';
import { coarseAt, type GridDiff } from '../../lab/gridDiff';
import type { GridPayload } from '../../lab/protocol';
import { useTheme } from '../../state/theme';
import { useLang } from '../../state/lang';

const S = defineStrings({
  ja: {
    summary: (changed: string, total: string, pct: string) =>
      `h = 0.001 の ${total} 点のうち ${changed} 点（${pct} %）で、予測クラスが粗いグリッドの画像と違います。違いは境界に沿った、粗いグリッドのマス 1 つ分ほどの幅の帯だけです。`,
    none: 'h = 0.001 の点はすべて、粗いグリッドの画像と同じクラスです。',
    zoom: (x: string, y: string) => `違いが最も多い場所の拡大（x ${x}、y ${y}）`,
    coarse: (h: number) => `粗いグリッド（h = ${h}）`,
    fine: 'h = 0.001（違う点を濃い色で）',
    kept: 'この描画は、実行が進むか変わるまで残ります。',
  },
  en: {
    summary: (changed: string, total: string, pct: string) =>
      `Of the ${total} points at h = 0.001, ${changed} (${pct} %) get another class than the coarse grid's image shows there: only a band about one coarse cell wide along the borders.`,
    none: 'Every point at h = 0.001 gets the class the coarse grid’s image shows there.',
    zoom: (x: string, y: string) => `Magnified where most differ (x ${x}, y ${y})`,
    coarse: (h: number) => `coarse grid (h = ${h})`,
    fine: 'h = 0.001 (differing points dark)',
    kept: 'This drawing stays until the run moves on or changes.',
  },
});

/** Each magnified point is this many CSS pixels a side. */
const ZOOM_PX = 3;

/**
 * What the book's h = 0.001 grid changes against the coarse grid drawn before it: how many
 * points differ, and one border magnified side by side (the coarse image, and the fine grid
 * with the differing points darkened).
 */
export function BookGridDiff({ fine, coarse, diff }: { fine: GridPayload; coarse: GridPayload; diff: GridDiff }) {
  const s = useStrings(S);
  const colon = useColon();
  const lang = useLang((st) => st.lang);
  const theme = useTheme((t) => t.theme);
  const left = useRef<HTMLCanvasElement>(null);
  const right = useRef<HTMLCanvasElement>(null);
  const { r0, c0, size } = diff.zoom;

  useEffect(() => {
    const palette: Rgb[] = chartColors().classes.map(hexToRgb);
    const fineWindow = new Uint8Array(size * size);
    for (let r = 0; r < size; r++) fineWindow.set(fine.classes.subarray((r0 + r) * fine.cols + c0, (r0 + r) * fine.cols + c0 + size), r * size);
    const coarseWindow = coarseAt(fine, coarse, r0, c0, size);
    paint(left.current, coarseWindow, size, palette, null);
    paint(right.current, fineWindow, size, palette, coarseWindow);
  }, [fine, coarse, r0, c0, size, theme]);

  const pct = ((100 * diff.changed) / diff.total).toFixed(diff.changed / diff.total < 0.001 ? 3 : 2);
  const range = (min: number, step: number, i0: number) => `${(min + i0 * step).toFixed(3)}…${(min + (i0 + size - 1) * step).toFixed(3)}`;
  const side = size * ZOOM_PX;
  return (
    <figure className="book-grid-diff" data-testid="lab-book-diff" data-changed={diff.changed} data-total={diff.total}>
      <figcaption>
        {diff.changed > 0 ? s.summary(groupDigits(diff.changed, lang), groupDigits(diff.total, lang), pct) : s.none} {s.kept}
      </figcaption>
      {diff.changed > 0 && (
        <>
          <p className="book-grid-zoom-title">
            {s.zoom(range(fine.xMin, fine.xStep, c0), range(fine.yMin, fine.yStep, r0))}
            {colon}
          </p>
          <div className="book-grid-zoom">
            <div style={{ maxWidth: side }}>
              <canvas ref={left} width={size} height={size} style={{ width: side, height: side }} aria-hidden="true" />
              <span>{s.coarse(Number(coarse.h.toPrecision(3)))}</span>
            </div>
            <div style={{ maxWidth: side }}>
              <canvas ref={right} width={size} height={size} style={{ width: side, height: side }} aria-hidden="true" data-testid="lab-book-zoom" />
              <span>{s.fine}</span>
            </div>
          </div>
        </>
      )}
    </figure>
  );
}

/** Paints a size × size window of classes (row 0 at the bottom); where `against` differs, darker. */
function paint(canvas: HTMLCanvasElement | null, classes: Uint8Array, size: number, palette: readonly Rgb[], against: Uint8Array | null): void {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return;
  const img = ctx.createImageData(size, size);
  paintGrid({ rows: size, cols: size, classes }, palette, 'class', img.data, 0.55);
  if (against) {
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        if (classes[r * size + c] === against[r * size + c]) continue;
        const o = ((size - 1 - r) * size + c) * 4;
        img.data[o] = Math.round(img.data[o] * 0.35);
        img.data[o + 1] = Math.round(img.data[o + 1] * 0.35);
        img.data[o + 2] = Math.round(img.data[o + 2] * 0.35);
        img.data[o + 3] = 255;
      }
    }
  }
  ctx.putImageData(img, 0, 0);
}
