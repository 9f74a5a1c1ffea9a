import { describe, expect, it } from 'vitest';
import { CustomLoop, Trainer, format, formatCustomLoopReport, formatTrainerReport, pyFixed, type StepReport } from '../../../src/nn/trainer';
import { loadSpiral } from '../../../src/nn/spiral';
import { TwoLayerNet } from '../../../src/nn/twoLayerNet';
import { SGD, makeOptimizer, type OptimizerName } from '../../../src/nn/optimizers';
import type { Mat } from '../../../src/nn/matrix';
import { flat, loadFixture, maxAbsDiff } from '../../fixtures/numpy/load';

interface Expected {
  script: string;
  seed: number;
  hyper: { max_epoch: number; batch_size: number; hidden_size: number; learning_rate: number; eval_interval?: number };
  loss_list: number[];
  final_params: { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] };
  accuracy: number;
}

function optionOf(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i < 0 ? undefined : args[i + 1];
}

/** Replays a fixture's run with the library (what the CLI does, minus printing). */
function replay(name: string) {
  const fx = loadFixture(name);
  const e: Expected = fx.expected;
  const h = e.hyper;
  const { x, t, labels, rng } = loadSpiral({ seed: e.seed });
  const net = new TwoLayerNet(2, h.hidden_size, 3, rng);
  const opt = makeOptimizer((optionOf(fx.args, '--optimizer') ?? 'sgd') as OptimizerName, h.learning_rate);
  let lossList: number[];
  if (e.script === 'train_custom_loop') {
    const loop = new CustomLoop({ x, t, model: net, optimizer: opt, rng, maxEpoch: h.max_epoch, batchSize: h.batch_size });
    loop.run();
    lossList = loop.lossList;
  } else {
    const maxGrad = optionOf(fx.args, '--max-grad');
    const trainer = new Trainer(net, opt, rng);
    trainer.fit(x, t, h.max_epoch, h.batch_size, maxGrad === undefined ? undefined : Number(maxGrad), h.eval_interval);
    lossList = trainer.lossList;
  }
  return { e, net, lossList, accuracy: net.accuracy(x, labels) };
}

function expectRunMatches(name: string) {
  const { e, net, lossList, accuracy } = replay(name);
  expect(lossList.length).toBe(e.loss_list.length);
  expect(maxAbsDiff(lossList, e.loss_list)).toBeLessThanOrEqual(1e-12);
  const want = [flat(e.final_params.W1), e.final_params.b1, flat(e.final_params.W2), e.final_params.b2];
  net.params.forEach((p, i) => expect(maxAbsDiff(p, want[i])).toBeLessThanOrEqual(1e-10));
  expect(accuracy).toBe(e.accuracy);
}

describe('training runs against the NumPy port (make_train.py)', () => {
  it('train_custom_loop with the book settings: 300 reports ending near 0.11 (cli_custom_book.json)', () => {
    expectRunMatches('cli_custom_book.json');
    expect(loadFixture('cli_custom_book.json').expected.loss_list.at(-1)).toBeCloseTo(0.11, 2);
  });
  it('train.py: Trainer.fit with eval_interval=10 (cli_train_book.json)', () => expectRunMatches('cli_train_book.json'));
  it('custom loop with Adam lr 0.01 (cli_custom_adam.json)', () => expectRunMatches('cli_custom_adam.json'));
  it('Trainer with gradient clipping max_grad 0.2 (cli_train_clip.json)', () => expectRunMatches('cli_train_clip.json'));
  it('batch 32 drops the remainder: 9 iterations per epoch, never a report (cli_custom_batch32.json)', () => {
    expectRunMatches('cli_custom_batch32.json');
    expect(loadFixture('cli_custom_batch32.json').expected.loss_list).toEqual([]);
  });
  it('batch 20: 15 iterations per epoch, reports average across epochs (cli_custom_batch20.json)', () =>
    expectRunMatches('cli_custom_batch20.json'));
  it('Trainer with batch 32 and eval_interval 4 (cli_train_batch32_eval4.json)', () =>
    expectRunMatches('cli_train_batch32_eval4.json'));
  it('Trainer with Momentum, seed 7, 16 hidden units (cli_train_momentum_seed7.json)', () =>
    expectRunMatches('cli_train_momentum_seed7.json'));
  it.each(['nesterov', 'adagrad', 'rmsprop'])('custom loop with %s (cli_custom_<name>.json)', (name) =>
    expectRunMatches(`cli_custom_${name}.json`));

  it('book 1’s np.random.choice sampling, with duplicate and never-seen counts (choice_sampling.json)', () => {
    const ref = loadFixture('choice_sampling.json');
    const { x, t, rng } = loadSpiral();
    const net = new TwoLayerNet(2, 10, 3, rng);
    const loop = new CustomLoop({ x, t, model: net, optimizer: new SGD(1), rng, maxEpoch: 20, batchSize: 30, sampling: 'choice' });
    loop.run();
    expect(maxAbsDiff(loop.lossList, ref.loss_list)).toBeLessThanOrEqual(1e-12);
    expect(loop.duplicatesPerEpoch).toEqual(ref.duplicates_per_epoch);
    expect(loop.neverSeenPerEpoch).toEqual(ref.unseen_per_epoch);
    expect(maxAbsDiff(net.params[2], flat(ref.final_params.W2))).toBeLessThanOrEqual(1e-10);
  });
});

