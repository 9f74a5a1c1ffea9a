import { useEffect, useRef, useState } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { groupDigits } from '../../app/numberFormat';
import { agreement, timed } from '../../gpu/compare';
import { GpuUnavailableError, openGpuClassGrid, type GpuClassGrid, type GpuInfo } from '../../gpu/gpuClassGrid';
import shaderSrc from '../../gpu/classGridShader.ts?raw';
import { BOOK } from '../../nn/book';
import { useSharedLabClient } from '../../lab/sharedClient';
import { ShowCode } from '../ui/ShowCode';
import { Widget } from '../ui/Widget';
import { bookRunSettings, named, settingsFor, useCurrentModel } from '../precision-lab/bookRun';
import './GpuBench.css';
import type { ParamsPayload } from '../../lab/protocol';

const S = defineStrings({
  ja: {
    title: 'CPU と GPU で h = 0.001 の格子を予測する',
    checking: 'WebGPU が使えるか確かめています…',
    gpuYes: (a: string, soft: boolean) => `このブラウザでは WebGPU が使えます（アダプタ：${a}${soft ? '、ソフトウェア実装なので速さは参考になりません' : ''}）。`,
    gpuNo: (why: string) => `このブラウザでは WebGPU が使えません（${why}）。CPU のワーカーだけで計算します。`,
    why: {
      'no-webgpu': 'navigator.gpu がありません',
      'no-adapter': 'GPU アダプタが見つかりません',
      'no-device': 'GPU デバイスを開けませんでした',
      'too-many-classes': 'クラス数がシェーダの上限を超えています',
      'too-large': '格子が GPU のバッファに収まりません',
    },
    run: 'h = 0.001 で計測する',
    running: '計測中…',
    stepTrain: '本の設定でモデルを学習しています（ワーカー内）…',
    stepCpu: 'CPU のワーカーで格子を予測しています…',
    stepGpu: 'WebGPU のシェーダで格子を予測しています…',
    modelFrom: { trained: 'このページの精度ラボで学習したモデル', loaded: '精度ラボでファイルから読み込んだモデル', book: '本の設定で学習したモデル' },
    model: 'モデル',
    grid: '格子',
    cells: (r: number, c: number) => `${groupDigits(r, 'ja')} × ${groupDigits(c, 'ja')} = ${groupDigits(r * c, 'ja')} 点`,
    backend: '計算した場所',
    time: '時間',
    cpu: 'CPU（Web Worker、float64）',
    gpu: 'GPU（WebGPU、float32）',
    notRun: '実行せず',
    agree: (same: number, total: number, pct: string) => `${groupDigits(total, 'ja')} 点のうち ${groupDigits(same, 'ja')} 点（${pct}%）で CPU と同じクラス`,
    ranOn: (b: string) => `実行したバックエンド：${b}`,
    failed: (m: string) => `計測できませんでした：${m}`,
    gpuFailed: (m: string) => `GPU での計算に失敗したので CPU の結果だけを示します（${m}）。`,
    timeNote: 'CPU の時間はワーカーとの受け渡しを含み、GPU の時間はデータの転送と結果の読み戻しを含みます。',
  },
  en: {
    title: 'Predicting the h = 0.001 grid on the CPU and on the GPU',
    checking: 'Checking for WebGPU…',
    gpuYes: (a: string, soft: boolean) => `This browser has WebGPU (adapter: ${a}${soft ? '; a software implementation, so its speed means little' : ''}).`,
    gpuNo: (why: string) => `This browser has no WebGPU (${why}). Only the CPU worker will run.`,
    why: {
      'no-webgpu': 'navigator.gpu is missing',
      'no-adapter': 'no GPU adapter was found',
      'no-device': 'the GPU device could not be opened',
      'too-many-classes': 'more classes than the shader holds',
      'too-large': 'the grid does not fit a GPU buffer',
    },
    run: 'Measure at h = 0.001',
    running: 'Measuring…',
    stepTrain: 'Training the model with the book’s settings (in the worker)…',
    stepCpu: 'Predicting the grid in the CPU worker…',
    stepGpu: 'Predicting the grid in the WebGPU shader…',
    modelFrom: { trained: 'the model trained in this page’s precision lab', loaded: 'the model loaded from a file in the precision lab', book: 'a model trained with the book’s settings' },
    model: 'Model',
    grid: 'Grid',
    cells: (r: number, c: number) => `${groupDigits(r, 'en')} × ${groupDigits(c, 'en')} = ${groupDigits(r * c, 'en')} points`,
    backend: 'Ran on',
    time: 'Time',
    cpu: 'CPU (Web Worker, float64)',
    gpu: 'GPU (WebGPU, float32)',
    notRun: 'not run',
    agree: (same: number, total: number, pct: string) => `${groupDigits(same, 'en')} of ${groupDigits(total, 'en')} points (${pct}%) get the CPU’s class`,
    ranOn: (b: string) => `Backend that ran: ${b}`,
    failed: (m: string) => `The measurement failed: ${m}`,
    gpuFailed: (m: string) => `The GPU computation failed, so only the CPU result is shown (${m}).`,
    timeNote: 'The CPU time includes the round trip to the worker; the GPU time includes uploading the weights and reading the classes back.',
  },
});

