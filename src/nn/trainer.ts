/**
 * The book's two ways to train (§1.4.3 `train_custom_loop.py` and §1.4.4 `Trainer.fit`), as
 * step-wise runners: `step(n)` advances up to n iterations and returns the reports made on the
 * way, so a Web Worker can train in short time slices and the CLI can run to the end.
 *
 * Both follow the book exactly: each epoch shuffles the arrays the previous epoch shuffled
 * (`x = x[idx]` rebinds), `max_iters = N // batch_size` drops the remainder, and the running
 * loss total and count survive epoch boundaries until a report resets them.
 */
import { BOOK } from './book';
import { type Mat, copyRows, gatherRows, mat } from './matrix';
import { clipGrads, type Optimizer } from './optimizers';
import { RandomState } from './random';
import { kernelArray } from './simd';

/** What the runners train: the book's model interface (TwoLayerNet fits it). */
export interface TrainableModel {
  readonly params: Float64Array[];
  readonly grads: Float64Array[];
  forward(x: Mat, t: Mat | Int32Array): number;
  backward(dout?: number): unknown;
}

/** One printed progress line: the average loss since the previous report. */
export interface StepReport {
  /** 1-based epoch, as printed. */
  epoch: number;
  /** 1-based iteration within the epoch, as printed. */
  iter: number;
  /** The book's max_iters = floor(N / batch_size). */
  itersPerEpoch: number;
  /** Average loss since the previous report (the book's avg_loss, appended to loss_list). */
  loss: number;
  /** Iterations done in total when this report was made. */
  totalIter: number;
  /** Trainer only: seconds since `fit`/`start` began (the book's elapsed_time). */
  time?: number;
}

/** How mini-batches are drawn: the book's per-epoch permutation, or book 1's `np.random.choice`. */
export const SAMPLINGS = ['permutation', 'choice'] as const;
export type Sampling = (typeof SAMPLINGS)[number];

/** Settings shared by both runners. */
interface RunOptions {
  x: Mat;
  t: Mat;
  model: TrainableModel;
  optimizer: Optimizer;
  rng: RandomState;
  maxEpoch: number;
  batchSize: number;
  sampling: Sampling;
  maxGrad?: number;
  /** Whether iteration `it` (0-based within its epoch) ends with a report. */
  reportsAt: (it: number) => boolean;
  /** Trainer's clock (seconds), or undefined for the custom loop, which prints no time. */
  clock?: () => number;
  /** Epoch number printed for the first epoch minus one (Trainer.current_epoch). */
  epochOffset: number;
}

/** Checks the sizes the book's scripts would choke on (or silently do nothing with). */
function validate(x: Mat, t: Mat, maxEpoch: number, batchSize: number, maxGrad?: number): void {
  if (x.rows !== t.rows) throw new Error(`x has ${x.rows} rows but t has ${t.rows}`);
  if (!Number.isInteger(maxEpoch) || maxEpoch < 0) throw new Error(`max_epoch must be a non-negative integer, got ${maxEpoch}`);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > x.rows) {
    throw new Error(`batch_size must be an integer from 1 to the data size ${x.rows}, got ${batchSize}`);
  }
  if (maxGrad !== undefined && !(maxGrad > 0 && Number.isFinite(maxGrad))) {
    throw new Error(`max_grad must be a positive number, got ${maxGrad}`);
  }
}

/**
 * The loop both scripts share. Iteration state: `epochsDone` full epochs, then `itInEpoch`
 * iterations of the current one. Buffers are allocated once here and reused.
 */
class EpochLoop {
  readonly itersPerEpoch: number;
  readonly lossList: number[] = [];
  /** Book 1 sampling only: per finished epoch, draws that repeated an already drawn sample. */
  readonly duplicatesPerEpoch: number[] = [];
  /** Book 1 sampling only: per finished epoch, samples never drawn. */
  readonly neverSeenPerEpoch: number[] = [];
  private epochsDone = 0;
  private itInEpoch = 0;
  private totalIters = 0;
  private lossTotal = 0;
  private lossCount = 0;
  /** Loss of the last mini-batch (NaN before the first iteration). Not part of the book's output. */
  lastLoss = Number.NaN;
  /** Mean mini-batch loss of the last finished epoch (NaN before one). Not part of the book's output. */
  lastEpochMean = Number.NaN;
  private epochTotal = 0;
  private x: Mat;
  private t: Mat;
  private spareX: Mat;
  private spareT: Mat;
  private readonly order: Int32Array;
  private readonly batchIdx: Int32Array;
  private readonly seen: Int32Array;
  private readonly bx: Mat;
  private readonly bt: Mat;
  private readonly startTime: number;

