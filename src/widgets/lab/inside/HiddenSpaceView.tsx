import { forwardRef, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import { useStrings } from '../../../app/i18n';
import { useTheme } from '../../../state/theme';
import type { HiddenSpacePayload } from '../../../lab/inside';
import { view3 } from '../../../nn/hiddenSpace';
import { readColours, type ViewColours } from './colours';
import type { PointsData } from './NetworkView';
import { insideStrings } from './strings';
import './inside.css';

export interface HiddenSpaceHandle {
  draw(space: HiddenSpacePayload): void;
}

/** Largest side of the picture, CSS pixels. */
const MAX_SIDE = 300;
/** The view of the cube for 3 hidden units is tilted by this much (radians). */
const PITCH = 0.45;

/**
 * The hidden space (§1.4): the data, and the input plane's grid, sent through the first Affine
 * and the Sigmoid. With 2 hidden units the output layer's regions are drawn behind them: their
 * borders are straight lines. With 3 the cube can be turned; with more, a PCA projection.
 */
export const HiddenSpaceView = forwardRef<HiddenSpaceHandle, { data?: PointsData }>(function HiddenSpaceView({ data }, ref) {
  const s = useStrings(insideStrings);
  const theme = useTheme((t) => t.theme);
  const [info, setInfo] = useState<{ mode: 'direct' | 'pca'; hidden: number; kept: number } | null>(null);
  const [yaw, setYaw] = useState(0.6);
  const [side, setSide] = useState(MAX_SIDE);
  const root = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<HiddenSpacePayload | null>(null);
  const frames = useRef(0);
  const colours = useRef<ViewColours | null>(null);
  const state = useRef({ data, yaw, side });
  state.current = { data, yaw, side };
  const infoRef = useRef(info);
  infoRef.current = info;

  const paint = () => {
    const sp = last.current, cv = canvas.current, el = root.current;
    if (!sp || !cv || !el) return;
    const c = (colours.current ??= readColours(el));
    drawSpace(cv, sp, state.current, c);
    frames.current++;
    const d = el.dataset;
    const values = { mode: sp.mode, dims: String(sp.dims), points: String(sp.points.length / sp.dims), frames: String(frames.current) };
    for (const [k, v] of Object.entries(values)) if (d[k] !== v) d[k] = v;
    const kept = Math.round((sp.kept ?? 1) * 100);
    const i = infoRef.current;
    if (!i || i.mode !== sp.mode || i.hidden !== sp.hiddenUnits || i.kept !== kept) setInfo({ mode: sp.mode, hidden: sp.hiddenUnits, kept });
  };
  const paintRef = useRef(paint);
  paintRef.current = paint;

  useImperativeHandle(ref, () => ({
    draw(sp) {
      last.current = sp;
      paintRef.current();
    },
  }), []);

  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const measure = () => setSide(Math.max(160, Math.min(MAX_SIDE, Math.floor(el.clientWidth))));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    colours.current = null;
    paintRef.current();
  }, [theme, yaw, side, data]);

  return (
    <div className="hidden-space" data-testid="hidden-space" ref={root}>
      <h3 className="hidden-space-title">{s.hiddenTitle}</h3>
      <canvas ref={canvas} role="img" aria-label={s.hiddenLabel} style={{ width: side, height: side }} />
      {info && info.mode === 'direct' && info.hidden === 3 && (
        <label className="field">
          {s.turn}{' '}
          <input type="range" min={0} max={628} step={1} value={Math.round(yaw * 100)} onChange={(e) => setYaw(Number(e.target.value) / 100)} data-testid="hidden-space-turn" />
        </label>
      )}
      <p data-testid="hidden-space-note">{info ? (info.mode === 'pca' ? s.hiddenPca(info.hidden, info.kept) : s.hiddenDirect(info.hidden)) : ''}</p>
    </div>
  );
});

/** A small canvas the class map is painted on before it is stretched. */
let scratch: HTMLCanvasElement | undefined;

interface ViewState {
  data?: PointsData;
  yaw: number;
  side: number;
}

/** Screen coordinates (right, up) of every point and line sample, and the range they are drawn in. */
function toScreen(sp: HiddenSpacePayload, labels: ArrayLike<number> | undefined, classes: number, yaw: number) {
  const n = sp.points.length / sp.dims, m = sp.lines.length / sp.dims;
  if (sp.mode === 'direct' && sp.dims === 3) {
    return { pts: view3(sp.points, n, yaw, PITCH), lines: view3(sp.lines, m, yaw, PITCH), lo: [-0.9, -0.9], hi: [0.9, 0.9], cube: true };
  }
  if (sp.mode === 'direct' && sp.dims === 1) {
    const pts = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const k = labels ? labels[i] : 0;
      pts[2 * i] = sp.points[i];
      pts[2 * i + 1] = (k + 0.5 + 0.6 * (((i * 0.6180339887) % 1) - 0.5)) / Math.max(1, classes);
    }
    return { pts, lines: null, lo: [0, 0], hi: [1, 1], cube: false };
  }
  const pts = Float64Array.from(sp.points), lines = Float64Array.from(sp.lines);
  if (sp.mode === 'direct') return { pts, lines, lo: [0, 0], hi: [1, 1], cube: false };
  // PCA: fit the data points, with a margin
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, pts[2 * i]); x1 = Math.max(x1, pts[2 * i]);
    y0 = Math.min(y0, pts[2 * i + 1]); y1 = Math.max(y1, pts[2 * i + 1]);
  }
  const span = Math.max(x1 - x0, y1 - y0, 1e-6) * 0.55;
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  return { pts, lines, lo: [cx - span, cy - span], hi: [cx + span, cy + span], cube: false };
}

