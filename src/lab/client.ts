/**
 * The page's side of the training worker. One LabClient owns one worker; every method is a
 * small message (protocol.ts). What it guarantees to its listeners:
 * - only messages of the current run reach them (older run ids are dropped here);
 * - a worker that throws, fails to deserialise a message, or dies silently ends in one
 *   `error` event with a message (a silent death is caught by a watchdog), and `restart()`
 *   brings up a fresh worker with the last settings;
 * - requests (`requestGrid`, `exportParams`, `importParams`, `trainToCompletion`) return promises
 *   that settle even if the worker dies meanwhile (they reject).
 *
 * Usage (this is also the API other sections reuse, e.g. the precision lab of §1.5):
 * ```ts
 * const client = new LabClient();
 * client.subscribe((e) => { if (e.kind === 'progress') draw(e.msg); });
 * client.configure(runSettings, { play: true, speed: 10 });
 * const { params, shapes } = await client.exportParams();
 * const result = await client.trainToCompletion(runSettings); // a separate model, to the end
 * const grid = await client.gridOf(runSettings, { params, shapes }, { h: 0.001 }); // any weights
 * client.dispose();
 * ```
 * A page's training lab wraps its client in a LabSession (session.ts: the drawing loop) and
 * publishes it with useActiveLab (activeLab.ts) for companions such as the Trainer view; widgets
 * that only send requests share one client through useSharedLabClient (sharedClient.ts).
 * RunSettings come from a lab's settings through runSettingsOf (src/widgets/lab/labData.ts).
 */
import type { FaultMode, FromWorker, GridPayload, ParamsPayload, ProgressMessage, RunSettings, Speed, ToWorker, TrainResult } from './protocol';
import { LIVE_GRID_CELLS, STILL_GRID_CELLS, WATCHDOG_MS } from './renderCadence';

export type LabEvent =
  | { kind: 'progress'; msg: ProgressMessage }
  /** The worker failed (threw, could not read a message, or died); `message` says how. */
  | { kind: 'error'; message: string; runId: number };

export type LabListener = (e: LabEvent) => void;

export interface ConfigureOptions {
  /** Start training at once (default false: idle, showing the untrained model's boundary). */
  play?: boolean;
  speed?: Speed;
  /** Grid cells along the longer axis while running / when paused or done. */
  liveCells?: number;
  stillCells?: number;
  /** Grids carry the top probability per cell (for the confidence map). */
  confidence?: boolean;
  /** The run's grids carry every unit's map and the hidden space (the network view). */
  inside?: boolean;
}

type Pending = { resolve: (v: never) => void; reject: (e: Error) => void; expect: FromWorker['type'] };

/** Makes the training worker (Vite bundles the worker file as its own chunk). */
export function createTrainingWorker(): Worker {
  return new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'dlfs2-training' });
}

/** A worker started ahead of time, and whether it failed before anyone listened. */
let spare: { worker: Worker; failed: boolean } | undefined;

/**
 * Starts a training worker now, so that its module loads and its WebAssembly kernels compile
 * while the page is still rendering; the next LabClient made with the default factory takes it.
 * Without this the worker started only in the lab's effect, after the page's first render (a
 * trace of the first visit showed the worker's module loading 250 ms after the lab's chunk).
 */
export function prewarmTrainingWorker(): void {
  if (spare || typeof Worker === 'undefined') return;
  try {
    const worker = createTrainingWorker();
    const entry = { worker, failed: false };
    worker.onerror = (e) => {
      e.preventDefault();
      entry.failed = true;
    };
    spare = entry;
  } catch {
    /* the lab's own start reports it */
  }
}

/** The prewarmed worker if it is still healthy, else a new one. */
export function takeTrainingWorker(): Worker {
  const s = spare;
  spare = undefined;
  if (s && !s.failed) return s.worker;
  s?.worker.terminate();
  return createTrainingWorker();
}

export class LabClient {
  private worker: Worker | undefined;
  private readonly listeners = new Set<LabListener>();
  private readonly pending = new Map<number, Pending>();
  private nextRequest = 1;
  private current = 0;
  private lastConfigure: Extract<ToWorker, { type: 'configure' }> | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private expectingMessages = false;
  private failed = false;
  private disposed = false;
  /** The worker has said something (its module loaded); silence counts only after that. */
  private booted = false;

  constructor(private readonly makeWorker: () => Worker = takeTrainingWorker) {
    this.spawn();
  }

  /** The id of the current run (0 before the first `configure`). */
  get runId(): number {
    return this.current;
  }

  /** True after an error until `restart()`. */
  get hasFailed(): boolean {
    return this.failed;
  }

