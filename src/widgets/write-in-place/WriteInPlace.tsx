import { useState } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { Widget } from '../ui/Widget';
import { ShowCode } from '../ui/ShowCode';
import sharedSrc from './sharedGrads.ts?raw';
import { type StepResult, trainingStep } from './sharedGrads';
import { RefDiagram } from './RefDiagram';
import './write-in-place.css';
import { useColon } from '../../app/punctuation';
import { ScrollBox } from '../ui/ScrollBox';

const S = defineStrings({
  ja: {
    title: '勾配は「書き込む」か「付け替える」か',
    inPlace: '1 ステップ学習：grads[0][...] = dW',
    rebind: '1 ステップ学習：grads[0] = dW',
    ts: 'TypeScript では',
    intro:
      'どちらのボタンも、同じ小さなモデル（MatMul 1 つ + SoftmaxWithLoss）を初期状態から作り直し、本物の逆伝播で dW を計算してから SGD（lr = 0.5）で 1 回更新します。違うのは dW をしまう 1 行だけです。',
    none: 'まだ実行していません。ボタンを押してください。',
    dW: '計算した dW',
    seen: 'オプティマイザが受け取った model.grads[0]',
    before: '更新前の W',
    after: '更新後の W',
    yes: (mode: string) => `${mode}：重みが更新されました。layer.grads[0] と model.grads[0] は同じ配列を指したままなので、オプティマイザに dW が届きます。`,
    tableCaption: 'NumPy と TypeScript の対応',
    colNumpy: 'NumPy',
    colTs: 'TypeScript (Float64Array)',
    colWhat: '何が起きるか',
    rowSet: 'a がもともと持つメモリに b の値を書き込む。a は同じ配列のまま',
    rowRebind: '名前 a が別の配列を指すだけ。a を指していたほかの名前は古い配列のまま',
    rowView: 'ビュー：同じメモリの一部をのぞく窓。v に書くと a が変わる',
    no: (mode: string) => `${mode}：重みは 1 つも変わりませんでした。layer.grads[0] だけが新しい配列に付け替わり、model.grads[0] は最初のゼロの配列を指したままです。オプティマイザは勾配ゼロで「更新」したことになります。エラーは出ません。`,
  },
  en: {
    title: 'Write the gradient in, or rebind the name?',
    inPlace: 'Train one step: grads[0][...] = dW',
    rebind: 'Train one step: grads[0] = dW',
    ts: 'In TypeScript',
    intro:
      'Each button rebuilds the same tiny model (one MatMul + SoftmaxWithLoss) from scratch, computes dW by a real backward pass, and lets SGD (lr = 0.5) update once. The only difference is the one line that stores dW.',
    none: 'Not run yet: press a button.',
    dW: 'dW as computed',
    seen: 'model.grads[0] as the optimizer received it',
    before: 'W before',
    after: 'W after',
    yes: (mode: string) => `${mode}: the weights changed. layer.grads[0] and model.grads[0] still name the same array, so dW reaches the optimizer.`,
    tableCaption: 'NumPy and TypeScript side by side',
    colNumpy: 'NumPy',
    colTs: 'TypeScript (Float64Array)',
    colWhat: 'What happens',
    rowSet: 'b’s values are written into the memory a already owns; a stays the same array',
    rowRebind: 'only the name a moves to another array; other names for the old array still see the old one',
    rowView: 'a view: a window onto part of the same memory; writing to v changes a',
    no: (mode: string) => `${mode}: not a single weight changed. Only layer.grads[0] was rebound to a new array; model.grads[0] still names the original zero array, so the optimizer “updated” with a zero gradient. No error anywhere.`,
  },
});

const vec = (a: number[]) => `[${a.map((v) => (v === 0 ? '0' : v.toFixed(4))).join(', ')}]`;

/** §1.3.4.5 / §1.3.5: one real training step with the gradient written in place, or with the slot rebound. */
export function WriteInPlace() {
  const s = useStrings(S);
  const colon = useColon();
  const [result, setResult] = useState<StepResult | null>(null);
  const modeText = (r: StepResult) => (r.mode === 'in-place' ? 'grads[0][...] = dW' : 'grads[0] = dW');
  return (
    <Widget name="write-in-place" title={s.title} data={{ 'data-updated': result ? String(result.updated) : undefined, 'data-mode': result?.mode }}>
      <p className="w-note">{s.intro}</p>
      <div className="wip-buttons">
        <button type="button" className="primary" data-testid="step-in-place" onClick={() => setResult(trainingStep('in-place'))}>
          {s.inPlace}
          <span className="wip-ts">{s.ts}{colon}grads[0].set(dW)</span>
        </button>
        <button type="button" className="primary" data-testid="step-rebind" onClick={() => setResult(trainingStep('rebind'))}>
          {s.rebind}
          <span className="wip-ts">{s.ts}{colon}grads[0] = dW</span>
        </button>
      </div>
      <RefDiagram result={result} />
      {result ? (
        <>
          <dl className="wip-values">
            <dt>{s.dW}</dt>
            <dd className="readout">{vec(result.dW)}</dd>
            <dt>{s.seen}</dt>
            <dd className="readout" data-testid="write-in-place-seen">{vec(result.seenByOptimizer)}</dd>
            <dt>{s.before}</dt>
            <dd className="readout">{vec(result.before)}</dd>
            <dt>{s.after}</dt>
            <dd className="readout" data-testid="write-in-place-after">{vec(result.after)}</dd>
          </dl>
          <p className={`wip-verdict ${result.updated ? 'ok' : 'bad'}`} role="status" data-testid="write-in-place-verdict">
            {result.updated ? s.yes(modeText(result)) : s.no(modeText(result))}
          </p>
        </>
      ) : (
        <p className="w-note" role="status">{s.none}</p>
      )}
      <ScrollBox className="wip-table-wrap" label={s.tableCaption}>
        <table className="wip-table">
          <caption>{s.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{s.colNumpy}</th>
              <th scope="col">{s.colTs}</th>
              <th scope="col">{s.colWhat}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td><code>a[...] = b</code></td>
              <td><code>a.set(b)</code></td>
              <td>{s.rowSet}</td>
            </tr>
            <tr>
              <td><code>a = b</code></td>
              <td><code>a = b</code></td>
              <td>{s.rowRebind}</td>
            </tr>
            <tr>
              <td><code>v = a[1:3]</code></td>
              <td><code>v = a.subarray(1, 3)</code></td>
              <td>{s.rowView}</td>
            </tr>
          </tbody>
        </table>
      </ScrollBox>
      <ShowCode source={sharedSrc} path="src/widgets/write-in-place/sharedGrads.ts" names={['makeTinyModel', 'trainingStep']} book={<code>common/layers.py: MatMul.backward（grads[0][...] = dW）</code>} />
    </Widget>
  );
}
