import { describe, expect, it } from 'vitest';
import { pyFloat, pythonScript, spiralOf, type ScriptDataset, type ScriptSettings } from '../../../src/lab/pythonScript';

const BOOK: ScriptSettings = { seed: 1984, hidden: 10, lr: 1, opt: 'sgd', batch: 30, epochs: 300, sampling: 'permutation', runner: 'loop', evalInterval: 10, maxGrad: 0 };
const BOOK_DATA = spiralOf({ points: 100, classes: 3, noise: 0.2 });

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
    const s = pythonScript(BOOK, BOOK_DATA);
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
    const call = (opt: ScriptSettings['opt']) => lines(pythonScript({ ...BOOK, opt }, BOOK_DATA)).find((x) => x.startsWith('optimizer = '));
    expect(call('momentum')).toBe('optimizer = Momentum(lr=learning_rate, momentum=0.9)');
    expect(call('nesterov')).toBe('optimizer = Nesterov(lr=learning_rate, momentum=0.9)');
    expect(call('adagrad')).toBe('optimizer = AdaGrad(lr=learning_rate)');
    expect(call('rmsprop')).toBe('optimizer = RMSprop(lr=learning_rate, decay_rate=0.99)');
    expect(call('adam')).toBe('optimizer = Adam(lr=learning_rate, beta1=0.9, beta2=0.999)');
  });

  it('writes the spiral out when points, classes or noise differ from the book’s (load_data takes only the seed)', () => {
    const s = pythonScript({ ...BOOK, seed: 7 }, spiralOf({ points: 120, classes: 4, noise: 0 }));
    expect(s).not.toContain('from dataset import spiral');
    expect(s).toContain('def load_spiral(seed, points_per_class, classes, noise):');
    expect(s).toContain('x, t = load_spiral(seed, points_per_class=120, classes=4, noise=0.0)');
    expect(s).toContain('output_size=4)');
    expect(s).toContain('seed = 7\n');
    // only the seed differs from the book: the book's own load_data is used
    expect(pythonScript({ ...BOOK, seed: 7 }, BOOK_DATA)).toContain('x, t = spiral.load_data(seed)');
  });

  it('choice sampling: one np.random.choice per batch and no permutation', () => {
    const s = pythonScript({ ...BOOK, sampling: 'choice' }, BOOK_DATA);
    expect(s).toContain('batch_mask = np.random.choice(data_size, batch_size)');
    expect(s).not.toContain('permutation(');
  });

  it('Trainer mode: the book’s Trainer.fit with max_grad and eval_interval, matplotlib replaced only when missing', () => {
    const s = pythonScript({ ...BOOK, runner: 'trainer', maxGrad: 0.2, evalInterval: 4 }, BOOK_DATA);
    expect(s).toContain('from common.trainer import Trainer');
    expect(s).toContain("if importlib.util.find_spec('matplotlib') is None:");
    expect(s.indexOf('find_spec')).toBeLessThan(s.indexOf('from common.trainer import Trainer'));
    expect(s).toContain('max_grad = 0.2\neval_interval = 4\n');
    expect(s).toContain('trainer.fit(x, t, max_epoch, batch_size, max_grad=max_grad, eval_interval=eval_interval)');
    expect(pythonScript({ ...BOOK, runner: 'trainer' }, BOOK_DATA)).toContain('max_grad = None\n');
  });

  it('Trainer mode with choice: Trainer.fit’s loop written out (clip_grads, iters % eval_interval), no Trainer import', () => {
    const s = pythonScript({ ...BOOK, runner: 'trainer', sampling: 'choice', maxGrad: 1.5 }, BOOK_DATA);
    expect(s).not.toContain('from common.trainer');
    expect(s).not.toContain('find_spec');
    expect(s).toContain('from common.util import clip_grads');
    expect(s).toContain('            clip_grads(model.grads, max_grad)');
    expect(s).toContain('        if iters % eval_interval == 0:');
    expect(s).toContain("time %d[s]");
  });

  it('notes when the custom loop never reports (fewer than 10 batches per epoch)', () => {
    expect(pythonScript({ ...BOOK, batch: 32 }, BOOK_DATA)).toContain('final_loss is None');
    expect(pythonScript(BOOK, BOOK_DATA)).not.toContain('final_loss is None');
  });

  it('embeds a points dataset exactly: every coordinate reads back as the same double', () => {
    const x = [0.1, -0.2, 1 / 3, -0, 2e-9, 12345.678, 0.5, 0.25, -1, 1];
    const labels = [0, 1, 1, 0, 1];
    const d: ScriptDataset = { kind: 'points', x, labels, classes: 2 };
    const s = pythonScript(BOOK, d);
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
    expect(() => pythonScript(BOOK, { kind: 'points', x: [0, 0, 1], labels: [0, 1], classes: 2 })).toThrow(/coordinate/);
    expect(() => pythonScript(BOOK, { kind: 'points', x: [0, 0, 1, 1], labels: [0, 2], classes: 2 })).toThrow(/label 2/);
    expect(() => pythonScript({ ...BOOK, lr: Number.NaN }, BOOK_DATA)).toThrow(/learning rate/);
    expect(() => pythonScript({ ...BOOK, hidden: 1.5 }, BOOK_DATA)).toThrow(/hidden/);
  });

  it('comments in the reader’s language, code identical', () => {
    const ja = pythonScript(BOOK, BOOK_DATA, 'ja');
    const en = pythonScript(BOOK, BOOK_DATA, 'en');
    expect(ja).toContain('ch01/ フォルダ');
    expect(en).toContain('ch01/ folder');
    const code = (s: string) => lines(s).filter((x) => !x.trimStart().startsWith('#'));
    expect(code(ja)).toEqual(code(en));
  });
});