  constructor(private readonly o: RunOptions) {
    validate(o.x, o.t, o.maxEpoch, o.batchSize, o.maxGrad);
    const n = o.x.rows, b = o.batchSize;
    this.itersPerEpoch = Math.floor(n / b);
    // private copies: the caller's arrays stay in their original order (the book rebinds a local)
    this.x = mat(n, o.x.cols, o.x.data.slice());
    this.t = mat(n, o.t.cols, o.t.data.slice());
    this.spareX = mat(n, o.x.cols);
    this.spareT = mat(n, o.t.cols);
    this.order = new Int32Array(n);
    this.batchIdx = new Int32Array(b);
    this.seen = new Int32Array(o.sampling === 'choice' ? n : 0);
    this.bx = mat(b, o.x.cols, kernelArray(b * o.x.cols));
    this.bt = mat(b, o.t.cols, kernelArray(b * o.t.cols));
    this.startTime = o.clock?.() ?? 0;
  }

  get done(): boolean {
    return this.epochsDone >= this.o.maxEpoch;
  }
  get epoch(): number {
    return this.epochsDone;
  }
  get iter(): number {
    return this.totalIters;
  }
  get iterInEpoch(): number {
    return this.itInEpoch;
  }

  step(nIters: number): StepReport[] {
    const reports: StepReport[] = [];
    for (let k = 0; k < nIters && !this.done; k++) {
      const r = this.iterate();
      if (r) reports.push(r);
    }
    return reports;
  }

  /** One iteration of the book's inner loop; returns a report when one is due. */
  private iterate(): StepReport | undefined {
    const o = this.o, b = o.batchSize, it = this.itInEpoch;
    if (o.sampling === 'choice') {
      if (it === 0) this.seen.fill(0);
      this.drawChoiceBatch();
    } else {
      if (it === 0) this.shuffleEpoch();
      copyRows(this.x, it * b, b, this.bx);
      copyRows(this.t, it * b, b, this.bt);
    }
    const loss = o.model.forward(this.bx, this.bt);
    o.model.backward();
    if (o.maxGrad !== undefined) clipGrads(o.model.grads, o.maxGrad);
    o.optimizer.update(o.model.params, o.model.grads);
    this.lossTotal += loss;
    this.lossCount += 1;
    this.lastLoss = loss;
    this.epochTotal += loss;
    this.totalIters += 1;
    let report: StepReport | undefined;
    if (o.reportsAt(it)) {
      const avg = this.lossTotal / this.lossCount;
      this.lossList.push(avg);
      report = { epoch: o.epochOffset + this.epochsDone + 1, iter: it + 1, itersPerEpoch: this.itersPerEpoch, loss: avg, totalIter: this.totalIters };
      if (o.clock) report.time = o.clock() - this.startTime;
      this.lossTotal = 0;
      this.lossCount = 0;
    }
    this.itInEpoch += 1;
    if (this.itInEpoch === this.itersPerEpoch) this.endEpoch();
    return report;
  }

  /** idx = permutation(N); x = x[idx]; t = t[idx] — applied to the already shuffled arrays. */
  private shuffleEpoch(): void {
    const order = this.order;
    for (let i = 0; i < order.length; i++) order[i] = i;
    this.o.rng.shuffle(order); // same draws as np.random.permutation(N)
    gatherRows(this.x, order, this.spareX);
    gatherRows(this.t, order, this.spareT);
    const x = this.x, t = this.t; // the shuffled copies become current (x = x[idx] rebinds)
    this.x = this.spareX;
    this.t = this.spareT;
    this.spareX = x;
    this.spareT = t;
  }

  /** batch_mask = np.random.choice(N, batch_size) (book 1): sampling with replacement. */
  private drawChoiceBatch(): void {
    const n = this.x.rows, idx = this.batchIdx;
    for (let i = 0; i < idx.length; i++) {
      idx[i] = this.o.rng.bounded(n - 1);
      this.seen[idx[i]] += 1;
    }
    gatherRows(this.x, idx, this.bx);
    gatherRows(this.t, idx, this.bt);
  }

  private endEpoch(): void {
    if (this.o.sampling === 'choice') {
      let dup = 0, unseen = 0;
      for (const c of this.seen) {
        if (c === 0) unseen++;
        else dup += c - 1;
      }
      this.duplicatesPerEpoch.push(dup);
      this.neverSeenPerEpoch.push(unseen);
    }
    this.lastEpochMean = this.epochTotal / this.itersPerEpoch;
    this.epochTotal = 0;
    this.itInEpoch = 0;
    this.epochsDone += 1;
  }
}

