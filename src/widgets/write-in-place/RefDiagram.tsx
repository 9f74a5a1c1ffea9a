import { defineStrings, useStrings } from '../../app/i18n';
import type { StepResult } from './sharedGrads';
import { ScrollBox } from '../ui/ScrollBox';

const S = defineStrings({
  ja: {
    label: '名前（リストの要素）と配列の対応図',
    layer: 'layer.grads[0]',
    model: 'model.grads[0]',
    modelNote: '→ オプティマイザの update が受け取るリスト',
    arrayA: '配列 A（__init__ で 1 度だけ確保）',
    arrayB: '配列 B（逆伝播で新しく作った dW）',
  },
  en: {
    label: 'Which array each name (list slot) refers to',
    layer: 'layer.grads[0]',
    model: 'model.grads[0]',
    modelNote: '→ the list the optimizer’s update receives',
    arrayA: 'array A (made once in __init__)',
    arrayB: 'array B (new dW from backward)',
  },
});

const fmt4 = (a: number[]) => `[${a.map((v) => (v === 0 ? '0' : v.toFixed(3))).join(', ')}]`;

/** Boxes for the two list slots and the arrays, arrows for "refers to". */
export function RefDiagram({ result }: { result: StepResult | null }) {
  const s = useStrings(S);
  const rebound = result?.mode === 'rebind';
  const arrayA = result ? (rebound ? result.seenByOptimizer : result.dW) : [0, 0, 0, 0];
  return (
    <ScrollBox className="wip-diagram-wrap" label={s.label}>
    <svg className="wip-diagram" viewBox="0 0 520 200" role="img" aria-label={s.label} data-testid="write-in-place-diagram" data-layer-points-to={rebound ? 'B' : 'A'}>
      <defs>
        <marker id="wip-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" className="wip-arrowhead" />
        </marker>
      </defs>
      <g className="wip-slot">
        <rect x={8} y={30} width={150} height={34} rx={6} />
        <text x={83} y={52}>{s.layer}</text>
        <rect x={8} y={120} width={150} height={34} rx={6} />
        <text x={83} y={142}>{s.model}</text>
        <text x={8} y={174} className="wip-small-left">{s.modelNote}</text>
      </g>
      <g className="wip-array">
        <rect x={286} y={88} width={228} height={48} rx={4} />
        <text x={286} y={82} className="wip-cap">{s.arrayA}</text>
        <text x={400} y={117} className="wip-vals">{fmt4(arrayA)}</text>
      </g>
      {rebound && (
        <g className="wip-array wip-new">
          <rect x={286} y={16} width={228} height={40} rx={4} />
          <text x={286} y={12} className="wip-cap">{s.arrayB}</text>
          <text x={400} y={41} className="wip-vals">{fmt4(result!.dW)}</text>
        </g>
      )}
      <path d={rebound ? 'M158,47 C220,40 245,36 283,36' : 'M158,47 C230,60 245,100 283,104'} className={`wip-ref ${rebound ? 'wip-ref-moved' : ''}`} markerEnd="url(#wip-arrow)" />
      <path d="M158,137 C220,134 245,124 283,120" className="wip-ref" markerEnd="url(#wip-arrow)" />
    </svg>
    </ScrollBox>
  );
}