/** Records every iteration's batch loss by wrapping the model's forward. */
function withLossLog(net: TwoLayerNet) {
  const losses: number[] = [];
  const model = {
    params: net.params,
    grads: net.grads,
    forward: (x: Mat, t: Mat | Int32Array) => {
      const l = net.forward(x, t);
      losses.push(l);
      return l;
    },
    backward: (d?: number) => net.backward(d),
  };
  return { model, losses };
}

const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

describe('custom loop versus Trainer', () => {
  const setup = () => {
    const { x, t, rng } = loadSpiral();
    const net = new TwoLayerNet(2, 10, 3, rng);
    return { x, t, rng, net, ...withLossLog(net) };
  };

  it('train the same weights; Trainer’s loss list is shifted by one iteration', () => {
    const a = setup();
    const loop = new CustomLoop({ x: a.x, t: a.t, model: a.model, optimizer: new SGD(1), rng: a.rng, maxEpoch: 30, batchSize: 30 });
    loop.run();
    const b = setup();
    const trainer = new Trainer(b.model, new SGD(1), b.rng);
    trainer.fit(b.x, b.t, 30, 30, undefined, 10);
    expect(b.net.params).toEqual(a.net.params); // bit for bit: reporting never touches training
    expect(b.losses).toEqual(a.losses);
    const L = a.losses;
    // custom loop: report k averages iterations 10k..10k+9; Trainer: the first is iteration 0 alone,
    // then 10k−9..10k (iterations counted from 0)
    loop.lossList.forEach((v, k) => expect(v).toBeCloseTo(mean(L.slice(10 * k, 10 * k + 10)), 14));
    expect(trainer.lossList[0]).toBe(L[0]);
    trainer.lossList.slice(1).forEach((v, k) => expect(v).toBeCloseTo(mean(L.slice(10 * k + 1, 10 * k + 11)), 14));
    expect(trainer.lossList.length).toBe(30);
  });

  it('lastLoss is the last mini-batch’s loss: the book’s first batch gives NumPy’s (stepper_book.json, iteration 1)', () => {
    const a = setup();
    const loop = new CustomLoop({ x: a.x, t: a.t, model: a.model, optimizer: new SGD(1), rng: a.rng, maxEpoch: 1, batchSize: 30 });
    expect(loop.lastLoss).toBeNaN();
    loop.step(1);
    expect(Math.abs(loop.lastLoss - loadFixture('stepper_book.json').iterations['1'].loss)).toBeLessThanOrEqual(1e-12);
    loop.step(4);
    expect(loop.lastLoss).toBe(a.losses[4]);
  });

  it('lastEpochMean is the mean of the finished epoch’s batch losses (batch 50: six a epoch, no report)', () => {
    const a = setup();
    const loop = new CustomLoop({ x: a.x, t: a.t, model: a.model, optimizer: new SGD(1), rng: a.rng, maxEpoch: 3, batchSize: 50 });
    loop.step(5);
    expect(loop.lastEpochMean).toBeNaN();
    loop.step(1);
    expect(loop.lastEpochMean).toBeCloseTo(mean(a.losses.slice(0, 6)), 14);
    loop.run();
    expect(loop.lastEpochMean).toBeCloseTo(mean(a.losses.slice(12, 18)), 14);
    expect(loop.lossList).toEqual([]);
  });

  it('running totals survive epoch boundaries: 15 iterations per epoch, a report every 10', () => {
    const a = setup();
    const loop = new CustomLoop({ x: a.x, t: a.t, model: a.model, optimizer: new SGD(1), rng: a.rng, maxEpoch: 3, batchSize: 20 });
    const reports = loop.run();
    expect(reports.map((r) => [r.epoch, r.iter, r.itersPerEpoch])).toEqual([[1, 10, 15], [2, 10, 15], [3, 10, 15]]);
    const L = a.losses;
    expect(loop.lossList[0]).toBeCloseTo(mean(L.slice(0, 10)), 14);
    expect(loop.lossList[1]).toBeCloseTo(mean(L.slice(10, 25)), 14); // 5 from epoch 1, 10 from epoch 2
    expect(L.length).toBe(45);
  });

  it('step(n) in slices gives exactly what one run gives, and reports count iterations', () => {
    const a = setup();
    const whole = new CustomLoop({ x: a.x, t: a.t, model: a.net, optimizer: new SGD(1), rng: a.rng, maxEpoch: 12, batchSize: 30 });
    const all = whole.run();
    const b = setup();
    const sliced = new CustomLoop({ x: b.x, t: b.t, model: b.net, optimizer: new SGD(1), rng: b.rng, maxEpoch: 12, batchSize: 30 });
    const got: StepReport[] = [];
    while (!sliced.done) got.push(...sliced.step(7));
    expect(got).toEqual(all);
    expect(b.net.params).toEqual(a.net.params);
    expect([sliced.epoch, sliced.iter, sliced.itersPerEpoch]).toEqual([12, 120, 10]);
    expect(sliced.step(5)).toEqual([]);
  });

  it('Trainer.start/step matches fit, keeps loss_list and the epoch count across fits', () => {
    const a = setup();
    const t1 = new Trainer(a.net, new SGD(1), a.rng);
    t1.fit(a.x, a.t, 4, 30, undefined, 10);
    const b = setup();
    const t2 = new Trainer(b.net, new SGD(1), b.rng).start(b.x, b.t, { maxEpoch: 4, batchSize: 30, evalInterval: 10 });
    const reports: StepReport[] = [];
    while (!t2.done) reports.push(...t2.step(3));
    expect(t2.lossList).toEqual(t1.lossList);
    expect(reports.map((r) => r.epoch)).toEqual([1, 2, 3, 4]);
    expect(reports.every((r) => typeof r.time === 'number' && r.time >= 0)).toBe(true);
    const more = t2.fit(b.x, b.t, 2, 30, undefined, 10);
    expect(more.map((r) => r.epoch)).toEqual([5, 6]);
    expect(t2.currentEpoch).toBe(6);
    expect(t2.lossList.length).toBe(6);
  });

  it('does not reorder the caller’s arrays', () => {
    const a = setup();
    const before = a.x.data.slice();
    new CustomLoop({ x: a.x, t: a.t, model: a.net, optimizer: new SGD(1), rng: a.rng, maxEpoch: 2, batchSize: 30 }).run();
    expect(a.x.data).toEqual(before);
  });

  it('rejects a batch larger than the data or below 1, and bad eval intervals', () => {
    const a = setup();
    const base = { x: a.x, t: a.t, model: a.net, optimizer: new SGD(1), rng: a.rng };
    expect(() => new CustomLoop({ ...base, batchSize: 301 })).toThrow(/batch_size/);
    expect(() => new CustomLoop({ ...base, batchSize: 0 })).toThrow(/batch_size/);
    expect(() => new Trainer(a.net, new SGD(1), a.rng).start(a.x, a.t, { evalInterval: 0 })).toThrow(/eval_interval/);
    expect(() => new Trainer(a.net, new SGD(1)).step(1)).toThrow(/start/);
  });
});

