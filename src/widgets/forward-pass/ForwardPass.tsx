import { useMemo, useState } from 'react';
import { mat, type Mat } from '../../nn/matrix';
import forwardNetSrc from '../../nn/forwardNet.ts?raw';
import { defineStrings, useStrings } from '../../app/i18n';
import { ArrayGrid } from '../ui/ArrayGrid';
import { ShowCode } from '../ui/ShowCode';
import { Slider } from '../ui/Slider';
import { TextField } from '../ui/TextField';
import { Widget } from '../ui/Widget';
import { NetworkDiagram } from './NetworkDiagram';
import { makeForwardExample, parseSeed, SIZES } from './forwardModel';
import '../ui/controls.css';
import './ForwardPass.css';

const S = defineStrings({
  ja: {
    title: '順伝播エクスプローラ（2-4-3 のネットワーク）',
    x1: '入力 x1',
    x2: '入力 x2',
    seed: 'シード（np.random.seed）',
    badSeed: '0 以上 4294967295 以下の整数を入れてください。',
    diagram: '入力 2、隠れ層 4、出力 3 のネットワーク。線の色が重みの符号（青が正、橙が負）、太さが重みの大きさ。',
    input: '入力層',
    hidden: '隠れ層 σ(a)',
    output: '出力（スコア）',
    legendPos: '正の重み',
    legendNeg: '負の重み',
    steps: '1 個の入力についての計算',
    batch: 'ミニバッチ（10 個まとめて）',
    batchNote: 'バイアス b1 は形状 (4,) ですが、(10, 4) の結果に足すとき、ブロードキャストで 10 行ぶん複製されます（点線がコピー）。',
    bGrid: 'b1 をブロードキャストしたもの (10, 4)',
    xGrid: 'x (10, 2)',
    sGrid: 's (10, 3)',
    predicted: (k: number) => `予測するクラス = argmax(s) = ${k}（図の s${k + 1}。0 から数えます。スコアがいちばん大きいクラスで、確率に直さなくても決まります）`,
  },
  en: {
    title: 'Forward pass explorer (a 2-4-3 network)',
    x1: 'Input x1',
    x2: 'Input x2',
    seed: 'Seed (np.random.seed)',
    badSeed: 'Use a whole number from 0 to 4294967295.',
    diagram: 'A network with 2 inputs, 4 hidden neurons and 3 outputs. Line colour is the weight’s sign (blue positive, orange negative), thickness its size.',
    input: 'input layer',
    hidden: 'hidden layer σ(a)',
    output: 'outputs (scores)',
    legendPos: 'positive weight',
    legendNeg: 'negative weight',
    steps: 'The calculation for one input',
    batch: 'A mini-batch (10 inputs at once)',
    batchNote: 'The bias b1 has shape (4,), but when it is added to the (10, 4) result, broadcasting repeats it for all 10 rows (dashed cells are the copies).',
    bGrid: 'b1 broadcast to (10, 4)',
    xGrid: 'x (10, 2)',
    sGrid: 's (10, 3)',
    predicted: (k: number) => `predicted class = argmax(s) = ${k} (s${k + 1} in the diagram, counting from 0: the largest score; no probabilities are needed to pick it)`,
  },
});

const f2 = (v: number) => v.toFixed(2);
const row = (m: Mat) => Array.from(m.data.subarray(0, m.cols));
const list = (v: number[]) => `[${v.map((n) => n.toFixed(3)).join(', ')}]`;
/** NumPy's argmax: the first index of the largest value. */
const argmax = (v: number[]) => v.reduce((best, x, i) => (x > v[best] ? i : best), 0);

