import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import layersSrc from '../../nn/layers.ts?raw';
import { defineStrings, useStrings } from '../../app/i18n';
import { ShowCode } from '../ui/ShowCode';
import { Slider } from '../ui/Slider';
import { Widget } from '../ui/Widget';
import { curvePath, fromSvgX, sigmoidAt, toSvgX, toSvgY, VIEW, X_MAX, X_MIN } from './sigmoidPlot';
import '../ui/controls.css';
import './Sigmoid.css';

const S = defineStrings({
  ja: {
    title: 'シグモイド関数',
    input: '入力 x',
    point: 'x を選ぶ点（ドラッグ、または矢印キー）',
    plot: 'シグモイド関数のグラフ。横軸が x、縦軸が σ(x)。',
    note: 'どんな x も 0 から 1 の間に押し込まれます。x = 0 でちょうど 0.5、大きな正の値では 1 に、大きな負の値では 0 に近づきます。',
  },
  en: {
    title: 'The sigmoid function',
    input: 'Input x',
    point: 'Point choosing x (drag it, or use the arrow keys)',
    plot: 'Graph of the sigmoid function: x across, σ(x) up.',
    note: 'Every x is squeezed into the range between 0 and 1: exactly 0.5 at x = 0, close to 1 for large positive x and close to 0 for large negative x.',
  },
});

const fmt = (v: number) => v.toFixed(1);
const STEP = 0.1;

/** §1.2.1: σ(x) = 1 / (1 + exp(−x)), with a point to drag (or move with the keyboard). */
export function Sigmoid() {
  const s = useStrings(S);
  const [x, setX] = useState(2);
  const svgRef = useRef<SVGSVGElement>(null);
  const path = useMemo(() => curvePath(), []);
  const y = sigmoidAt(x);
  const set = (v: number) => setX(Math.round(Math.min(X_MAX, Math.max(X_MIN, v)) * 10) / 10);

  const fromPointer = (e: PointerEvent) => {
    const svg = svgRef.current;
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    set(fromSvgX(((e.clientX - box.left) / box.width) * VIEW.w, STEP));
  };
  const onKey = (e: KeyboardEvent) => {
    const d = { ArrowRight: STEP, ArrowUp: STEP, ArrowLeft: -STEP, ArrowDown: -STEP, PageUp: 1, PageDown: -1 }[e.key];
    if (d !== undefined) set(x + d);
    else if (e.key === 'Home') set(X_MIN);
    else if (e.key === 'End') set(X_MAX);
    else return;
    e.preventDefault();
  };
  const px = toSvgX(x);
  const py = toSvgY(y);
  return (
    <Widget name="sigmoid" title={s.title}>
      <svg
        ref={svgRef}
        className="sg-plot"
        viewBox={`0 0 ${VIEW.w} ${VIEW.h}`}
        role="group"
        aria-label={s.plot}
        onPointerDown={(e) => {
          (e.currentTarget as Element).setPointerCapture(e.pointerId);
          fromPointer(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons & 1) fromPointer(e);
        }}
      >
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line className="sg-grid" x1={toSvgX(X_MIN)} x2={toSvgX(X_MAX)} y1={toSvgY(v)} y2={toSvgY(v)} />
            <text className="sg-tick" x={VIEW.left - 6} y={toSvgY(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {[-8, -4, 0, 4, 8].map((v) => (
          <text key={v} className="sg-tick" x={toSvgX(v)} y={VIEW.h - 8} textAnchor="middle">
            {v}
          </text>
        ))}
        <line className="sg-axis" x1={toSvgX(0)} x2={toSvgX(0)} y1={toSvgY(0)} y2={toSvgY(1)} />
        <path className="sg-curve" d={path} />
        <line className="sg-guide" x1={px} x2={px} y1={toSvgY(0)} y2={py} />
        <line className="sg-guide" x1={toSvgX(X_MIN)} x2={px} y1={py} y2={py} />
        <g
          className="sg-handle"
          role="slider"
          tabIndex={0}
          aria-label={s.point}
          aria-valuemin={X_MIN}
          aria-valuemax={X_MAX}
          aria-valuenow={x}
          aria-valuetext={`x = ${fmt(x)}, σ(x) = ${y.toFixed(4)}`}
          data-testid="sigmoid-handle"
          onKeyDown={onKey}
        >
          <circle cx={px} cy={py} r={14} className="sg-hit" />
          <circle cx={px} cy={py} r={7} className="sg-dot" />
        </g>
      </svg>
      <div className="widget-controls">
        <Slider label={s.input} value={x} min={X_MIN} max={X_MAX} step={STEP} onChange={set} format={fmt} testId="sigmoid-x" />
      </div>
      <p className="readout sg-readout" data-testid="sigmoid-value" aria-live="polite">
        σ({fmt(x)}) = 1 / (1 + exp(−({fmt(x)}))) = <strong>{y.toFixed(4)}</strong>
      </p>
      <p className="w-note">{s.note}</p>
      <ShowCode source={layersSrc} path="src/nn/layers.ts" names={['sigmoid']} book={<code>common/layers.py: class Sigmoid</code>} />
    </Widget>
  );
}
