import { defineStrings, useStrings } from '../../app/i18n';
import { formatArray } from './parseArray';
import type { NodeRun } from './nodeGallery';
import { ScrollBox } from '../ui/ScrollBox';

const S = defineStrings({
  ja: {
    caption: '順伝播の出力と、逆伝播の結果を数値微分で確かめた表',
    edge: '辺',
    shape: '形状',
    value: '値',
    backprop: '逆伝播',
    numeric: '数値微分',
    rel: '相対誤差',
    output: '（出力）',
  },
  en: {
    caption: 'The forward output, and the backward results checked by numerical differentiation',
    edge: 'Edge',
    shape: 'Shape',
    value: 'Value',
    backprop: 'Backprop',
    numeric: 'Numerical',
    rel: 'Rel. error',
    output: ' (output)',
  },
});

/** Forward outputs, then each input's backprop gradient beside its finite-difference check. */
export function CheckTable({ run, inputNames, outputNames }: { run: NodeRun; inputNames: string[]; outputNames: string[] }) {
  const s = useStrings(S);
  return (
    <ScrollBox className="gn-table-wrap" label={s.caption}>
      <table className="gn-table">
        <caption>{s.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.edge}</th>
            <th scope="col">{s.shape}</th>
            <th scope="col">{s.backprop} / {s.value}</th>
            <th scope="col">{s.numeric}</th>
            <th scope="col">{s.rel}</th>
          </tr>
        </thead>
        <tbody>
          {run.outputs.map((o, i) => (
            <tr key={`o${i}`} className="gn-out">
              <th scope="row">{outputNames[i]}{s.output}</th>
              <td>({o.rows},{o.cols})</td>
              <td className="readout" data-testid={`graph-output-${i}`}>{formatArray(o)}</td>
              <td />
              <td />
            </tr>
          ))}
          {run.grads.map((g, i) => {
            const e = run.relErrors[i];
            return (
              <tr key={`g${i}`}>
                <th scope="row">∂L/∂{inputNames[i]}</th>
                <td>({g.rows},{g.cols})</td>
                <td className="readout gn-grad" data-testid={`graph-grad-${i}`}>{formatArray(g)}</td>
                <td className="readout">{formatArray({ rows: g.rows, cols: g.cols, data: run.numeric[i] }, 6)}</td>
                <td className={`readout ${e < 1e-6 ? 'gn-pass' : 'gn-fail'}`} data-testid={`graph-check-${i}`} data-rel-error={e}>
                  {e === 0 ? '0' : e.toExponential(1)} {e < 1e-6 ? '✓' : '✗'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}
