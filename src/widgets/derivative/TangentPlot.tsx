import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  f: (x: number) => number;
  slope: number;
  x: number;
  onX: (x: number) => void;
  label: string;
  valueText: string;
}

const W = 360, HT = 220, X0 = -2.5, X1 = 2.5, STEP = 0.05;

/**
 * y = f(x) with a draggable point and its tangent line. The point is a focusable slider:
 * arrow keys move it by 0.05 (Page Up/Down by 0.5), pointer drags move it anywhere.
 */
export function TangentPlot({ f, slope, x, onX, label, valueText }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const xs = Array.from({ length: 121 }, (_, i) => X0 + ((X1 - X0) * i) / 120);
  const ys = xs.map(f);
  const yMin = Math.min(...ys), yMax = Math.max(...ys);
  const pad = (yMax - yMin) * 0.08 || 1;
  const [lo, hi] = [yMin - pad, yMax + pad];
  const px = (v: number) => ((v - X0) / (X1 - X0)) * W;
  const py = (v: number) => HT - ((v - lo) / (hi - lo)) * HT;
  const curve = xs.map((v, i) => `${px(v).toFixed(1)},${py(ys[i]).toFixed(1)}`).join(' ');
  const y0 = f(x);
  const tx = [x - 1, x + 1];
  const clampX = (v: number) => Math.min(X1, Math.max(X0, Math.round(v / STEP) * STEP));

  const fromPointer = (e: PointerEvent<SVGSVGElement>) => {
    const r = svg.current!.getBoundingClientRect();
    onX(clampX(X0 + ((e.clientX - r.left) / r.width) * (X1 - X0)));
  };
  const onKey = (e: KeyboardEvent) => {
    const d = { ArrowLeft: -STEP, ArrowDown: -STEP, ArrowRight: STEP, ArrowUp: STEP, PageDown: -0.5, PageUp: 0.5 }[e.key];
    if (d !== undefined) onX(clampX(x + d));
    else if (e.key === 'Home') onX(X0);
    else if (e.key === 'End') onX(X1);
    else return;
    e.preventDefault();
  };

  return (
    <svg
      ref={svg}
      className="dv-plot"
      viewBox={`0 0 ${W} ${HT}`}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        fromPointer(e);
      }}
      onPointerMove={(e) => e.buttons === 1 && fromPointer(e)}
    >
      <line x1={0} x2={W} y1={py(0)} y2={py(0)} className="dv-axis" />
      <line x1={px(0)} x2={px(0)} y1={0} y2={HT} className="dv-axis" />
      <polyline points={curve} className="dv-curve" />
      <line x1={px(tx[0])} y1={py(y0 - slope)} x2={px(tx[1])} y2={py(y0 + slope)} className="dv-tangent" />
      <circle
        cx={px(x)}
        cy={py(y0)}
        r={8}
        className="dv-point"
        tabIndex={0}
        role="slider"
        aria-label={label}
        aria-valuemin={X0}
        aria-valuemax={X1}
        aria-valuenow={Number(x.toFixed(2))}
        aria-valuetext={valueText}
        data-testid="derivative-point"
        onKeyDown={onKey}
      />
    </svg>
  );
}
