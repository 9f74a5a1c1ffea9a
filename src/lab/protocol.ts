/**
 * The typed messages between the page (lab/client.ts) and the training worker
 * (lab/training.worker.ts). Rules the types encode:
 * - every message about a run carries its `runId`; the page drops messages of older runs;
 * - the worker posts at most one `progress` per frame, carrying everything new since the last
 *   (batched losses, log lines, and at most one boundary grid);
 * - a grid travels as transferred typed arrays, and the worker sends the next grid of a run only
 *   after the page has acknowledged the previous one (`ack`), so grids never queue up.
 */
import type { OptimizerName } from '../nn/optimizers';
import type { Sampling } from '../nn/trainer';

export type LabStatus = 'idle' | 'running' | 'paused' | 'done' | 'diverged' | 'error';

/** Which of the book's training drivers runs: the custom loop (§1.4.3) or Trainer.fit (§1.4.4). */
export type RunnerKind = 'loop' | 'trainer';

/** Everything that defines a training run (a change of any of these is a new run). */
export interface RunSettings {
  seed: number;
  /** Points per class (the book's N). */
  points: number;
  classes: number;
  noise: number;
  hidden: number;
  lr: number;
  batch: number;
  epochs: number;
  opt: OptimizerName;
  sampling: Sampling;
  runner: RunnerKind;
  /** Trainer.fit's eval_interval (the custom loop always reports every 10 iterations, as the book's script). */
  evalInterval: number;
  /** Trainer.fit's max_grad; 0 or less = no clipping. */
  maxGrad: number;
}

/** How fast a running run advances: iterations per 60 Hz frame, or as fast as possible. */
export type Speed = number | 'max';

/** A class grid over the meshgrid (row r: y = yMin + r·yStep; column c: x = xMin + c·xStep). */
export interface GridPayload {
  runId: number;
  /** Counts the grids of one run (acknowledged by the page). */
  seq: number;
  rows: number;
  cols: number;
  xMin: number;
  yMin: number;
  xStep: number;
  yStep: number;
  /** The h the grid was made with. */
  h: number;
  /** Predicted class per cell, row-major like `np.meshgrid` (rows × cols). */
  classes: Uint8Array;
  /** Top softmax probability per cell, when asked for. */
  confidence?: Float32Array;
  /** Iterations done when it was computed. */
  iter: number;
  /** True for the sharper grid drawn when the run is paused or done. */
  still: boolean;
}

/** The model's parameters [W1, b1, W2, b2] with their shapes ([[2, H], [H], [H, C], [C]]). */
export interface ParamsPayload {
  params: Float64Array[];
  shapes: number[][];
}

/** What a run to completion returns (see LabClient.trainToCompletion). */
export interface TrainResult extends ParamsPayload {
  /** Reported average losses, as the book's loss_list. */
  lossList: number[];
  /** Global iteration number of each report. */
  lossIters: number[];
  /** Final training accuracy (0–1). */
  accuracy: number;
  status: 'done' | 'diverged';
  iters: number;
}

/** Duplicated and never-seen samples in the last completed epoch (§1.4.3, ★). */
export interface SamplingStats {
  duplicates: number;
  neverSeen: number;
}

// ---- page → worker ------------------------------------------------------------------------

export type ToWorker =
  /** Starts run `runId` from scratch (data, initial weights, optimizer); playing or idle. */
  | { type: 'configure'; runId: number; settings: RunSettings; play: boolean; speed: Speed; liveCells: number; stillCells: number; confidence: boolean }
  | { type: 'play' }
  | { type: 'pause' }
  /** Advances `iters` iterations now, then pauses. */
  | { type: 'step'; iters: number }
  | { type: 'speed'; speed: Speed }
  /** Whether grids carry the confidence array (the confidence map needs it). */
  | { type: 'confidence'; on: boolean }
  /** The page has drawn grid `seq` of run `runId`: the worker may send the next. */
  | { type: 'ack'; runId: number; seq: number }
  /** A one-off grid of the current model at spacing `h` (or `cells` along the longer axis). */
  | { type: 'grid'; requestId: number; h?: number; cells?: number; confidence: boolean }
  | { type: 'exportParams'; requestId: number }
  | { type: 'importParams'; requestId: number; params: Float64Array[]; shapes: number[][] }
  /** Trains a separate model to completion (the live run is untouched) and returns it. */
  | { type: 'train'; requestId: number; settings: RunSettings }
  /**
   * Test hook (documented, harmless): makes the worker fail on purpose (see FaultMode). The
   * page sends it only when the URL has `labfault=throw|uncaught|close`; it affects only that
   * tab's worker, and the restart button recovers.
   */
  | { type: 'fault'; mode: FaultMode }
  /** The watchdog's question after a silence: the worker answers `alive` as soon as it can. */
  | { type: 'ping' };

/**
 * `throw`: the next slice throws (caught by the worker, reported as an `error` message);
 * `uncaught`: the next slice throws outside any catch (the page sees the worker's `onerror`);
 * `close`: the worker closes itself, as if terminated (the page's watchdog notices the silence).
 */
export type FaultMode = 'throw' | 'uncaught' | 'close';

// ---- worker → page ------------------------------------------------------------------------

export interface ProgressMessage {
  type: 'progress';
  runId: number;
  status: LabStatus;
  epoch: number;
  iter: number;
  maxIter: number;
  itersPerEpoch: number;
  /** New reported average losses since the last message, and their iteration numbers. */
  losses: number[];
  lossIters: number[];
  /** Latest reported average loss (NaN before the first report). */
  loss: number;
  /** Training accuracy of the current model on all the data. */
  accuracy: number;
  /** New lines of the book script's log. */
  log: string[];
  sampling: SamplingStats | null;
  /** Why the run diverged (the offending value), for status 'diverged'. */
  reason?: string;
  grid?: GridPayload;
}

export type FromWorker =
  | ProgressMessage
  | { type: 'grid'; requestId: number; grid: GridPayload }
  | { type: 'params'; requestId: number; payload: ParamsPayload }
  | { type: 'trained'; requestId: number; result: TrainResult }
  | { type: 'imported'; requestId: number }
  /** Sent about once a second while a long request (a training to completion) is under way. */
  | { type: 'alive' }
  | { type: 'failed'; requestId: number; message: string }
  /** The worker caught an error while training run `runId`. */
  | { type: 'error'; runId: number; message: string };

/** Typed arrays inside a message, to pass as transferables. */
export function transferablesOf(grid: GridPayload | undefined): Transferable[] {
  if (!grid) return [];
  const out: Transferable[] = [grid.classes.buffer as ArrayBuffer];
  if (grid.confidence) out.push(grid.confidence.buffer as ArrayBuffer);
  return out;
}
