import { Widget } from '../ui/Widget';
import { ShowCode } from '../ui/ShowCode';
import { useStrings } from '../../app/i18n';
import { useLabSettings } from '../../state/labSettings';
import netSrc from '../../nn/twoLayerNet.ts?raw';
import { SettingControl } from './SettingControl';
import { labStrings } from './strings';
import './lab.css';

/** Shapes of TwoLayerNet(I, H, O)'s parameters in the book's order [W1, b1, W2, b2]. */
function paramTable(input: number, hidden: number, output: number): { name: string; shape: number[]; count: number }[] {
  const rows = [
    { name: 'W1', shape: [input, hidden] },
    { name: 'b1', shape: [hidden] },
    { name: 'W2', shape: [hidden, output] },
    { name: 'b2', shape: [output] },
  ];
  return rows.map((r) => ({ ...r, count: r.shape.reduce((a, b) => a * b, 1) }));
}

/** §1.4.2: `TwoLayerNet(2, hidden, classes)`: each parameter's shape and the total count. */
export function NetworkSummary() {
  const s = useStrings(labStrings);
  const hidden = useLabSettings((x) => x.settings.hidden);
  const classes = useLabSettings((x) => x.settings.classes);
  const rows = paramTable(2, hidden, classes);
  const total = rows.reduce((a, r) => a + r.count, 0);
  return (
    <Widget name="network-summary" title={s.netTitle} className="net-summary">
      <div className="widget-controls">
        <SettingControl store={useLabSettings} k="hidden" testId="net-hidden" />
      </div>
      <p>
        <code data-testid="net-call">
          TwoLayerNet(input_size=2, hidden_size={hidden}, output_size={classes})
        </code>
      </p>
      <table data-testid="net-table" data-total={total}>
        <thead>
          <tr>
            <th scope="col">{s.netParam}</th>
            <th scope="col">{s.netShape}</th>
            <th scope="col">{s.netCount}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">
                <code>{r.name}</code>
              </th>
              <td>
                <code>({r.shape.join(', ')}{r.shape.length === 1 ? ',' : ''})</code>
              </td>
              <td className="num">{r.count}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{s.netTotal}</th>
            <td />
            <td className="num">{total}</td>
          </tr>
        </tbody>
      </table>
      <ShowCode source={netSrc} path="src/nn/twoLayerNet.ts" names={['TwoLayerNet']} book={<code>ch01/two_layer_net.py: TwoLayerNet</code>} />
    </Widget>
  );
}
