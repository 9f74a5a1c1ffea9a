/**
 * One training iteration of the book's custom loop (§1.4.3), recorded node by node (§1.3.5):
 * the mini-batch, every layer's forward output, every backward output and parameter gradient,
 * and the parameters before and after the optimizer's update.
 *
 * The run is the real one: the same generator, data, weights and shuffles as the lab and the
 * book's script, driven by the core's own `CustomLoop`. The traced iteration goes through the
 * very layers of the `TwoLayerNet`, called one at a time in the order `TwoLayerNet.forward` and
 * `backward` call them, so the numbers are the training's numbers, not a re-computation.
 */
import { type Mat, cloneMat, mat } from './matrix';
import { toLabels } from './layers';
import { makeOptimizer, type OptimizerName } from './optimizers';
import { RandomState } from './random';
import { loadSpiral, type Spiral } from './spiral';
import { CustomLoop, type Sampling, type TrainableModel } from './trainer';
import { TwoLayerNet } from './twoLayerNet';

/** The run to trace; the defaults are the book's train_custom_loop.py. */
export interface TraceRunOptions {
  seed?: number;
  pointsPerClass?: number;
  classes?: number;
  noise?: number;
  hidden?: number;
  lr?: number;
  optimizer?: OptimizerName;
  batchSize?: number;
  maxEpoch?: number;
  sampling?: Sampling;
}

/** [W1, b1, W2, b2] as matrices (b as 1-row matrices), copied. */
export interface ParamSet {
  W1: Mat;
  b1: Mat;
  W2: Mat;
  b2: Mat;
}

/** Everything one iteration computed. Matrices are copies, safe to keep. */
export interface IterationTrace {
  /** 1-based iteration of the whole run. */
  iteration: number;
  /** 1-based epoch and 1-based batch within it. */
  epoch: number;
  batch: number;
  itersPerEpoch: number;
  /** The mini-batch: inputs (B, 2), one-hot targets (B, C), labels (B). */
  x: Mat;
  t: Mat;
  labels: Int32Array;
  before: ParamSet;
  /** Affine 1: a = x·W1 + b1 (B, H). */
  a: Mat;
  /** Sigmoid: h = σ(a) (B, H). */
  h: Mat;
  /** Affine 2: scores s = h·W2 + b2 (B, C). */
  score: Mat;
  /** Softmax: y (B, C). */
  y: Mat;
  /** y[i, t_i] + 1e-7, whose −log averages to the loss (B). */
  picked: Float64Array;
  loss: number;
  /** SoftmaxWithLoss backward: (y − t)/B (B, C). */
  dscore: Mat;
  /** Affine 2 backward: dW2 (H, C), db2 (1, C), dh = dscore·W2ᵀ (B, H). */
  dW2: Mat;
  db2: Mat;
  dh: Mat;
  /** Sigmoid backward: da = dh·(1 − h)·h (B, H). */
  da: Mat;
  /** Affine 1 backward: dW1 (2, H), db1 (1, H), dx = da·W1ᵀ (B, 2). */
  dW1: Mat;
  db1: Mat;
  dx: Mat;
  after: ParamSet;
}

/** The trained net seen through the runner's model interface; records one call when armed. */
class TracingModel implements TrainableModel {
  armed = false;
  record?: Partial<IterationTrace>;
  constructor(readonly net: TwoLayerNet) {}
  get params(): Float64Array[] {
    return this.net.params;
  }
  get grads(): Float64Array[] {
    return this.net.grads;
  }

  forward(x: Mat, t: Mat | Int32Array): number {
    if (!this.armed) return this.net.forward(x, t);
    const [affine1, sigmoid, affine2] = this.net.layers;
    const loss = this.net.lossLayer;
    const r: Partial<IterationTrace> = (this.record = { before: paramSet(this.net) });
    r.x = cloneMat(x);
    r.t = cloneMat(t as Mat);
    r.a = cloneMat(affine1.forward(x));
    r.h = cloneMat(sigmoid.forward(r.a));
    r.score = cloneMat(affine2.forward(r.h));
    r.loss = loss.forward(r.score, t);
    const y = loss.output!;
    r.y = cloneMat(y);
    r.labels = toLabels(r.y, r.t);
    r.picked = Float64Array.from(r.labels, (j, i) => y.data[i * y.cols + j] + 1e-7);
    return r.loss;
  }

