import { describe, expect, it } from 'vitest';
import { pyFloat, pythonScript } from '../../../src/widgets/python-export/pythonScript';
import type { DatasetSpec } from '../../../src/lab/datasets';
import type { RunSettings } from '../../../src/lab/protocol';
import type { TrainSettings } from '../../../src/lab/runner';

/** ch01/train_custom_loop.py's settings, written out. */
const BOOK: RunSettings = {
  seed: 1984,
  data: { kind: 'spiral', points: 100, classes: 3, noise: 0.2 },
  model: { kind: 'twoLayerNet', hidden: 10 },
  train: { runner: 'loop', lr: 1, batch: 30, epochs: 300, opt: 'sgd', sampling: 'permutation', evalInterval: 10, maxGrad: 0 },
};
/** The book's run with some training settings (and maybe the data, the seed or the hidden size) changed. */
const book = (train: Partial<TrainSettings>, more: { seed?: number; data?: DatasetSpec; hidden?: number } = {}): RunSettings => ({
  seed: more.seed ?? BOOK.seed,
  data: more.data ?? BOOK.data,
  model: { kind: 'twoLayerNet', hidden: more.hidden ?? BOOK.model.hidden },
  train: { ...BOOK.train, ...train },
});

const lines = (s: string) => s.trimEnd().split('\n');