/** Settings of {@link CustomLoop}; defaults are the book's train_custom_loop.py where it has one. */
export interface CustomLoopOptions {
  x: Mat;
  t: Mat;
  model: TrainableModel;
  optimizer: Optimizer;
  /** The generator the data and weights came from (the book's global np.random). */
  rng: RandomState;
  maxEpoch?: number;
  batchSize?: number;
  /** 'permutation' (the book) or 'choice' (book 1's `np.random.choice` per batch). */
  sampling?: Sampling;
}

/**
 * The training loop of `train_custom_loop.py` (§1.4.3): one permutation per epoch, a report
 * whenever (iters + 1) % 10 == 0 (iters counted within the epoch).
 */
export class CustomLoop {
  private readonly loop: EpochLoop;

  constructor(opts: CustomLoopOptions) {
    this.loop = new EpochLoop({
      ...opts,
      maxEpoch: opts.maxEpoch ?? BOOK.maxEpoch,
      batchSize: opts.batchSize ?? BOOK.batchSize,
      sampling: opts.sampling ?? 'permutation',
      reportsAt: (it) => (it + 1) % 10 === 0,
      epochOffset: 0,
    });
  }

  /** Runs up to `nIters` iterations; returns the reports made (possibly none). */
  step(nIters: number): StepReport[] {
    return this.loop.step(nIters);
  }
  /** Runs to the end; returns every report. */
  run(): StepReport[] {
    return this.loop.step(Infinity);
  }
  /** True once max_epoch epochs are done. */
  get done(): boolean {
    return this.loop.done;
  }
  /** Epochs completed. */
  get epoch(): number {
    return this.loop.epoch;
  }
  /** Iterations completed in total. */
  get iter(): number {
    return this.loop.iter;
  }
  /** Iterations completed in the current epoch. */
  get iterInEpoch(): number {
    return this.loop.iterInEpoch;
  }
  /** max_iters = N // batch_size. */
  get itersPerEpoch(): number {
    return this.loop.itersPerEpoch;
  }
  /** The book's loss_list. */
  get lossList(): number[] {
    return this.loop.lossList;
  }
  /** Loss of the last mini-batch (the script prints only averages). */
  get lastLoss(): number {
    return this.loop.lastLoss;
  }
  /** Mean mini-batch loss of the last finished epoch (the script prints no such thing). */
  get lastEpochMean(): number {
    return this.loop.lastEpochMean;
  }
  /** 'choice' sampling: repeated draws in each finished epoch. */
  get duplicatesPerEpoch(): number[] {
    return this.loop.duplicatesPerEpoch;
  }
  /** 'choice' sampling: samples never drawn in each finished epoch. */
  get neverSeenPerEpoch(): number[] {
    return this.loop.neverSeenPerEpoch;
  }
  /** The line train_custom_loop.py prints for a report. */
  format(r: StepReport): string {
    return formatCustomLoopReport(r);
  }
}

/** Settings of a {@link Trainer} run (the parameters of the book's `fit`). */
export interface FitOptions {
  maxEpoch?: number;
  batchSize?: number;
  /** Clip the gradients' global norm to this (the book's max_grad); undefined = no clipping. */
  maxGrad?: number;
  /** Report every this many iterations within an epoch; null = never (the book's None). */
  evalInterval?: number | null;
  /** Generator for the shuffles; defaults to the trainer's. */
  rng?: RandomState;
  sampling?: Sampling;
}

/**
 * The book's `Trainer` (§1.4.4, common/trainer.py). `fit` trains eagerly; `start` then `step`
 * does the same in slices. Reports come at the *first* iteration of each block
 * (`iters % eval_interval == 0`), so the first is a single batch's loss. `lossList` and the
 * epoch counter carry over between fits, as in the book.
 */
export class Trainer {
  readonly lossList: number[] = [];
  /** Epochs finished over all fits (the book's current_epoch). */
  currentEpoch = 0;
  evalInterval: number | null = null;
  private run?: EpochLoop;
  /** How many of the current run's losses are already in `lossList`. */
  private copied = 0;
  private epochsBefore = 0;

  constructor(
    readonly model: TrainableModel,
    readonly optimizer: Optimizer,
    /** Generator used when a fit gives none (the book's global np.random). */
    readonly rng: RandomState = new RandomState(),
  ) {}

  /** `fit(x, t, max_epoch=10, batch_size=32, max_grad=None, eval_interval=20)`, run to the end. */
  fit(x: Mat, t: Mat, maxEpoch = 10, batchSize = 32, maxGrad?: number, evalInterval: number | null = 20, rng?: RandomState): StepReport[] {
    this.start(x, t, { maxEpoch, batchSize, maxGrad, evalInterval, rng });
    return this.step(Infinity);
  }

