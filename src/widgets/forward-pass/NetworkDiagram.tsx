import type { Mat } from '../../nn/matrix';

const W = 480;
const H = 270;
const COLS = [60, 235, 405];
const R = 21;

function ys(n: number): number[] {
  const gap = (H - 40) / n;
  return Array.from({ length: n }, (_, i) => 20 + gap * (i + 0.5));
}

interface Props {
  x: number[];
  h: number[];
  s: number[];
  W1: Mat;
  W2: Mat;
  label: string;
  names: { input: string; hidden: string; output: string };
}

/**
 * The 2-4-3 network as nodes and edges (§1.2.1): edge colour is the weight's sign, its width the
 * weight's size; hidden nodes are shaded by their activation σ(a) ∈ (0, 1).
 */
export function NetworkDiagram({ x, h, s, W1, W2, label, names }: Props) {
  const yIn = ys(x.length);
  const yHid = ys(h.length);
  const yOut = ys(s.length);
  const maxW = Math.max(...Array.from(W1.data, Math.abs), ...Array.from(W2.data, Math.abs), 1e-9);
  const edge = (w: number) => ({ className: w >= 0 ? 'fp-edge pos' : 'fp-edge neg', strokeWidth: 0.6 + (3.6 * Math.abs(w)) / maxW });
  return (
    <svg className="fp-net" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="forward-diagram">
      {yIn.map((y0, i) => yHid.map((y1, j) => <line key={`a${i}${j}`} x1={COLS[0]} y1={y0} x2={COLS[1]} y2={y1} {...edge(W1.data[i * W1.cols + j])} />))}
      {yHid.map((y0, j) => yOut.map((y1, k) => <line key={`b${j}${k}`} x1={COLS[1]} y1={y0} x2={COLS[2]} y2={y1} {...edge(W2.data[j * W2.cols + k])} />))}
      {x.map((v, i) => (
        <Node key={`x${i}`} cx={COLS[0]} cy={yIn[i]} value={v} name={`x${i + 1}`} side="left" />
      ))}
      {h.map((v, j) => (
        <Node key={`h${j}`} cx={COLS[1]} cy={yHid[j]} value={v} name={`h${j + 1}`} fill={v} side="top" />
      ))}
      {s.map((v, k) => (
        <Node key={`s${k}`} cx={COLS[2]} cy={yOut[k]} value={v} name={`s${k + 1}`} side="right" />
      ))}
      <text className="fp-col" x={COLS[0]} y={H - 4} textAnchor="middle">
        {names.input}
      </text>
      <text className="fp-col" x={COLS[1]} y={H - 4} textAnchor="middle">
        {names.hidden}
      </text>
      <text className="fp-col" x={COLS[2]} y={H - 4} textAnchor="middle">
        {names.output}
      </text>
    </svg>
  );
}

type Side = 'left' | 'top' | 'right';
const LABEL: Record<Side, (cx: number, cy: number) => { x: number; y: number; textAnchor: 'end' | 'middle' | 'start' }> = {
  left: (cx, cy) => ({ x: cx - R - 4, y: cy + 4, textAnchor: 'end' }),
  top: (cx, cy) => ({ x: cx + R + 2, y: cy - R + 2, textAnchor: 'start' }),
  right: (cx, cy) => ({ x: cx + R + 4, y: cy + 4, textAnchor: 'start' }),
};

function Node({ cx, cy, value, name, fill, side }: { cx: number; cy: number; value: number; name: string; fill?: number; side: Side }) {
  return (
    <g>
      <circle cx={cx} cy={cy} r={R} className="fp-node" />
      {fill !== undefined && <circle cx={cx} cy={cy} r={R} className="fp-node-fill" opacity={fill} />}
      <text className="fp-name" {...LABEL[side](cx, cy)}>
        {name}
      </text>
      <text className="fp-val" x={cx} y={cy + 4} textAnchor="middle">
        {value.toFixed(2)}
      </text>
    </g>
  );
}