type State = 'idle' | 'running' | 'done' | 'error';
type Step = 'train' | 'cpu' | 'gpu';
type Availability = { kind: 'checking' } | { kind: 'yes'; info: GpuInfo } | { kind: 'no'; reason: keyof (typeof S)['en']['why'] };

interface Result {
  rows: number;
  cols: number;
  cpuMs: number;
  gpuMs?: number;
  agreement?: number;
  same?: number;
  gpuError?: string;
  model: 'trained' | 'loaded' | 'book';
}

/**
 * §1.5.2: the book's 0.001 class grid computed by the CPU worker (the lab engine) and, when the
 * browser has WebGPU, by a compute shader; both times and the agreement, on the page's model.
 */
export function GpuBench() {
  const s = useStrings(S);
  const [avail, setAvail] = useState<Availability>({ kind: 'checking' });
  const [state, setState] = useState<State>('idle');
  const [step, setStep] = useState<Step | undefined>();
  const [result, setResult] = useState<Result | undefined>();
  const [error, setError] = useState<string | undefined>();
  const gpu = useRef<GpuClassGrid | undefined>(undefined);
  const labClient = useSharedLabClient();
  const bookModel = useRef<ParamsPayload | undefined>(undefined);

  useEffect(() => {
    let alive = true;
    openGpuClassGrid().then(
      (g) => {
        if (!alive) return g.destroy();
        gpu.current = g;
        setAvail({ kind: 'yes', info: g.info });
      },
      (e) => alive && setAvail({ kind: 'no', reason: e instanceof GpuUnavailableError ? e.reason : 'no-device' }),
    );
    return () => {
      alive = false;
      gpu.current?.destroy();
      gpu.current = undefined;
    };
  }, []);

  async function run() {
    setState('running');
    setError(undefined);
    setResult(undefined);
    try {
      const lab = labClient();
      const current = useCurrentModel.getState();
      let params = current.params;
      let model: Result['model'] = current.source ?? 'book';
      if (!params) {
        setStep('train');
        if (!bookModel.current) {
          const r = await lab.trainToCompletion(bookRunSettings());
          bookModel.current = { params: r.params, shapes: r.shapes };
        }
        params = bookModel.current;
        model = 'book';
      }
      const settings = settingsFor(params);
      // A tiny grid first, so the timing below does not include the worker's start or other
      // requests queued before this one.
      await lab.gridOf(settings, params, { cells: 4 });
      setStep('cpu');
      const cpu = await timed(() => lab.gridOf(settings, params, { h: BOOK.h }));
      const grid = cpu.value;
      const res: Result = { rows: grid.rows, cols: grid.cols, cpuMs: cpu.ms, model };
      if (gpu.current) {
        setStep('gpu');
        try {
          const g = await timed(() => gpu.current!.classGrid(named(params), grid));
          res.gpuMs = g.ms;
          res.agreement = agreement(g.value, grid.classes);
          res.same = Math.round(res.agreement * grid.classes.length);
        } catch (e) {
          res.gpuError = e instanceof Error ? e.message : String(e);
        }
      }
      setResult(res);
      setState('done');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setState('error');
    } finally {
      setStep(undefined);
    }
  }

  const backend = result?.gpuMs !== undefined ? 'webgpu' : 'cpu';
  // Never print 100% unless every point agrees.
  const pct = (a: number) => (a === 1 ? '100' : Math.min(a * 100, 99.99999).toFixed(5));
  return (
    <Widget
      name="gpu-bench"
      title={s.title}
      data={{
        'data-state': state,
        'data-backend': result ? backend : avail.kind === 'yes' ? 'webgpu' : 'cpu',
        'data-agreement': result?.agreement !== undefined ? String(result.agreement) : undefined,
        'data-cpu-ms': result ? result.cpuMs.toFixed(1) : undefined,
        'data-gpu-ms': result?.gpuMs !== undefined ? result.gpuMs.toFixed(1) : undefined,
      }}
    >
      <p className="gb-avail" data-testid="gpu-availability" role="status">
        {avail.kind === 'checking' ? s.checking : avail.kind === 'yes' ? s.gpuYes(avail.info.adapter, avail.info.fallback) : s.gpuNo(s.why[avail.reason])}
      </p>
      <div className="widget-controls">
        <button type="button" className="primary" data-testid="gpu-bench-run" onClick={run} disabled={state === 'running' || avail.kind === 'checking'}>
          {state === 'running' ? s.running : s.run}
        </button>
        {step && (
          <span className="gb-step" role="status">
            <span className="gb-spinner" aria-hidden="true" /> {step === 'train' ? s.stepTrain : step === 'cpu' ? s.stepCpu : s.stepGpu}
          </span>
        )}
      </div>
      {error && <p className="error-msg" role="alert">{s.failed(error)}</p>}
      {result && (
        <div className="gb-result" data-testid="gpu-bench-result">
          <dl className="gb-facts">
            <dt>{s.model}</dt>
            <dd>{s.modelFrom[result.model]}</dd>
            <dt>{s.grid}</dt>
            <dd className="readout">{s.cells(result.rows, result.cols)}</dd>
          </dl>
          <table className="gb-table">
            <thead>
              <tr>
                <th scope="col">{s.backend}</th>
                <th scope="col">{s.time}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{s.cpu}</th>
                <td className="readout">{result.cpuMs.toFixed(0)} ms</td>
              </tr>
              <tr>
                <th scope="row">{s.gpu}</th>
                <td className="readout">{result.gpuMs !== undefined ? `${result.gpuMs.toFixed(0)} ms` : s.notRun}</td>
              </tr>
            </tbody>
          </table>
          {result.agreement !== undefined && (
            <p className="readout" data-testid="gpu-agreement">
              {s.agree(result.same!, result.rows * result.cols, pct(result.agreement))}
            </p>
          )}
          {result.gpuError && <p className="error-msg">{s.gpuFailed(result.gpuError)}</p>}
          <p className="w-note">{s.ranOn(backend === 'webgpu' ? 'WebGPU + CPU' : 'CPU')}</p>
          <p className="w-note">{s.timeNote}</p>
        </div>
      )}
      <ShowCode source={shaderSrc} path="src/gpu/classGridShader.ts" names={['CLASS_GRID_WGSL']} book={<code>common/config.py: GPU = True → common/np.py: import cupy as np</code>} />
    </Widget>
  );
}
