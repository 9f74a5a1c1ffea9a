/// <reference lib="webworker" />
/**
 * The training worker: owns the current run (dataset, model, task, runner; see seams.ts) and
 * trains it in time slices
 * of at most SLICE_MS, checking its message queue between slices, so pause, step and new
 * settings take effect within one slice. It posts at most one progress message per
 * POST_INTERVAL_MS, batching the losses and log lines since the last one, and attaches a
 * boundary grid only when the page has acknowledged the previous grid of the run.
 * Every failure is caught and reported as an `error` message; the page offers a restart.
 */
import { createRun, type ClassifyRun } from './createRun';
import { resultOf, type Advance } from './engine';
import { classGridBothCores } from './gridHelpers';
import { classGridOf, splitGridJob, type GridOptions } from './tasks/classify2d';
import { type FaultMode, type FromWorker, type GridPayload, type ProgressMessage, type Speed, type ToWorker, transferablesOf } from './protocol';
import { FRAME_MS, INSIDE_INTERVAL_MS, POST_INTERVAL_MS, SLICE_MS } from './renderCadence';
import { kernelPath } from '../nn/simd';
import { installBundledKernels } from '../nn/simdInstall';

// The WebAssembly SIMD kernels train here (the TypeScript ones where this browser cannot run them).
installBundledKernels();

declare const self: DedicatedWorkerGlobalScope;

interface State {
  run?: ClassifyRun;
  runId: number;
  playing: boolean;
  speed: Speed;
  liveCells: number;
  stillCells: number;
  confidence: boolean;
  /** Whether the run's grids carry the network view's maps and hidden space. */
  inside: boolean;
  /** Pacing: iterations run since `paceStart` (for 'iterations per frame'). */
  paceStart: number;
  paceIters: number;
  /** New output not posted yet. */
  losses: number[];
  lossIters: number[];
  log: string[];
  dirty: boolean;
  /** Grid sent and not yet acknowledged (seq), or 0. */
  awaiting: number;
  /** Iteration of the last grid sent, and whether it was a still one. */
  gridIter: number;
  gridStill: boolean;
  lastPost: number;
  lastAccuracy: number;
  lastConfusion?: Int32Array;
  /** When the last grid with the network view's maps was made. */
  lastInside: number;
  fault?: FaultMode;
}

const st: State = {
  runId: 0,
  playing: false,
  speed: 10,
  liveCells: 100,
  stillCells: 300,
  confidence: false,
  inside: false,
  paceStart: 0,
  paceIters: 0,
  losses: [],
  lossIters: [],
  log: [],
  dirty: false,
  awaiting: 0,
  gridIter: -1,
  gridStill: false,
  lastPost: -Infinity,
  lastInside: -Infinity,
  lastAccuracy: Number.NaN,
};

let timer: ReturnType<typeof setTimeout> | undefined;
const channel = new MessageChannel();
let yieldQueued = false;
channel.port1.onmessage = () => {
  yieldQueued = false;
  guarded(tick);
};

function post(msg: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(msg, transfer);
}

/** Runs `fn`, turning any exception into an `error` message for the current run. */
function guarded(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    st.playing = false;
    if (st.run) st.run.status = 'error';
    post({ type: 'error', runId: st.runId, message: e instanceof Error ? e.message : String(e) });
  }
}

/** Next tick: at once (a zero-delay message) when training flat out, else at the next frame. */
function schedule(delay: number): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (delay <= 0) {
    if (!yieldQueued) {
      yieldQueued = true;
      channel.port2.postMessage(0);
    }
  } else {
    timer = setTimeout(() => {
      timer = undefined;
      guarded(tick);
    }, delay);
  }
}

function tick(): void {
  const run = st.run;
  if (st.fault) {
    const mode = st.fault;
    st.fault = undefined;
    if (mode === 'throw') throw new Error('test fault: the worker threw on purpose (labfault=throw)');
    if (mode === 'close') {
      self.close();
      return;
    }
    setTimeout(() => {
      throw new Error('test fault: an uncaught error in the worker (labfault=uncaught)');
    });
    return;
  }
  if (!run) return;
  const now = performance.now();
  if (st.playing && !run.finished) {
    const deadline = now + SLICE_MS;
    if (st.speed === 'max') {
      absorb(run.advance(Number.MAX_SAFE_INTEGER, deadline));
    } else {
      // 'Iterations per frame': catch up to the clock, but never more than 3 frames' worth.
      const due = Math.floor(((now - st.paceStart) / FRAME_MS) * st.speed) - st.paceIters;
      const n = Math.min(due, st.speed * 3);
      if (n > 0) {
        const before = run.iter;
        absorb(run.advance(n, deadline));
        st.paceIters += run.iter - before;
      }
      if (due > st.speed * 3) repace();
    }
    if (run.finished) {
      // The run's last picture goes out now, not after the interval or the live grid's ack:
      // it is what Play → done waits for (the page draws it in place of an undrawn live grid).
      st.playing = false;
      maybePost(true, true);
    }
  }
  maybePost(false);
  resumeJobs();
  if (st.playing) {
    if (st.speed === 'max') schedule(0);
    else schedule(FRAME_MS - ((performance.now() - st.paceStart) % FRAME_MS));
  } else if (st.dirty) {
    schedule(POST_INTERVAL_MS); // something left to post (waiting for the interval or an ack)
  }
}

