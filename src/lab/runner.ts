/**
 * The book's two training drivers behind one interface, so the engine can train in slices:
 * - `loop`: ch01/train_custom_loop.py (§1.4.3): one `np.random.permutation` per epoch applied to
 *   the already-shuffled arrays, a report (average loss) every 10 iterations of an epoch;
 * - `trainer`: common/trainer.py `Trainer.fit` (§1.4.4): the same shuffles, optional global-norm
 *   clipping (`max_grad`), a report when `iters % eval_interval == 0`.
 * With sampling 'choice' the batches are drawn as book 1 did, `np.random.choice(N, batch)` per
 * batch, and the runner counts duplicated and never-seen samples per epoch (a place readers of §1.4.3 often stumble).
 *
 * The algorithms live in the core (src/nn/trainer.ts); this file picks one and reads its
 * sampling counters. It trains any {@link Model} on any {@link Dataset}.
 */
import { makeOptimizer, type OptimizerName } from '../nn/optimizers';
import type { RandomState } from '../nn/random';
import { CustomLoop, Trainer, type Sampling } from '../nn/trainer';
import type { Dataset, Model } from './seams';

/** Which of the book's training drivers runs: the custom loop (§1.4.3) or Trainer.fit (§1.4.4). */
export type RunnerKind = 'loop' | 'trainer';

/** How a run trains (the book's hyperparameters and driver). */
export interface TrainSettings {
  runner: RunnerKind;
  epochs: number;
  batch: number;
  lr: number;
  opt: OptimizerName;
  sampling: Sampling;
  /** Trainer.fit's eval_interval (the custom loop always reports every 10 iterations, as the book's script). */
  evalInterval: number;
  /** Trainer.fit's max_grad; 0 or less = no clipping. */
  maxGrad: number;
}

/** Duplicated and never-seen samples in the last completed epoch (§1.4.3). */
export interface SamplingStats {
  duplicates: number;
  neverSeen: number;
}

/** One of the book's training drivers (src/nn/trainer.ts), set up and ready to `step`. */
export type Driver = CustomLoop | Trainer;

/** The driver the settings ask for, fed the generator that made the data and the weights. */
export function makeDriver(model: Model, data: Dataset, rng: RandomState, s: TrainSettings): Driver {
  const optimizer = makeOptimizer(s.opt, s.lr);
  if (s.runner === 'trainer') {
    // Trainer(model, optimizer).fit(x, t, max_epoch, batch_size, max_grad, eval_interval)
    return new Trainer(model, optimizer, rng).start(data.x, data.t, {
      maxEpoch: s.epochs,
      batchSize: s.batch,
      maxGrad: s.maxGrad > 0 ? s.maxGrad : undefined,
      evalInterval: s.evalInterval,
      sampling: s.sampling,
    });
  }
  return new CustomLoop({ x: data.x, t: data.t, model, optimizer, rng, maxEpoch: s.epochs, batchSize: s.batch, sampling: s.sampling });
}

/** Duplicated / never-seen samples in the driver's last completed epoch (null before the first). */
export function samplingStats(driver: Driver, rows: number, s: TrainSettings): SamplingStats | null {
  if (driver.epoch === 0) return null;
  if (s.sampling === 'choice') {
    const d = driver.duplicatesPerEpoch, n = driver.neverSeenPerEpoch;
    return { duplicates: d[d.length - 1], neverSeen: n[n.length - 1] };
  }
  // one permutation per epoch: no repeats; only the remainder of N // batch_size goes unseen
  return { duplicates: 0, neverSeen: rows - driver.itersPerEpoch * s.batch };
}
