import { useCallback, useEffect, useRef, useState } from 'react';
import { Widget } from '../ui/Widget';
import { ShowCode } from '../ui/ShowCode';
import trainerSrc from '../../nn/trainer.ts?raw';
import { useStrings } from '../../app/i18n';
import { labCodec, useLabSettings, type SettingKey } from '../../state/labSettings';
import { LossChart, type Curve, type LossHandle } from '../../charts/LossChart';
import type { LabSnapshot } from '../../lab/session';
import type { KeptView } from '../../lab/keptRuns';
import type { Series } from '../../lab/lossSeries';
import type { LossKind } from '../../lab/protocol';
import { useLang, type Lang } from '../../state/lang';
import { prewarmTrainingWorker } from '../../lab/client';
import { labStrings } from './strings';
import { SettingControl } from './SettingControl';
import { useLabSession } from './useLabSession';
import { datasetSpecOf, useLabData } from './labData';
import { useBoundaryPanel } from './BoundaryPanel';
import { LabNotices, SettingsNote } from './LabNotices';
import { LabRunTools } from '../lab-run-tools/LabRunTools';
import { LabButtons, type StepSize } from './LabButtons';
import { RunsPanel } from './RunsPanel';
import { DataLine, LossNote, UpstreamNotice } from './LabNotes';
import { runStrings } from './runStrings';
import { runLabel, runResult } from './runLabel';
import { LabLayout } from './LabLayout';
import { readoutRows, writeContract, writeRows } from './labReadouts';
import { useWidth } from '../ui/useWidth';
import { ConfusionMatrix, type ConfusionHandle } from './inside/ConfusionMatrix';
import { NetworkView, type NetworkViewHandle } from './inside/NetworkView';
import { HiddenSpaceView, type HiddenSpaceHandle } from './inside/HiddenSpaceView';
import { useInsideDrawer } from './inside/useInsideDrawer';
import { useChartHold } from './useChartHold';
import './lab.css';

// The lab's worker starts loading with this module, not after the first render.
prewarmTrainingWorker();

const FULL_CONTROLS: SettingKey[] = ['hidden', 'lr', 'batch', 'epochs', 'seed', 'speed', 'opt', 'sampling'];
const COMPACT_CONTROLS: SettingKey[] = ['lr', 'hidden', 'opt', 'speed'];
/** The lab width from which the wide layout applies (the container query in lab.css). */
const WIDE_LAB = 860;

/**
 * The training lab (§1.4.3): sliders, Play/Pause/Step/Reset, and the live loss curve, decision
 * boundary, readouts and log of a run trained in a Web Worker. `compact` shows fewer controls and
 * smaller charts (the §1.6 summary page uses it). The root element carries the automation
 * contract's data-* attributes, written in the drawing loop (never through React state).
 * Where each piece sits is LabLayout's business; this component only fills its slots.
 */