/** New output of the live run: the loss curve's points (see LossKind) and the book's log lines. */
function absorb(a: Advance): void {
  if (a.curve.length || a.log.length) st.dirty = true;
  st.losses.push(...a.curve);
  st.lossIters.push(...a.curveIters);
  st.log.push(...a.log);
  st.dirty = true;
}

function repace(): void {
  st.paceStart = performance.now();
  st.paceIters = 0;
}

function statusOf(run: ClassifyRun): ProgressMessage['status'] {
  if (run.status === 'done' || run.status === 'diverged' || run.status === 'error') return run.status;
  if (st.playing) return 'running';
  return run.iter > 0 ? 'paused' : 'idle';
}

/**
 * The grid to attach now, if the page is free to take one (or `supersede`: the still picture
 * replaces the one in flight, whose ack is then ignored) and the picture is out of date.
 */
function gridToSend(run: ClassifyRun, supersede = false): GridPayload | undefined {
  if ((st.awaiting !== 0 && !supersede) || run.status === 'diverged') return undefined;
  const still = !st.playing;
  if (st.gridIter === run.iter && (st.gridStill || !still)) return undefined;
  const inside = st.inside && (still || performance.now() - st.lastInside >= INSIDE_INTERVAL_MS);
  if (inside) st.lastInside = performance.now();
  const g = run.picture({ cells: still ? st.stillCells : st.liveCells, confidence: st.confidence, inside }, st.runId, still);
  st.awaiting = g.seq;
  st.gridIter = run.iter;
  st.gridStill = still;
  return g;
}

function maybePost(force: boolean, supersede = false): void {
  const run = st.run;
  if (!run) return;
  const now = performance.now();
  const pictureStale = st.gridIter !== run.iter || (!st.playing && !st.gridStill);
  const wantGrid = st.awaiting === 0 && pictureStale && run.status !== 'diverged';
  if (!st.dirty && !wantGrid && !force) return;
  if (!force && now - st.lastPost < POST_INTERVAL_MS) {
    st.dirty = true;
    return;
  }
  const grid = gridToSend(run, supersede);
  if (run.status !== 'diverged') {
    // one evaluation per post: the accuracy and the confusion matrix behind it
    const ev = run.evaluate();
    if (Number.isFinite(ev.accuracy)) st.lastAccuracy = ev.accuracy;
    st.lastConfusion = ev.confusion;
  }
  const msg: ProgressMessage = {
    type: 'progress',
    runId: st.runId,
    status: statusOf(run),
    epoch: run.epoch,
    iter: run.iter,
    maxIter: run.maxIter,
    itersPerEpoch: run.itersPerEpoch,
    losses: st.losses,
    lossIters: st.lossIters,
    lossKind: run.lossKind,
    loss: run.loss,
    batchLoss: run.batchLoss,
    accuracy: st.lastAccuracy,
    confusion: st.lastConfusion,
    log: st.log,
    sampling: run.sampling,
    divergence: run.divergence,
    grid,
    kernels: kernelPath(),
  };
  st.losses = [];
  st.lossIters = [];
  st.log = [];
  st.dirty = false;
  st.lastPost = now;
  post(msg, transferablesOf(grid));
}