  /** Prepares a fit without running it; advance it with {@link step}. */
  start(x: Mat, t: Mat, opts: FitOptions = {}): this {
    const { maxEpoch = 10, batchSize = 32, maxGrad, evalInterval = 20, rng = this.rng, sampling = 'permutation' } = opts;
    if (evalInterval !== null && !(Number.isInteger(evalInterval) && evalInterval >= 1)) {
      throw new Error(`eval_interval must be a positive integer, got ${evalInterval}`);
    }
    this.evalInterval = evalInterval;
    this.copied = 0;
    this.epochsBefore = this.currentEpoch;
    const t0 = nowSeconds();
    this.run = new EpochLoop({
      x, t, model: this.model, optimizer: this.optimizer, rng, maxEpoch, batchSize, maxGrad, sampling,
      reportsAt: evalInterval === null ? () => false : (it) => it % evalInterval === 0,
      clock: () => nowSeconds() - t0,
      epochOffset: this.currentEpoch,
    });
    return this;
  }

  /** Runs up to `nIters` iterations of the current fit; returns the reports made. */
  step(nIters: number): StepReport[] {
    const run = this.current();
    const reports = run.step(nIters);
    while (this.copied < run.lossList.length) this.lossList.push(run.lossList[this.copied++]);
    this.currentEpoch = this.epochsBefore + run.epoch;
    return reports;
  }

  private current(): EpochLoop {
    if (!this.run) throw new Error('Trainer: call start() or fit() first');
    return this.run;
  }

  get done(): boolean {
    return this.current().done;
  }
  /** Epochs completed in the current fit. */
  get epoch(): number {
    return this.current().epoch;
  }
  /** Iterations completed in the current fit. */
  get iter(): number {
    return this.current().iter;
  }
  get iterInEpoch(): number {
    return this.current().iterInEpoch;
  }
  get itersPerEpoch(): number {
    return this.current().itersPerEpoch;
  }
  get duplicatesPerEpoch(): number[] {
    return this.current().duplicatesPerEpoch;
  }
  get neverSeenPerEpoch(): number[] {
    return this.current().neverSeenPerEpoch;
  }
  /** Loss of the last mini-batch (fit prints only averages). */
  get lastLoss(): number {
    return this.current().lastLoss;
  }
  /** Mean mini-batch loss of the last finished epoch (fit prints no such thing). */
  get lastEpochMean(): number {
    return this.current().lastEpochMean;
  }
  /** The line Trainer.fit prints for a report. */
  format(r: StepReport): string {
    return formatTrainerReport(r);
  }
}

/** `performance.now()` where the runtime has it (browsers, workers, Node), else `Date.now()`. */
function nowSeconds(): number {
  const { performance } = globalThis as { performance?: { now(): number } };
  return (performance?.now() ?? Date.now()) / 1000;
}

/** `'| epoch %d |  iter %d / %d | loss %.2f'` — train_custom_loop.py's line. */
export function formatCustomLoopReport(r: StepReport): string {
  return `| epoch ${r.epoch} |  iter ${r.iter} / ${r.itersPerEpoch} | loss ${pyFixed(r.loss, 2)}`;
}

/** `'| epoch %d |  iter %d / %d | time %d[s] | loss %.2f'` — Trainer.fit's line. */
export function formatTrainerReport(r: StepReport): string {
  return `| epoch ${r.epoch} |  iter ${r.iter} / ${r.itersPerEpoch} | time ${Math.trunc(r.time ?? 0)}[s] | loss ${pyFixed(r.loss, 2)}`;
}

/** The book's line for a report: Trainer's when the report carries a time, else the custom loop's. */
export function format(r: StepReport): string {
  return r.time === undefined ? formatCustomLoopReport(r) : formatTrainerReport(r);
}

/**
 * Python's `'%.{digits}f' % v`: exact decimal value of the double, ties to even (JS's toFixed
 * takes the larger on a tie), and 'nan', 'inf', '-0.00' spelled as Python does.
 */
export function pyFixed(v: number, digits: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  let s = a.toFixed(digits);
  // toFixed is exact apart from ties; a tie shows as "5000…" in the exact expansion
  const exact = a.toFixed(Math.min(100, digits + 60));
  const rest = exact.slice(exact.indexOf('.') + 1 + digits);
  if (/^50*$/.test(rest)) {
    const down = exact.slice(0, exact.indexOf('.') + 1 + digits).replace(/\.$/, '');
    const lastDigit = Number(down[down.length - 1]);
    if (lastDigit % 2 === 0) s = down; // round half to even: keep the even digit
  }
  return (neg ? '-' : '') + s;
}
