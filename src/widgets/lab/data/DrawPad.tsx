import { useMemo, useRef, useState } from 'react';
import { useStrings } from '../../../app/i18n';
import type { PointSet } from '../../../nn/datasets';
import { addPoint, pointAt, removePoint } from '../../../state/pointsEdit';
import { drawStrings } from './strings';
import './own-data.css';

interface Props {
  set: PointSet;
  /** The class a click adds. */
  active: number;
  onChange: (next: PointSet) => void;
  /** Refuses an addition past the limit (the caller says why in a note). */
  canAdd: boolean;
  onRefused: () => void;
}

/** Half the side of the drawing area (plane units): the spiral and the classic sets lie within ±1.1. */
const EXTENT = 1.5;
/** A click this close to a point (CSS pixels) removes it instead of adding one. */
const HIT_PX = 9;
/** Arrow keys move the keyboard cursor by this much (plane units); with Shift, ten times less. */
const KEY_STEP = 0.05;

/**
 * The drawing area of the reader's own data: click or tap to add a point of the chosen class,
 * click a point to remove it. By keyboard: arrows move a cursor, Enter or Space adds a point
 * there, Delete or Backspace removes the point under it. An SVG in plane coordinates (y up).
 */
export function DrawPad({ set, active, onChange, canAdd, onRefused }: Props) {
  const s = useStrings(drawStrings);
  const svg = useRef<SVGSVGElement>(null);
  const [cursor, setCursor] = useState<{ x: number; y: number } | null>(null);
  const ext = useMemo(() => {
    let m = EXTENT;
    for (const v of set.x.data) m = Math.max(m, Math.abs(v) + 0.1);
    return m;
  }, [set]);

  const toPlane = (clientX: number, clientY: number) => {
    const r = svg.current!.getBoundingClientRect();
    return { x: -ext + ((clientX - r.left) / r.width) * 2 * ext, y: ext - ((clientY - r.top) / r.height) * 2 * ext, perPx: (2 * ext) / r.width };
  };

  const act = (x: number, y: number, radius: number, removeOnly = false) => {
    const hit = pointAt(set, x, y, radius);
    if (hit >= 0) onChange(removePoint(set, hit));
    else if (removeOnly) return;
    else if (!canAdd) onRefused();
    else onChange(addPoint(set, x, y, active));
  };

  const onPointer = (e: React.PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    const p = toPlane(e.clientX, e.clientY);
    if (Math.abs(p.x) > ext || Math.abs(p.y) > ext) return;
    act(p.x, p.y, HIT_PX * p.perPx);
  };

  const onKey = (e: React.KeyboardEvent<SVGSVGElement>) => {
    const c = cursor ?? { x: 0, y: 0 };
    const step = e.shiftKey ? KEY_STEP / 10 : KEY_STEP;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const radius = HIT_PX * ((2 * ext) / (svg.current?.getBoundingClientRect().width || 300));
    if (e.key in moves) {
      const [dx, dy] = moves[e.key];
      setCursor({ x: clamp(c.x + dx, ext), y: clamp(c.y + dy, ext) });
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (pointAt(set, c.x, c.y, radius) >= 0) return void e.preventDefault();
      act(c.x, c.y, 0);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      act(c.x, c.y, radius, true);
    } else return;
    e.preventDefault();
  };

  const n = set.labels.length;
  const r = ext / 48; // about 4.5 px on a 420 px pad
  return (
    <svg
      ref={svg}
      className="draw-pad"
      data-testid="draw-pad"
      data-n={n}
      viewBox={`${-ext} ${-ext} ${2 * ext} ${2 * ext}`}
      role="application"
      aria-label={s.padLabel}
      aria-describedby="draw-pad-help"
      tabIndex={0}
      onPointerDown={onPointer}
      onKeyDown={onKey}
      onFocus={() => setCursor((c) => c ?? { x: 0, y: 0 })}
    >
      <g transform="scale(1, -1)">
        <rect x={-ext} y={-ext} width={2 * ext} height={2 * ext} className="draw-pad-bg" />
        {[-1, 0, 1].map((t) => (
          <g key={t} className="draw-pad-grid">
            <line x1={t} y1={-ext} x2={t} y2={ext} />
            <line x1={-ext} y1={t} x2={ext} y2={t} />
          </g>
        ))}
        {Array.from({ length: n }, (_, i) => (
          <Mark key={i} x={set.x.data[2 * i]} y={set.x.data[2 * i + 1]} r={r} k={set.labels[i] % 6} />
        ))}
        {cursor && (
          <g className="draw-cursor" data-testid="draw-cursor">
            <line x1={cursor.x - 3 * r} y1={cursor.y} x2={cursor.x + 3 * r} y2={cursor.y} />
            <line x1={cursor.x} y1={cursor.y - 3 * r} x2={cursor.x} y2={cursor.y + 3 * r} />
          </g>
        )}
      </g>
    </svg>
  );
}

/** A point drawn with its class's shape (the dataset chart's: circle, ×, triangle, square, diamond, +). */
export function Mark({ x, y, r, k }: { x: number; y: number; r: number; k: number }) {
  const cls = `draw-pt c${k}`;
  const d = r * 1.25;
  switch (k) {
    case 1: return <path className={`${cls} line`} strokeWidth={r * 0.75} d={`M${x - r} ${y - r}L${x + r} ${y + r}M${x - r} ${y + r}L${x + r} ${y - r}`} />;
    case 2: return <polygon className={cls} points={`${x},${y + d} ${x - d * 0.87},${y - d / 2} ${x + d * 0.87},${y - d / 2}`} />;
    case 3: return <rect className={cls} x={x - r * 0.9} y={y - r * 0.9} width={r * 1.8} height={r * 1.8} />;
    case 4: return <polygon className={cls} points={`${x},${y + d} ${x + d},${y} ${x},${y - d} ${x - d},${y}`} />;
    case 5: return <path className={`${cls} line`} strokeWidth={r * 0.75} d={`M${x - d} ${y}L${x + d} ${y}M${x} ${y - d}L${x} ${y + d}`} />;
    default: return <circle className={cls} cx={x} cy={y} r={r} />;
  }
}

function clamp(v: number, ext: number): number {
  return Math.max(-ext, Math.min(ext, Math.round(v * 1000) / 1000));
}
