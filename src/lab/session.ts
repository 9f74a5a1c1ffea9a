/**
 * The lab's main-thread side between the worker client and the charts: it keeps what the
 * worker streams (loss series, the newest grid, log lines, scalars) OUTSIDE React state, and
 * draws inside requestAnimationFrame: at most one boundary redraw per frame, on every frame but
 * the loss chart's (boundaryFrame; with the network view's maps that came with the grid), the
 * loss chart every LOSS_REDRAW_FRAMES frames, and the readouts
 * and `data-*` attributes of the automation contract. React re-renders only when the status or
 * the error changes (subscribeStatus).
 */
import { LabClient, type ConfigureOptions } from './client';
import { KeptRuns, type KeptView, type RunSummary } from './keptRuns';
import { LossSeries, type Series } from './lossSeries';
import type { Divergence, GridPayload, LabStatus, LossKind, ProgressMessage, RunSettings } from './protocol';
import type { SamplingStats } from './runner';
import type { InsideFrame } from './inside';
import { LOSS_REDRAW_FRAMES, MAX_LOG_LINES, MAX_LOSS_POINTS, boundaryFrame } from './renderCadence';

/** Small values of the current run (what React and the readouts show). */
export interface LabSnapshot {
  status: LabStatus;
  runId: number;
  epoch: number;
  iter: number;
  maxIter: number;
  itersPerEpoch: number;
  /** The loss curve's latest point (a report, or an epoch mean: see lossKind). */
  loss: number;
  lossKind: LossKind;
  /** Loss of the last mini-batch trained (what one Step shows). */
  batchLoss: number;
  accuracy: number;
  /** The confusion matrix behind the accuracy (true class × predicted, row-major). */
  confusion?: Int32Array;
  sampling: SamplingStats | null;
  /** Why the run diverged, for status 'diverged'. */
  divergence?: Divergence;
  /** The worker's error message, for status 'error'. */
  error?: string;
  boundaryRedraws: number;
  boundaryRun: number;
  boundaryIter: number;
  boundaryStill: boolean;
  /** Which kernels the worker trains with ('' until it says). */
  kernels: ProgressMessage['kernels'] | '';
}

/** Draws a grid; returns a promise when drawing finishes later (the ack waits for it). */
export type BoundaryDrawer = (grid: GridPayload) => void | Promise<void>;
/** Draws the current run's curve with the kept runs' (previous and pinned) for comparison. */
export type LossDrawer = (current: Series, kind: LossKind, kept: KeptView) => void;
export type FrameWriter = (snap: LabSnapshot, log: readonly string[], logChanged: boolean) => void;
/** Draws the network view's maps and hidden space that came with a grid (in the same frame as the boundary). */
export type InsideDrawer = (inside: InsideFrame, grid: GridPayload) => void;

export class LabSession {
  readonly client: LabClient;
  readonly loss = new LossSeries(MAX_LOSS_POINTS);
  /** The previous and pinned runs the loss chart compares with the current one. */
  readonly kept = new KeptRuns();
  private current: RunSettings | null = null;
  private pendingGrid: GridPayload | null = null;
  private drawing = false;
  private log: string[] = [];
  private logChanged = false;
  private lossDrawn = '';
  private frame = 0;
  private raf = 0;
  private boundary?: BoundaryDrawer;
  private lossDrawer?: LossDrawer;
  private writer?: FrameWriter;
  private insideDrawer?: InsideDrawer;
  private readonly statusListeners = new Set<() => void>();
  private disposed = false;
  snap: LabSnapshot = emptySnapshot(0);

  constructor(client: LabClient = new LabClient()) {
    this.client = client;
    client.subscribe((e) => {
      if (e.kind === 'progress') this.onProgress(e.msg);
      else this.setStatus({ ...this.snap, status: 'error', error: e.message });
    });
    // a pin or unpin changes the chart's lines even when no run is moving
    this.kept.subscribe(() => this.request());
  }

  /** The settings of the current run (null before the first). */
  get settings(): RunSettings | null {
    return this.current;
  }

  /** The current run as the comparison shows it (its curve copied now). */
  summary(): RunSummary | null {
    const c = this.current, sn = this.snap;
    if (!c) return null;
    return { runId: sn.runId, settings: c, points: this.loss.points(), lossKind: sn.lossKind, loss: sn.loss, accuracy: sn.accuracy, epoch: sn.epoch, iter: sn.iter, maxIter: sn.maxIter, status: sn.status };
  }

  /** Starts a new run; the current one is kept for comparison if it got far enough (KeptRuns). */
  start(settings: RunSettings, opts: ConfigureOptions): number {
    this.retire();
    this.current = settings;
    this.loss.clear();
    this.pendingGrid = null; // a grid of the old run is never drawn now
    this.log = [];
    this.logChanged = true;
    const runId = this.client.configure(settings, opts);
    this.setStatus({ ...emptySnapshot(runId), boundaryRedraws: this.snap.boundaryRedraws, boundaryRun: this.snap.boundaryRun, boundaryIter: this.snap.boundaryIter, status: opts.play ? 'running' : 'idle' });
    this.request();
    return runId;
  }

  /** Brings up a fresh worker after an error and starts the last settings again. */
  restart(): void {
    this.retire();
    this.loss.clear();
    this.pendingGrid = null;
    this.log = [];
    const runId = this.client.restart();
    this.setStatus({ ...emptySnapshot(runId), boundaryRedraws: this.snap.boundaryRedraws, boundaryRun: this.snap.boundaryRun });
    this.request();
  }

