import { useMemo, useState } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { groupDigits } from '../../app/numberFormat';
import { createRun } from '../../lab/createRun';
import { useSharedLabClient } from '../../lab/sharedClient';
import npySrc from '../../nn/npy.ts?raw';
import { ShowCode } from '../ui/ShowCode';
import { Widget } from '../ui/Widget';
import { BookGridDiff } from './BookGridDiff';
import { BoundaryPair } from './BoundaryPair';
import { bookRunSettings, useCurrentModel } from './bookRun';
import { ParamsFile } from './ParamsFile';
import { roundTrip } from './roundTrip';
import './PrecisionLab.css';
import type { ParamsPayload } from '../../lab/protocol';
import { useColon } from '../../app/punctuation';
import { ScrollBox } from '../ui/ScrollBox';

const S = defineStrings({
  ja: {
    title: '精度ラボ：float16 で保存して読み戻す',
    intro: '本の設定（スパイラル seed 1984、TwoLayerNet(2, 10, 3)、SGD 学習率 1.0、バッチ 30、300 エポック）で学習させてから、重みを float16 で保存・読み込みします。学習は、第 1 章の TwoLayerNet と同じく float64 で行います。',
    train: '本の設定で学習させる',
    training: '学習中（300 エポック、3,000 イテレーション）…',
    retrain: 'もう一度学習させる',
    failed: (m: string) => `学習できませんでした：${m}`,
    model: { initial: '学習前の初期の重み', trained: '学習済みのモデル', loaded: 'ファイルから読み込んだ重み' },
    current: '今のモデル',
    fileSize: 'ファイルの大きさ（.npz）',
    bytes: (n: number) => `${groupDigits(n, 'ja')} バイト`,
    book: 'save_params が保存する形式',
    file: 'ファイル',
    payload: 'うち重みそのもの',
    sizeNote: '差が 4 倍にならないのは、配列ごとのヘッダ（128 バイト）と zip の目録が、重みの数によらず同じだけ付くからです。',
    maxChange: '重みの最大の変化',
    at: (name: string, i: number) => `（${name} の ${i} 番目）`,
    metric: '',
    before: '保存前（float64）',
    after: '読み戻した後（float16 → float32）',
    loss: '損失',
    accuracy: '正解率',
    changed: (n: number, total: number) => `予測クラスが変わったデータ点：${n} / ${total}`,
    idle: (button: string) => `「${button}」を押すと、ワーカーの中で学習が始まります（数秒かかります）。`,
  },
  en: {
    title: 'Precision lab: save in float16, read it back',
    intro: 'Trains with the book’s settings (spiral seed 1984, TwoLayerNet(2, 10, 3), SGD with learning rate 1.0, batch 30, 300 epochs), then saves the weights in float16 and loads them back. Training runs in float64, as chapter 1’s TwoLayerNet does.',
    train: 'Train with the book’s settings',
    training: 'Training (300 epochs, 3,000 iterations)…',
    retrain: 'Train again',
    failed: (m: string) => `Training failed: ${m}`,
    model: { initial: 'initial weights, untrained', trained: 'the trained model', loaded: 'weights loaded from a file' },
    current: 'Current model',
    fileSize: 'File size (.npz)',
    bytes: (n: number) => `${groupDigits(n, 'en')} bytes`,
    book: 'what save_params writes',
    file: 'file',
    payload: 'of which weights',
    sizeNote: 'The sizes are not 4 : 2 : 1 because each array’s header (128 bytes) and the zip’s directory cost the same whatever the number of weights.',
    maxChange: 'Largest weight change',
    at: (name: string, i: number) => ` (${name}, element ${i})`,
    metric: '',
    before: 'Before saving (float64)',
    after: 'After reloading (float16 → float32)',
    loss: 'Loss',
    accuracy: 'Accuracy',
    changed: (n: number, total: number) => `Data points whose predicted class changed: ${n} of ${total}`,
    idle: (button: string) => `Press “${button}” to train in the worker (it takes a few seconds).`,
  },
});

type State = 'idle' | 'training' | 'ready' | 'error';
type Source = 'initial' | 'trained' | 'loaded';

/** The book's data and untrained TwoLayerNet (the lab engine's own run: same draws as train_custom_loop.py). */
function bookStart() {
  const run = createRun(bookRunSettings());
  return { data: run.data, initial: run.exportParams() as ParamsPayload };
}

/**
 * §1.5.1 precision lab: trains the book's model in the lab worker, then does what `save_params`
 * (float16) and `load_params` (float32) do and shows the cost: file sizes, the largest weight
 * change, loss/accuracy before and after, the two boundaries; downloads and loads `.npz` files.
 */
