import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStrings } from '../../../app/i18n';
import { useTheme } from '../../../state/theme';
import type { UnitMapsPayload } from '../../../lab/inside';
import { insideStrings } from './strings';
import { moveFocus, networkLayout, type NetworkLayout } from './networkLayout';
import { EDGE_LEVELS, edgeLevel, edgeWidth, maxAbs, paintUnitMap, type MapColours } from './unitPaint';
import { UnitDetail, type ActiveUnit, type DetailHandle } from './UnitDetail';
import { readColours, type ViewColours } from './colours';
import './inside.css';

export interface NetworkViewHandle {
  /** Draws a frame of maps made after `iter` iterations (from the lab's animation-frame loop, never through React state). */
  draw(maps: UnitMapsPayload, iter: number): void;
}

export interface PointsData {
  /** Row-major (n, 2) coordinates. */
  x: ArrayLike<number>;
  labels: ArrayLike<number>;
}

type OutputMode = 'score' | 'prob';

/**
 * The two-layer net as a diagram (§1.4, "inside the network"): inputs x₁, x₂; every hidden
 * neuron as a small map of its σ over the input plane; every output neuron as a map of its score
 * or softmax probability; edges coloured by the weight's sign and thickened by its size.
 * Pointing at or focusing a neuron shows it large (UnitDetail) with its weights. React renders
 * the structure (it changes with the hidden size); the maps are painted imperatively per frame.
 */
