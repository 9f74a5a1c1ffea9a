/**
 * One training run of the lab, without any worker or DOM: a dataset, a model and a task (the
 * seams, seams.ts), the book's training driver (runner.ts), the reports, divergence detection
 * and the task's pictures. The worker (training.worker.ts) drives it in time slices; unit tests
 * drive it directly. createRun.ts builds one from serialisable RunSettings.
 */
import type { RandomState } from '../nn/random';
import { format } from '../nn/trainer';
import type { Divergence, Framing, LabStatus, LossKind, ParamsPayload, TrainResult } from './protocol';
import { makeDriver, samplingStats, type Driver, type SamplingStats, type TrainSettings } from './runner';
import type { Dataset, Evaluation, Model, Task } from './seams';

/**
 * A run also counts as diverged when its loss has "blown up": the mean of the reports over the
 * last BLOWUP_ITERS iterations exceeds BLOWUP_FACTOR × the task's chance loss (ln C, the loss of
 * guessing). Why: with sigmoid hidden units and the book's `+ 1e-7` inside the log, this net's
 * loss stays finite even when a far too large learning rate wrecks it (each sample's loss is
 * capped at −ln(1e-7) ≈ 16.1), so NaN never comes. Measured over the six optimizers and lr
 * 1–100 on the book's data: every run this rule flags ends at ≤ 74 % accuracy with a final loss
 * ≥ 1.8, and no run it spares ends above a loss of 1.15.
 */
export const BLOWUP_FACTOR = 3;
export const BLOWUP_ITERS = 300;

/** What a run is made of. `rng` has already made the data and the weights; the shuffles continue it. */
export interface RunParts<Options, Picture> {
  data: Dataset;
  model: Model;
  task: Task<Options, Picture>;
  train: TrainSettings;
  rng: RandomState;
}

/**
 * The custom loop reports when (iters + 1) % 10 == 0 within an epoch (§1.4.3), so with fewer
 * iterations per epoch than this its script prints nothing at all (batch > 30 on 300 points).
 */
export const BOOK_REPORT_EVERY = 10;

/** New output of one `advance` call. */
export interface Advance {
  /** Reported average losses and the iteration count at each report (the book's loss_list). */
  losses: number[];
  lossIters: number[];
  /** The book script's lines for those reports. */
  log: string[];
  /** New points of the loss curve: the reports, or each finished epoch's mean (see LossKind). */
  curve: number[];
  curveIters: number[];
}

export class LabRun<Options = unknown, Picture = unknown> {
  readonly data: Dataset;
  readonly model: Model;
  readonly task: Task<Options, Picture>;
  readonly train: TrainSettings;
  /** The book's custom loop or Trainer, stepped by `advance`. */
  readonly driver: Driver;
  status: LabStatus = 'idle';
  divergence: Divergence | undefined;
  /** The loss curve's latest point: the latest report, or epoch mean (NaN until the first). */
  loss = Number.NaN;
  /** What the loss curve plots: the book's reports, unless its script would never report. */
  readonly lossKind: LossKind;
  private pictureSeq = 0;
  /** Recent reported losses, for the blow-up rule. */
  private recent: number[] = [];
  private readonly window: number;
  private readonly blowup: number;

  constructor(parts: RunParts<Options, Picture>) {
    this.data = parts.data;
    this.model = parts.model;
    this.task = parts.task;
    this.train = parts.train;
    this.driver = makeDriver(parts.model, parts.data, parts.rng, parts.train);
    this.lossKind = parts.train.runner === 'loop' && this.driver.itersPerEpoch < BOOK_REPORT_EVERY ? 'epoch-mean' : 'report';
    const every = this.lossKind === 'epoch-mean' ? this.driver.itersPerEpoch : parts.train.runner === 'trainer' ? parts.train.evalInterval : BOOK_REPORT_EVERY;
    this.window = Math.max(1, Math.ceil(BLOWUP_ITERS / every));
    this.blowup = BLOWUP_FACTOR * parts.task.chanceLoss(parts.data);
  }

  get iter(): number {
    return this.driver.iter;
  }
  get epoch(): number {
    return this.driver.epoch;
  }
  get itersPerEpoch(): number {
    return this.driver.itersPerEpoch;
  }
  get maxIter(): number {
    return this.train.epochs * this.driver.itersPerEpoch;
  }
  /** Loss of the last mini-batch trained (NaN before the first iteration). */
  get batchLoss(): number {
    return this.driver.lastLoss;
  }
  get finished(): boolean {
    return this.status === 'done' || this.status === 'diverged';
  }
  /** Duplicated and never-seen samples in the last completed epoch (null before the first). */
  get sampling(): SamplingStats | null {
    return samplingStats(this.driver, this.data.x.rows, this.train);
  }

