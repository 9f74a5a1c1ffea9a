import type { Mat } from '../../nn/matrix';
import { fmt } from './parseArray';
import { ScrollBox } from '../ui/ScrollBox';

interface Props {
  symbol: string;
  inputs: { name: string; value?: Mat; grad?: Mat }[];
  outputs: { name: string; value?: Mat; grad?: Mat }[];
  label: string;
}

/** A value on an edge: a number as is, an array by its shape only (the table below has the numbers). */
function short(m: Mat | undefined): string {
  if (!m) return '?';
  if (m.rows === 1 && m.cols === 1) return fmt(m.data[0]);
  if (m.data.length <= 3) return `[${Array.from(m.data, (v) => fmt(v, 3)).join(', ')}]`;
  return `(${m.rows},${m.cols})`;
}

const W = 440, H = 170, CX = 220, CY = 85;

/**
 * One node as the book draws it: inputs on the left, outputs on the right, forward values in
 * blue above each edge and the gradients flowing back in red below it.
 */
export function NodeDiagram({ symbol, inputs, outputs, label }: Props) {
  const ys = (n: number) => (n === 1 ? [CY] : [CY - 48, CY + 48]);
  const inY = ys(inputs.length), outY = ys(outputs.length);
  return (
    <ScrollBox className="gn-diagram-wrap" label={label}>
    <svg className="gn-diagram" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <defs>
        <marker id="gn-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" className="gn-arrowhead" />
        </marker>
      </defs>
      {inputs.map((e, i) => (
        <EdgeLabel key={`i${i}`} x1={10} y1={inY[i]} x2={CX - 26} y2={CY + (inY[i] - CY) * 0.25} name={e.name} fwd={short(e.value)} bwd={short(e.grad)} />
      ))}
      {outputs.map((e, i) => (
        <EdgeLabel key={`o${i}`} x1={CX + 26} y1={CY + (outY[i] - CY) * 0.25} x2={W - 10} y2={outY[i]} name={e.name} fwd={short(e.value)} bwd={short(e.grad)} />
      ))}
      <circle cx={CX} cy={CY} r={24} className="gn-node" />
      <text x={CX} y={CY + 6} className="gn-symbol">{symbol}</text>
    </svg>
    </ScrollBox>
  );
}

function EdgeLabel({ x1, y1, x2, y2, name, fwd, bwd }: { x1: number; y1: number; x2: number; y2: number; name: string; fwd: string; bwd: string }) {
  const mx = (x1 + x2) / 2, my = (y1 + y2) / 2;
  return (
    <g>
      <line x1={x1} y1={y1} x2={x2} y2={y2} className="gn-edge" markerEnd="url(#gn-arrow)" />
      <text x={mx} y={my - 9} className="gn-fwd">{`${name} = ${fwd}`}</text>
      <text x={mx} y={my + 20} className="gn-bwd">{`∂L/∂${name} = ${bwd}`}</text>
    </g>
  );
}
