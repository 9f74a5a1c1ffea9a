import { Widget } from '../ui/Widget';
import { ShowCode } from '../ui/ShowCode';
import { useStrings } from '../../app/i18n';
import { useLabSettings } from '../../state/labSettings';
import netSrc from '../../nn/twoLayerNet.ts?raw';
import { formatShape, sizeOf } from '../../nn/ndarray';
import { PARAM_NAMES, twoLayerShapes, type ParamName } from '../../nn/twoLayerNet';
import { SettingControl } from './SettingControl';
import { labStrings } from './strings';
import './lab.css';

/** TwoLayerNet(I, H, O)'s parameters in the book's order [W1, b1, W2, b2], with shapes and sizes. */
function paramTable(input: number, hidden: number, output: number): { name: ParamName; shape: number[]; count: number }[] {
  const shapes = twoLayerShapes(input, hidden, output);
  return PARAM_NAMES.map((name, i) => ({ name, shape: shapes[i], count: sizeOf(shapes[i]) }));
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
                <code>{formatShape(r.shape)}</code>
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