function drawSpace(cv: HTMLCanvasElement, sp: HiddenSpacePayload, v: ViewState, c: ViewColours): void {
  const dpr = window.devicePixelRatio || 1;
  const P = Math.round(v.side * dpr);
  if (cv.width !== P || cv.height !== P) cv.width = cv.height = P;
  const ctx = cv.getContext('2d')!;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, P, P);
  const labels = v.data?.labels;
  let classes = 1;
  if (labels) for (let i = 0; i < labels.length; i++) classes = Math.max(classes, labels[i] + 1);
  const g = toScreen(sp, labels, classes, v.yaw);
  const pad = 14 * dpr, inner = P - 2 * pad;
  const X = (u: number) => pad + ((u - g.lo[0]) / (g.hi[0] - g.lo[0])) * inner;
  const Y = (w: number) => P - pad - ((w - g.lo[1]) / (g.hi[1] - g.lo[1])) * inner;
  if (sp.classMap && sp.classMapSize) {
    // the output layer's regions over the hidden square, one pixel per cell, stretched
    const S = sp.classMapSize;
    const img = new ImageData(S, S);
    for (let r = 0; r < S; r++) {
      for (let col = 0; col < S; col++) {
        const [R, G, B] = c.classes[sp.classMap[r * S + col] % c.classes.length];
        const o = ((S - 1 - r) * S + col) * 4;
        img.data[o] = R;
        img.data[o + 1] = G;
        img.data[o + 2] = B;
        img.data[o + 3] = 60;
      }
    }
    const tile = (scratch ??= document.createElement('canvas'));
    tile.width = tile.height = S;
    tile.getContext('2d')!.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(tile, pad, pad, inner, inner);
    ctx.imageSmoothingEnabled = true;
  }
  ctx.strokeStyle = c.softCss;
  ctx.fillStyle = c.softCss;
  ctx.font = `${11 * dpr}px system-ui, sans-serif`;
  ctx.lineWidth = 1 * dpr;
  if (g.cube) drawCube(ctx, v.yaw, X, Y);
  else {
    ctx.strokeRect(pad, pad, inner, inner);
  }
  if (g.lines) {
    ctx.globalAlpha = 0.55;
    ctx.beginPath();
    for (let l = 0; l < sp.lineCount; l++) {
      for (let k = 0; k < sp.samples; k++) {
        const i = l * sp.samples + k;
        if (k === 0) ctx.moveTo(X(g.lines[2 * i]), Y(g.lines[2 * i + 1]));
        else ctx.lineTo(X(g.lines[2 * i]), Y(g.lines[2 * i + 1]));
      }
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  const n = g.pts.length / 2, r = 2.2 * dpr;
  ctx.lineWidth = 0.6 * dpr;
  ctx.strokeStyle = c.fgCss;
  for (let k = 0; k < classes; k++) {
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      if ((labels ? labels[i] : 0) !== k) continue;
      const x = X(g.pts[2 * i]), y = Y(g.pts[2 * i + 1]);
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    ctx.fillStyle = c.classCss[k % c.classCss.length];
    ctx.fill();
    ctx.stroke();
  }
  ctx.fillStyle = c.softCss;
  const [ax, ay] = sp.mode === 'pca' ? ['PC1', 'PC2'] : g.cube ? ['', ''] : sp.dims === 1 ? ['h₁', ''] : ['h₁', 'h₂'];
  ctx.fillText(ax, P - pad - 22 * dpr, P - 2 * dpr);
  ctx.fillText(ay, 2 * dpr, pad - 3 * dpr);
}

/** The unit cube's 12 edges and its axis names, seen like the points. */
function drawCube(ctx: CanvasRenderingContext2D, yaw: number, X: (u: number) => number, Y: (w: number) => number): void {
  const corners: number[] = [];
  for (let i = 0; i < 8; i++) corners.push(i & 1, (i >> 1) & 1, (i >> 2) & 1);
  const p = view3(corners, 8, yaw, PITCH);
  ctx.beginPath();
  for (let a = 0; a < 8; a++) {
    for (const bit of [1, 2, 4]) {
      const b = a | bit;
      if (b === a) continue;
      ctx.moveTo(X(p[2 * a]), Y(p[2 * a + 1]));
      ctx.lineTo(X(p[2 * b]), Y(p[2 * b + 1]));
    }
  }
  ctx.stroke();
  const names: [number, string][] = [[1, 'h₁'], [2, 'h₂'], [4, 'h₃']];
  for (const [i, name] of names) ctx.fillText(name, X(p[2 * i]) + 4, Y(p[2 * i + 1]) - 4);
}
