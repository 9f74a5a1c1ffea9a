import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { loadFixture, maxAbsDiff } from '../../fixtures/numpy/load';
import { createRun } from '../../../src/lab/createRun';
import { datasetOf, makeDataset } from '../../../src/lab/datasets';
import { LabRun, trainToEnd } from '../../../src/lab/engine';
import type { Model } from '../../../src/lab/seams';
import { mat } from '../../../src/nn/matrix';
import { RandomState } from '../../../src/nn/random';
import { TwoLayerNet } from '../../../src/nn/twoLayerNet';
import type { RunSettings } from '../../../src/lab/protocol';
import type { TrainSettings } from '../../../src/lab/runner';
import { classify2d, gridOver, predictGrid } from '../../../src/lab/tasks/classify2d';

/** ch01/train_custom_loop.py's settings, written out. */
const BOOK: RunSettings = {
  seed: 1984,
  data: { kind: 'spiral', points: 100, classes: 3, noise: 0.2 },
  model: { kind: 'twoLayerNet', hidden: 10 },
  train: { runner: 'loop', lr: 1, batch: 30, epochs: 300, opt: 'sgd', sampling: 'permutation', evalInterval: 10, maxGrad: 0 },
};
/** BOOK with some training settings changed. */
const book = (train: Partial<TrainSettings>, more: Partial<RunSettings> = {}): RunSettings => ({ ...BOOK, ...more, train: { ...BOOK.train, ...train } });
const run = (s: RunSettings = BOOK) => createRun(s);

interface CliFixture {
  args: string[];
  expected: {
    hyper: { max_epoch: number; batch_size: number; hidden_size: number; learning_rate: number; eval_interval?: number };
    loss_list: number[];
    final_params: Record<'W1' | 'b1' | 'W2' | 'b2', number[] | number[][]>;
    accuracy: number;
    boundary: { shape: number[]; class_counts: number[]; sha256: string; h: number };
    seed: number;
  };
}

/** Settings equivalent to a CLI fixture's flags. */
function settingsOf(f: CliFixture): RunSettings {
  const a = f.args;
  const flag = (name: string) => {
    const i = a.indexOf(name);
    return i < 0 ? undefined : a[i + 1];
  };
  const h = f.expected.hyper;
  return book(
    {
      lr: h.learning_rate,
      batch: h.batch_size,
      epochs: h.max_epoch,
      opt: (flag('--optimizer') ?? 'sgd') as TrainSettings['opt'],
      runner: a[0] === 'train' ? 'trainer' : 'loop',
      evalInterval: h.eval_interval ?? 10,
      maxGrad: Number(flag('--max-grad') ?? 0),
    },
    { seed: f.expected.seed, model: { kind: 'twoLayerNet', hidden: h.hidden_size } },
  );
}

const flat = (p: number[] | number[][]) => (p as number[]).flat() as number[];