  backward(dout = 1): Mat {
    if (!this.armed) return this.net.backward(dout);
    const [affine1, sigmoid, affine2] = this.net.layers;
    const r = this.record!;
    r.dscore = cloneMat(this.net.lossLayer.backward(dout));
    r.dh = cloneMat(affine2.backward(r.dscore));
    r.dW2 = mat(affine2.W.rows, affine2.W.cols, affine2.grads[0].slice());
    r.db2 = mat(1, affine2.b.length, affine2.grads[1].slice());
    r.da = cloneMat(sigmoid.backward(r.dh));
    r.dx = cloneMat(affine1.backward(r.da));
    r.dW1 = mat(affine1.W.rows, affine1.W.cols, affine1.grads[0].slice());
    r.db1 = mat(1, affine1.b.length, affine1.grads[1].slice());
    return r.dx;
  }
}

function paramSet(net: TwoLayerNet): ParamSet {
  const p = net.named;
  return { W1: cloneMat(p.W1), b1: mat(1, p.b1.length, p.b1.slice()), W2: cloneMat(p.W2), b2: mat(1, p.b2.length, p.b2.slice()) };
}

/**
 * A run that can be advanced plainly and then traced for one iteration. Iterations only move
 * forward: to look at an earlier one, start a new tracer (the run is deterministic).
 */
export class IterationTracer {
  readonly data: Spiral;
  readonly net: TwoLayerNet;
  private readonly model: TracingModel;
  private readonly loop: CustomLoop;
  private readonly maxEpoch: number;

  constructor(opts: TraceRunOptions = {}) {
    const seed = opts.seed ?? 1984;
    const rng = new RandomState(seed);
    // the book's order: the data seeds and draws first, the weights and shuffles continue the stream
    this.data = loadSpiral({ seed, pointsPerClass: opts.pointsPerClass, classes: opts.classes, noise: opts.noise }, rng);
    const classes = opts.classes ?? 3;
    this.net = new TwoLayerNet(2, opts.hidden ?? 10, classes, rng);
    this.model = new TracingModel(this.net);
    this.maxEpoch = opts.maxEpoch ?? 300;
    this.loop = new CustomLoop({
      x: this.data.x,
      t: this.data.t,
      model: this.model,
      optimizer: makeOptimizer(opts.optimizer ?? 'sgd', opts.lr ?? 1.0),
      rng,
      maxEpoch: this.maxEpoch,
      batchSize: opts.batchSize ?? 30,
      sampling: opts.sampling ?? 'permutation',
    });
  }

  /** Iterations done so far. */
  get done(): number {
    return this.loop.iter;
  }
  /** The run's last iteration: max_epoch × max_iters. */
  get lastIteration(): number {
    return this.loop.itersPerEpoch * this.maxEpoch;
  }

  /** Runs up to `n` plain iterations (stops at the end of the run); returns how many ran. */
  advance(n: number): number {
    const before = this.loop.iter;
    this.loop.step(n);
    return this.loop.iter - before;
  }

  /** Runs the next iteration, recording every node; throws when the run is over. */
  traceNext(): IterationTrace {
    if (this.loop.done) throw new Error('the run has no more iterations');
    const epoch = this.loop.epoch + 1;
    const batch = this.loop.iterInEpoch + 1;
    this.model.armed = true;
    try {
      this.loop.step(1);
    } finally {
      this.model.armed = false;
    }
    const r = this.model.record as IterationTrace;
    this.model.record = undefined;
    return { ...r, iteration: this.loop.iter, epoch, batch, itersPerEpoch: this.loop.itersPerEpoch, after: paramSet(this.net) };
  }
}

/** Iteration `k` (1-based) of the run: the model as it was after k − 1 updates, traced. */
export function traceIteration(opts: TraceRunOptions, k: number): IterationTrace {
  const tracer = new IterationTracer(opts);
  if (!Number.isInteger(k) || k < 1) throw new Error(`iteration must be a positive integer, got ${k}`);
  if (k > tracer.lastIteration) throw new Error(`the run has ${tracer.lastIteration} iterations, fewer than ${k}`);
  tracer.advance(k - 1);
  return tracer.traceNext();
}
