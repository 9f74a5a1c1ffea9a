/**
 * Whole computations agree bit for bit on every kernel path: training runs of TwoLayerNet
 * (every optimizer; batch 1, 7, 20, 32; hidden 1–100; 2–6 classes) and class grids (both grid
 * kernels, with confidences, odd row counts, row bands), and a grid split across helper
 * threads equals the one-thread grid however the bands fall.
 */
import { describe, expect, it } from 'vitest';
import { classGrid, classGridRows, gridSpec } from '../../../src/nn/boundary';
import { type GridHelper, type GridJob, bandRows, gridJob, helperBand, splitClassGrid } from '../../../src/nn/gridSplit';
import { mat } from '../../../src/nn/matrix';
import { type OptimizerName, makeOptimizer } from '../../../src/nn/optimizers';
import { RandomState } from '../../../src/nn/random';
import { loadSpiral } from '../../../src/nn/spiral';
import { CustomLoop, Trainer } from '../../../src/nn/trainer';
import { TwoLayerNet, type TwoLayerParams } from '../../../src/nn/twoLayerNet';
import { expectAllPathsEqual, expectSameBits, onEveryPath, values } from './simdHelpers';

/** [batch, hidden, classes, optimizer, lr] */
const RUNS: [number, number, number, OptimizerName, number][] = [
  [1, 1, 2, 'sgd', 1],
  [7, 3, 3, 'momentum', 0.1],
  [20, 10, 3, 'sgd', 1],
  [32, 100, 6, 'adam', 0.01],
  [30, 64, 4, 'nesterov', 0.05],
  [7, 33, 5, 'adagrad', 0.5],
  [20, 2, 2, 'rmsprop', 0.01],
  [32, 10, 3, 'sgd', 1],
];

describe('training runs are the same on every kernel path', () => {
  it.each(RUNS)('custom loop: batch %i, hidden %i, %i classes, %s (lr %d)', (batch, hidden, classes, opt, lr) => {
    const r = onEveryPath(() => {
      const { x, t, rng } = loadSpiral({ seed: 3, pointsPerClass: 40, classes });
      const model = new TwoLayerNet(2, hidden, classes, rng);
      const loop = new CustomLoop({ x, t, model, optimizer: makeOptimizer(opt, lr), rng, maxEpoch: 4, batchSize: batch });
      loop.run();
      return [Float64Array.from(loop.lossList), ...model.params.map((p) => p.slice())];
    });
    expectAllPathsEqual(r, `custom loop ${batch}/${hidden}/${classes}/${opt}`);
  });

  it('Trainer.fit with gradient clipping and the book’s settings otherwise', () => {
    const r = onEveryPath(() => {
      const { x, t, rng } = loadSpiral();
      const model = new TwoLayerNet(2, 10, 3, rng);
      const trainer = new Trainer(model, makeOptimizer('sgd', 1), rng);
      trainer.fit(x, t, 20, 30, 1.5, 5);
      return [Float64Array.from(trainer.lossList), ...model.params.map((p) => p.slice())];
    });
    expectAllPathsEqual(r, 'trainer');
  });
});

/** Random weights for a 2-input net: W ~ scale·N(0, 1), b ~ N(0, 1). */
function randomParams(rng: RandomState, hidden: number, classes: number, scale: number): TwoLayerParams {
  return {
    W1: mat(2, hidden, values(rng, 2 * hidden, scale)), b1: values(rng, hidden),
    W2: mat(hidden, classes, values(rng, hidden * classes, scale)), b2: values(rng, classes),
  };
}