/** §1.2.1: inputs flow through x·W1 + b1, the sigmoid and h·W2 + b2 to three scores, one input or ten. */
export function ForwardPass() {
  const s = useStrings(S);
  const [seedText, setSeedText] = useState('0');
  const [seed, setSeed] = useState(0);
  const ex = useMemo(() => makeForwardExample(seed), [seed]);
  const [x, setX] = useState<[number, number]>([1.8, 0.4]);
  const one = ex.net.trace(mat(1, 2, x));
  const seedError = parseSeed(seedText) === undefined ? s.badSeed : undefined;
  const { batch: N, input: I, hidden: Hn, output: O } = SIZES;
  return (
    <Widget name="forward-pass" title={s.title}>
      <div className="widget-controls">
        <Slider label={s.x1} value={x[0]} min={-3} max={3} step={0.1} onChange={(v) => setX([v, x[1]])} format={(v) => v.toFixed(1)} testId="forward-x1" />
        <Slider label={s.x2} value={x[1]} min={-3} max={3} step={0.1} onChange={(v) => setX([x[0], v])} format={(v) => v.toFixed(1)} testId="forward-x2" />
        <TextField
          label={s.seed}
          value={seedText}
          size={10}
          error={seedError}
          testId="forward-seed"
          onChange={(t) => {
            setSeedText(t);
            const v = parseSeed(t);
            if (v !== undefined) setSeed(v);
          }}
        />
      </div>
      <div className="fp-scroll">
        <NetworkDiagram x={x} h={row(one.hidden)} s={row(one.scores)} W1={ex.params.W1} W2={ex.params.W2} label={s.diagram} names={{ input: s.input, hidden: s.hidden, output: s.output }} />
      </div>
      <p className="fp-legend">
        <span className="fp-key pos" /> {s.legendPos} <span className="fp-key neg" /> {s.legendNeg}
      </p>
      <h4 className="fp-h">{s.steps}</h4>
      <ol className="fp-steps readout" data-testid="forward-steps" aria-live="polite">
        <li>
          a = x @ W1 + b1 = {list(row(one.preActivation))} <span className="fp-shape">(1, 2) @ (2, 4) + (4,) → (1, 4)</span>
        </li>
        <li>
          h = sigmoid(a) = {list(row(one.hidden))} <span className="fp-shape">(1, 4)</span>
        </li>
        <li data-testid="forward-scores">
          s = h @ W2 + b2 = {list(row(one.scores))} <span className="fp-shape">(1, 4) @ (4, 3) + (3,) → (1, 3)</span>
        </li>
        <li data-testid="forward-class">{s.predicted(argmax(row(one.scores)))}</li>
      </ol>
      <h4 className="fp-h">{s.batch}</h4>
      <ol className="fp-shapes readout" data-testid="forward-batch-shapes">
        <li>
          x ({N}, {I}) @ W1 ({I}, {Hn}) + b1 ({Hn},) → ({N}, {Hn})
        </li>
        <li>
          sigmoid → h ({N}, {Hn})
        </li>
        <li>
          h ({N}, {Hn}) @ W2 ({Hn}, {O}) + b2 ({O},) → s ({N}, {O})
        </li>
      </ol>
      <p className="w-note">{s.batchNote}</p>
      <div className="fp-grids">
        <ArrayGrid shape={[N, I]} label={s.xGrid} caption={s.xGrid} text={(c) => f2(ex.x.data[c.flat])} testId="forward-batch-x" />
        <ArrayGrid shape={[N, Hn]} label={s.bGrid} caption={s.bGrid} text={(c) => f2(ex.params.b1[c.idx[1]])} cellClass={(c) => (c.idx[0] > 0 ? 'ghost' : undefined)} testId="forward-bias" />
        <ArrayGrid shape={[N, O]} label={s.sGrid} caption={s.sGrid} text={(c) => f2(ex.scores.data[c.flat])} testId="forward-batch-s" />
      </div>
      <ShowCode source={forwardNetSrc} path="src/nn/forwardNet.ts" names={['ForwardNet', 'forwardNetExample']} book={<code>ch01/forward_net.py: class Sigmoid, class Affine, class TwoLayerNet</code>} />
    </Widget>
  );
}
