/**
 * The book's two training drivers as step-wise runners, so the worker can train in time slices:
 * - `loop`: ch01/train_custom_loop.py (§1.4.3): one `np.random.permutation` per epoch applied to
 *   the already-shuffled arrays, a report (average loss) every 10 iterations of an epoch;
 * - `trainer`: common/trainer.py `Trainer.fit` (§1.4.4): the same shuffles, optional global-norm
 *   clipping (`max_grad`), a report when `iters % eval_interval == 0`.
 * With sampling 'choice' the batches are drawn as book 1 did, `np.random.choice(N, batch)` per
 * batch, and the runner counts duplicated and never-seen samples per epoch (★ a reader's note).
 *
 * Both keep their running total and count until a report, never resetting at an epoch boundary,
 * and drop the remainder when the batch size does not divide the data (`N // batch_size`), as the
 * book's code does (shared/golden/README.md).
 */
import { type Mat, mat, gatherRows, copyRows } from '../nn/matrix';
import { clipGrads, makeOptimizer, type Optimizer } from '../nn/optimizers';
import type { RandomState } from '../nn/random';
import type { Spiral } from '../nn/spiral';
import type { TwoLayerNet } from '../nn/twoLayerNet';
import type { RunSettings, SamplingStats } from './protocol';

export interface StepReport {
  /** Iterations actually run. */
  iters: number;
  /** Reports made (average losses) and the global iteration count at each. */
  losses: number[];
  lossIters: number[];
  /** The book script's lines for those reports. */
  log: string[];
  /** Every batch loss of these iterations (divergence is checked on them). */
  batchLosses: Float64Array;
}

export interface StepRunner {
  step(n: number): StepReport;
  readonly iter: number;
  readonly epoch: number;
  readonly maxIter: number;
  readonly itersPerEpoch: number;
  readonly done: boolean;
  /** Duplicated / never-seen samples in the last completed epoch (null before the first). */
  readonly sampling: SamplingStats | null;
}

/** `%.2f` as Python prints it (correctly rounded decimal of the double). */
function fixed2(v: number): string {
  return Number.isFinite(v) ? v.toFixed(2) : v !== v ? 'nan' : v > 0 ? 'inf' : '-inf';
}

class BookRunner implements StepRunner {
  private readonly optimizer: Optimizer;
  private x: Mat;
  private labels: Int32Array;
  private spareX: Mat;
  private spareLabels: Int32Array;
  private readonly batchX: Mat;
  private readonly batchT: Int32Array;
  private readonly seen: Int32Array;
  private readonly n: number;
  private totalLoss = 0;
  private lossCount = 0;
  private started = performance.now();
  private scratch = new Float64Array(16);
  iter = 0;
  readonly itersPerEpoch: number;
  readonly maxIter: number;
  sampling: SamplingStats | null = null;

  constructor(
    private readonly model: TwoLayerNet,
    data: Spiral,
    private readonly rng: RandomState,
    private readonly s: RunSettings,
  ) {
    this.optimizer = makeOptimizer(s.opt, s.lr);
    this.n = data.x.rows;
    // Work on copies: x = x[idx] rebinds in the book, leaving load_data's arrays untouched.
    this.x = mat(this.n, 2, data.x.data.slice());
    this.labels = data.labels.slice();
    this.spareX = mat(this.n, 2);
    this.spareLabels = new Int32Array(this.n);
    this.itersPerEpoch = Math.floor(this.n / s.batch);
    this.maxIter = s.epochs * this.itersPerEpoch;
    this.batchX = mat(s.batch, 2);
    this.batchT = new Int32Array(s.batch);
    this.seen = new Int32Array(this.n);
  }

  get epoch(): number {
    return this.itersPerEpoch === 0 ? this.s.epochs : Math.floor(this.iter / this.itersPerEpoch);
  }

  get done(): boolean {
    return this.iter >= this.maxIter;
  }