export function TrainingLab({ compact = false }: { compact?: boolean }) {
  const s = useStrings(labStrings);
  const r = useStrings(runStrings);
  const lang = useLang((st) => st.lang);
  const root = useRef<HTMLDivElement>(null);
  const { session, snap, play, reset, upstream } = useLabSession(root, { inside: !compact });
  const [stepSize, setStepSize] = useState<StepSize>('iteration');
  const settings = useLabSettings((st) => st.settings);
  const resetKeys = useLabSettings((st) => st.reset);
  const data = useLabData(settings.seed, datasetSpecOf(settings));
  const readout = useRef<HTMLDListElement>(null);
  const runResultEl = useRef<HTMLSpanElement>(null);
  const logEl = useRef<HTMLElement>(null);
  const loss = useRef<LossHandle>(null);
  const confusion = useRef<ConfusionHandle>(null);
  const netView = useRef<NetworkViewHandle>(null);
  const spaceView = useRef<HiddenSpaceHandle>(null);
  useInsideDrawer(session, netView, spaceView);
  const classes = data.classes;

  const write = useCallback(
    (sn: LabSnapshot, log: readonly string[], logChanged: boolean) => {
      writeContract(root.current, sn, session?.loss.length ?? 0);
      writeRows(readout.current, readoutRows(sn, s, r));
      const result = runResultEl.current;
      if (result) {
        const text = runResult(sn.loss, sn.accuracy);
        if (result.textContent !== text) result.textContent = text;
      }
      if (sn.confusion && sn.confusion.length === classes * classes) confusion.current?.draw(sn.confusion, classes);
      // The panel stays scrolled to its newest line by CSS (column-reverse): reading
      // scrollHeight here forced a layout of the whole page every frame (seen in a CPU profile).
      if (logEl.current && logChanged) logEl.current.textContent = log.join('\n');
    },
    [s, r, session, classes],
  );

  useEffect(() => {
    session?.attach({ writer: write });
  }, [session, write]);

  const onLossReady = useCallback(
    () => session?.attach({ loss: (cur, kind, kept) => loss.current?.draw(curvesOf(cur, kind, kept, r, lang)) }),
    [session, r, lang],
  );
  useEffect(() => {
    if (session) onLossReady();
  }, [session, onLossReady]);

  const status = snap?.status ?? 'idle';
  useChartHold(status === 'running');
  const boundary = useBoundaryPanel({ session, data, compact, status });
  // Beside the boundary (the wide layout, see lab.css) the loss chart takes its height.
  const wide = useWidth(root) >= WIDE_LAB;
  const lossHeight = wide ? boundary.height : compact ? 200 : 240;
  const controls = compact ? COMPACT_CONTROLS : FULL_CONTROLS;

  return (
    <Widget name={compact ? 'compact-lab' : 'training-lab'} title={compact ? s.compactTitle : s.labTitle} className={`lab-widget${compact ? ' compact' : ''}`}>
      <div className="lab" data-testid="training-lab" ref={root} data-status="idle" data-compact={compact ? 'true' : undefined}>
        <LabLayout
          notes={<SettingsNote store={useLabSettings} />}
          controls={
            <div className="lab-controls" role="group" aria-label={s.labTitle}>
              {controls.map((k) => (
                <SettingControl key={k} store={useLabSettings} k={k} />
              ))}
              <button type="button" className="book-settings" onClick={() => resetKeys(labCodec.keysWith('restart'))}>
                {s.bookSettings}
              </button>
              {!compact && <DataLine />}
              {!compact && <p className="lab-url-note">{r.urlNote}</p>}
            </div>
          }
          buttons={
            <LabButtons
              status={status}
              busy={!session || status === 'error'}
              onPlay={play}
              onPause={() => session?.client.pause()}
              onStep={() => session?.client.step(stepSize === 'epoch' && snap ? snap.itersPerEpoch - (snap.iter % Math.max(1, snap.itersPerEpoch)) : 1)}
              onReset={reset}
              stepSize={stepSize}
              onStepSize={setStepSize}
            />
          }
          notices={
            <>
              <UpstreamNotice changes={upstream} />
              <LabNotices snap={snap} sgd={session?.settings?.train.opt === 'sgd'} onRestart={() => session?.restart()} />
            </>
          }
          readouts={<dl className="lab-readouts readout" ref={readout} aria-live="off" />}
          confusion={compact ? undefined : <ConfusionMatrix ref={confusion} />}
          network={compact ? undefined : <NetworkView ref={netView} data={data} />}
          extras={compact ? undefined : <HiddenSpaceView ref={spaceView} data={data} />}
          boundary={boundary.chart}
          boundaryTools={boundary.tools}
          loss={
            <>
              <LossChart ref={loss} height={lossHeight} ariaLabel={s.lossLabel} testId="lab-loss-chart" onReady={onLossReady} legend={false} />
              <LossNote snap={snap} batch={session?.settings?.train.batch} />
            </>
          }
          runs={<RunsPanel session={session} resultRef={runResultEl} />}
          log={
            compact ? undefined : (
              <>
                <details className="lab-log" open>
                  <summary>{s.logLabel}</summary>
                  <pre className="lab-log-pre" tabIndex={0}>
                    <code ref={logEl} data-testid="lab-log" />
                  </pre>
                </details>
                <ShowCode source={trainerSrc} path="src/nn/trainer.ts" names={['CustomLoop', 'EpochLoop']} book={<code>ch01/train_custom_loop.py</code>} />
                <LabRunTools />
              </>
            )
          }
        />
      </div>
    </Widget>
  );
}

/** The loss chart's lines: the previous run, the pinned ones, then this run on top. */
function curvesOf(current: Series, kind: LossKind, kept: KeptView, r: (typeof runStrings)['ja'], lang: Lang): Curve[] {
  const name = (k: { settings: Parameters<typeof runLabel>[0]; loss: number; accuracy: number }) => `${runLabel(k.settings, lang)} ${runResult(k.loss, k.accuracy)}`;
  const curves: Curve[] = [];
  if (kept.previous) curves.push({ ...kept.previous.points, name: name(kept.previous), role: 'previous' });
  kept.pinned.forEach((p, index) => curves.push({ ...p.points, name: name(p), role: 'pinned', index }));
  curves.push({ ...current, name: kind === 'epoch-mean' ? r.curveEpochMean : r.curveNow, role: 'current' });
  return curves;
}