describe('printed lines', () => {
  const r: StepReport = { epoch: 1, iter: 10, itersPerEpoch: 10, loss: 1.0979, totalIter: 10 };

  it('custom loop: "| epoch %d |  iter %d / %d | loss %.2f"', () => {
    expect(formatCustomLoopReport(r)).toBe('| epoch 1 |  iter 10 / 10 | loss 1.10');
    expect(format(r)).toBe('| epoch 1 |  iter 10 / 10 | loss 1.10');
  });

  it('Trainer: "| epoch %d |  iter %d / %d | time %d[s] | loss %.2f"', () => {
    const tr = { ...r, iter: 1, time: 1.99 };
    expect(formatTrainerReport(tr)).toBe('| epoch 1 |  iter 1 / 10 | time 1[s] | loss 1.10');
    expect(format(tr)).toBe(formatTrainerReport(tr));
  });

  it('%.2f rounds like Python: exact binary value, ties to even, nan/inf spelled out', () => {
    expect(pyFixed(0.125, 2)).toBe('0.12'); // exact tie → even
    expect(pyFixed(0.375, 2)).toBe('0.38');
    expect(pyFixed(2.675, 2)).toBe('2.67'); // 2.67499999… in binary
    expect(pyFixed(1.005, 2)).toBe('1.00');
    expect(pyFixed(0.105, 2)).toBe('0.10');
    expect(pyFixed(NaN, 2)).toBe('nan');
    expect(pyFixed(Infinity, 2)).toBe('inf');
    expect(pyFixed(-0, 2)).toBe('-0.00');
    expect(pyFixed(12.5, 0)).toBe('12');
  });
});
