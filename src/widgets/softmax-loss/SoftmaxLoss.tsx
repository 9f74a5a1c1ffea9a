import { useState } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { Widget } from '../ui/Widget';
import { Slider } from '../ui/Slider';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { ShowCode } from '../ui/ShowCode';
import layersSrc from '../../nn/layers.ts?raw';
import { crossEntropy, naiveSoftmax, showNumber, stableSoftmax } from './softmaxMath';
import { ProbabilityBars } from './ProbabilityBars';
import { OverflowDemo } from './OverflowDemo';
import '../ui/controls.css';
import './softmax-loss.css';

const S = defineStrings({
  ja: {
    title: 'ソフトマックスと交差エントロピー誤差',
    score: (i: number) => `スコア s${i}`,
    truth: '正解クラス t',
    cls: (i: number) => `クラス ${i}`,
    loss: '損失 L = −log(p_t + 1e-7)',
    probs: 'ソフトマックスの出力（確率）',
    sum: (v: string) => `確率の合計：${v}`,
    hint: '正解クラスの確率が 1 に近いほど損失は 0 に近づき、0 に近いほど急に大きくなります。',
  },
  en: {
    title: 'Softmax and the cross-entropy error',
    score: (i: number) => `Score s${i}`,
    truth: 'True class t',
    cls: (i: number) => `class ${i}`,
    loss: 'Loss L = −log(p_t + 1e-7)',
    probs: 'Softmax output (probabilities)',
    sum: (v: string) => `Sum of the probabilities: ${v}`,
    hint: 'The closer the true class’s probability is to 1, the closer the loss is to 0; as it nears 0 the loss shoots up.',
  },
});

const CLASSES = ['0', '1', '2'] as const;

/** §1.3.1: three scores → softmax probabilities → the cross-entropy loss of the chosen true class. */
export function SoftmaxLoss() {
  const s = useStrings(S);
  const [scores, setScores] = useState([0.3, 2.9, 4.0]);
  const [truth, setTruth] = useState<(typeof CLASSES)[number]>('0');
  const t = Number(truth);
  const p = stableSoftmax(scores);
  const loss = crossEntropy(scores, t);
  const set = (i: number) => (v: number) => setScores((prev) => prev.map((x, j) => (j === i ? v : x)));
  return (
    <Widget name="softmax-loss" title={s.title}>
      <div className="widget-controls">
        {scores.map((v, i) => (
          <Slider key={i} label={s.score(i)} value={v} min={-5} max={5} step={0.1} onChange={set(i)} format={(x) => x.toFixed(1)} testId={`softmax-score-${i}`} />
        ))}
        <ChoiceGroup label={s.truth} value={truth} options={CLASSES.map((c) => ({ value: c, label: s.cls(Number(c)) }))} onChange={setTruth} testId="softmax-truth" />
      </div>
      <ProbabilityBars probs={p} truth={t} label={s.probs} classLabel={s.cls} />
      <p className="sl-loss">
        {s.loss} = <strong className="readout" data-testid="softmax-loss-value">{showNumber(loss)}</strong>
        <span className="w-note"> — {s.sum(showNumber(p.reduce((a, b) => a + b, 0), 6))}</span>
      </p>
      <p className="w-note">{s.hint}</p>
      <OverflowDemo scores={scores} naive={naiveSoftmax} stable={stableSoftmax} />
      <ShowCode source={layersSrc} path="src/nn/layers.ts" names={['softmax', 'crossEntropyError']} book={<code>common/functions.py: softmax, cross_entropy_error</code>} />
    </Widget>
  );
}
