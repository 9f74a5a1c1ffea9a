import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { loadFixture, maxAbsDiff } from '../../fixtures/numpy/load';
import { LabRun, trainToEnd } from '../../../src/lab/engine';
import type { RunSettings } from '../../../src/lab/protocol';
import { gridSpecFor, predictGrid } from '../../../src/lab/grid';

const BOOK: RunSettings = {
  seed: 1984, points: 100, classes: 3, noise: 0.2, hidden: 10, lr: 1, batch: 30, epochs: 300,
  opt: 'sgd', sampling: 'permutation', runner: 'loop', evalInterval: 10, maxGrad: 0,
};

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
  return {
    ...BOOK,
    seed: f.expected.seed,
    hidden: h.hidden_size,
    lr: h.learning_rate,
    batch: h.batch_size,
    epochs: h.max_epoch,
    opt: (flag('--optimizer') ?? 'sgd') as RunSettings['opt'],
    runner: a[0] === 'train' ? 'trainer' : 'loop',
    evalInterval: h.eval_interval ?? 10,
    maxGrad: Number(flag('--max-grad') ?? 0),
  };
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
      const r = trainToEnd(settingsOf(f));
      expect(r.lossList.length).toBe(f.expected.loss_list.length);
      expect(maxAbsDiff(r.lossList, f.expected.loss_list)).toBeLessThan(1e-12);
      const want = ['W1', 'b1', 'W2', 'b2'].map((k) => flat(f.expected.final_params[k as 'W1']));
      r.params.forEach((p, i) => expect(maxAbsDiff(p, want[i])).toBeLessThan(1e-10));
      expect(r.accuracy).toBe(f.expected.accuracy);
    });
  }

  it('the book run’s h = 0.001 class grid has the NumPy shape, counts and SHA-256', () => {
    const f = loadFixture<CliFixture>('cli_custom_book.json');
    const run = new LabRun(BOOK);
    while (!run.finished) run.advance(1e6);
    const g = predictGrid(run.model, gridSpecFor(run.data.x, { h: 0.001 }), false);
    expect([g.rows, g.cols]).toEqual(f.expected.boundary.shape);
    const counts = [0, 0, 0];
    for (const c of g.classes) counts[c]++;
    expect(counts).toEqual(f.expected.boundary.class_counts);
    expect(createHash('sha256').update(g.classes).digest('hex')).toBe(f.expected.boundary.sha256);
  });

  it('choice sampling (book 1) matches NumPy, with its duplicated and never-seen counts per epoch', () => {
    const f = loadFixture('choice_sampling.json');
    const run = new LabRun({ ...BOOK, epochs: 20, sampling: 'choice' });
    const losses: number[] = [];
    const dup: number[] = [];
    const unseen: number[] = [];
    while (!run.finished) {
      const a = run.advance(run.itersPerEpoch);
      losses.push(...a.losses);
      dup.push(run.sampling!.duplicates);
      unseen.push(run.sampling!.neverSeen);
    }
    expect(maxAbsDiff(losses, f.loss_list)).toBeLessThan(1e-12);
    expect(dup).toEqual(f.duplicates_per_epoch);
    expect(unseen).toEqual(f.unseen_per_epoch);
  });

  it('the Trainer and the custom loop end with identical weights for the same seed', () => {
    const loop = trainToEnd(BOOK);
    const trainer = trainToEnd({ ...BOOK, runner: 'trainer' });
    trainer.params.forEach((p, i) => expect(Array.from(p)).toEqual(Array.from(loop.params[i])));
    // the Trainer reports at the first iteration of each block of 10: shifted by one iteration
    expect(trainer.lossIters.slice(0, 3)).toEqual([1, 11, 21]);
    expect(loop.lossIters.slice(0, 3)).toEqual([10, 20, 30]);
  });
});

describe('LabRun', () => {
  it('stops as diverged (blow-up) when SGD with lr 100 drives the loss far above chance level', () => {
    const run = new LabRun({ ...BOOK, lr: 100 });
    while (!run.finished) run.advance(1e6);
    expect(run.status).toBe('diverged');
    expect(run.divergence?.where).toBe('blowup');
    expect(Number(run.divergence?.value)).toBeGreaterThan(3 * Math.log(3));
    expect(run.iter).toBeLessThan(run.maxIter);
  });

  it('does not flag the book run or a large-but-workable learning rate (SGD lr 10)', () => {
    for (const lr of [1, 10]) {
      const run = new LabRun({ ...BOOK, lr });
      while (!run.finished) run.advance(1e6);
      expect(run.status).toBe('done');
    }
  });

  it('a divergence is detected when the parameters turn NaN', () => {
    const run = new LabRun(BOOK);
    run.model.params[0][0] = Number.NaN;
    run.advance(5);
    expect(run.status).toBe('diverged');
    expect(run.divergence?.value).toBe('NaN');
  });

  it('advance honours its deadline and its iteration budget', () => {
    const run = new LabRun(BOOK);
    run.advance(7);
    expect(run.iter).toBe(7);
    let t = 0;
    run.advance(1000, 1, () => ++t);
    expect(run.iter).toBeLessThan(7 + 1000);
    expect(run.iter).toBeGreaterThan(7);
  });

  it('importParams writes into the model and rejects wrong shapes', () => {
    const a = new LabRun(BOOK);
    const b = new LabRun({ ...BOOK, seed: 7 });
    b.importParams(a.exportParams());
    expect(Array.from(b.model.params[0])).toEqual(Array.from(a.model.params[0]));
    const bad = new LabRun({ ...BOOK, hidden: 5 }).exportParams();
    expect(() => a.importParams(bad)).toThrow(/shape/);
    expect(() => a.importParams({ params: [], shapes: [] })).toThrow(/4 arrays/);
  });

  it('live grids equal a direct forward pass at every cell', () => {
    const run = new LabRun(BOOK);
    run.advance(500);
    const g = run.grid({ cells: 40, confidence: true, still: false }, 1);
    for (let r = 0; r < g.rows; r += 3) {
      for (let c = 0; c < g.cols; c += 3) {
        const x = c === 0 ? g.xMin : g.xMin + c * g.xStep;
        const y = r === 0 ? g.yMin : g.yMin + r * g.yStep;
        expect(g.classes[r * g.cols + c]).toBe(run.model.predictClass(x, y));
        const conf = g.confidence![r * g.cols + c];
        expect(conf).toBeGreaterThanOrEqual(1 / 3 - 1e-6);
        expect(conf).toBeLessThanOrEqual(1);
      }
    }
  });
});
