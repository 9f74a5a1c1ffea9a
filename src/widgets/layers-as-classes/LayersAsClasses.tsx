import { useMemo, useState } from 'react';
import { mat } from '../../nn/matrix';
import { SGD } from '../../nn/optimizers';
import { RandomState } from '../../nn/random';
import { TwoLayerNet } from '../../nn/twoLayerNet';
import netSrc from '../../nn/twoLayerNet.ts?raw';
import optSrc from '../../nn/optimizers.ts?raw';
import { defineStrings, useStrings } from '../../app/i18n';
import { ShowCode } from '../ui/ShowCode';
import { Slider } from '../ui/Slider';
import { Widget } from '../ui/Widget';
import { formatShape } from '../../nn/ndarray';
import { describeFlat, describeLayers } from './modelView';
import '../ui/controls.css';
import './LayersAsClasses.css';

const S = defineStrings({
  ja: {
    title: 'レイヤとしてのクラス化',
    hidden: '隠れ層のニューロン数',
    layers: 'model.layers（レイヤのリスト）',
    flat: 'model.params（1 本のリスト）',
    dict: '前作（1 冊目）の書き方：辞書',
    noParams: 'パラメータなし',
    step: 'SGD で 1 回更新する',
    steps: (n: number) => `更新 ${n} 回`,
    loss: '損失',
    why: 'オプティマイザは params と grads の 2 つのリストを先頭から順に見て、各 params[i] から学習率 × grads[i] を引いていくだけです。前作の SGD も辞書のキーを順に回していたので、名前を知らなくてよい点は同じです。変わったのはパラメータの置き場所です。各レイヤが自分の params と grads を持ち、モデルはレイヤのリストをつなげるだけで自分のリストを作ります。前作のように、重みを 1 つずつ \'W1\' などの名前で作り、名前でレイヤに渡し、勾配も名前で集める必要はもうありません。',
    stepNote: 'ボタンを押すと、ランダムな入力 10 個で forward と backward（中身は 1.3 節で見ます）を行ってから、SGD の update にモデルの params と grads を渡します。リストの中の配列がその場で書き換わるので、レイヤの W も同時に変わります。',
  },
  en: {
    title: 'Layers as classes',
    hidden: 'Hidden neurons',
    layers: 'model.layers (a list of layers)',
    flat: 'model.params (one flat list)',
    dict: 'The first book’s style: a dictionary',
    noParams: 'no parameters',
    step: 'Update once with SGD',
    steps: (n: number) => `${n} updates`,
    loss: 'loss',
    why: 'An optimizer walks the two lists params and grads side by side and subtracts the learning rate times grads[i] from each params[i]. The first book’s SGD did not need names either: it looped over the dictionary’s keys. What changed is where the parameters live. Each layer owns its params and grads, and the model builds its own lists by joining its layers’ lists, instead of creating every weight under a name such as \'W1\', handing it to a layer by that name and collecting its gradient by name again.',
    stepNote: 'The button runs forward and backward (backward is the subject of section 1.3) on 10 random inputs, then hands the model’s params and grads to SGD’s update. The arrays in the list change in place, so the layers’ W change with them.',
  },
});

/**
 * §1.2.2: a real TwoLayerNet seen three ways: its layers (each with params and grads), its one
 * flat params list (the same arrays, not copies), and the first book's dict with 'W1', 'b1' keys.
 */
export function LayersAsClasses() {
  const s = useStrings(S);
  const [hidden, setHidden] = useState(4);
  const model = useMemo(() => {
    const rng = new RandomState(1984);
    return { net: new TwoLayerNet(2, hidden, 3, rng), rng, opt: new SGD(1.0) };
  }, [hidden]);
  // steps taken and the last loss, of this model (a new hidden size starts from zero)
  const [trained, setTrained] = useState({ model, steps: 0, loss: NaN });
  const stats = trained.model === model ? trained : { steps: 0, loss: NaN };
  const { net } = model;
  const layers = describeLayers(net);
  const flat = describeFlat(net);

  const step = () => {
    // a random minibatch of 10 points and labels, drawn from the model's own RandomState
    const x = mat(10, 2, model.rng.randn(20));
    const t = model.rng.randint(0, 3, 10);
    const loss = net.forward(x, t);
    net.backward();
    model.opt.update(net.params, net.grads);
    setTrained({ model, steps: stats.steps + 1, loss });
  };

  return (
    <Widget name="layers-as-classes" title={s.title}>
      <div className="widget-controls">
        <Slider label={s.hidden} value={hidden} min={1} max={10} step={1} onChange={setHidden} testId="lac-hidden" />
      </div>
      <div className="lac-columns">
        <section className="lac-col" aria-label={s.layers} data-testid="lac-layers">
          <h4>{s.layers}</h4>
          <ul className="lac-list lac-layers">
            {layers.map((l, i) => (
              <li key={i} className="lac-layer" data-testid={`lac-layer-${i}`}>
                <code>layers[{i}]</code> <code className="lac-class">{l.kind}</code>
                <dl>
                  <dt>params</dt>
                  <dd>
                    <code>[{l.shapes.map(formatShape).join(', ')}]</code>
                    {l.flatIndex.length > 0 && <span className="lac-same"> → model.params[{l.flatIndex.join('], [')}]</span>}
                  </dd>
                  <dt>grads</dt>
                  <dd>
                    <code>[{l.shapes.map(formatShape).join(', ')}]</code>
                    {l.flatIndex.length > 0 && <span className="lac-same"> → model.grads[{l.flatIndex.join('], [')}]</span>}
                    {l.shapes.length === 0 && <span className="lac-none"> — {s.noParams}</span>}
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
        <section className="lac-col" aria-label={s.flat} data-testid="lac-flat">
          <h4>{s.flat}</h4>
          <ol className="lac-list lac-flat" start={0}>
            {flat.map((p, i) => (
              <li key={p.name} data-testid={`lac-param-${i}`}>
                <code>
                  [{i}] {p.name} {formatShape(p.shape)}
                </code>
                <span className="lac-size">
                  {p.size} {p.gradMatches ? '✓ grads' : '✗'}
                </span>
              </li>
            ))}
          </ol>
        </section>
        <section className="lac-col lac-dict" aria-label={s.dict} data-testid="lac-dict">
          <h4>{s.dict}</h4>
          <pre className="lac-dict-code">
            {`params = {}\n${flat.map((p) => `params['${p.name}']  # ${formatShape(p.shape)}`).join('\n')}`}
          </pre>
        </section>
      </div>
      <p className="w-note">{s.why}</p>
      <div className="lac-step">
        <button type="button" className="primary" onClick={step} data-testid="lac-step">
          {s.step}
        </button>
        <span className="readout" data-testid="lac-step-readout" aria-live="polite">
          {s.steps(stats.steps)}
          {stats.steps > 0 && ` · ${s.loss} ${stats.loss.toFixed(4)}`} · model.params[0][0] = {net.params[0][0].toFixed(6)} · layers[0].W[0, 0] ={' '}
          {net.layers[0].W.data[0].toFixed(6)}
        </span>
      </div>
      <p className="w-note">{s.stepNote}</p>
      <ShowCode source={netSrc} path="src/nn/twoLayerNet.ts" names={['TwoLayerNet']} what="TwoLayerNet" book={<code>ch01/two_layer_net.py: class TwoLayerNet</code>} />
      <ShowCode source={optSrc} path="src/nn/optimizers.ts" names={['SGD']} what="SGD" book={<code>common/optimizer.py: class SGD</code>} />
    </Widget>
  );
}