  /** Listens to progress and errors of the current run; returns the unsubscribe function. */
  subscribe(listener: LabListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts a new run from scratch with `settings` (new data, initial weights and optimizer).
   * Messages of earlier runs are dropped from now on. Returns the new run id.
   */
  configure(settings: RunSettings, opts: ConfigureOptions = {}): number {
    this.current += 1;
    this.lastConfigure = {
      type: 'configure',
      runId: this.current,
      settings,
      play: opts.play ?? false,
      speed: opts.speed ?? 10,
      liveCells: opts.liveCells ?? LIVE_GRID_CELLS,
      stillCells: opts.stillCells ?? STILL_GRID_CELLS,
      confidence: opts.confidence ?? false,
      inside: opts.inside ?? false,
    };
    this.send(this.lastConfigure, this.lastConfigure.play);
    return this.current;
  }

  /** Continues (or starts) the current run. */
  play(): void {
    if (this.lastConfigure) this.lastConfigure.play = true;
    this.send({ type: 'play' }, true);
  }

  pause(): void {
    if (this.lastConfigure) this.lastConfigure.play = false;
    this.send({ type: 'pause' }, true);
  }

  /** Advances `iters` iterations (default one) and pauses. */
  step(iters = 1): void {
    if (this.lastConfigure) this.lastConfigure.play = false;
    this.send({ type: 'step', iters }, true);
  }

  /** Iterations per frame, or 'max'. Does not start a new run. */
  setSpeed(speed: Speed): void {
    if (this.lastConfigure) this.lastConfigure.speed = speed;
    this.send({ type: 'speed', speed });
  }

  /** Whether the run's grids carry confidence (needed by the confidence map). */
  setConfidence(on: boolean): void {
    if (this.lastConfigure) this.lastConfigure.confidence = on;
    this.send({ type: 'confidence', on });
  }

  /** Tells the worker grid `grid.seq` has been drawn (or dropped), so it may send the next. */
  ack(grid: Pick<GridPayload, 'runId' | 'seq'>): void {
    this.send({ type: 'ack', runId: grid.runId, seq: grid.seq });
  }

  /**
   * A one-off class grid of the current model, at meshgrid spacing `h` (e.g. the book's 0.001:
   * 2047 × 2112 cells) or with `cells` along the longer axis; with the top probability per cell
   * when `confidence` is true.
   */
  requestGrid(opts: { h?: number; cells?: number; confidence?: boolean }): Promise<GridPayload> {
    return this.request<GridPayload>('grid', (requestId) => ({ type: 'grid', requestId, h: opts.h, cells: opts.cells, confidence: opts.confidence ?? false }));
  }

  /**
   * A class grid of the model `settings` describe, with the weights `payload` (e.g. a model
   * loaded from a file), at spacing `h` or with `cells` along the longer axis. Touches no run:
   * widgets that share one client can ask for grids of their own models at the same time.
   */
  gridOf(settings: RunSettings, payload: ParamsPayload, opts: { h?: number; cells?: number; confidence?: boolean }): Promise<GridPayload> {
    return this.request<GridPayload>('grid', (requestId) => ({ type: 'gridOf', requestId, settings, payload, h: opts.h, cells: opts.cells, confidence: opts.confidence ?? false }));
  }

  /** Copies of the current model's parameters [W1, b1, W2, b2] (float64) and their shapes. */
  exportParams(): Promise<ParamsPayload> {
    return this.request<ParamsPayload>('params', (requestId) => ({ type: 'exportParams', requestId }));
  }

  /**
   * Replaces the current model's parameters (shapes must equal the model's: [[2, H], [H], [H, C],
   * [C]]; rejects otherwise). The run pauses, and a fresh boundary and accuracy follow as
   * progress.
   */
  importParams(payload: ParamsPayload): Promise<void> {
    return this.request<void>('imported', (requestId) => ({ type: 'importParams', requestId, params: payload.params.map((p) => p.slice()), shapes: payload.shapes }));
  }

  /**
   * Trains a separate model with `settings` to the end, as fast as the worker can (the live run
   * is not touched), and returns its loss list, accuracy and final parameters.
   */
  trainToCompletion(settings: RunSettings): Promise<TrainResult> {
    return this.request<TrainResult>('trained', (requestId) => ({ type: 'train', requestId, settings }));
  }

  /** Test hook: makes the worker fail on its next slice (see FAULT_MODES in protocol.ts). */
  injectFault(mode: FaultMode): void {
    this.send({ type: 'fault', mode }, true);
  }

  /** Ends the worker (if any) and starts a fresh one with the last settings, as a new run. */
  restart(): number {
    this.kill();
    this.spawn();
    const last = this.lastConfigure;
    if (!last) return this.current;
    return this.configure(last.settings, { play: last.play, speed: last.speed, liveCells: last.liveCells, stillCells: last.stillCells, confidence: last.confidence, inside: last.inside });
  }

  /** Terminates the worker; the client cannot be used afterwards. */
  dispose(): void {
    this.disposed = true;
    this.kill();
    this.listeners.clear();
  }

  // ---- internals --------------------------------------------------------------------------

  private spawn(): void {
    this.failed = false;
    this.booted = false;
    let w: Worker;
    try {
      w = this.makeWorker();
    } catch (e) {
      this.fail(`the training worker could not start: ${messageOf(e)}`);
      return;
    }
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault(); // reported in the lab; not an uncaught page error
      this.fail(e.message || 'the training worker failed');
    };
    w.onmessageerror = () => this.fail('a message from the training worker could not be read');
    this.worker = w;
  }

