import { useState } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { Widget } from '../ui/Widget';
import { Slider } from '../ui/Slider';
import { Tex } from '../weight-update/Tex';
import { relativeError } from '../../nn/gradcheck';
import { fmt } from '../graph-nodes/parseArray';
import { chain } from './chainMath';
import '../ui/controls.css';
import './chain-rule.css';
import { useColon } from '../../app/punctuation';
import { ScrollBox } from '../ui/ScrollBox';

const S = defineStrings({
  ja: {
    title: 'チェインルール：z = t², t = x + y',
    graph: '計算グラフ。「x = 1.5」のような青い数字が順伝播の値、「∂z/∂x = …」と書いた太字の数字が逆伝播で流れてくる勾配です。',
    forward: '順伝播',
    backward: '逆伝播',
    product: '局所的な微分を掛け合わせる',
    numeric: '数値微分（中心差分）',
    rel: '相対誤差',
    note: '加算ノードの局所的な微分は 1 なので、∂z/∂x と ∂z/∂y はどちらも 2t になります。この勾配は 1.3.4 のノード（src/nn/nodes.ts）で計算しています。t を分岐ノードで 2 本に分けて乗算ノードに入れると z = t·t になり、乗算ノードがそれぞれに t を返し、分岐ノードがそれを足して 2t になります。',
  },
  en: {
    title: 'The chain rule: z = t², t = x + y',
    graph: 'The computational graph. Blue numbers such as “x = 1.5” are forward values; the bold numbers marked “∂z/∂x = …” are the gradients flowing back.',
    forward: 'Forward',
    backward: 'Backward',
    product: 'Multiply the local derivatives',
    numeric: 'Numerical (central difference)',
    rel: 'relative error',
    note: 'The add node’s local derivative is 1, so ∂z/∂x and ∂z/∂y are both 2t. These gradients come from the nodes of §1.3.4 (src/nn/nodes.ts): t goes through a Branch into both inputs of a Multiply, so z = t·t; Multiply hands each copy t, and Branch adds the two into 2t.',
  },
});

/** §1.3.3: local derivatives along the path from z back to x and y, multiplied, then checked numerically. */
export function ChainRule() {
  const s = useStrings(S);
  const colon = useColon();
  const [x, setX] = useState(1.5);
  const [y, setY] = useState(-0.5);
  const r = chain(x, y);
  const relX = relativeError([r.dzdx], [r.numDzdx]);
  return (
    <Widget name="chain-rule" title={s.title}>
      <div className="widget-controls">
        <Slider label="x" value={x} min={-3} max={3} step={0.1} onChange={setX} format={(v) => v.toFixed(1)} testId="chain-x" />
        <Slider label="y" value={y} min={-3} max={3} step={0.1} onChange={setY} format={(v) => v.toFixed(1)} testId="chain-y" />
      </div>
      <ScrollBox className="cr-graph-wrap" label={s.graph}>
      <svg className="cr-graph" viewBox="0 0 430 190" role="img" aria-label={s.graph}>
        <defs>
          <marker id="cr-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="cr-arrowhead" />
          </marker>
        </defs>
        <Edge x1={20} y1={25} x2={152} y2={84} name="x" fwd={fmt(x)} bwd={fmt(r.dzdx)} labelAt={[78, 22]} gradAt={[70, 78]} />
        <Edge x1={20} y1={165} x2={152} y2={106} name="y" fwd={fmt(y)} bwd={fmt(r.dzdy)} labelAt={[78, 178]} gradAt={[70, 122]} />
        <Edge x1={184} y1={95} x2={282} y2={95} name="t" fwd={fmt(r.t)} bwd={fmt(r.dzdt)} labelAt={[233, 85]} gradAt={[233, 115]} />
        <Edge x1={314} y1={95} x2={425} y2={95} name="z" fwd={fmt(r.z)} bwd="1" labelAt={[368, 85]} gradAt={[368, 115]} />
        <circle cx={168} cy={95} r={16} className="cr-node" />
        <text x={168} y={100} className="cr-op">+</text>
        <circle cx={298} cy={95} r={16} className="cr-node" />
        <text x={298} y={100} className="cr-op">t²</text>
      </svg>
      </ScrollBox>
      <p className="w-note">{s.graph}</p>
      <div className="cr-math">
        <div>
          {s.product}{colon}<Tex tex={`\\frac{\\partial z}{\\partial x} = \\frac{\\partial z}{\\partial t}\\,\\frac{\\partial t}{\\partial x} = 2t \\cdot 1 = ${fmt(r.dzdt)} \\cdot 1 = ${fmt(r.dzdx)}`} />
        </div>
        <div className="readout">
          {s.numeric}{colon}∂z/∂x ≈ <span data-testid="chain-numeric-dzdx">{r.numDzdx.toFixed(10)}</span>, ∂z/∂y ≈ {r.numDzdy.toFixed(10)}
        </div>
        <div className="readout" data-testid="chain-check" data-rel-error={relX}>
          {s.rel}{colon}{relX === 0 ? '0' : relX.toExponential(2)} {relX < 1e-6 ? '✓' : '✗'}
        </div>
      </div>
      <p className="w-note">{s.note}</p>
      <span className="visually-hidden" data-testid="chain-dzdx">{r.dzdx}</span>
    </Widget>
  );
}

function Edge({ x1, y1, x2, y2, name, fwd, bwd, labelAt, gradAt }: { x1: number; y1: number; x2: number; y2: number; name: string; fwd: string; bwd: string; labelAt: [number, number]; gradAt: [number, number] }) {
  return (
    <g>
      <line x1={x1} y1={y1} x2={x2} y2={y2} className="cr-edge" markerEnd="url(#cr-arrow)" />
      <text x={labelAt[0]} y={labelAt[1]} className="cr-fwd">{`${name} = ${fwd}`}</text>
      <text x={gradAt[0]} y={gradAt[1]} className="cr-bwd">{`∂z/∂${name} = ${bwd}`}</text>
    </g>
  );
}
