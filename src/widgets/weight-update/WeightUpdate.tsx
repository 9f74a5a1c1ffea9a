import { useMemo, useState } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { Widget } from '../ui/Widget';
import { Slider } from '../ui/Slider';
import { ShowCode } from '../ui/ShowCode';
import { OPTIMIZER_NAMES } from '../../nn/optimizers';
import { type Regime, classify, runPath } from '../../nn/surfaces';
import optimizersSrc from '../../nn/optimizers.ts?raw';
import { BowlChart } from './BowlChart';
import { Tex } from './Tex';
import { OptimizerPanel } from './OptimizerPanel';
import { LR_CHOICES, showPoint } from './lrChoices';
import './weight-update.css';
import { useColon } from '../../app/punctuation';

const S = defineStrings({
  ja: {
    title: '重みの更新：お椀型の損失面を下る',
    lr: '学習率 η',
    steps: (n: number) => `${n} ステップ`,
    regime: { crawl: 'のろのろ（なかなか底に着かない）', converge: '収束（底に着く）', oscillate: '振動（谷をジグザグに往復）', diverge: '発散（どんどん遠ざかる）' } as Record<Regime, string>,
    end: '最後の位置',
    loss: '最後の損失',
    diverged: (k: number) => `${k} ステップ目で |W| が 10⁶ を超えたので止めました`,
    chart: 'f(x, y) = x²/20 + y² の等高線と SGD の軌跡',
    surface: '損失面',
    update: '更新（SGD）',
    gallery: '本の 6 つのオプティマイザ（同じ面、同じ出発点 (−7, 2)）',
    galleryNote: '各パネルの学習率は個別に変えられます。初期値は、前作が同じ面で比べたときの値（SGD 0.95、Momentum 0.1、AdaGrad 1.5、Adam 0.3）と、Nesterov・RMSprop は同じ考え方で選んだ値です。',
    gallerySteps: 'ステップ数',
  },
  en: {
    title: 'Updating the weights: down an elongated bowl',
    lr: 'Learning rate η',
    steps: (n: number) => `${n} steps`,
    regime: { crawl: 'crawls (still far from the bottom)', converge: 'converges (reaches the bottom)', oscillate: 'oscillates (zig-zags across the valley)', diverge: 'diverges (runs away)' } as Record<Regime, string>,
    end: 'Final position',
    loss: 'Final loss',
    diverged: (k: number) => `stopped at step ${k}: |W| passed 10⁶`,
    chart: 'Contours of f(x, y) = x²/20 + y² and the path of SGD',
    surface: 'Loss surface',
    update: 'Update (SGD)',
    gallery: 'The book’s six optimizers (same surface, same start (−7, 2))',
    galleryNote: 'Each panel has its own learning rate. They start at the values the first book used on this surface (SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3), with Nesterov and RMSprop chosen the same way.',
    gallerySteps: 'Steps',
  },
});

/** Steps of the single SGD run: enough that a good learning rate reaches the bottom. */
const SGD_STEPS = 60;

/** §1.3.6: SGD with a learning-rate slider, then the six optimizers side by side. */
export function WeightUpdate() {
  const s = useStrings(S);
  const colon = useColon();
  const [lrIndex, setLrIndex] = useState(LR_CHOICES.indexOf(0.3));
  const [steps, setSteps] = useState(40);
  const lr = LR_CHOICES[lrIndex];
  const path = useMemo(() => runPath('sgd', lr, SGD_STEPS), [lr]);
  const regime = classify(path);
  const last = path.xs.length - 1;
  return (
    <Widget name="weight-update" title={s.title}>
      <div className="wu-surface">
        <div>
          {s.surface}{colon}<Tex tex="L(x, y) = \frac{x^2}{20} + y^2" />
        </div>
        <div>
          {s.update}{colon}<Tex tex="W \leftarrow W - \eta \frac{\partial L}{\partial W}" />
        </div>
      </div>
      <div className="widget-controls">
        <Slider label={s.lr} value={lrIndex} min={0} max={LR_CHOICES.length - 1} step={1} onChange={setLrIndex} format={(i) => String(LR_CHOICES[i])} testId="sgd-lr" />
        <span className="readout">{s.steps(SGD_STEPS)}</span>
      </div>
      <BowlChart path={path} color="var(--class-5)" label={s.chart} testId="sgd-chart" />
      <p className={`wu-regime wu-${regime}`} data-testid="sgd-regime" data-regime={regime} role="status">
        η = {lr}{colon}<strong>{s.regime[regime]}</strong>
      </p>
      <p className="readout wu-final">
        {s.end}{colon}{showPoint(path.xs[last], path.ys[last])} · {s.loss}{colon}<span data-testid="sgd-final-loss">{path.losses[last].toPrecision(4)}</span>
        {path.diverged ? ` · ${s.diverged(last + 1)}` : ''}
      </p>
      <h4 className="wu-gallery-title">{s.gallery}</h4>
      <p className="w-note">{s.galleryNote}</p>
      <Slider label={s.gallerySteps} value={steps} min={5} max={100} step={5} onChange={setSteps} testId="gallery-steps" />
      <div className="wu-gallery">
        {OPTIMIZER_NAMES.map((name, i) => (
          <OptimizerPanel key={name} name={name} steps={steps} color={`var(--class-${(i + 4) % 6})`} />
        ))}
      </div>
      <ShowCode source={optimizersSrc} path="src/nn/optimizers.ts" names={['SGD', 'Momentum', 'Nesterov', 'AdaGrad', 'RMSprop', 'Adam']} book={<code>common/optimizer.py</code>} />
    </Widget>
  );
}
