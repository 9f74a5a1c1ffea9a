import { describe, expect, it } from 'vitest';
import { crossEntropy, naiveSoftmax, showNumber, stableSoftmax } from '../../../src/widgets/softmax-loss/softmaxMath';
import { FUNCTIONS, centralDiff, errorSweep, forwardDiff, hGrid } from '../../../src/widgets/derivative/derivativeMath';
import { chain } from '../../../src/widgets/chain-rule/chainMath';
import { trainingStep } from '../../../src/widgets/write-in-place/sharedGrads';
import { BOWL_START, DIVERGED_AT, GALLERY_LR, bowl, classify, runPath } from '../../../src/nn/surfaces';
import { OPTIMIZER_NAMES } from '../../../src/nn/optimizers';

describe('softmax and cross-entropy (§1.3.1)', () => {
  it('stable softmax sums to 1 and matches the naive formula on small scores', () => {
    const s = [0.3, 2.9, 4.0];
    const p = stableSoftmax(s);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    naiveSoftmax(s).forEach((q, i) => expect(q).toBeCloseTo(p[i], 14));
  });

  it('scores near 1000 overflow the naive formula to NaN but not the stable one', () => {
    const s = [1010, 1000, 990];
    expect(naiveSoftmax(s).every(Number.isNaN)).toBe(true);
    const p = stableSoftmax(s);
    expect(p.every(Number.isFinite)).toBe(true);
    expect(p[0]).toBeGreaterThan(0.99);
    expect(showNumber(Math.exp(1000))).toBe('Infinity');
  });

  it('the loss is −log(p_t + 1e-7): small for a confident right answer, capped near 16.1 for a hopeless one', () => {
    const s = [0.3, 2.9, 4.0];
    const p = stableSoftmax(s);
    expect(crossEntropy(s, 2)).toBeCloseTo(-Math.log(p[2] + 1e-7), 14);
    expect(crossEntropy([0, 0, 1000], 0)).toBeCloseTo(-Math.log(1e-7), 10);
  });
});

describe('numerical derivative (§1.3.2)', () => {
  const cube = FUNCTIONS[0];
  it('central differences beat forward differences at moderate h', () => {
    const x = 1.3, h = 1e-3;
    const ce = Math.abs(centralDiff(cube.f, x, h) - cube.df(x));
    const fe = Math.abs(forwardDiff(cube.f, x, h) - cube.df(x));
    expect(ce).toBeLessThan(fe / 100);
  });

  it('the error falls as h shrinks, then rounding error takes over below the best h', () => {
    for (const fn of FUNCTIONS) {
      const sweep = errorSweep(fn, 0.7);
      expect(sweep.h).toHaveLength(hGrid().length);
      expect(sweep.bestH).toBeGreaterThan(1e-9);
      expect(sweep.bestH).toBeLessThan(1e-2);
      const at = (h: number) => sweep.central[sweep.h.findIndex((v) => Math.abs(v - h) / h < 1e-9)] ?? 0;
      expect(at(1e-1)).toBeGreaterThan(at(sweep.bestH));
      expect(at(1e-14)).toBeGreaterThan(at(sweep.bestH) * 10);
    }
  });
});

describe('chain rule (§1.3.3)', () => {
  it('∂z/∂x = 2t·1 for z = t², t = x + y, and central differences agree', () => {
    const r = chain(1.5, -0.25);
    expect(r.t).toBe(1.25);
    expect(r.z).toBe(1.5625);
    expect(r.dzdx).toBe(2.5);
    expect(r.dzdy).toBe(2.5);
    expect(Math.abs(r.numDzdx - r.dzdx)).toBeLessThan(1e-8);
    expect(Math.abs(r.numDzdy - r.dzdy)).toBeLessThan(1e-8);
  });
});

describe('write in place vs rebind (§1.3.4.5)', () => {
  it('writing dW into the shared array lets the optimizer move the weights', () => {
    const r = trainingStep('in-place');
    expect(r.shared).toBe(true);
    expect(r.seenByOptimizer).toEqual(r.dW);
    expect(r.updated).toBe(true);
    r.after.forEach((w, i) => expect(w).toBeCloseTo(r.before[i] - 0.5 * r.dW[i], 15));
  });

  it('rebinding the slot leaves the optimizer with the old zero array, so nothing moves', () => {
    const r = trainingStep('rebind');
    expect(r.shared).toBe(false);
    expect(r.dW.some((v) => v !== 0)).toBe(true);
    expect(r.seenByOptimizer).toEqual([0, 0, 0, 0]);
    expect(r.updated).toBe(false);
    expect(r.after).toEqual(r.before);
  });
});

describe('optimizer paths on the bowl (§1.3.6)', () => {
  it('SGD crawls, converges, oscillates and diverges as the learning rate grows', () => {
    expect(classify(runPath('sgd', 0.05, 60))).toBe('crawl');
    expect(classify(runPath('sgd', 0.4, 60))).toBe('converge');
    expect(classify(runPath('sgd', 0.8, 60))).toBe('oscillate');
    expect(classify(runPath('sgd', 1.1, 60))).toBe('diverge');
  });

  it('SGD follows p ← p − lr·∇f exactly', () => {
    const p = runPath('sgd', 0.1, 1);
    expect(p.xs[1]).toBeCloseTo(BOWL_START[0] - 0.1 * (BOWL_START[0] / 10), 15);
    expect(p.ys[1]).toBeCloseTo(BOWL_START[1] - 0.1 * 2 * BOWL_START[1], 15);
  });

  it('a runaway run stops before leaving the finite numbers', () => {
    const p = runPath('sgd', 3, 500);
    expect(p.diverged).toBe(true);
    expect(p.xs.every(Number.isFinite) && p.ys.every(Number.isFinite)).toBe(true);
    expect(Math.hypot(p.xs.at(-1)!, p.ys.at(-1)!)).toBeLessThanOrEqual(DIVERGED_AT);
    expect(classify(p)).toBe('diverge');
  });

  it('each of the six optimizers goes downhill from the same start at its gallery learning rate', () => {
    for (const name of OPTIMIZER_NAMES) {
      const p = runPath(name, GALLERY_LR[name], 40);
      expect(p.diverged).toBe(false);
      expect(p.losses.at(-1)!).toBeLessThan(bowl(...BOWL_START) * 0.05);
    }
  });
});

describe('learning-rate choices', () => {
  it('every gallery default is on the slider, so each panel starts at exactly its stated value', async () => {
    const { LR_CHOICES, nearestIndex, showPoint } = await import('../../../src/widgets/weight-update/lrChoices');
    for (const name of OPTIMIZER_NAMES) expect(LR_CHOICES[nearestIndex(GALLERY_LR[name])]).toBe(GALLERY_LR[name]);
    expect([...LR_CHOICES].sort((a, b) => a - b)).toEqual(LR_CHOICES);
    expect(showPoint(-7, 2)).toBe('(-7.000, 2.000)');
    expect(showPoint(781000, 0.5)).toBe('(7.81e+5, 0.500)');
  });
});
