/**
 * The book's two training drivers as step-wise runners, so the worker can train in time slices:
 * - `loop`: ch01/train_custom_loop.py (§1.4.3): one `np.random.permutation` per epoch applied to
 *   the already-shuffled arrays, a report (average loss) every 10 iterations of an epoch;
 * - `trainer`: common/trainer.py `Trainer.fit` (§1.4.4): the same shuffles, optional global-norm
 *   clipping (`max_grad`), a report when `iters % eval_interval == 0`.
 * With sampling 'choice' the batches are drawn as book 1 did, `np.random.choice(N, batch)` per
 * batch, and the runner counts duplicated and never-seen samples per epoch (★ a reader's note).
 *
 * The algorithms themselves live in the core (src/nn/trainer.ts); this file adapts them to the
 * lab's slices: iterations run, reports as plain arrays, the book's log lines, sampling counts.
 */
import { CustomLoop, Trainer, format, type StepReport as CoreReport } from '../nn/trainer';
import { makeOptimizer } from '../nn/optimizers';
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

/**
 * The lab's view of the core's runners (src/nn/trainer.ts): `CustomLoop` for §1.4.3 and
 * `Trainer.start/step` for §1.4.4, both fed the generator that made the data and the weights.
 */
class BookRunner implements StepRunner {
  private readonly run: CustomLoop | Trainer;
  readonly maxIter: number;

  constructor(model: TwoLayerNet, data: Spiral, rng: RandomState, private readonly s: RunSettings) {
    const optimizer = makeOptimizer(s.opt, s.lr);
    if (s.runner === 'trainer') {
      // Trainer(model, optimizer).fit(x, t, max_epoch, batch_size, max_grad, eval_interval)
      this.run = new Trainer(model, optimizer, rng).start(data.x, data.t, {
        maxEpoch: s.epochs,
        batchSize: s.batch,
        maxGrad: s.maxGrad > 0 ? s.maxGrad : undefined,
        evalInterval: s.evalInterval,
        sampling: s.sampling,
      });
    } else {
      this.run = new CustomLoop({ x: data.x, t: data.t, model, optimizer, rng, maxEpoch: s.epochs, batchSize: s.batch, sampling: s.sampling });
    }
    this.maxIter = s.epochs * this.run.itersPerEpoch;
  }

  get iter(): number {
    return this.run.iter;
  }
  get epoch(): number {
    return this.run.epoch;
  }
  get itersPerEpoch(): number {
    return this.run.itersPerEpoch;
  }
  get done(): boolean {
    return this.run.done;
  }

  get sampling(): SamplingStats | null {
    if (this.run.epoch === 0) return null;
    if (this.s.sampling === 'choice') {
      const d = this.run.duplicatesPerEpoch, n = this.run.neverSeenPerEpoch;
      return { duplicates: d[d.length - 1], neverSeen: n[n.length - 1] };
    }
    // one permutation per epoch: no repeats; only the remainder of N // batch_size goes unseen
    return { duplicates: 0, neverSeen: this.s.points * this.s.classes - this.run.itersPerEpoch * this.s.batch };
  }

  step(n: number): StepReport {
    const before = this.run.iter;
    const reports: CoreReport[] = this.run.step(n);
    return {
      iters: this.run.iter - before,
      losses: reports.map((r) => r.loss),
      lossIters: reports.map((r) => r.totalIter),
      log: reports.map(format),
    };
  }
}

/** The runner the settings ask for, continuing the generator the data and weights used. */
export function createRunner(model: TwoLayerNet, data: Spiral, rng: RandomState, s: RunSettings): StepRunner {
  return new BookRunner(model, data, rng, s);
}
