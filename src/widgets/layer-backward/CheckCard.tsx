import { defineStrings, useStrings } from '../../app/i18n';
import { Tex } from '../weight-update/Tex';
import { fmt } from '../graph-nodes/parseArray';
import type { LayerCheck } from './layerChecks';
import { useColon, useParens } from '../../app/punctuation';
import { formatShape } from '../../nn/ndarray';

const S = defineStrings({
  ja: { backprop: '逆伝播', numeric: '数値微分', rel: '相対誤差', more: (n: number) => `ほか ${n} 個`, inputs: '入力' },
  en: { backprop: 'backprop', numeric: 'numerical', rel: 'rel. error', more: (n: number) => `${n} more`, inputs: 'inputs' },
});

const SHOWN = 4;
const sci = (e: number) => (e === 0 ? '0' : e.toExponential(2));

/** One layer's check: each gradient's first values from backprop and from differences, and their relative error. */
export function CheckCard({ id, check, title, formula, inputs, hint }: { id: string; check: LayerCheck; title: string; formula: string; inputs: string; hint?: string }) {
  const s = useStrings(S);
  const colon = useColon();
  const paren = useParens();
  const pass = check.relError < 1e-6;
  return (
    <article className={`lb-card ${pass ? 'pass' : 'fail'}`} data-testid={`gradcheck-${id}`} data-rel-error={check.relError}>
      <h4>{title}</h4>
      <div className="lb-formula">
        <Tex tex={formula} />
      </div>
      <p className="lb-inputs">{s.inputs}{colon}{inputs}</p>
      {check.pairs.map((p) => (
        <div key={p.name} className="lb-pair">
          <div className="lb-pair-head">
            <code>{p.name}</code> {formatShape(p.shape)} — {s.rel} <span className={p.relError < 1e-6 ? 'lb-ok' : 'lb-bad'}>{sci(p.relError)}</span>
          </div>
          <div className="lb-vals readout">
            <span>{s.backprop}</span>
            <span>{Array.from(p.analytic.slice(0, SHOWN), (v) => fmt(v, 6)).join(', ')}{p.analytic.length > SHOWN ? ` …${paren.open}${s.more(p.analytic.length - SHOWN)}${paren.close}` : ''}</span>
            <span>{s.numeric}</span>
            <span>{Array.from(p.numeric.slice(0, SHOWN), (v) => fmt(v, 6)).join(', ')}{p.numeric.length > SHOWN ? ' …' : ''}</span>
          </div>
        </div>
      ))}
      <p className="lb-total">
        {s.rel}{colon}<strong>{sci(check.relError)}</strong> {pass ? '✓' : '✗ (> 1e-6)'}
      </p>
      {hint && <p className="lb-hint" role="status">{hint}</p>}
    </article>
  );
}
