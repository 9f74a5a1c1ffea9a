/**
 * One training run of the lab, without any worker or DOM: the dataset, the model, the runner
 * (the book's custom loop or Trainer.fit), the reports, divergence detection and the boundary
 * grids. The worker (training.worker.ts) drives it in time slices; unit tests drive it directly.
 */
import { RandomState } from '../nn/random';
import { loadSpiral, type Spiral } from '../nn/spiral';
import { TwoLayerNet } from '../nn/twoLayerNet';
import type { GridPayload, LabStatus, ParamsPayload, RunSettings, SamplingStats, TrainResult } from './protocol';
import { createRunner, type StepRunner } from './runner';
import { gridSpecFor, predictGrid } from './grid';

/** Why a run stopped as diverged, in a form the page turns into an explanation. */
export interface Divergence {
  iter: number;
  /** The first non-finite value seen ('NaN', 'Infinity', …), or the blown-up mean loss. */
  value: string;
  where: 'loss' | 'params' | 'blowup';
}

/**
 * A run also counts as diverged when its loss has "blown up": the mean of the reports over the
 * last BLOWUP_ITERS iterations exceeds BLOWUP_FACTOR × ln(classes) (the loss of guessing).
 * Why: with sigmoid hidden units and the book's `+ 1e-7` inside the log, this net's loss stays
 * finite even when a far too large learning rate wrecks it (each sample's loss is capped at
 * −ln(1e-7) ≈ 16.1), so NaN never comes. Measured over the six optimizers and lr 1–100 on the
 * book's data: every run this rule flags ends at ≤ 74 % accuracy with a final loss ≥ 1.8, and
 * no run it spares ends above a loss of 1.15.
 */
export const BLOWUP_FACTOR = 3;
export const BLOWUP_ITERS = 300;

/** New output of one `advance` call. */
export interface Advance {
  losses: number[];
  lossIters: number[];
  log: string[];
}

export class LabRun {
  readonly data: Spiral;
  readonly model: TwoLayerNet;
  readonly runner: StepRunner;
  status: LabStatus = 'idle';
  divergence: Divergence | undefined;
  /** Latest reported average loss (NaN until the first report). */
  loss = Number.NaN;
  private gridSeq = 0;
  /** Recent reported losses, for the blow-up rule. */
  private recent: number[] = [];
  private readonly window: number;

  constructor(readonly settings: RunSettings) {
    const rng = new RandomState(settings.seed);
    // The book's order: load_data seeds the generator and draws the noise; the weights and the
    // shuffles continue the same stream (§1.4.1–1.4.3).
    this.data = loadSpiral({ seed: settings.seed, pointsPerClass: settings.points, classes: settings.classes, noise: settings.noise }, rng);
    this.model = new TwoLayerNet(2, settings.hidden, settings.classes, rng);
    this.runner = createRunner(this.model, this.data, rng, settings);
    const every = settings.runner === 'trainer' ? settings.evalInterval : 10;
    this.window = Math.max(1, Math.ceil(BLOWUP_ITERS / every));
  }

  get iter(): number {
    return this.runner.iter;
  }
  get epoch(): number {
    return this.runner.epoch;
  }
  get maxIter(): number {
    return this.runner.maxIter;
  }
  get itersPerEpoch(): number {
    return this.runner.itersPerEpoch;
  }
  get finished(): boolean {
    return this.status === 'done' || this.status === 'diverged';
  }
  get sampling(): SamplingStats | null {
    return this.runner.sampling;
  }

  /**
   * Runs up to `iters` iterations, stopping early at the end, on divergence, or when `deadline`
   * (a performance.now() time) passes. Iterations are checked against the clock in small groups.
   */
  advance(iters: number, deadline = Infinity, now: () => number = () => performance.now()): Advance {
    const out: Advance = { losses: [], lossIters: [], log: [] };
    let left = iters;
    while (left > 0 && !this.finished) {
      const n = Math.min(left, 16);
      const rep = this.runner.step(n);
      left -= rep.iters;
      for (let i = 0; i < rep.losses.length; i++) {
        out.losses.push(rep.losses[i]);
        out.lossIters.push(rep.lossIters[i]);
      }
      out.log.push(...rep.log);
      const bad = this.checkFinite(rep.losses) ?? this.checkBlowup(rep.losses);
      if (bad) {
        this.divergence = bad;
        this.status = 'diverged';
        break;
      }
      if (rep.losses.length > 0) this.loss = rep.losses[rep.losses.length - 1];
      if (this.runner.done) {
        this.status = 'done';
        break;
      }
      if (rep.iters === 0 || now() >= deadline) break;
    }
    return out;
  }