describe('pyFloat: Python float literals that read back as the same double', () => {
  it('writes integers with .0, keeps shortest digits, and keeps the sign of zero', () => {
    expect(pyFloat(1)).toBe('1.0');
    expect(pyFloat(-3)).toBe('-3.0');
    expect(pyFloat(0.2)).toBe('0.2');
    expect(pyFloat(1e-7)).toBe('1e-7'); // Python reads 1e-7 as the same double as its repr 1e-07
    expect(pyFloat(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(pyFloat(-0)).toBe('-0.0');
    expect(pyFloat(1e21)).toBe('1e+21');
  });
  it('refuses NaN and infinities', () => {
    expect(() => pyFloat(Number.NaN)).toThrow(/finite/);
    expect(() => pyFloat(Infinity)).toThrow(/finite/);
  });
});

describe('pythonScript: the lab’s run on the book’s code', () => {
  it('book settings: the book’s imports and load_data, the custom loop, and the two result lines last', () => {
    const s = pythonScript(BOOK);
    const l = lines(s);
    expect(l).toContain("sys.path.append('..')");
    expect(l).toContain('from dataset import spiral');
    expect(l).toContain('from common.optimizer import SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam');
    expect(l).toContain('from two_layer_net import TwoLayerNet');
    expect(l).toContain('x, t = spiral.load_data(seed)');
    expect(l).toContain('optimizer = SGD(lr=learning_rate)');
    expect(l).toContain('learning_rate = 1.0');
    expect(l).toContain('        if (iters + 1) % 10 == 0:');
    expect(l).toContain('    idx = np.random.permutation(data_size)');
    expect(s).not.toMatch(/Trainer|find_spec|choice|def load_spiral/);
    expect(l.slice(-2)).toEqual(["print('final_loss=' + repr(final_loss))", "print('accuracy=' + repr(accuracy))"]);
  });

  it('writes each optimizer with the book’s default values', () => {
    const call = (opt: TrainSettings['opt']) => lines(pythonScript(book({ opt }))).find((x) => x.startsWith('optimizer = '));
    expect(call('momentum')).toBe('optimizer = Momentum(lr=learning_rate, momentum=0.9)');
    expect(call('nesterov')).toBe('optimizer = Nesterov(lr=learning_rate, momentum=0.9)');
    expect(call('adagrad')).toBe('optimizer = AdaGrad(lr=learning_rate)');
    expect(call('rmsprop')).toBe('optimizer = RMSprop(lr=learning_rate, decay_rate=0.99)');
    expect(call('adam')).toBe('optimizer = Adam(lr=learning_rate, beta1=0.9, beta2=0.999)');
  });

  it('writes the spiral out when points, classes or noise differ from the book’s (load_data takes only the seed)', () => {
    const s = pythonScript(book({}, { seed: 7, data: { kind: 'spiral', points: 120, classes: 4, noise: 0 } }));
    expect(s).not.toContain('from dataset import spiral');
    expect(s).toContain('def load_spiral(seed, points_per_class, classes, noise):');
    expect(s).toContain('x, t = load_spiral(seed, points_per_class=120, classes=4, noise=0.0)');
    expect(s).toContain('output_size=4)');
    expect(s).toContain('seed = 7\n');
    // only the seed differs from the book: the book's own load_data is used
    expect(pythonScript(book({}, { seed: 7 }))).toContain('x, t = spiral.load_data(seed)');
  });

  it('choice sampling: one np.random.choice per batch and no permutation', () => {
    const s = pythonScript(book({ sampling: 'choice' }));
    expect(s).toContain('batch_mask = np.random.choice(data_size, batch_size)');
    expect(s).not.toContain('permutation(');
  });

  it('Trainer mode: the book’s Trainer.fit with max_grad and eval_interval, matplotlib replaced only when missing', () => {
    const s = pythonScript(book({ runner: 'trainer', maxGrad: 0.2, evalInterval: 4 }));
    expect(s).toContain('from common.trainer import Trainer');
    expect(s).toContain("if importlib.util.find_spec('matplotlib') is None:");
    expect(s.indexOf('find_spec')).toBeLessThan(s.indexOf('from common.trainer import Trainer'));
    expect(s).toContain('max_grad = 0.2\neval_interval = 4\n');
    expect(s).toContain('trainer.fit(x, t, max_epoch, batch_size, max_grad=max_grad, eval_interval=eval_interval)');
    expect(pythonScript(book({ runner: 'trainer' }))).toContain('max_grad = None\n');
  });

  it('Trainer mode with choice: Trainer.fit’s loop written out (clip_grads, iters % eval_interval), no Trainer import', () => {
    const s = pythonScript(book({ runner: 'trainer', sampling: 'choice', maxGrad: 1.5 }));
    expect(s).not.toContain('from common.trainer');
    expect(s).not.toContain('find_spec');
    expect(s).toContain('from common.util import clip_grads');
    expect(s).toContain('            clip_grads(model.grads, max_grad)');
    expect(s).toContain('        if iters % eval_interval == 0:');
    expect(s).toContain("time %d[s]");
  });

  it('notes when the custom loop never reports (fewer than 10 batches per epoch) and keeps epoch means instead', () => {
    expect(pythonScript(book({ batch: 32 }))).toContain('epoch_means.append(float(epoch_total / max_iters))');
    expect(pythonScript(book({ batch: 32 }))).toContain('final_loss = epoch_means[-1] if epoch_means else None');
    expect(pythonScript(BOOK)).not.toContain('epoch_means');
  });

  it('embeds a points dataset exactly: every coordinate reads back as the same double', () => {
    const x = [0.1, -0.2, 1 / 3, -0, 2e-9, 12345.678, 0.5, 0.25, -1, 1];
    const labels = [0, 1, 1, 0, 1];
    const s = pythonScript(book({}, { data: { kind: 'points', x, labels, classes: 2 } }));
    const block = s.slice(s.indexOf('x = np.array(['), s.indexOf('], dtype=np.float64)'));
    const nums = [...block.matchAll(/-?\d[\d.e+-]*/g)].map((m) => Number(m[0]));
    expect(nums).toEqual(x.map((v) => (Object.is(v, -0) ? -0 : v)));
    expect(block).toContain('-0.0');
    expect(s).toContain('labels = np.array([\n    0, 1, 1, 0, 1,\n], dtype=np.int64)');
    expect(s).toContain('t = np.eye(2, dtype=np.int32)[labels]\nnp.random.seed(seed)');
    expect(s).toContain('output_size=2)');
    expect(s).not.toContain('spiral');
  });

  it('refuses inconsistent inputs with a message', () => {
    expect(() => pythonScript(book({}, { data: { kind: 'points', x: [0, 0, 1], labels: [0, 1], classes: 2 } }))).toThrow(/coordinates/);
    expect(() => pythonScript(book({}, { data: { kind: 'points', x: [0, 0, 1, 1], labels: [0, 2], classes: 2 } }))).toThrow(/label 2/);
    expect(() => pythonScript(book({ lr: Number.NaN }))).toThrow(/learning rate/);
    expect(() => pythonScript(book({}, { hidden: 1.5 }))).toThrow(/hidden/);
  });

  it('comments in the reader’s language, code identical', () => {
    const ja = pythonScript(BOOK, 'ja');
    const en = pythonScript(BOOK, 'en');
    expect(ja).toContain('ch01/ フォルダ');
    expect(en).toContain('ch01/ folder');
    const code = (s: string) => lines(s).filter((x) => !x.trimStart().startsWith('#'));
    expect(code(ja)).toEqual(code(en));
  });
});