describe('class grids are the same on every kernel path', () => {
  const x = loadSpiral().x;
  const rng = new RandomState(21);
  const cases: [number, number, number][] = [[1, 2, 1], [2, 3, 3], [7, 4, 2], [10, 3, 4], [33, 5, 3], [10, 6, 1], [64, 3, 60]];
  it.each(cases)('hidden %i, %i classes, weights × %d: both kernels, classes and confidences, 69 × 71 cells', (hidden, classes, scale) => {
    const p = randomParams(rng, hidden, classes, scale);
    const spec = gridSpec(x, 0.03); // 69 rows (odd: one row pair is half empty) × 71 columns
    expect(spec.rows % 2).toBe(1);
    const r = onEveryPath(() => {
      const out: ArrayLike<number>[] = [];
      for (const kernel of ['auto', 'direct'] as const) {
        const conf = new Float32Array(spec.rows * spec.cols);
        out.push(classGrid(p, spec, undefined, conf, kernel), conf);
      }
      // any band of rows equals those rows of the whole grid
      const band = classGridRows(p, spec, 5, 12, undefined, undefined);
      out.push(band);
      return out;
    });
    expectAllPathsEqual(r, `grid h${hidden} c${classes} ×${scale}`);
    expectSameBits(r.ts[4], (r.ts[0] as Uint8Array).slice(5 * spec.cols, 12 * spec.cols), 'rows 5..12');
  });

  it('the book’s trained model at h = 0.005 with confidences', () => {
    const r = onEveryPath(() => {
      const { x: bx, t, rng: brng } = loadSpiral();
      const model = new TwoLayerNet(2, 10, 3, brng);
      new CustomLoop({ x: bx, t, model, optimizer: makeOptimizer('sgd', 1), rng: brng, maxEpoch: 300, batchSize: 30 }).run();
      const spec = gridSpec(bx, 0.005);
      const conf = new Float32Array(spec.rows * spec.cols);
      return [classGrid(model, spec, undefined, conf), conf];
    });
    expectAllPathsEqual(r, 'book model h=0.005');
  });
});

/** A helper on this thread, answering after `delay` pauses, failing on band `failAt` if given. */
function fakeHelper(opts: { ready?: Promise<void>; failAt?: number; delay?: number } = {}): GridHelper & { bands: number } {
  const h = {
    bands: 0,
    ready: opts.ready ?? Promise.resolve(),
    async run(job: GridJob, r0: number, r1: number) {
      for (let i = 0; i < (opts.delay ?? 1); i++) await new Promise((r) => setTimeout(r, 0));
      if (h.bands++ === opts.failAt) throw new Error('helper failed');
      return helperBand(job, r0, r1);
    },
  };
  return h;
}

describe('a grid split across threads by rows', () => {
  const x = loadSpiral().x;
  const p = randomParams(new RandomState(22), 10, 3, 2);
  const spec = gridSpec(x, 0.004);
  const conf = new Float32Array(spec.rows * spec.cols);
  const whole = classGrid(p, spec, undefined, conf);
  const pause = () => new Promise<void>((r) => setTimeout(r, 0));

  it('equals the one-thread grid, with every helper taking bands', async () => {
    const helpers = [fakeHelper(), fakeHelper({ delay: 3 })];
    const got = await splitClassGrid(gridJob(p, spec, true), helpers, pause);
    expectSameBits(got.classes, whole, 'classes');
    expectSameBits(got.confidence!, conf, 'confidence');
    expect(helpers[0].bands + helpers[1].bands).toBeGreaterThan(0);
    expect(bandRows(spec.rows) * 32).toBeGreaterThanOrEqual(spec.rows);
  });

  it('equals it when a helper fails mid-way, never starts, or starts late', async () => {
    let late!: () => void;
    const helpers = [
      fakeHelper({ failAt: 1 }),
      fakeHelper({ ready: Promise.reject(new Error('no thread')) }),
      fakeHelper({ ready: new Promise<void>((r) => (late = r)) }),
    ];
    setTimeout(() => late(), 5);
    const got = await splitClassGrid(gridJob(p, spec, false), helpers, pause);
    expectSameBits(got.classes, whole, 'classes');
    expect(got.confidence).toBeUndefined();
  });
});