  private kill(): void {
    this.clearWatchdog();
    if (this.worker) {
      this.worker.onmessage = null;
      this.worker.onerror = null;
      this.worker.onmessageerror = null;
      this.worker.terminate();
      this.worker = undefined;
    }
    this.rejectAll('the training worker was stopped');
  }

  private send(msg: ToWorker, expectsReply = false): void {
    if (this.disposed || this.failed || !this.worker) return;
    try {
      this.worker.postMessage(msg);
    } catch (e) {
      this.fail(`could not send to the training worker: ${messageOf(e)}`);
      return;
    }
    if (expectsReply) this.armWatchdog();
  }

  private request<T>(expect: FromWorker['type'], make: (id: number) => ToWorker): Promise<T> {
    if (this.disposed) return Promise.reject(new Error('the lab client was disposed'));
    if (this.failed || !this.worker) return Promise.reject(new Error('the training worker is not running'));
    const id = this.nextRequest++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: never) => void, reject, expect });
      this.send(make(id), true);
    });
  }

  private receive(msg: FromWorker): void {
    if (this.failed) return; // a failed worker's late messages must not hide the error
    this.booted = true;
    this.heard(msg);
    switch (msg.type) {
      case 'progress':
        if (msg.runId !== this.current) return; // a stale run: drop it
        this.expectingMessages = msg.status === 'running';
        this.emit({ kind: 'progress', msg });
        return;
      case 'error':
        this.fail(msg.message, msg.runId);
        return;
      case 'failed':
        this.settle(msg.requestId, undefined, new Error(msg.message));
        return;
      case 'grid':
        this.settle(msg.requestId, msg.grid);
        return;
      case 'params':
        this.settle(msg.requestId, msg.payload);
        return;
      case 'trained':
        this.settle(msg.requestId, msg.result);
        return;
      case 'imported':
        this.settle(msg.requestId, undefined);
        return;
      case 'alive':
        return;
    }
  }

  private settle(id: number, value: unknown, error?: Error): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if (error) p.reject(error);
    else p.resolve(value as never);
  }

  private rejectAll(reason: string): void {
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
  }

  private fail(message: string, runId = this.current): void {
    if (this.failed) return;
    this.failed = true;
    this.clearWatchdog();
    this.rejectAll(message);
    this.emit({ kind: 'error', message, runId });
  }

  private emit(e: LabEvent): void {
    for (const l of this.listeners) l(e);
  }

  /** Every message proves the worker alive; keep watching only while it is meant to talk. */
  private heard(msg: FromWorker): void {
    this.clearWatchdog();
    const waiting = this.pending.size > 0;
    const running = msg.type === 'progress' ? msg.status === 'running' : this.expectingMessages;
    if (waiting || running) this.armWatchdog();
  }

  private armWatchdog(): void {
    this.clearWatchdog();
    // Loading the worker's modules can take seconds on a busy machine; a worker that cannot
    // load at all fires `error` instead, so the watchdog waits for its first word.
    if (!this.booted) return;
    // Two rounds: after a first silence, ask the worker. A page whose own thread was blocked
    // (a first Plotly draw on an old laptop) can run this timer before the messages already
    // queued for it, so one silence alone is no proof; only a worker that also leaves the
    // ping unanswered for a whole second round is declared gone.
    this.watchdog = setTimeout(() => {
      this.send({ type: 'ping' });
      this.watchdog = setTimeout(() => this.fail('the training worker stopped responding (it may have been terminated)'), WATCHDOG_MS);
    }, WATCHDOG_MS);
  }

  private clearWatchdog(): void {
    if (this.watchdog !== undefined) clearTimeout(this.watchdog);
    this.watchdog = undefined;
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