export function PrecisionLab() {
  const s = useStrings(S);
  const colon = useColon();
  const start = useMemo(() => bookStart(), []);
  const [state, setState] = useState<State>('idle');
  const [error, setError] = useState<string>();
  const [model, setModel] = useState<{ params: ParamsPayload; source: Source }>({ params: start.initial, source: 'initial' });
  const labClient = useSharedLabClient();
  const report = useMemo(() => roundTrip(model.params, start.data), [model, start]);

  function adopt(params: ParamsPayload, source: 'trained' | 'loaded') {
    setModel({ params, source });
    useCurrentModel.getState().set(params, source);
  }

  async function train() {
    setState('training');
    setError(undefined);
    try {
      const r = await labClient().trainToCompletion(bookRunSettings());
      adopt({ params: r.params, shapes: r.shapes }, 'trained');
      setState('ready');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setState('error');
    }
  }

  const total = start.data.x.rows;
  const weightCount = model.params.params.reduce((a, p) => a + p.length, 0);
  const pct = (a: number) => `${(a * 100).toFixed(1)}%`;
  return (
    <Widget
      name="precision-lab"
      title={s.title}
      data={{
        'data-state': state,
        'data-model': model.source,
        'data-accuracy-before': String(report.before.accuracy),
        'data-accuracy-after': String(report.after.accuracy),
        'data-loss-before': String(report.before.loss),
        'data-loss-after': String(report.after.loss),
        'data-max-change': String(report.maxChange.value),
        'data-changed': String(report.changed.length),
      }}
    >
      <p className="w-note">{s.intro}</p>
      <div className="widget-controls">
        <button type="button" className="primary" data-testid="precision-train" onClick={train} disabled={state === 'training'}>
          {model.source === 'trained' ? s.retrain : s.train}
        </button>
        {state === 'training' && (
          <span className="pl-busy" role="status">
            <span className="pl-spinner" aria-hidden="true" /> {s.training}
          </span>
        )}
      </div>
      {error && <p className="error-msg" role="alert">{s.failed(error)}</p>}
      <p className="pl-current">
        {s.current}{colon}<strong data-testid="precision-model">{s.model[model.source]}</strong>
      </p>
      {model.source === 'initial' && state !== 'training' && <p className="w-note">{s.idle(s.train)}</p>}
      <div className="pl-tables">
        <ScrollBox label={s.fileSize}>
        <table className="pl-table" data-testid="precision-sizes">
          <caption>{s.fileSize}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{s.file}</th>
              <th scope="col">{s.payload}</th>
            </tr>
          </thead>
          <tbody>
            {(['float64', 'float32', 'float16'] as const).map((f) => (
              <tr key={f} data-dtype={f} data-bytes={report.sizes[f]}>
                <th scope="row">
                  {f}
                  {f === 'float16' && <span className="pl-book">{s.book}</span>}
                </th>
                <td className="readout">{s.bytes(report.sizes[f])}</td>
                <td className="readout">{s.bytes(weightCount * { float64: 8, float32: 4, float16: 2 }[f])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollBox>
        <table className="pl-table" data-testid="precision-scores">
          <thead>
            <tr>
              <td />
              <th scope="col">{s.loss}</th>
              <th scope="col">{s.accuracy}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{s.before}</th>
              <td className="readout">{report.before.loss.toFixed(6)}</td>
              <td className="readout">{pct(report.before.accuracy)}</td>
            </tr>
            <tr>
              <th scope="row">{s.after}</th>
              <td className="readout">{report.after.loss.toFixed(6)}</td>
              <td className="readout">{pct(report.after.accuracy)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="w-note">{s.sizeNote}</p>
      <p className="readout pl-facts" data-testid="precision-max-change">
        {s.maxChange}{colon}{report.maxChange.value.toExponential(3)}
        {report.maxChange.value > 0 ? s.at(report.maxChange.name, report.maxChange.index) : ''}
      </p>
      <p className="readout pl-facts" data-testid="precision-changed">{s.changed(report.changed.length, total)}</p>
      <BoundaryPair before={model.params} after={report.reloaded} data={start.data} changed={report.changed} />
      <BookGridDiff before={model.params} after={report.reloaded} />
      <ParamsFile params={model.params} onLoaded={(p) => adopt(p, 'loaded')} />
      <ShowCode source={npySrc} path="src/nn/npy.ts" names={['saveParamsNpz', 'loadParamsNpz']} book={<code>common/base_model.py: save_params, load_params</code>} />
    </Widget>
  );
}