function handle(msg: ToWorker): void {
  switch (msg.type) {
    case 'configure': {
      st.run = undefined; // if the constructor throws, there is no half-built run
      st.runId = msg.runId;
      st.speed = msg.speed;
      st.liveCells = msg.liveCells;
      st.stillCells = msg.stillCells;
      st.confidence = msg.confidence;
      st.inside = msg.inside;
      st.lastInside = -Infinity;
      st.losses = [];
      st.lossIters = [];
      st.log = [];
      st.awaiting = 0;
      st.gridIter = -1;
      st.gridStill = false;
      st.lastAccuracy = Number.NaN;
      st.lastConfusion = undefined;
      st.run = createRun(msg.settings);
      st.playing = msg.play;
      repace();
      st.dirty = true;
      maybePost(true); // the untrained model's boundary at once (slider → first boundary)
      if (st.playing) schedule(0);
      return;
    }
    case 'play':
      if (!st.run || st.run.finished) {
        maybePost(true);
        return;
      }
      st.playing = true;
      repace();
      st.dirty = true;
      schedule(0);
      return;
    case 'pause':
      st.playing = false;
      st.dirty = true;
      maybePost(true);
      return;
    case 'step': {
      st.playing = false;
      const run = st.run;
      if (!run) return;
      if (st.fault) {
        tick();
        return;
      }
      if (!run.finished) absorb(run.advance(Math.max(1, msg.iters)));
      st.dirty = true;
      maybePost(true);
      return;
    }
    case 'speed':
      st.speed = msg.speed;
      repace();
      return;
    case 'confidence':
      st.confidence = msg.on;
      st.gridIter = -1; // redraw with (or without) the probabilities
      schedule(0);
      return;
    case 'ack':
      if (msg.runId === st.runId && msg.seq === st.awaiting) {
        st.awaiting = 0;
        // The next picture goes out now rather than at the next paced tick: it then reaches the
        // page before its next frame, so the boundary can be redrawn on every frame it may be.
        maybePost(false);
        if (!st.playing && st.dirty) schedule(POST_INTERVAL_MS);
      }
      return;
    case 'grid':
      if (!st.run) throw new Error('no model yet');
      postGrid(msg.requestId, st.run, { h: msg.h, cells: msg.cells, confidence: msg.confidence }, st.runId);
      return;
    case 'gridOf': {
      const run = createRun(msg.settings);
      run.importParams(msg.payload);
      postGrid(msg.requestId, run, { h: msg.h, cells: msg.cells, confidence: msg.confidence }, 0);
      return;
    }
    case 'exportParams':
      if (!st.run) throw new Error('no model yet');
      post({ type: 'params', requestId: msg.requestId, payload: st.run.exportParams() });
      return;
    case 'importParams': {
      if (!st.run) throw new Error('no model yet');
      st.run.importParams({ params: msg.params, shapes: msg.shapes });
      st.playing = false;
      st.gridIter = -1;
      st.dirty = true;
      post({ type: 'imported', requestId: msg.requestId });
      maybePost(true);
      return;
    }
    case 'train':
      jobs.push({ requestId: msg.requestId, run: createRun(msg.settings), lossList: [], lossIters: [] });
      if (jobs.length === 1 && !jobsParked) jobChannel.port2.postMessage(0);
      return;
    case 'ping':
      post({ type: 'alive' });
      return;
    case 'fault':
      st.fault = msg.mode;
      if (!st.playing) schedule(0);
      return;
  }
}

/**
 * Answers a grid request. A big grid (the book's h = 0.001) is computed on both cores, this
 * worker and its helper (gridHelpers.ts), from a copy of the weights taken now; this worker keeps
 * answering messages between bands of rows. A small one is computed here at once.
 */
function postGrid(requestId: number, run: ClassifyRun, opts: GridOptions, runId: number): void {
  const big = splitGridJob(run.model, run.data, opts);
  if (!big) {
    const g = run.picture(opts, runId, true);
    post({ type: 'grid', requestId, grid: g }, transferablesOf(g));
    return;
  }
  const frame = run.framing(runId, true);
  classGridBothCores(big.job).then(
    (r) => {
      const g = { ...classGridOf(big.spec, r.classes, r.confidence), ...frame };
      post({ type: 'grid', requestId, grid: g }, transferablesOf(g));
    },
    (err: unknown) => post({ type: 'failed', requestId, message: err instanceof Error ? err.message : String(err) }),
  );
}

// ---- trainings to completion (LabClient.trainToCompletion), sliced like the live run ----------

interface Job {
  requestId: number;
  run: ClassifyRun;
  lossList: number[];
  lossIters: number[];
}
const jobs: Job[] = [];
const jobChannel = new MessageChannel();
let lastAlive = 0;
/** Jobs wait while the reader's own run trains at full speed (it would take turns with them). */
let jobsParked = false;
const liveRunFirst = () => st.playing && st.speed === 'max' && !!st.run && !st.run.finished;
/** Starts the jobs' slices again once the live run no longer needs the whole thread. */
function resumeJobs(): void {
  if (!jobsParked || liveRunFirst()) return;
  jobsParked = false;
  jobChannel.port2.postMessage(0);
}
jobChannel.port1.onmessage = () => {
  const job = jobs[0];
  if (!job) return;
  if (liveRunFirst()) {
    jobsParked = true;
    return;
  }
  try {
    const a = job.run.advance(Number.MAX_SAFE_INTEGER, performance.now() + SLICE_MS);
    job.lossList.push(...a.losses);
    job.lossIters.push(...a.lossIters);
    if (job.run.finished) {
      jobs.shift();
      post({ type: 'trained', requestId: job.requestId, result: resultOf(job.run, job.lossList, job.lossIters) });
    } else if (performance.now() - lastAlive > 1000) {
      lastAlive = performance.now();
      post({ type: 'alive' });
    }
  } catch (err) {
    jobs.shift();
    post({ type: 'failed', requestId: job.requestId, message: err instanceof Error ? err.message : String(err) });
  }
  if (jobs.length > 0) jobChannel.port2.postMessage(0);
};

// The first word: the page's watchdog starts counting silence only after this.
post({ type: 'alive' });

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  const requestId = 'requestId' in msg ? msg.requestId : undefined;
  try {
    handle(msg);
    resumeJobs(); // a pause, a new speed or new settings may free the thread
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // A failed request fails only that request; a failed run command fails the run.
    if (requestId !== undefined) post({ type: 'failed', requestId, message });
    else {
      st.playing = false;
      post({ type: 'error', runId: st.runId, message });
    }
  }
};
