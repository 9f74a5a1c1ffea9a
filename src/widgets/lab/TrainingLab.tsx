import { useCallback, useEffect, useRef } from 'react';
import { Widget } from '../ui/Widget';
import { ShowCode } from '../ui/ShowCode';
import trainerSrc from '../../nn/trainer.ts?raw';
import { useStrings } from '../../app/i18n';
import { labCodec, useLabSettings, type SettingKey } from '../../state/labSettings';
import { LossChart, type LossHandle } from '../../charts/LossChart';
import type { LabSnapshot } from '../../lab/session';
import { labStrings } from './strings';
import { SettingControl } from './SettingControl';
import { useLabSession } from './useLabSession';
import { datasetSpecOf, useLabData } from './labData';
import { BoundaryPanel } from './BoundaryPanel';
import { LabNotices, SettingsNote } from './LabNotices';
import { LabRunTools } from '../lab-run-tools/LabRunTools';
import './lab.css';

const FULL_CONTROLS: SettingKey[] = ['hidden', 'lr', 'batch', 'epochs', 'seed', 'speed', 'opt', 'sampling'];
const COMPACT_CONTROLS: SettingKey[] = ['lr', 'hidden', 'opt', 'speed'];

/**
 * The training lab (§1.4.3): sliders, Play/Pause/Step/Reset, and the live loss curve, decision
 * boundary, readouts and log of a run trained in a Web Worker. `compact` shows fewer controls and
 * smaller charts (the §1.6 summary page uses it). The root element carries the automation
 * contract's data-* attributes, written in the drawing loop (never through React state).
 */
export function TrainingLab({ compact = false }: { compact?: boolean }) {
  const s = useStrings(labStrings);
  const { session, snap, play, reset } = useLabSession();
  const settings = useLabSettings((st) => st.settings);
  const resetKeys = useLabSettings((st) => st.reset);
  const data = useLabData(settings.seed, datasetSpecOf(settings));
  const root = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDListElement>(null);
  const logEl = useRef<HTMLElement>(null);
  const loss = useRef<LossHandle>(null);

  const write = useCallback(
    (sn: LabSnapshot, log: readonly string[], logChanged: boolean) => {
      writeContract(root.current, sn);
      writeReadouts(readout.current, sn, s);
      // The panel stays scrolled to its newest line by CSS (column-reverse): reading
      // scrollHeight here forced a layout of the whole page every frame (seen in a CPU profile).
      if (logEl.current && logChanged) logEl.current.textContent = log.join('\n');
    },
    [s],
  );

  useEffect(() => {
    session?.attach({ writer: write });
  }, [session, write]);

  const onLossReady = useCallback(() => session?.attach({ loss: (cur, prev) => loss.current?.draw(cur, prev) }), [session]);
  useEffect(() => {
    if (session) onLossReady();
  }, [session, onLossReady]);

  const status = snap?.status ?? 'idle';
  const running = status === 'running';
  // Play and Pause disable each other; when the one that had focus becomes disabled, focus
  // moves to the other, so keyboard and screen-reader users keep their place (not <body>).
  const playBtn = useRef<HTMLButtonElement>(null);
  const pauseBtn = useRef<HTMLButtonElement>(null);
  const handOver = useRef(false);
  const noteFocus = () => {
    handOver.current = document.activeElement === playBtn.current || document.activeElement === pauseBtn.current;
  };
  useEffect(() => {
    if (!handOver.current) return;
    const target = running ? pauseBtn.current : playBtn.current;
    if (target && !target.disabled) {
      target.focus();
      handOver.current = false;
    }
  }, [running]);
  const busy = !session || status === 'error';
  const controls = compact ? COMPACT_CONTROLS : FULL_CONTROLS;

  return (
    <Widget name={compact ? 'compact-lab' : 'training-lab'} title={compact ? s.compactTitle : s.labTitle} className={`lab-widget${compact ? ' compact' : ''}`}>
      <div className="lab" data-testid="training-lab" ref={root} data-status="idle" data-compact={compact ? 'true' : undefined}>
        <SettingsNote store={useLabSettings} />
        <div className="lab-layout">
          <div className="lab-controls" role="group" aria-label={s.labTitle}>
            {controls.map((k) => (
              <SettingControl key={k} store={useLabSettings} k={k} />
            ))}
            <button type="button" className="book-settings" onClick={() => resetKeys(labCodec.keysWith('restart'))}>
              {s.bookSettings}
            </button>
          </div>
          <div className="lab-outputs">
            <div className="lab-buttons">
              <button ref={playBtn} type="button" className="primary" data-testid="lab-play" onClick={() => { noteFocus(); play(); }} disabled={busy || running}>
                {s.play}
              </button>
              <button ref={pauseBtn} type="button" data-testid="lab-pause" onClick={() => { noteFocus(); session?.client.pause(); }} disabled={busy || !running}>
                {s.pause}
              </button>
              <button type="button" data-testid="lab-step" onClick={() => session?.client.step(1)} disabled={busy || running || status === 'done' || status === 'diverged'}>
                {s.step}
              </button>
              <button type="button" data-testid="lab-reset" onClick={reset} disabled={busy}>
                {s.reset}
              </button>
              <span className={`lab-status status-${status}`} role="status" data-testid="lab-status">
                {s.status[status]}
              </span>
            </div>
            <LabNotices snap={snap} onRestart={() => session?.restart()} />
            <dl className="lab-readouts readout" ref={readout} aria-live="off" />
            <div className="lab-charts">
              <BoundaryPanel session={session} data={data} compact={compact} status={status} />
              <LossChart ref={loss} height={compact ? 200 : 240} ariaLabel={s.lossLabel} testId="lab-loss-chart" onReady={onLossReady} />
            </div>
            {!compact && (
              <details className="lab-log" open>
                <summary>{s.logLabel}</summary>
                <pre className="lab-log-pre" tabIndex={0}>
                  <code ref={logEl} data-testid="lab-log" />
                </pre>
              </details>
            )}
            {!compact && <ShowCode source={trainerSrc} path="src/nn/trainer.ts" names={['CustomLoop', 'EpochLoop']} book={<code>ch01/train_custom_loop.py</code>} />}
            {!compact && <LabRunTools />}
          </div>
        </div>
      </div>
    </Widget>
  );
}