describe('the lab engine reproduces the book script runs (tests/fixtures/numpy/cli_*.json)', () => {
  const names = [
    'cli_custom_book.json',
    'cli_train_book.json',
    'cli_train_clip.json',
    'cli_custom_batch32.json',
    'cli_train_batch32_eval4.json',
    'cli_custom_adam.json',
    'cli_custom_nesterov.json',
    'cli_train_momentum_seed7.json',
  ];
  for (const name of names) {
    it(`${name}: loss list within 1e-12, final weights within 1e-10, same accuracy`, () => {
      const f = loadFixture<CliFixture>(name);
      const r = trainToEnd(run(settingsOf(f)));
      expect(r.lossList.length).toBe(f.expected.loss_list.length);
      expect(maxAbsDiff(r.lossList, f.expected.loss_list)).toBeLessThan(1e-12);
      const want = ['W1', 'b1', 'W2', 'b2'].map((k) => flat(f.expected.final_params[k as 'W1']));
      r.params.forEach((p, i) => expect(maxAbsDiff(p, want[i])).toBeLessThan(1e-10));
      expect(r.accuracy).toBe(f.expected.accuracy);
    });
  }

  it('the book run’s h = 0.001 class grid has the NumPy shape, counts and SHA-256', () => {
    const f = loadFixture<CliFixture>('cli_custom_book.json');
    const r = run();
    while (!r.finished) r.advance(1e6);
    const g = predictGrid(r.model, gridOver(r.data.bounds, { h: 0.001 }), false);
    expect([g.rows, g.cols]).toEqual(f.expected.boundary.shape);
    const counts = [0, 0, 0];
    for (const c of g.classes) counts[c]++;
    expect(counts).toEqual(f.expected.boundary.class_counts);
    expect(createHash('sha256').update(g.classes).digest('hex')).toBe(f.expected.boundary.sha256);
  });

  it('choice sampling (book 1) matches NumPy, with its duplicated and never-seen counts per epoch', () => {
    const f = loadFixture('choice_sampling.json');
    const r = run(book({ epochs: 20, sampling: 'choice' }));
    const losses: number[] = [];
    const dup: number[] = [];
    const unseen: number[] = [];
    while (!r.finished) {
      const a = r.advance(r.itersPerEpoch);
      losses.push(...a.losses);
      dup.push(r.sampling!.duplicates);
      unseen.push(r.sampling!.neverSeen);
    }
    expect(maxAbsDiff(losses, f.loss_list)).toBeLessThan(1e-12);
    expect(dup).toEqual(f.duplicates_per_epoch);
    expect(unseen).toEqual(f.unseen_per_epoch);
  });

  it('the Trainer and the custom loop end with identical weights for the same seed', () => {
    const loop = trainToEnd(run());
    const trainer = trainToEnd(run(book({ runner: 'trainer' })));
    trainer.params.forEach((p, i) => expect(Array.from(p)).toEqual(Array.from(loop.params[i])));
    // the Trainer reports at the first iteration of each block of 10: shifted by one iteration
    expect(trainer.lossIters.slice(0, 3)).toEqual([1, 11, 21]);
    expect(loop.lossIters.slice(0, 3)).toEqual([10, 20, 30]);
  });
});

