import { useMemo, useState } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { Slider } from '../ui/Slider';
import { type OptimizerName } from '../../nn/optimizers';
import { GALLERY_LR, runPath } from '../../nn/surfaces';
import { BowlChart } from './BowlChart';
import { Tex } from './Tex';
import { OPTIMIZER_CLASS, OPTIMIZER_TEX } from './formulas';
import { LR_CHOICES, nearestIndex, showPoint } from './lrChoices';

const S = defineStrings({
  ja: { lr: (c: string) => `学習率 η（${c}）`, loss: '損失', chart: (n: string) => `${n} の軌跡`, diverged: '発散' },
  en: { lr: (c: string) => `Learning rate η (${c})`, loss: 'loss', chart: (n: string) => `Path of ${n}`, diverged: 'diverged' },
});

/** One optimizer on the bowl: its formula, its learning rate, its path from the shared start. */
export function OptimizerPanel({ name, steps, color }: { name: OptimizerName; steps: number; color: string }) {
  const s = useStrings(S);
  const [lrIndex, setLrIndex] = useState(nearestIndex(GALLERY_LR[name]));
  const lr = LR_CHOICES[lrIndex];
  const path = useMemo(() => runPath(name, lr, steps), [name, lr, steps]);
  const last = path.xs.length - 1;
  const cls = OPTIMIZER_CLASS[name];
  return (
    <figure className="wu-panel" data-testid={`optimizer-${name}`} data-final-loss={path.losses[last]}>
      <figcaption>
        <strong>{cls}</strong>
      </figcaption>
      <div className="wu-tex">
        {OPTIMIZER_TEX[name].map((t) => (
          <div key={t}>
            <Tex tex={t} />
          </div>
        ))}
      </div>
      <Slider label={s.lr(cls)} value={lrIndex} min={0} max={LR_CHOICES.length - 1} step={1} onChange={setLrIndex} format={(i) => String(LR_CHOICES[i])} testId={`optimizer-${name}-lr`} />
      <BowlChart path={path} color={color} label={s.chart(cls)} />
      <p className="readout wu-panel-final">
        {showPoint(path.xs[last], path.ys[last])} · {s.loss} {path.losses[last].toPrecision(3)}
        {path.diverged ? ` · ${s.diverged}` : ''}
      </p>
    </figure>
  );
}
