/**
 * Reaches iteration k of a run in short slices, so a page can trace a late iteration without
 * freezing: the book's 3,000 iterations take about 100 ms in one go, larger settings seconds.
 * The run is kept between requests: asking for k + 1 after k costs one iteration; asking for an
 * earlier iteration starts the run again (it is deterministic).
 */
import { IterationTracer, type IterationTrace, type TraceRunOptions } from '../nn/iterationTrace';
import type { RunSettings } from './protocol';

/**
 * The custom loop's run for the lab's run settings (the stepper traces train_custom_loop.py, so
 * the Trainer's max_grad and eval_interval play no part). It traces the spiral lab's runs.
 */
export function traceOptionsOf(s: RunSettings): TraceRunOptions {
  if (s.data.kind !== 'spiral') throw new Error(`the iteration stepper traces the spiral data, not '${s.data.kind}'`);
  const t = s.train;
  return {
    seed: s.seed, pointsPerClass: s.data.points, classes: s.data.classes, noise: s.data.noise, hidden: s.model.hidden,
    lr: t.lr, optimizer: t.opt, batchSize: t.batch, maxEpoch: t.epochs, sampling: t.sampling,
  };
}

/** Iterations run between two clock reads (cheap next to a clock read at the book's size). */
const CHUNK = 16;

export type TraceProgress = { done: false; reached: number; target: number } | { done: true; trace: IterationTrace };

export class TraceRunner {
  private tracer?: IterationTracer;
  private key = '';

  /** The run's last iteration for `opts`. */
  lastIteration(opts: TraceRunOptions): number {
    return this.runFor(opts).lastIteration;
  }

  /**
   * Works toward tracing iteration `k` until `deadline` (a `now()` time); returns the trace once
   * reached, else how far it got. Throws for k outside 1…lastIteration.
   */
  work(opts: TraceRunOptions, k: number, deadline: number, now: () => number): TraceProgress {
    let tracer = this.runFor(opts);
    if (!Number.isInteger(k) || k < 1 || k > tracer.lastIteration) {
      throw new Error(`iteration must be an integer from 1 to ${tracer.lastIteration}, got ${k}`);
    }
    if (tracer.done >= k) tracer = this.restart(opts);
    while (tracer.done < k - 1) {
      tracer.advance(Math.min(CHUNK, k - 1 - tracer.done));
      if (tracer.done < k - 1 && now() >= deadline) return { done: false, reached: tracer.done, target: k - 1 };
    }
    return { done: true, trace: tracer.traceNext() };
  }

  private runFor(opts: TraceRunOptions): IterationTracer {
    const key = JSON.stringify(opts);
    return this.tracer && key === this.key ? this.tracer : this.restart(opts);
  }

  private restart(opts: TraceRunOptions): IterationTracer {
    this.key = JSON.stringify(opts);
    this.tracer = new IterationTracer(opts);
    return this.tracer;
  }
}
