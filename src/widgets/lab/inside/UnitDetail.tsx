import { forwardRef, useImperativeHandle, useRef } from 'react';
import { useStrings } from '../../../app/i18n';
import type { UnitMapsPayload } from '../../../lab/inside';
import { halfLineSegment } from '../../../nn/unitMaps';
import type { ViewColours } from './colours';
import type { PointsData } from './NetworkView';
import { insideStrings } from './strings';

export interface ActiveUnit {
  kind: 'h' | 'o';
  index: number;
}

export interface DetailHandle {
  draw(m: UnitMapsPayload, active: ActiveUnit, small: HTMLCanvasElement | null, c: ViewColours): void;
}

/** Side of the large map, CSS pixels. */
const SIDE = 176;
/** Hidden neurons listed for an output neuron (the largest |weights|). */
const TOP_WEIGHTS = 5;

/**
 * One neuron large: its map with the data on top, its weights, and for a hidden neuron the line
 * w₁x₁ + w₂x₂ + b = 0 where σ = 0.5, with an arrow towards the side where σ > 0.5.
 */
export const UnitDetail = forwardRef<DetailHandle, { active: ActiveUnit | null; data?: PointsData }>(function UnitDetail({ active, data }, ref) {
  const s = useStrings(insideStrings);
  const canvas = useRef<HTMLCanvasElement>(null);
  const text = useRef<HTMLParagraphElement>(null);
  const extra = useRef<HTMLParagraphElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const dataRef = useRef(data);
  dataRef.current = data;
  const sRef = useRef(s);
  sRef.current = s;

  useImperativeHandle(ref, () => ({
    draw(m, a, small, c) {
      const cv = canvas.current;
      if (!cv || !small) return;
      const str = sRef.current;
      const dpr = window.devicePixelRatio || 1;
      const P = Math.round(SIDE * dpr);
      if (cv.width !== P || cv.height !== P) cv.width = cv.height = P;
      const ctx = cv.getContext('2d')!;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(small, 0, 0, P, P);
      const { xMin, xMax, yMin, yMax } = m.box;
      const px = (x: number) => ((x - xMin) / (xMax - xMin)) * P;
      const py = (y: number) => P - ((y - yMin) / (yMax - yMin)) * P;
      drawPoints(ctx, dataRef.current, px, py, c, dpr);
      const [W1, b1, W2, b2] = m.params;
      const H = m.hiddenUnits, O = m.outputUnits;
      let main: string, more: string;
      if (a.kind === 'h') {
        const j = a.index;
        const w1 = W1[j], w2 = W1[H + j], b = b1[j];
        const seg = halfLineSegment(w1, w2, b, m.box);
        if (seg) drawHalfLine(ctx, seg, w1, w2, px, py, c, dpr);
        main = str.detailHidden(j, w1, w2, b);
        more = seg ? str.detailLine : str.detailNoLine;
      } else {
        const k = a.index;
        const order = Array.from({ length: H }, (_, j) => j).sort((p, q) => Math.abs(W2[q * O + k]) - Math.abs(W2[p * O + k]));
        main = str.detailOutput(k, b2[k]);
        more = `${str.detailTop} ${order.slice(0, TOP_WEIGHTS).map((j) => str.weight(j, W2[j * O + k])).join(', ')}`;
      }
      if (text.current && text.current.textContent !== main) text.current.textContent = main;
      if (extra.current && extra.current.textContent !== more) extra.current.textContent = more;
      const id = `${a.kind}${a.index}`;
      if (root.current && root.current.dataset.unit !== id) root.current.dataset.unit = id;
    },
  }), []);

  return (
    <div className="unit-detail" data-testid="unit-detail" ref={root} data-unit={active ? `${active.kind}${active.index}` : ''}>
      <canvas ref={canvas} className="unit-detail-map" hidden={!active} aria-hidden="true" style={{ width: SIDE, height: SIDE }} />
      <p className="unit-detail-title">{active ? (active.kind === 'h' ? s.hiddenUnit(active.index) : s.outputUnit(active.index)) : ''}</p>
      <p id="unit-detail-text" ref={text} data-testid="unit-detail-text">{active ? '' : s.detailHint}</p>
      <p ref={extra} className="unit-detail-extra" />
    </div>
  );
});

function drawPoints(ctx: CanvasRenderingContext2D, data: PointsData | undefined, px: (x: number) => number, py: (y: number) => number, c: ViewColours, dpr: number): void {
  if (!data) return;
  const r = 1.6 * dpr;
  const n = data.labels.length;
  ctx.lineWidth = 0.6 * dpr;
  ctx.strokeStyle = c.fgCss;
  for (let k = 0; k < c.classCss.length; k++) {
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      if (data.labels[i] !== k) continue;
      const x = px(data.x[2 * i]), y = py(data.x[2 * i + 1]);
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    ctx.fillStyle = c.classCss[k];
    ctx.fill();
    ctx.stroke();
  }
}

function drawHalfLine(
  ctx: CanvasRenderingContext2D,
  seg: [number, number, number, number],
  w1: number,
  w2: number,
  px: (x: number) => number,
  py: (y: number) => number,
  c: ViewColours,
  dpr: number,
): void {
  const [x0, y0, x1, y1] = [px(seg[0]), py(seg[1]), px(seg[2]), py(seg[3])];
  ctx.save();
  ctx.strokeStyle = c.fgCss;
  ctx.lineWidth = 2 * dpr;
  ctx.setLineDash([6 * dpr, 4 * dpr]);
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
  // the arrow: the gradient of w₁x₁ + w₂x₂ + b in pixel space, from the segment's middle
  // pixels per unit along each axis; the gradient's pixel components divide by them
  const sx = px(1) - px(0), sy = py(0) - py(1);
  let gx = w1 / sx, gy = -w2 / sy;
  const len = Math.hypot(gx, gy) || 1;
  gx = (gx / len) * 22 * dpr;
  gy = (gy / len) * 22 * dpr;
  const mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.moveTo(mx, my);
  ctx.lineTo(mx + gx, my + gy);
  ctx.lineTo(mx + gx * 0.7 - gy * 0.25, my + gy * 0.7 + gx * 0.25);
  ctx.moveTo(mx + gx, my + gy);
  ctx.lineTo(mx + gx * 0.7 + gy * 0.25, my + gy * 0.7 - gx * 0.25);
  ctx.stroke();
  ctx.restore();
}
