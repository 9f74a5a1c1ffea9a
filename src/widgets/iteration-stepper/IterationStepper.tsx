import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useLocation } from 'react-router';
import { useStrings } from '../../app/i18n';
import { STAGE_NAMES, stagesOf, type StageName } from '../../lab/iterationStages';
import { traceOptionsOf } from '../../lab/traceRunner';
import { labCodec, type LabSettings } from '../../state/labSettings';
import { Widget } from '../ui/Widget';
import { runSettingsOf } from '../lab/labData';
import { StageArrayView } from './StageArrayView';
import { StageMap } from './StageMap';
import { stepperStrings } from './strings';
import { ITERATION_KEY, readStepperQuery } from './stepperUrl';
import { lastIterationOf, useTrace } from './useTrace';
import './IterationStepper.css';
import { useColon } from '../../app/punctuation';

/** Writes `iteration=k` into the address (kept for sharing), leaving every other key alone. */
function writeIteration(k: number): void {
  const url = new URL(window.location.href);
  if (k === 1) url.searchParams.delete(ITERATION_KEY);
  else url.searchParams.set(ITERATION_KEY, String(k));
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

/** The iteration asked for, within 1…last (1 when none was asked for). */
function clampIteration(k: number | undefined, last: number): number {
  return Math.max(1, Math.min(k ?? 1, Number.isFinite(last) ? last : 1));
}

/** Drops the lab's settings from the address (the stepper falls back to the book's run). */
function clearLabKeys(): void {
  const url = new URL(window.location.href);
  for (const k of [...url.searchParams.keys()]) if (k !== ITERATION_KEY && labCodec.owns(k)) url.searchParams.delete(k);
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

/**
 * §1.3.5, linked from the lab: one real iteration of the book's run (or of the lab's settings,
 * when the lab's link carries them), stepped node by node — forward through Affine, Sigmoid,
 * Affine, Softmax and the loss, backward through each layer, then the update — with the shapes
 * and the first rows of every array. `data-stage` and `data-iteration` report where it stands.
 */
export function IterationStepper() {
  const s = useStrings(stepperStrings);
  const colon = useColon();
  const location = useLocation();
  const initial = useMemo(() => readStepperQuery(location.search), [location.search]);
  const [settings, setSettings] = useState<LabSettings>(initial.settings);
  const [isBook, setIsBook] = useState(initial.isBook);
  const opts = useMemo(() => traceOptionsOf(runSettingsOf(settings)), [settings]);
  const last = useMemo(() => lastIterationOf(opts), [opts]);
  const [k, setK] = useState(() => clampIteration(initial.iteration, last));
  const [draft, setDraft] = useState(String(k));
  const [stage, setStage] = useState(0);
  const [allRows, setAllRows] = useState(false);
  const inputId = useId();

  // a new address (e.g. another link from the lab) sets run and iteration again
  const [address, setAddress] = useState(initial);
  if (address !== initial) {
    setAddress(initial);
    setSettings(initial.settings);
    setIsBook(initial.isBook);
    const next = clampIteration(initial.iteration, lastIterationOf(traceOptionsOf(runSettingsOf(initial.settings))));
    setK(next);
    setDraft(String(next));
  }

  const state = useTrace(opts, k);
  const trace = state.status === 'ready' ? state.trace : state.status === 'computing' ? state.last : undefined;
  const stages = useMemo(() => (trace ? stagesOf(trace, settings.opt, settings.lr) : []), [trace, settings.opt, settings.lr]);
  const current = stages[stage];
  const name: StageName = STAGE_NAMES[stage];

  function go(next: number) {
    if (!Number.isInteger(next) || next < 1 || !(next <= last)) return;
    setK(next);
    setDraft(String(next));
    writeIteration(next);
  }
  const draftValue = Number(draft);
  const draftOk = /^\s*\d+\s*$/.test(draft) && draftValue >= 1 && draftValue <= last;

  const moveStage = (to: number) => setStage(Math.max(0, Math.min(STAGE_NAMES.length - 1, to)));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('input, select, textarea')) return;
    const to = { ArrowRight: stage + 1, ArrowLeft: stage - 1, Home: 0, End: STAGE_NAMES.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    moveStage(to);
  };

  const sentence = name === 'batch' && settings.sampling === 'choice' ? s.batchChoice
    : name === 'update' && settings.opt !== 'sgd' ? s.updateOther(current?.layer.replace('.update', '') ?? settings.opt)
    : s.sentence[name];

  return (
    <Widget name="iteration-stepper" title={s.title}>
      <div className="is-root" data-testid="iteration-stepper" data-stage={name} data-iteration={String(k)} data-status={state.status} onKeyDown={onKeyDown}>
        <p className="w-note">{s.intro}</p>
        <p className="is-run" data-testid="stepper-run" data-book={String(isBook)}>
          <strong>{isBook ? s.book : s.fromLab}</strong>{colon}{s.summary({ ...settings, opt: settings.opt.toUpperCase(), sampling: settings.sampling })}
          {!isBook && (
            <button type="button" className="is-book" onClick={() => { clearLabKeys(); setSettings({ ...labCodec.defaults }); setIsBook(true); go(1); }}>
              {s.useBook}
            </button>
          )}
        </p>
        <div className="is-iter">
          <label htmlFor={inputId}>{s.iteration}</label>
          <input
            id={inputId}
            type="number"
            inputMode="numeric"
            min={1}
            max={last}
            value={draft}
            data-testid="stepper-iteration"
            aria-invalid={!draftOk}
            aria-describedby={`${inputId}-where`}
            onChange={(e) => {
              setDraft(e.currentTarget.value);
              const v = Number(e.currentTarget.value);
              if (/^\s*\d+\s*$/.test(e.currentTarget.value)) go(v);
            }}
          />
          <span>{s.of(last)}</span>
          <button type="button" data-testid="stepper-prev-iter" onClick={() => go(k - 1)} disabled={k <= 1}>{s.prevIter}</button>
          <button type="button" data-testid="stepper-next-iter" onClick={() => go(k + 1)} disabled={!(k < last)}>{s.nextIter}</button>
          {k > 1 && <button type="button" onClick={() => go(1)}>{s.firstIter}</button>}
          <span id={`${inputId}-where`} className="is-where" role="status">
            {!draftOk ? <span className="field-error">{s.badIteration(last)}</span> : trace && trace.iteration === k ? s.where(trace.epoch, trace.batch, trace.itersPerEpoch) : ''}
          </span>
        </div>
        {state.status === 'computing' && state.target > 0 && (
          <p className="is-progress" role="status" data-testid="stepper-progress">
            <progress value={state.reached} max={state.target} /> {s.computing(state.reached, state.target)}
          </p>
        )}
        {state.status === 'error' && <p className="error-msg" role="alert">{s.failed(state.message)}</p>}
        <StageMap stage={stage} onPick={moveStage} s={s} optName={settings.opt === 'sgd' ? 'SGD' : current?.layer.replace('.update', '')} />
        <div className="is-nav">
          <button type="button" data-testid="stepper-back" onClick={() => moveStage(stage - 1)} disabled={stage === 0}>{s.back}</button>
          <span className="is-count" aria-live="polite">
            {s.stageOf(stage + 1, STAGE_NAMES.length)}{colon}{s.phase[current?.phase ?? 'forward']} · {s.stageTitle[name]}
          </span>
          <button type="button" data-testid="stepper-next" onClick={() => moveStage(stage + 1)} disabled={stage === STAGE_NAMES.length - 1}>{s.next}</button>
        </div>
        <section className={`is-panel is-${current?.phase ?? 'forward'}${state.status === 'computing' ? ' is-stale' : ''}`} tabIndex={0} aria-label={s.panelLabel} data-testid="stepper-panel">
          <h4>
            {s.stageTitle[name]} <span className="is-layer">{current?.layer}</span>
          </h4>
          <p className="is-sentence">{sentence}</p>
          {current && <pre className="is-formula" data-testid="stepper-formula">{current.formula}</pre>}
          <div className="is-arrays">
            {current?.arrays.map((a) => <StageArrayView key={`${a.name}-${a.when ?? ''}`} a={a} s={s} allRows={allRows} />)}
          </div>
          <label className="is-all">
            <input type="checkbox" checked={allRows} onChange={(e) => setAllRows(e.currentTarget.checked)} /> {s.showAll}
          </label>
        </section>
        <p className="w-note">{s.keys}</p>
      </div>
    </Widget>
  );
}
