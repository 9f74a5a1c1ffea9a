import { useState } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { Widget } from '../ui/Widget';
import { Slider } from '../ui/Slider';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { Tex } from '../weight-update/Tex';
import { FUNCTIONS, centralDiff, errorSweep, forwardDiff, type Fn1 } from './derivativeMath';
import { ErrorPlot } from './ErrorPlot';
import { TangentPlot } from './TangentPlot';
import { useParens } from '../../app/punctuation';
import '../ui/controls.css';
import './derivative.css';

const S = defineStrings({
  ja: {
    title: '微分：接線の傾きと数値微分',
    fn: '関数',
    point: (x: string) => `点の位置 x = ${x}（ドラッグ、または矢印キー）`,
    pointLabel: '接線を引く点',
    x: 'x',
    h: '微小な幅 h',
    analytic: '解析的な微分 f′(x)',
    central: '中心差分 (f(x+h) − f(x−h)) / 2h',
    forward: '前方差分 (f(x+h) − f(x)) / h',
    error: '誤差',
    plotLabel: 'h に対する数値微分の誤差（両対数グラフ）',
    axisH: 'h',
    axisErr: '|数値微分 − 解析解|',
    centralName: '中心差分',
    forwardName: '前方差分',
    best: (h: string) => `この点では h ≈ ${h} あたりで中心差分の誤差が最小になります。中心差分の誤差は 2 つの和です。打ち切り誤差は h² に比例して小さくなり、丸め誤差はおよそ ε/h（ε ≈ 2.2e−16 は float64 の計算機イプシロン）に比例して大きくなります。この h より小さくすると丸め誤差のほうが大きくなり、誤差はかえって増えます。`,
  },
  en: {
    title: 'Derivatives: the tangent’s slope and the numerical derivative',
    fn: 'Function',
    point: (x: string) => `Point at x = ${x} (drag it, or use the arrow keys)`,
    pointLabel: 'Point of the tangent',
    x: 'x',
    h: 'Small step h',
    analytic: 'Analytic derivative f′(x)',
    central: 'Central difference (f(x+h) − f(x−h)) / 2h',
    forward: 'Forward difference (f(x+h) − f(x)) / h',
    error: 'error',
    plotLabel: 'Error of the numerical derivative against h (log-log)',
    axisH: 'h',
    axisErr: '|numerical − analytic|',
    centralName: 'central',
    forwardName: 'forward',
    best: (h: string) => `At this point the central difference is most accurate around h ≈ ${h}. Its error has two parts: the truncation error shrinks like h², while the rounding error grows like ε/h (ε ≈ 2.2e−16, float64’s machine epsilon). Below this h the rounding error outgrows the truncation error, and the total error grows again.`,
  },
});

const sci = (v: number) => (v === 0 ? '0' : v.toExponential(2));
const num = (v: number) => (Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(10) : v.toExponential(8));

/** §1.3.2: tangent at a draggable point; numerical vs analytic derivative as h shrinks. */
export function Derivative() {
  const s = useStrings(S);
  const paren = useParens();
  const [fnId, setFnId] = useState<Fn1['id']>('cube');
  const [x, setX] = useState(0.8);
  const [hExp, setHExp] = useState(-4);
  const fn = FUNCTIONS.find((f) => f.id === fnId)!;
  const h = 10 ** hExp;
  const exact = fn.df(x);
  const central = centralDiff(fn.f, x, h);
  const forward = forwardDiff(fn.f, x, h);
  const sweep = errorSweep(fn, x);
  const xText = x.toFixed(2);
  return (
    <Widget name="derivative" title={s.title}>
      <div className="widget-controls">
        <ChoiceGroup label={s.fn} value={fnId} options={FUNCTIONS.map((f) => ({ value: f.id, label: f.id === 'cube' ? 'x³−2x' : f.id === 'sin' ? 'sin x' : 'eˣ' }))} onChange={setFnId} testId="derivative-fn" />
        <Slider label={s.x} value={x} min={-2.5} max={2.5} step={0.05} onChange={setX} format={(v) => v.toFixed(2)} testId="derivative-x" />
        <Slider label={s.h} value={hExp} min={-15} max={-1} step={0.5} onChange={setHExp} format={(v) => `1e${v}`} testId="derivative-h" />
      </div>
      <div className="dv-grid">
        <div>
          <div className="dv-formula">
            <Tex tex={fn.tex} /> , <Tex tex={fn.dtex} />
          </div>
          <TangentPlot f={fn.f} slope={exact} x={x} onX={setX} label={s.pointLabel} valueText={`x = ${xText}`} />
          <p className="w-note">{s.point(xText)}</p>
        </div>
        <div>
          <dl className="dv-readouts">
            <dt>{s.analytic}</dt>
            <dd className="readout" data-testid="derivative-analytic">{num(exact)}</dd>
            <dt>{s.central}</dt>
            <dd className="readout">
              <span data-testid="derivative-central">{num(central)}</span><span className="dv-err">{paren.open}{s.error} <span data-testid="derivative-error">{sci(Math.abs(central - exact))}</span>{paren.close}</span>
            </dd>
            <dt>{s.forward}</dt>
            <dd className="readout">
              {num(forward)}<span className="dv-err">{paren.open}{s.error} {sci(Math.abs(forward - exact))}{paren.close}</span>
            </dd>
          </dl>
          <ErrorPlot sweep={sweep} h={h} names={{ central: s.centralName, forward: s.forwardName, axisH: s.axisH, axisErr: s.axisErr }} ariaLabel={s.plotLabel} />
          <p className="w-note" data-testid="derivative-best-h" data-best-h={sweep.bestH}>{s.best(sci(sweep.bestH))}</p>
        </div>
      </div>
    </Widget>
  );
}
