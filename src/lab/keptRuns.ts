/**
 * The runs the loss chart compares with the current one: the previous run (kept automatically)
 * and up to MAX_PINNED runs the reader pinned. Plain data with a version and listeners, so React
 * re-renders the list only when it changes; the curves are copies taken when a run ends.
 */
import type { Series } from './lossSeries';
import type { LabStatus, LossKind, RunSettings } from './protocol';

/** A finished (or replaced) run as the comparison shows it. */
export interface RunSummary {
  runId: number;
  settings: RunSettings;
  points: Series;
  lossKind: LossKind;
  /** The curve's last point and the accuracy when the run ended or was replaced. */
  loss: number;
  accuracy: number;
  epoch: number;
  iter: number;
  maxIter: number;
  status: LabStatus;
}

/** At most this many pinned runs (the current one counts once pinned): a chart stays legible. */
export const MAX_PINNED = 3;

/**
 * A run shorter than this many epochs never becomes the kept "previous run": dragging a slider
 * through many values would otherwise leave a fragment of a few iterations as the comparison.
 */
export const MIN_KEPT_EPOCHS = 1;

export interface KeptView {
  previous: RunSummary | null;
  pinned: readonly RunSummary[];
  /** The current run is pinned: when it ends it joins `pinned`. */
  currentPinned: boolean;
  /** Pins still free. */
  free: number;
}

export class KeptRuns {
  private view: KeptView = { previous: null, pinned: [], currentPinned: false, free: MAX_PINNED };
  private readonly listeners = new Set<() => void>();
  /** Bumped on every change (the loss chart redraws when it moves). */
  version = 0;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  get = (): KeptView => this.view;

  /** The current run ends (a new one replaces it): pinned runs join the pins, long enough ones become the previous run. */
  retire(run: RunSummary): void {
    const v = this.view;
    if (v.currentPinned) this.update({ pinned: [...v.pinned, run], currentPinned: false });
    else if (run.epoch >= MIN_KEPT_EPOCHS && run.points.x.length > 0) this.update({ previous: run });
  }

  pinCurrent(): void {
    if (this.view.free > 0 && !this.view.currentPinned) this.update({ currentPinned: true });
  }

  unpinCurrent(): void {
    if (this.view.currentPinned) this.update({ currentPinned: false });
  }

  /** The previous run moves to the pins (the next long run becomes the previous one). */
  pinPrevious(): void {
    const v = this.view;
    if (v.previous && v.free > 0) this.update({ pinned: [...v.pinned, v.previous], previous: null });
  }

  unpin(runId: number): void {
    this.update({ pinned: this.view.pinned.filter((r) => r.runId !== runId) });
  }

  private update(patch: Partial<KeptView>): void {
    const next = { ...this.view, ...patch };
    next.free = MAX_PINNED - next.pinned.length - (next.currentPinned ? 1 : 0);
    this.view = next;
    this.version++;
    for (const fn of this.listeners) fn();
  }
}
