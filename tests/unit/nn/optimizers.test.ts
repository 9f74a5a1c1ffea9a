import { describe, expect, it } from 'vitest';
import {
  AdaGrad, Adam, Momentum, Nesterov, OPTIMIZER_NAMES, RMSprop, SGD, clipGrads, makeOptimizer, type Optimizer,
} from '../../../src/nn/optimizers';
import { flat, loadFixture, maxRelDiff } from '../../fixtures/numpy/load';

const ref = loadFixture('optimizer_steps.json');

/** Runs two updates on p = [1, −2] with gradients g1 = [0.5, 0.25] then g2 = [−1, 0]. */
function twoSteps(opt: Optimizer): number[][] {
  const p = [new Float64Array([1, -2])];
  opt.update(p, [new Float64Array([0.5, 0.25])]);
  const first = Array.from(p[0]);
  opt.update(p, [new Float64Array([-1, 0])]);
  return [first, Array.from(p[0])];
}

const close = (got: number[][], want: number[][]) =>
  got.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(want[i][j], 14)));

describe('optimizers: two updates against hand-computed values', () => {
  it('SGD(lr=0.1): p − 0.1·g', () => {
    close(twoSteps(new SGD(0.1)), [[0.95, -2.025], [1.05, -2.025]]);
  });

  it('Momentum(0.1, 0.9): v = 0.9v − 0.1g; p += v', () => {
    // v1 = [−0.05, −0.025]; v2 = [−0.045 + 0.1, −0.0225] = [0.055, −0.0225]
    close(twoSteps(new Momentum(0.1, 0.9)), [[0.95, -2.025], [1.005, -2.0475]]);
  });

  it('Nesterov(0.1, 0.9), the book’s form: v = 0.9v − 0.1g; p += 0.81v − 0.19g', () => {
    // step 1: v = [−0.05, −0.025]; p = [1 − 0.0405 − 0.095, −2 − 0.02025 − 0.0475]
    // step 2: v = [0.055, −0.0225];  p += [0.04455 + 0.19, −0.018225 − 0]
    close(twoSteps(new Nesterov(0.1, 0.9)), [[0.8645, -2.06775], [1.09905, -2.085975]]);
  });

  it('AdaGrad(0.1): h += g²; p −= 0.1g / (√h + 1e-7)', () => {
    const s1 = [1 - 0.05 / (0.5 + 1e-7), -2 - 0.025 / (0.25 + 1e-7)];
    const s2 = [s1[0] + 0.1 / (Math.sqrt(1.25) + 1e-7), s1[1]];
    close(twoSteps(new AdaGrad(0.1)), [s1, s2]);
  });

  it('RMSprop(0.1, 0.99): h = 0.99h + 0.01g²; p −= 0.1g / (√h + 1e-7)', () => {
    const h1 = [0.0025, 0.000625];
    const s1 = [1 - 0.05 / (Math.sqrt(h1[0]) + 1e-7), -2 - 0.025 / (Math.sqrt(h1[1]) + 1e-7)];
    const h2 = [0.99 * 0.0025 + 0.01, 0.99 * 0.000625];
    const s2 = [s1[0] + 0.1 / (Math.sqrt(h2[0]) + 1e-7), s1[1]];
    close(twoSteps(new RMSprop(0.1, 0.99)), [s1, s2]);
  });

  it('Adam(0.1): bias correction folded into lr_t, ε added to √v', () => {
    // t = 1: m = 0.1g, v = 0.001g², lr_t = 0.1·√0.001/0.1 → step = lr_t·m/(√v + ε) ≈ 0.1·sign(g)
    const lr1 = (0.1 * Math.sqrt(1 - 0.999)) / (1 - 0.9);
    const m1 = [0.05, 0.025], v1 = [0.001 * 0.25, 0.001 * 0.0625];
    const s1 = [1 - (lr1 * m1[0]) / (Math.sqrt(v1[0]) + 1e-7), -2 - (lr1 * m1[1]) / (Math.sqrt(v1[1]) + 1e-7)];
    const lr2 = (0.1 * Math.sqrt(1 - 0.999 ** 2)) / (1 - 0.9 ** 2);
    const m2 = [m1[0] + 0.1 * (-1 - m1[0]), m1[1] + 0.1 * (0 - m1[1])];
    const v2 = [v1[0] + 0.001 * (1 - v1[0]), v1[1] + 0.001 * (0 - v1[1])];
    const s2 = [s1[0] - (lr2 * m2[0]) / (Math.sqrt(v2[0]) + 1e-7), s1[1] - (lr2 * m2[1]) / (Math.sqrt(v2[1]) + 1e-7)];
    close(twoSteps(new Adam(0.1)), [s1, s2]);
    expect(s1[0]).toBeCloseTo(0.9, 5); // the first Adam step is ≈ lr in each coordinate
  });
});

describe('optimizers against the NumPy port (optimizer_steps.json)', () => {
  it.each(OPTIMIZER_NAMES)('%s(lr=0.1): two updates within 1e-15 relative', (name) => {
    const params = ref.params0.map((p: unknown) => Float64Array.from(flat(p)));
    const opt = makeOptimizer(name, 0.1);
    ref.grads.forEach((step: unknown[], k: number) => {
      opt.update(params, step.map((g) => Float64Array.from(flat(g))));
      const want = ref.after[name][k].map(flat);
      params.forEach((p: Float64Array, i: number) => expect(maxRelDiff(p, want[i])).toBeLessThanOrEqual(4e-16));
    });
  });

  it('clipGrads scales by max_norm / (norm + 1e-6) when that is below 1', () => {
    const grads = ref.grads[0].map((g: unknown) => Float64Array.from(flat(g)));
    const norm = clipGrads(grads, ref.clip.max_norm);
    expect(norm).toBe(ref.clip.norm);
    grads.forEach((g: Float64Array, i: number) => expect(Array.from(g)).toEqual(flat(ref.clip.clipped[i])));
  });

  it('clipGrads leaves gradients alone when their norm is small', () => {
    const g = [new Float64Array([0.3, 0.4])];
    expect(clipGrads(g, 1)).toBeCloseTo(0.5, 15);
    expect(Array.from(g[0])).toEqual([0.3, 0.4]);
  });
});

describe('makeOptimizer', () => {
  it('builds each optimizer with the book defaults', () => {
    expect(makeOptimizer('momentum', 0.5)).toMatchObject({ lr: 0.5, momentum: 0.9 });
    expect(makeOptimizer('rmsprop', 0.5)).toMatchObject({ lr: 0.5, decayRate: 0.99 });
    expect(makeOptimizer('adam', 0.5)).toMatchObject({ lr: 0.5, beta1: 0.9, beta2: 0.999 });
    expect(() => makeOptimizer('foo' as never, 1)).toThrow(/unknown optimizer/);
  });

  it('rejects params and grads that do not pair up', () => {
    expect(() => new SGD().update([new Float64Array(2)], [new Float64Array(3)])).toThrow();
  });
});