  step(n: number): StepReport {
    const count = Math.max(0, Math.min(n, this.maxIter - this.iter));
    if (this.scratch.length < count) this.scratch = new Float64Array(count);
    const rep: StepReport = { iters: count, losses: [], lossIters: [], log: [], batchLosses: this.scratch.subarray(0, count) };
    for (let k = 0; k < count; k++) {
      const it = this.iter % this.itersPerEpoch; // the book's `iters` inside an epoch
      if (it === 0) this.startEpoch();
      this.fillBatch(it);
      const loss = this.model.forward(this.batchX, this.batchT);
      this.model.backward();
      if (this.s.runner === 'trainer' && this.s.maxGrad > 0) clipGrads(this.model.grads, this.s.maxGrad);
      this.optimizer.update(this.model.params, this.model.grads);
      rep.batchLosses[k] = loss;
      this.totalLoss += loss;
      this.lossCount += 1;
      this.iter += 1;
      if (this.reportsAt(it)) {
        const avg = this.totalLoss / this.lossCount;
        rep.losses.push(avg);
        rep.lossIters.push(this.iter);
        rep.log.push(this.line(it, avg));
        this.totalLoss = 0;
        this.lossCount = 0;
      }
      if (this.iter % this.itersPerEpoch === 0) this.endEpoch();
    }
    return rep;
  }

  private reportsAt(it: number): boolean {
    if (this.s.runner === 'trainer') return it % this.s.evalInterval === 0;
    return (it + 1) % 10 === 0;
  }

  private line(it: number, avg: number): string {
    const ep = Math.floor((this.iter - 1) / this.itersPerEpoch) + 1;
    if (this.s.runner === 'trainer') {
      const secs = Math.floor((performance.now() - this.started) / 1000);
      return `| epoch ${ep} |  iter ${it + 1} / ${this.itersPerEpoch} | time ${secs}[s] | loss ${fixed2(avg)}`;
    }
    return `| epoch ${ep} |  iter ${it + 1} / ${this.itersPerEpoch} | loss ${fixed2(avg)}`;
  }

  private startEpoch(): void {
    if (this.iter === 0) this.started = performance.now();
    this.seen.fill(0);
    if (this.s.sampling !== 'permutation') return;
    // §1.4.3: idx = np.random.permutation(data_size); x = x[idx]; t = t[idx]
    const idx = this.rng.permutation(this.n);
    gatherRows(this.x, idx, this.spareX);
    for (let i = 0; i < this.n; i++) this.spareLabels[i] = this.labels[idx[i]];
    [this.x, this.spareX] = [this.spareX, this.x];
    [this.labels, this.spareLabels] = [this.spareLabels, this.labels];
  }

  private fillBatch(it: number): void {
    const b = this.s.batch;
    if (this.s.sampling === 'permutation') {
      copyRows(this.x, it * b, b, this.batchX);
      this.batchT.set(this.labels.subarray(it * b, (it + 1) * b));
      for (let i = it * b; i < (it + 1) * b; i++) this.seen[i]++;
      return;
    }
    // book 1: batch_mask = np.random.choice(train_size, batch_size), from the unshuffled data
    const mask = this.rng.choice(this.n, b);
    gatherRows(this.x, mask, this.batchX);
    for (let i = 0; i < b; i++) {
      this.batchT[i] = this.labels[mask[i]];
      this.seen[mask[i]]++;
    }
  }

  private endEpoch(): void {
    this.sampling = samplingStats(this.seen);
  }
}

/** Duplicates (draws beyond the first of a sample) and never-seen samples, from draw counts. */
export function samplingStats(seen: ArrayLike<number>): SamplingStats {
  let duplicates = 0;
  let neverSeen = 0;
  for (let i = 0; i < seen.length; i++) {
    if (seen[i] === 0) neverSeen++;
    else duplicates += seen[i] - 1;
  }
  return { duplicates, neverSeen };
}

/** The runner the settings ask for, continuing the generator the data and weights used. */
export function createRunner(model: TwoLayerNet, data: Spiral, rng: RandomState, s: RunSettings): StepRunner {
  if (!Number.isInteger(s.batch) || s.batch < 1 || s.batch > data.x.rows) {
    throw new Error(`batch size ${s.batch} must be between 1 and the data size ${data.x.rows}`);
  }
  if (s.runner === 'trainer' && !(Number.isInteger(s.evalInterval) && s.evalInterval >= 1)) {
    throw new Error(`eval_interval must be a positive integer, got ${s.evalInterval}`);
  }
  return new BookRunner(model, data, rng, s);
}