  /**
   * Runs up to `iters` iterations, stopping early at the end, on divergence, or when `deadline`
   * (a performance.now() time) passes. Iterations are checked against the clock in small groups.
   */
  advance(iters: number, deadline = Infinity, now: () => number = () => performance.now()): Advance {
    const out: Advance = { losses: [], lossIters: [], log: [], curve: [], curveIters: [] };
    const means = this.lossKind === 'epoch-mean';
    const perEpoch = this.driver.itersPerEpoch;
    let left = iters;
    while (left > 0 && !this.finished) {
      const before = this.driver.iter;
      // epoch means are read at each epoch's end, so a group never crosses one
      const n = means ? Math.min(left, 16, perEpoch - (before % perEpoch)) : Math.min(left, 16);
      const reports = this.driver.step(n);
      const done = this.driver.iter - before;
      left -= done;
      for (const r of reports) {
        out.losses.push(r.loss);
        out.lossIters.push(r.totalIter);
        out.log.push(format(r));
      }
      // the curve's new points: the reports, or this epoch's mean when the group ended one
      const points: number[] = [];
      if (!means) {
        for (const r of reports) {
          points.push(r.loss);
          out.curveIters.push(r.totalIter);
        }
      } else if (done > 0 && this.driver.iter % perEpoch === 0) {
        points.push(this.driver.lastEpochMean);
        out.curveIters.push(this.driver.iter);
      }
      out.curve.push(...points);
      const bad = this.checkFinite(points) ?? this.checkBlowup(points);
      if (bad) {
        this.divergence = bad;
        this.status = 'diverged';
        break;
      }
      if (points.length > 0) this.loss = points[points.length - 1];
      if (this.driver.done) {
        this.status = 'done';
        break;
      }
      if (done === 0 || now() >= deadline) break;
    }
    return out;
  }

  /** The task's evaluation of the current model on all the data (training accuracy and more). */
  evaluate(): Evaluation {
    return this.task.evaluate(this.model, this.data);
  }

  /** The training accuracy of the current model. */
  accuracy(): number {
    return this.evaluate().accuracy;
  }

  /** The task's picture of the current model, framed with the run id, a sequence number and the iteration. */
  picture(opts: Options, runId: number, still: boolean): Picture & Framing {
    return { ...this.task.picture(this.model, this.data, opts), ...this.framing(runId, still) };
  }

  /** The frame of a picture of the model as it is now (for one computed elsewhere, e.g. on two threads). */
  framing(runId: number, still: boolean): Framing {
    return { runId, seq: ++this.pictureSeq, iter: this.iter, still };
  }

  /** Copies of the model's parameters and their shapes. */
  exportParams(): ParamsPayload {
    return { params: this.model.params.map((p) => p.slice()), shapes: this.model.paramShapes() };
  }

  /** Writes new values into the model's own arrays (shapes must match exactly). */
  importParams(payload: ParamsPayload): void {
    const want = this.model.paramShapes();
    const n = want.length;
    const { params, shapes } = payload;
    if (!Array.isArray(params) || !Array.isArray(shapes) || params.length !== n || shapes.length !== n) {
      throw new Error(`importParams: expected ${n} arrays with their shapes, as the model's params`);
    }
    for (let i = 0; i < n; i++) {
      const s = shapes[i];
      if (!Array.isArray(s) || s.length !== want[i].length || s.some((d, k) => d !== want[i][k])) {
        throw new Error(`importParams: parameter ${i} has shape (${String(s)}), the model needs (${want[i].join(', ')})`);
      }
      if (!(params[i] instanceof Float64Array) || params[i].length !== this.model.params[i].length) {
        throw new Error(`importParams: parameter ${i} must be a Float64Array of ${this.model.params[i].length} values`);
      }
    }
    // §1.3.4.5: write into the arrays the layers hold, never rebind them
    for (let i = 0; i < n; i++) this.model.params[i].set(params[i]);
  }

  private checkBlowup(losses: number[]): Divergence | undefined {
    const r = this.recent;
    r.push(...losses);
    if (r.length > this.window) r.splice(0, r.length - this.window);
    if (r.length < this.window) return undefined;
    let sum = 0;
    for (const v of r) sum += v;
    const mean = sum / r.length;
    if (mean > this.blowup) return { iter: this.iter, value: mean, where: 'blowup' };
    return undefined;
  }

  /** A NaN or infinite batch loss makes the gradients and so the parameters non-finite too. */
  private checkFinite(losses: number[]): Divergence | undefined {
    for (const v of losses) if (!Number.isFinite(v)) return { iter: this.iter, value: v, where: 'loss' };
    for (const p of this.model.params) {
      for (let k = 0; k < p.length; k++) if (!Number.isFinite(p[k])) return { iter: this.iter, value: p[k], where: 'params' };
    }
    return undefined;
  }
}

/** What a finished run hands back: its reports (collected by the caller), accuracy and weights. */
export function resultOf(run: LabRun, lossList: number[], lossIters: number[]): TrainResult {
  return { ...run.exportParams(), lossList, lossIters, accuracy: run.accuracy(), status: run.status === 'diverged' ? 'diverged' : 'done', iters: run.iter };
}

/** Trains `run` to the end in one go (Node and tests; the worker runs the same thing in slices). */
export function trainToEnd(run: LabRun): TrainResult {
  const lossList: number[] = [];
  const lossIters: number[] = [];
  while (!run.finished) {
    const a = run.advance(1 << 20);
    lossList.push(...a.losses);
    lossIters.push(...a.lossIters);
  }
  return resultOf(run, lossList, lossIters);
}