/** The automation contract: current values as data-* attributes on the lab's root. */
function writeContract(el: HTMLElement | null, sn: LabSnapshot): void {
  if (!el) return;
  const d = el.dataset;
  const values: Record<string, string> = {
    status: sn.status,
    run: String(sn.runId),
    epoch: String(sn.epoch),
    iter: String(sn.iter),
    maxIter: String(sn.maxIter),
    loss: Number.isFinite(sn.loss) ? String(sn.loss) : '',
    accuracy: Number.isFinite(sn.accuracy) ? String(sn.accuracy) : '',
    boundaryRedraws: String(sn.boundaryRedraws),
    boundaryRun: String(sn.boundaryRun),
    boundaryIter: String(sn.boundaryIter),
    boundaryStill: String(sn.boundaryStill),
    duplicates: sn.sampling ? String(sn.sampling.duplicates) : '',
    neverSeen: sn.sampling ? String(sn.sampling.neverSeen) : '',
  };
  // write only what changed: every attribute write invalidates style
  for (const k in values) if (d[k] !== values[k]) d[k] = values[k];
}

/** The readouts under the buttons (a <dl>; rebuilt as text, cheap at frame rate). */
function writeReadouts(dl: HTMLDListElement | null, sn: LabSnapshot, s: (typeof labStrings)['ja']): void {
  if (!dl) return;
  const epochs = sn.itersPerEpoch > 0 ? Math.round(sn.maxIter / sn.itersPerEpoch) : 0;
  const rows: [string, string][] = [
    [s.epoch, `${sn.epoch} / ${epochs}`],
    [s.iter, `${sn.iter} / ${sn.maxIter}`],
    [s.loss, Number.isFinite(sn.loss) ? sn.loss.toFixed(4) : '—'],
    [s.accuracy, Number.isFinite(sn.accuracy) ? `${(sn.accuracy * 100).toFixed(1)} %` : '—'],
    [s.sampling, sn.sampling ? s.samplingValue(sn.sampling.duplicates, sn.sampling.neverSeen) : s.samplingNone],
  ];
  if (dl.childElementCount !== rows.length * 2) {
    dl.textContent = '';
    for (let i = 0; i < rows.length; i++) {
      dl.append(document.createElement('dt'), document.createElement('dd'));
    }
  }
  rows.forEach(([k, v], i) => {
    const dt = dl.children[2 * i] as HTMLElement;
    const dd = dl.children[2 * i + 1] as HTMLElement;
    if (dt.textContent !== k) dt.textContent = k;
    if (dd.textContent !== v) dd.textContent = v;
  });
}