export const NetworkView = forwardRef<NetworkViewHandle, { data?: PointsData }>(function NetworkView({ data }, ref) {
  const s = useStrings(insideStrings);
  const theme = useTheme((t) => t.theme);
  const [shape, setShape] = useState<{ H: number; O: number } | null>(null);
  const [width, setWidth] = useState(360);
  const [mode, setMode] = useState<OutputMode>('prob');
  const [active, setActive] = useState<ActiveUnit | null>(null);
  const [focusIdx, setFocusIdx] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const edges = useRef<HTMLCanvasElement>(null);
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const detail = useRef<DetailHandle>(null);
  const last = useRef<UnitMapsPayload | null>(null);
  const lastIter = useRef(0);
  const frames = useRef(0);
  const colours = useRef<ViewColours | null>(null);
  const image = useRef<ImageData | null>(null);

  const layout = useMemo(() => (shape ? networkLayout(width, shape.H, shape.O) : null), [shape, width]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth((w) => (Math.abs(w - el.clientWidth) >= 1 && el.clientWidth > 0 ? el.clientWidth : w));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    colours.current = null; // re-read the CSS variables of the new theme
  }, [theme]);

  const paint = useCallback(() => {
    const m = last.current;
    if (!m || !layout || !shape || m.hiddenUnits !== shape.H || m.outputUnits !== shape.O) return;
    const t0 = performance.now();
    const c = (colours.current ??= readColours(root.current!));
    const S = m.size, n = S * S;
    if (!image.current || image.current.width !== S) image.current = new ImageData(S, S);
    const img = image.current;
    const mapCol: MapColours = { neg: c.neg, mid: c.mid, pos: c.pos };
    const scale = maxAbs(m.scores);
    for (let u = 0; u < m.hiddenUnits + m.outputUnits; u++) {
      const cv = canvases.current[u];
      if (!cv) continue;
      if (cv.width !== S || cv.height !== S) cv.width = cv.height = S;
      if (u < m.hiddenUnits) paintUnitMap(m.hidden, u * n, S, { kind: 'sigma' }, mapCol, img.data);
      else {
        const k = u - m.hiddenUnits;
        if (mode === 'prob') paintUnitMap(m.probs, k * n, S, { kind: 'prob', colour: c.classes[k % c.classes.length] }, mapCol, img.data);
        else paintUnitMap(m.scores, k * n, S, { kind: 'score', scale }, mapCol, img.data);
      }
      cv.getContext('2d')!.putImageData(img, 0, 0);
    }
    drawEdges(edges.current, layout, m, c);
    if (active) {
      const u = active.kind === 'h' ? active.index : m.hiddenUnits + active.index;
      detail.current?.draw(m, active, canvases.current[u] ?? null, c);
    }
    frames.current++;
    const d = root.current?.dataset;
    if (d) {
      d.frames = String(frames.current);
      d.iter = String(lastIter.current);
      // main-thread time of this redraw (maps, edges, detail): read by bench/lab.ts
      d.drawMs = (performance.now() - t0).toFixed(2);
    }
  }, [layout, shape, mode, active]);

  const paintRef = useRef(paint);
  paintRef.current = paint;
  const shapeRef = useRef(shape);
  shapeRef.current = shape;

  useImperativeHandle(ref, () => ({
    draw(m: UnitMapsPayload, iter: number) {
      last.current = m;
      lastIter.current = iter;
      const sh = shapeRef.current;
      if (!sh || sh.H !== m.hiddenUnits || sh.O !== m.outputUnits) {
        setShape({ H: m.hiddenUnits, O: m.outputUnits }); // new structure: paint after React renders it
        setActive((a) => (a && ((a.kind === 'h' && a.index < m.hiddenUnits) || (a.kind === 'o' && a.index < m.outputUnits)) ? a : null));
        setFocusIdx((f) => Math.min(f, m.hiddenUnits + m.outputUnits - 1));
      } else paintRef.current();
    },
  }), []);

  useLayoutEffect(() => {
    paint();
  }, [paint]);

  const H = shape?.H ?? 0, O = shape?.O ?? 0;
  const rows = layout ? Math.ceil(H / layout.columns) : 1;
  const select = (u: number) => setActive(u < H ? { kind: 'h', index: u } : { kind: 'o', index: u - H });
  const onKey = (e: React.KeyboardEvent, u: number) => {
    const next = moveFocus(e.key, u, H + O, rows);
    if (next === u) return;
    e.preventDefault();
    setFocusIdx(next);
    buttons.current[next]?.focus();
  };
  const unitButton = (u: number, x: number, y: number, size: number) => {
    const hidden = u < H;
    const id = hidden ? `h${u}` : `o${u - H}`;
    const isActive = active && (active.kind === 'h' ? active.index === u : H + active.index === u);
    return (
      <button
        key={id}
        type="button"
        ref={(el) => { buttons.current[u] = el; }}
        className={`unit-map${hidden ? '' : ' output'}${isActive ? ' active' : ''}`}
        data-testid={`unit-map-${id}`}
        style={{ left: x, top: y, width: size, height: size }}
        tabIndex={u === focusIdx ? 0 : -1}
        aria-label={hidden ? s.hiddenUnit(u) : s.outputUnit(u - H)}
        aria-describedby="unit-detail-text"
        aria-pressed={!!isActive}
        onMouseEnter={() => select(u)}
        onFocus={() => { setFocusIdx(u); select(u); }}
        onClick={() => select(u)}
        onKeyDown={(e) => onKey(e, u)}
      >
        <canvas ref={(el) => { canvases.current[u] = el; }} width={32} height={32} aria-hidden="true" />
      </button>
    );
  };

  return (
    <div className="net-view" data-testid="network-view" ref={root} data-hidden={H || undefined} data-outputs={O || undefined} data-frames="0">
      <div className="net-view-head">
        <h3 className="net-view-title">{s.netTitle}</h3>
        <fieldset className="net-mode">
          <legend>{s.outputMode}</legend>
          {(['prob', 'score'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="net-output-mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`net-mode-${m}`} />
              {m === 'prob' ? s.modeProb : s.modeScore}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="net-body">
        <div className="net-diagram-box" ref={box}>
          {layout && (
            <div className="net-diagram" role="group" aria-label={s.netLabel(H, O)} style={{ width: layout.width, height: layout.height }}>
              <canvas className="net-edges" ref={edges} aria-hidden="true" style={{ width: layout.width, height: layout.height }} />
              {layout.inputs.map((p, i) => (
                <span key={i} className="net-input" style={{ left: p.x, top: p.y, width: layout.inputSize, height: layout.inputSize }} aria-label={s.input(i)}>
                  x{i === 0 ? '₁' : '₂'}
                </span>
              ))}
              {layout.hidden.map((p, j) => unitButton(j, p.x, p.y, layout.tile))}
              {layout.outputs.map((p, k) => unitButton(H + k, p.x, p.y, layout.outTile))}
            </div>
          )}
        </div>
        <UnitDetail ref={detail} active={active} data={data} />
      </div>
      <ul className="net-legend">
        <li><span className="swatch sigma" aria-hidden="true" />{s.legendHidden}</li>
        <li><span className={`swatch ${mode}`} aria-hidden="true" />{mode === 'prob' ? s.legendProb : s.legendScore}</li>
        <li><span className="swatch edges" aria-hidden="true" />{s.legendEdges}</li>
      </ul>
    </div>
  );
});

/** Edges on one canvas, grouped into one path per sign and width level (a few strokes, not hundreds). */
function drawEdges(cv: HTMLCanvasElement | null, l: NetworkLayout, m: UnitMapsPayload, c: ViewColours): void {
  if (!cv) return;
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(l.width * dpr), h = Math.round(l.height * dpr);
  if (cv.width !== w || cv.height !== h) {
    cv.width = w;
    cv.height = h;
  }
  const ctx = cv.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, l.width, l.height);
  const [W1, , W2] = m.params;
  const H = m.hiddenUnits, O = m.outputUnits;
  const paths = Array.from({ length: 2 * EDGE_LEVELS }, () => new Path2D());
  const add = (w: number, max: number, x0: number, y0: number, x1: number, y1: number) => {
    const e = edgeLevel(w, max);
    const p = paths[(e.negative ? EDGE_LEVELS : 0) + e.level];
    p.moveTo(x0, y0);
    p.lineTo(x1, y1);
  };
  const max1 = maxAbs(W1), max2 = maxAbs(W2);
  const half = l.inputSize / 2;
  for (let i = 0; i < 2; i++) {
    const a = l.inputs[i];
    for (let j = 0; j < H; j++) {
      const b = l.hidden[j];
      add(W1[i * H + j], max1, a.x + l.inputSize, a.y + half, b.x, b.y + l.tile / 2);
    }
  }
  for (let j = 0; j < H; j++) {
    const a = l.hidden[j];
    for (let k = 0; k < O; k++) {
      const b = l.outputs[k];
      add(W2[j * O + k], max2, a.x + l.tile, a.y + l.tile / 2, b.x, b.y + l.outTile / 2);
    }
  }
  ctx.globalAlpha = H > 30 ? 0.45 : 0.8;
  for (let k = 0; k < paths.length; k++) {
    const negative = k >= EDGE_LEVELS;
    ctx.strokeStyle = negative ? c.negCss : c.posCss;
    ctx.lineWidth = edgeWidth(k % EDGE_LEVELS);
    ctx.setLineDash(negative ? [4, 2] : []);
    ctx.stroke(paths[k]);
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}
