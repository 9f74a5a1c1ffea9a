import type { LabSnapshot } from '../../lab/session';
import type { labStrings } from './strings';
import type { runStrings } from './runStrings';

type LabStrings = (typeof labStrings)['ja'];
type RunStrings = (typeof runStrings)['ja'];

/**
 * Writers of the lab's small live values, called from the session's drawing loop (never through
 * React state): the automation contract's data-* attributes and the readouts list.
 */

/** The automation contract: current values as data-* attributes on the lab's root. */
export function writeContract(el: HTMLElement | null, sn: LabSnapshot, lossPoints: number): void {
  if (!el) return;
  const d = el.dataset;
  const values: Record<string, string> = {
    status: sn.status,
    run: String(sn.runId),
    epoch: String(sn.epoch),
    iter: String(sn.iter),
    maxIter: String(sn.maxIter),
    loss: Number.isFinite(sn.loss) ? String(sn.loss) : '',
    lossKind: sn.lossKind,
    lossPoints: String(lossPoints),
    batchLoss: Number.isFinite(sn.batchLoss) ? String(sn.batchLoss) : '',
    accuracy: Number.isFinite(sn.accuracy) ? String(sn.accuracy) : '',
    boundaryRedraws: String(sn.boundaryRedraws),
    boundaryRun: String(sn.boundaryRun),
    boundaryIter: String(sn.boundaryIter),
    boundaryStill: String(sn.boundaryStill),
    duplicates: sn.sampling ? String(sn.sampling.duplicates) : '',
    neverSeen: sn.sampling ? String(sn.sampling.neverSeen) : '',
    kernels: sn.kernels,
  };
  // write only what changed: every attribute write invalidates style
  for (const k in values) if (d[k] !== values[k]) d[k] = values[k];
}

/** The rows of the readouts list, as text. */
export function readoutRows(sn: LabSnapshot, s: LabStrings, r: RunStrings): [string, string][] {
  const epochs = sn.itersPerEpoch > 0 ? Math.round(sn.maxIter / sn.itersPerEpoch) : 0;
  const fixed = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : '—');
  const sm = sn.sampling;
  // repeats and never-seen samples are equal exactly when an epoch draws as often as there are samples
  const sampling = sm ? `${s.samplingValue(sm.duplicates, sm.neverSeen)}${sm.duplicates > 0 && sm.duplicates === sm.neverSeen ? ` — ${r.samplingWhy}` : ''}` : s.samplingNone;
  return [
    [s.epoch, `${sn.epoch} / ${epochs}`],
    [s.iter, `${sn.iter} / ${sn.maxIter}`],
    [sn.lossKind === 'epoch-mean' ? r.lossEpochMean : s.loss, fixed(sn.loss)],
    [r.batchLoss, fixed(sn.batchLoss)],
    [s.accuracy, Number.isFinite(sn.accuracy) ? `${(sn.accuracy * 100).toFixed(1)} %` : '—'],
    [s.sampling, sampling],
  ];
}

/** Fills a <dl> with rows, touching only the text that changed (cheap at frame rate). */
export function writeRows(dl: HTMLDListElement | null, rows: readonly [string, string][]): void {
  if (!dl) return;
  if (dl.childElementCount !== rows.length * 2) {
    dl.textContent = '';
    for (let i = 0; i < rows.length; i++) dl.append(document.createElement('dt'), document.createElement('dd'));
  }
  rows.forEach(([k, v], i) => {
    const dt = dl.children[2 * i] as HTMLElement;
    const dd = dl.children[2 * i + 1] as HTMLElement;
    if (dt.textContent !== k) dt.textContent = k;
    if (dd.textContent !== v) dd.textContent = v;
  });
}