describe('LabRun', () => {
  it('stops as diverged (blow-up) when SGD with lr 100 drives the loss far above chance level', () => {
    const r = run(book({ lr: 100 }));
    while (!r.finished) r.advance(1e6);
    expect(r.status).toBe('diverged');
    expect(r.divergence?.where).toBe('blowup');
    expect(r.divergence!.value).toBeGreaterThan(3 * Math.log(3));
    expect(r.divergence!.iter).toBe(r.iter);
    expect(r.iter).toBeLessThan(r.maxIter);
  });

  it('does not flag the book run or a large-but-workable learning rate (SGD lr 10)', () => {
    for (const lr of [1, 10]) {
      const r = run(book({ lr }));
      while (!r.finished) r.advance(1e6);
      expect(r.status).toBe('done');
    }
  });

  it('a divergence is detected when the parameters turn NaN', () => {
    const r = run();
    r.model.params[0][0] = Number.NaN;
    r.advance(5);
    expect(r.status).toBe('diverged');
    // no report is due in 5 iterations (one comes every 10), so the parameters give it away
    expect(r.divergence).toEqual({ iter: 5, value: Number.NaN, where: 'params' });
  });

  it('advance honours its deadline and its iteration budget', () => {
    const r = run();
    r.advance(7);
    expect(r.iter).toBe(7);
    let t = 0;
    r.advance(1000, 1, () => ++t);
    expect(r.iter).toBeLessThan(7 + 1000);
    expect(r.iter).toBeGreaterThan(7);
  });

  it('importParams writes into the model and rejects wrong shapes', () => {
    const a = run();
    const b = run({ ...BOOK, seed: 7 });
    b.importParams(a.exportParams());
    expect(Array.from(b.model.params[0])).toEqual(Array.from(a.model.params[0]));
    const bad = run({ ...BOOK, model: { kind: 'twoLayerNet', hidden: 5 } }).exportParams();
    expect(() => a.importParams(bad)).toThrow(/shape/);
    expect(() => a.importParams({ params: [], shapes: [] })).toThrow(/4 arrays/);
  });

  it('live grids equal a direct forward pass at every cell', () => {
    const lab = run();
    lab.advance(500);
    const net = lab.model as TwoLayerNet;
    const g = lab.picture({ cells: 40, confidence: true }, 1, false);
    expect([g.runId, g.seq, g.iter, g.still]).toEqual([1, 1, 500, false]);
    for (let r = 0; r < g.rows; r++) {
      for (let c = 0; c < g.cols; c++) {
        const x = c === 0 ? g.xMin : g.xMin + c * g.xStep;
        const y = r === 0 ? g.yMin : g.yMin + r * g.yStep;
        expect(g.classes[r * g.cols + c]).toBe(net.predictClass(x, y));
        const conf = g.confidence![r * g.cols + c];
        expect(conf).toBeGreaterThanOrEqual(1 / 3 - 1e-6);
        expect(conf).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('the engine’s seams: any dataset, any model of the book’s shape', () => {
  /** TwoLayerNet seen only through the Model interface (no `named`, no fast grid kernel). */
  function plainModel(net: TwoLayerNet): Model {
    return {
      params: net.params,
      grads: net.grads,
      forward: (x, t) => net.forward(x, t),
      backward: (d) => net.backward(d),
      predict: (x) => net.predict(x),
      paramShapes: () => net.paramShapes(),
    };
  }

  it('a model known only by its params/grads/forward/backward/predict trains to the book’s numbers (cli_custom_book.json)', () => {
    const f = loadFixture<CliFixture>('cli_custom_book.json');
    const rng = new RandomState(1984);
    const data = makeDataset(BOOK.data, 1984, rng);
    const model = plainModel(new TwoLayerNet(2, 10, 3, rng));
    const r = trainToEnd(new LabRun({ data, model, task: classify2d, train: BOOK.train, rng }));
    expect(maxAbsDiff(r.lossList, f.expected.loss_list)).toBeLessThan(1e-12);
    expect(r.accuracy).toBe(f.expected.accuracy);
  });

  it('the class grid of such a model (row by row through predict) equals the fast kernel’s', () => {
    const fast = run(book({ epochs: 30 }));
    trainToEnd(fast);
    const slow = new LabRun({ data: fast.data, model: plainModel(fast.model as TwoLayerNet), task: classify2d, train: BOOK.train, rng: new RandomState(0) });
    const a = fast.picture({ cells: 120, confidence: true }, 1, true);
    const b = slow.picture({ cells: 120, confidence: true }, 1, true);
    expect([b.rows, b.cols]).toEqual([a.rows, a.cols]);
    expect(Array.from(b.classes)).toEqual(Array.from(a.classes));
    let worst = 0;
    for (let i = 0; i < a.confidence!.length; i++) worst = Math.max(worst, Math.abs(a.confidence![i] - b.confidence![i]));
    expect(worst).toBeLessThan(1e-6);
  });

  it('a dataset given as points trains like any other, with the book’s padded bounds', () => {
    // four points of an XOR, by hand: bounds are the range padded by 0.1 on each side
    const x = mat(4, 2, [0, 0, 1, 1, 0, 1, 1, 0]);
    const data = datasetOf(x, new Int32Array([0, 0, 1, 1]), 2);
    expect(Array.from(data.t.data)).toEqual([1, 0, 1, 0, 0, 1, 0, 1]);
    expect(data.bounds).toEqual({ xMin: -0.1, xMax: 1.1, yMin: -0.1, yMax: 1.1 });
    const rng = new RandomState(3);
    const r = new LabRun({ data, model: new TwoLayerNet(2, 4, 2, rng), task: classify2d, train: { ...BOOK.train, batch: 4, epochs: 5 }, rng });
    const out = trainToEnd(r);
    expect(out.iters).toBe(5);
    // NumPy: len(np.arange(-0.1, 1.1, 0.1)) == 13 (the rounded span is a hair over 1.2)
    expect(r.picture({ h: 0.1, confidence: false }, 1, true)).toMatchObject({ rows: 13, cols: 13 });
  });
});
