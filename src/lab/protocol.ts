/**
 * The typed messages between the page (lab/client.ts) and the training worker
 * (lab/training.worker.ts). Rules the types encode:
 * - every message about a run carries its `runId`; the page drops messages of older runs;
 * - the worker posts at most one `progress` per frame, carrying everything new since the last
 *   (batched losses, log lines, and at most one boundary grid);
 * - a grid travels as transferred typed arrays, and the worker sends the next grid of a run only
 *   after the page has acknowledged the previous one (`ack`), so grids never queue up; the
 *   network view's maps and hidden space ride with the grid (`inside`), under the same ack.
 */
import type { KernelPath } from '../nn/simd';
import type { DatasetSpec } from './datasets';
import type { ModelSpec } from './models';
import type { SamplingStats, TrainSettings } from './runner';
import type { ClassGrid, GridOptions } from './tasks/classify2d';
import { insideTransferables } from './inside';

export type LabStatus = 'idle' | 'running' | 'paused' | 'done' | 'diverged' | 'error';

/**
 * Everything that defines a training run (a change of any of it is a new run): the run's seed,
 * then what the data, the model and the training are (createRun.ts builds them in that order).
 */
export interface RunSettings {
  /** Seeds the run's one generator: the data's draws, the initial weights and the shuffles follow each other (the book's order). */
  seed: number;
  data: DatasetSpec;
  model: ModelSpec;
  train: TrainSettings;
}

/** How fast a running run advances: iterations per 60 Hz frame, or as fast as possible. */
export type Speed = number | 'max';

/** What the engine adds to a task's picture: whose it is, which one of the run, and when. */
export interface Framing {
  runId: number;
  /** Counts the pictures of one run (acknowledged by the page). */
  seq: number;
  /** Iterations done when it was made. */
  iter: number;
  /** True for the sharper picture drawn when the run is paused or done. */
  still: boolean;
}

/** The 2-D classification task's picture as it travels: a class grid (see tasks/classify2d.ts). */
export type GridPayload = ClassGrid & Framing;

/** Why a run stopped as diverged; the page turns it into an explanation. */
export interface Divergence {
  /** Iterations done when it was noticed. */
  iter: number;
  /** The first non-finite value seen (NaN, ±Infinity), or the blown-up mean loss. */
  value: number;
  where: 'loss' | 'params' | 'blowup';
}

/** The model's parameters (for TwoLayerNet [W1, b1, W2, b2]) with their shapes ([[2, H], [H], [H, C], [C]]). */
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

/**
 * The test hook's ways to fail (`labfault=` in the URL), the only list of them:
 * `throw`: the next slice throws (caught by the worker, reported as an `error` message);
 * `uncaught`: the next slice throws outside any catch (the page sees the worker's `onerror`);
 * `close`: the worker closes itself, as if terminated (the page's watchdog notices the silence).
 */
export const FAULT_MODES = ['throw', 'uncaught', 'close'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

// ---- page → worker ------------------------------------------------------------------------

export type ToWorker =
  /** Starts run `runId` from scratch (data, initial weights, optimizer); playing or idle. */
  | { type: 'configure'; runId: number; settings: RunSettings; play: boolean; speed: Speed; liveCells: number; stillCells: number; confidence: boolean; inside: boolean }
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
  | ({ type: 'grid'; requestId: number } & GridOptions)
  /** A grid of the model `settings` describe with the given parameters (the live run is untouched). */
  | ({ type: 'gridOf'; requestId: number; settings: RunSettings; payload: ParamsPayload } & GridOptions)
  | { type: 'exportParams'; requestId: number }
  | { type: 'importParams'; requestId: number; params: Float64Array[]; shapes: number[][] }
  /** Trains a separate model to completion (the live run is untouched) and returns it. */
  | { type: 'train'; requestId: number; settings: RunSettings }
  /**
   * Test hook (documented, harmless): makes the worker fail on purpose (see FAULT_MODES). The
   * page sends it only when the URL has `labfault=<mode>`; it affects only that tab's worker,
   * and the restart button recovers.
   */
  | { type: 'fault'; mode: FaultMode }
  /** The watchdog's question after a silence: the worker answers `alive` as soon as it can. */
  | { type: 'ping' };

// ---- worker → page ------------------------------------------------------------------------

/**
 * What a run's loss curve plots: the book's reports (`report`), or, for the custom loop when an
 * epoch has fewer than 10 iterations so its script never reports, each epoch's mean mini-batch
 * loss (`epoch-mean`, which the book's script does not print).
 */
export type LossKind = 'report' | 'epoch-mean';

export interface ProgressMessage {
  type: 'progress';
  runId: number;
  status: LabStatus;
  epoch: number;
  iter: number;
  maxIter: number;
  itersPerEpoch: number;
  /**
   * New points of the loss curve since the last message, and their iteration numbers: the book's
   * reported average losses, or each epoch's mean batch loss when `lossKind` is 'epoch-mean'.
   */
  losses: number[];
  lossIters: number[];
  /** What the curve's points are (fixed for a run; see LossKind). */
  lossKind: LossKind;
  /** The curve's latest point (NaN before the first). */
  loss: number;
  /** Loss of the last mini-batch trained (NaN before the first iteration). */
  batchLoss: number;
  /** Training accuracy of the current model on all the data. */
  accuracy: number;
  /** The confusion matrix behind that accuracy (true class × predicted, row-major C × C). */
  confusion?: Int32Array;
  /** New lines of the book script's log. */
  log: string[];
  sampling: SamplingStats | null;
  /** Why the run diverged, for status 'diverged'. */
  divergence?: Divergence;
  /** The classify2d task's picture: the decision boundary's class grid. */
  grid?: GridPayload;
  /** Which kernels train: WebAssembly SIMD, or the TypeScript fallback (the same numbers). */
  kernels: KernelPath;
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
  out.push(...insideTransferables(grid.inside));
  return out;
}