  /** Training accuracy of the current model on all the data (NaN scores count as wrong). */
  accuracy(): number {
    return this.model.accuracy(this.data.x, this.data.labels);
  }

  /** A class grid of the current model (`cells` along the longer axis, or spacing `h`). */
  grid(opts: { h?: number; cells?: number; confidence: boolean; still: boolean }, runId: number): GridPayload {
    const spec = gridSpecFor(this.data.x, opts);
    const g = predictGrid(this.model, spec, opts.confidence);
    return { ...g, runId, seq: ++this.gridSeq, iter: this.iter, still: opts.still };
  }

  /** Copies of [W1, b1, W2, b2] and their shapes. */
  exportParams(): ParamsPayload {
    return { params: this.model.params.map((p) => p.slice()), shapes: this.model.paramShapes() };
  }

  /** Writes new values into the model's own arrays (shapes must match exactly). */
  importParams(payload: ParamsPayload): void {
    const want = this.model.paramShapes();
    const { params, shapes } = payload;
    if (!Array.isArray(params) || !Array.isArray(shapes) || params.length !== 4 || shapes.length !== 4) {
      throw new Error('importParams: expected 4 arrays [W1, b1, W2, b2] with their shapes');
    }
    for (let i = 0; i < 4; i++) {
      const s = shapes[i];
      if (!Array.isArray(s) || s.length !== want[i].length || s.some((d, k) => d !== want[i][k])) {
        throw new Error(`importParams: parameter ${i} has shape (${String(s)}), the model needs (${want[i].join(', ')})`);
      }
      if (!(params[i] instanceof Float64Array) || params[i].length !== this.model.params[i].length) {
        throw new Error(`importParams: parameter ${i} must be a Float64Array of ${this.model.params[i].length} values`);
      }
    }
    // §1.3.4.5: write into the arrays the layers hold, never rebind them
    for (let i = 0; i < 4; i++) this.model.params[i].set(params[i]);
  }

  private checkBlowup(losses: number[]): Divergence | undefined {
    const r = this.recent;
    r.push(...losses);
    if (r.length > this.window) r.splice(0, r.length - this.window);
    if (r.length < this.window) return undefined;
    let sum = 0;
    for (const v of r) sum += v;
    const mean = sum / r.length;
    if (mean > BLOWUP_FACTOR * Math.log(this.settings.classes)) return { iter: this.iter, value: mean.toFixed(2), where: 'blowup' };
    return undefined;
  }

  /** A NaN or infinite batch loss makes the gradients and so the parameters non-finite too. */
  private checkFinite(losses: ArrayLike<number>): Divergence | undefined {
    for (let i = 0; i < losses.length; i++) {
      const v = losses[i];
      if (!Number.isFinite(v)) return { iter: this.iter, value: String(v), where: 'loss' };
    }
    for (const p of this.model.params) {
      for (let k = 0; k < p.length; k++) if (!Number.isFinite(p[k])) return { iter: this.iter, value: String(p[k]), where: 'params' };
    }
    return undefined;
  }
}

/**
 * Trains a fresh model with `settings` to the end in one go (used by LabClient.trainToCompletion
 * in Node; the worker runs the same thing in slices).
 */
export function trainToEnd(settings: RunSettings): TrainResult {
  const run = new LabRun(settings);
  const lossList: number[] = [];
  const lossIters: number[] = [];
  while (!run.finished) {
    const a = run.advance(1 << 20);
    lossList.push(...a.losses);
    lossIters.push(...a.lossIters);
  }
  const p = run.exportParams();
  return { ...p, lossList, lossIters, accuracy: run.accuracy(), status: run.status as 'done' | 'diverged', iters: run.iter };
}