  /** Registers the chart painters and the readout writer (each may be replaced or removed). */
  attach(parts: { boundary?: BoundaryDrawer; loss?: LossDrawer; writer?: FrameWriter; inside?: InsideDrawer }): void {
    if ('boundary' in parts) this.boundary = parts.boundary;
    if ('inside' in parts) this.insideDrawer = parts.inside;
    if ('loss' in parts) {
      this.lossDrawer = parts.loss;
      this.lossDrawn = '';
    }
    if ('writer' in parts) this.writer = parts.writer;
    this.request();
  }

  /** Redraw everything on the next frame (after a theme change or a resize). */
  invalidate(): void {
    this.lossDrawn = '';
    this.logChanged = true;
    this.request();
  }

  /** React: re-render on status/error changes only. */
  subscribeStatus = (fn: () => void): (() => void) => {
    this.statusListeners.add(fn);
    return () => this.statusListeners.delete(fn);
  };
  getSnapshot = (): LabSnapshot => this.snap;

  dispose(): void {
    this.disposed = true;
    cancelAnimationFrame(this.raf);
    this.client.dispose();
    this.statusListeners.clear();
  }

  // ---- internals --------------------------------------------------------------------------

  private retire(): void {
    const run = this.summary();
    if (run) this.kept.retire(run);
  }

  private onProgress(m: ProgressMessage): void {
    if (m.runId !== this.snap.runId) return;
    if (m.losses.length) this.loss.push(m.lossIters, m.losses);
    if (m.log.length) {
      this.log.push(...m.log);
      if (this.log.length > MAX_LOG_LINES) this.log.splice(0, this.log.length - MAX_LOG_LINES);
      this.logChanged = true;
    }
    if (m.grid) {
      // Only one grid is ever outstanding (the worker waits for the ack), so nothing is lost here.
      this.pendingGrid = m.grid;
    }
    const next: LabSnapshot = {
      ...this.snap,
      status: m.status,
      epoch: m.epoch,
      iter: m.iter,
      maxIter: m.maxIter,
      itersPerEpoch: m.itersPerEpoch,
      loss: Number.isFinite(m.loss) ? m.loss : this.snap.loss,
      lossKind: m.lossKind,
      batchLoss: Number.isFinite(m.batchLoss) ? m.batchLoss : this.snap.batchLoss,
      accuracy: m.accuracy,
      confusion: m.confusion ?? this.snap.confusion,
      sampling: m.sampling,
      divergence: m.divergence,
      kernels: m.kernels,
    };
    if (next.status !== this.snap.status) this.setStatus(next);
    else this.snap = next;
    this.request();
  }

  private setStatus(next: LabSnapshot): void {
    this.snap = next;
    for (const fn of this.statusListeners) fn();
    this.request(); // the data-* attributes follow in the next frame
  }

  private request(): void {
    if (this.raf || this.disposed) return;
    this.raf = requestAnimationFrame(this.onFrame);
  }

  private onFrame = (): void => {
    this.raf = 0;
    if (this.disposed) return;
    this.frame++;
    let again = false;
    const g = this.pendingGrid;
    if (g && !this.drawing) {
      const still = g.still || this.snap.status !== 'running';
      if (!this.boundary) again = true;
      else if (still || boundaryFrame(this.frame)) this.drawGrid(g);
      else again = true;
    }
    const lossKey = `${this.loss.version}/${this.kept.version}/${this.snap.lossKind}`;
    if (this.lossDrawer && lossKey !== this.lossDrawn) {
      if (this.snap.status !== 'running' || this.frame % LOSS_REDRAW_FRAMES === 0) {
        this.lossDrawn = lossKey;
        this.lossDrawer(this.loss.points(), this.snap.lossKind, this.kept.get());
      } else again = true;
    }
    // the log panel follows at the loss chart's pace while running (its text re-lays out)
    const logNow = this.logChanged && (this.snap.status !== 'running' || this.frame % LOSS_REDRAW_FRAMES === 0);
    this.writer?.(this.snap, this.log, logNow);
    if (logNow) this.logChanged = false;
    else if (this.logChanged) again = true;
    if (again) this.request();
  };

  private drawGrid(g: GridPayload): void {
    this.pendingGrid = null;
    this.drawing = true;
    const done = () => {
      this.drawing = false;
      if (g.runId !== this.snap.runId) return; // a new run started while drawing
      this.snap = { ...this.snap, boundaryRedraws: this.snap.boundaryRedraws + 1, boundaryRun: g.runId, boundaryIter: g.iter, boundaryStill: g.still };
      this.client.ack(g);
      this.writer?.(this.snap, this.log, false);
      if (this.pendingGrid) this.request();
    };
    if (g.inside && this.insideDrawer) {
      try {
        this.insideDrawer(g.inside, g);
      } catch {
        /* a failed network view must not stop the boundary or the ack */
      }
    }
    let result: void | Promise<void>;
    try {
      result = this.boundary!(g);
    } catch {
      result = undefined;
    }
    if (result && typeof (result as Promise<void>).then === 'function') {
      (result as Promise<void>).then(done, done);
    } else done();
  }
}

function emptySnapshot(runId: number): LabSnapshot {
  return {
    kernels: '',
    status: 'idle',
    runId,
    epoch: 0,
    iter: 0,
    maxIter: 0,
    itersPerEpoch: 0,
    loss: Number.NaN,
    lossKind: 'report',
    batchLoss: Number.NaN,
    accuracy: Number.NaN,
    sampling: null,
    boundaryRedraws: 0,
    boundaryRun: 0,
    boundaryIter: -1,
    boundaryStill: false,
  };
}
