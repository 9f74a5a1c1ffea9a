import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Widget } from '../ui/Widget';
import { ShowCode } from '../ui/ShowCode';
import { useStrings } from '../../app/i18n';
import { labCodec, useLabSettings } from '../../state/labSettings';
import { useActiveLab } from '../../lab/activeLab';
import type { TrainResult } from '../../lab/protocol';
import { LossChart, type LossHandle } from '../../charts/LossChart';
import trainerSrc from '../../nn/trainer.ts?raw';
import { SettingControl } from './SettingControl';
import { runSettingsOf } from './labData';
import { labStrings } from './strings';
import { PythonExport } from '../python-export/PythonExport';
import './lab.css';
import { useColon } from '../../app/punctuation';

/** Wait this long after the last slider move before training again (two full runs). */
const DEBOUNCE_MS = 150;

type Outcome = { trainer: TrainResult; loop: TrainResult; maxDiff: number; values: number };

const noSubscribe = () => () => {};

/** Largest |a − b| over all parameters (0 when identical). */
export function maxParamDiff(a: Float64Array[], b: Float64Array[]): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) for (let k = 0; k < a[i].length; k++) m = Math.max(m, Math.abs(a[i][k] - b[i][k]));
  return m;
}

/**
 * §1.4.4: the lab's run done again through `Trainer.fit(x, t, max_epoch, batch_size, max_grad,
 * eval_interval)` (in the lab's worker, to completion), compared with the custom loop: the
 * same seed gives the same final weights; eval_interval changes only how often a loss is
 * reported; max_grad clips the gradients and so changes the weights.
 */
export function TrainerView() {
  const s = useStrings(labStrings);
  const colon = useColon();
  const session = useActiveLab((x) => x.session);
  const settings = useLabSettings((x) => x.settings);
  // trains again when a setting of the run or of Trainer.fit changes
  const key = labCodec.effectKey(settings, 'restart', 'reevaluate');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'error'>('idle');
  const [error, setError] = useState('');
  const chart = useRef<LossHandle>(null);
  const seq = useRef(0);
  // After the lab's worker failed and was restarted, train again (the old requests were rejected).
  const labFailed = useSyncExternalStore(session?.subscribeStatus ?? noSubscribe, () => session?.getSnapshot().status === 'error');
  // A new pair of runs (new settings, a new or restarted worker) shows 'running' from the render
  // that asks for it; the effect below starts them.
  const ready = session && !labFailed ? session : null;
  const [requested, setRequested] = useState<{ session: typeof ready; key: string }>({ session: null, key: '' });
  if (requested.session !== ready || requested.key !== key) {
    setRequested({ session: ready, key });
    if (ready) setState('running');
  }

  // The two curves, named in the reader's language (the chart outlives a language switch).
  useEffect(() => {
    if (!outcome) return;
    const { trainer, loop } = outcome;
    chart.current?.draw([
      { x: loop.lossIters, y: loop.lossList, name: s.trainerPrevious, role: 'previous' },
      { x: trainer.lossIters, y: trainer.lossList, name: s.trainerCurrent, role: 'current' },
    ]);
  }, [outcome, s]);

  useEffect(() => {
    if (!session || labFailed) return;
    const mine = ++seq.current;
    const timer = setTimeout(async () => {
      const st = useLabSettings.getState().settings;
      try {
        const [trainer, loop] = await Promise.all([
          session.client.trainToCompletion(runSettingsOf(st, 'trainer')),
          session.client.trainToCompletion(runSettingsOf(st, 'loop')),
        ]);
        if (mine !== seq.current) return; // settings moved on meanwhile
        const values = trainer.params.reduce((a, p) => a + p.length, 0);
        setOutcome({ trainer, loop, maxDiff: maxParamDiff(trainer.params, loop.params), values });
        setState('done');
      } catch (e) {
        if (mine !== seq.current) return;
        setError(e instanceof Error ? e.message : String(e));
        setState('error');
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [session, key, labFailed]);

  const t = outcome?.trainer;
  return (
    <Widget name="trainer" title={s.trainerTitle} className="trainer-view">
      <div
        className="trainer-root"
        data-testid="trainer-view"
        data-status={state}
        data-final-loss={t ? String(t.lossList[t.lossList.length - 1] ?? '') : ''}
        data-loss-count={t ? String(t.lossList.length) : ''}
        data-accuracy={t ? String(t.accuracy) : ''}
        data-max-diff={outcome ? String(outcome.maxDiff) : ''}
        data-final-params={t ? JSON.stringify(t.params.map((p) => Array.from(p))) : ''}
      >
        <p className="trainer-note">{s.trainerNote}</p>
        <div className="widget-controls">
          <SettingControl store={useLabSettings} k="eval" testId="trainer-eval" />
          <SettingControl store={useLabSettings} k="maxgrad" testId="trainer-maxgrad" />
        </div>
        <LossChart ref={chart} height={220} ariaLabel={s.trainerLossLabel} testId="trainer-loss-chart" />
        <div className="trainer-result readout" role="status">
          {state === 'running' && s.trainerRunning}
          {state === 'error' && <span className="error-msg">{error}</span>}
          {state === 'done' && outcome && t && (
            <>
              <div>
                {s.trainerLoss}{colon}{(t.lossList[t.lossList.length - 1] ?? Number.NaN).toFixed(4)} · {s.accuracy}{colon}{(t.accuracy * 100).toFixed(1)} %
              </div>
              <div data-testid="trainer-compare">{outcome.maxDiff === 0 ? s.trainerSame.replace('{n}', String(outcome.values)) : s.trainerDiff(outcome.maxDiff.toExponential(2))}</div>
            </>
          )}
        </div>
        <ShowCode source={trainerSrc} path="src/nn/trainer.ts" names={['Trainer']} book={<code>common/trainer.py: Trainer.fit</code>} />
        <PythonExport runner="trainer" prefix="trainer" />
      </div>
    </Widget>
  );
}
