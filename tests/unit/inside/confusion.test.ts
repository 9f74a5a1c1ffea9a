import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { confusionMatrix, overallAccuracy, perClassAccuracy } from '../../../src/nn/confusion';
import { loadFixture } from '../../fixtures/numpy/load';

const fx = loadFixture('inside.json').confusion;

describe('confusion matrix (inside.json, NumPy np.add.at)', () => {
  it('counts (true, predicted) pairs with true classes as rows', () => {
    const m = confusionMatrix(fx.labels, fx.predicted, fx.classes);
    expect(Array.from(m.counts)).toEqual(fx.matrix);
  });
  it('per-class accuracy is the diagonal over each row, overall the diagonal’s share', () => {
    const m = confusionMatrix(fx.labels, fx.predicted, fx.classes);
    perClassAccuracy(m).forEach((v, i) => expect(v).toBeCloseTo(fx.per_class[i], 15));
    expect(overallAccuracy(m)).toBe(fx.accuracy);
  });
  it('a hand example: 2 classes, one miss in class 1', () => {
    const m = confusionMatrix([0, 0, 1, 1, 1], [0, 0, 1, 0, 1], 2);
    expect(Array.from(m.counts)).toEqual([2, 0, 1, 2]);
    expect(perClassAccuracy(m)).toEqual([1, 2 / 3]);
  });
  it('a class without points has NaN accuracy; bad classes are refused', () => {
    expect(perClassAccuracy(confusionMatrix([0, 0], [0, 1], 3))[2]).toBeNaN();
    expect(() => confusionMatrix([0, 3], [0, 0], 3)).toThrow(/outside/);
    expect(() => confusionMatrix([0], [0, 1], 3)).toThrow(/labels/);
  });
  it('the matrix always sums to the number of points, and its row sums are the class sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((C) => fc.tuple(fc.constant(C), fc.array(fc.tuple(fc.nat(C - 1), fc.nat(C - 1)), { maxLength: 200 }))), ([C, pairs]) => {
        const m = confusionMatrix(pairs.map((p) => p[0]), pairs.map((p) => p[1]), C);
        expect(m.counts.reduce((a, b) => a + b, 0)).toBe(pairs.length);
        for (let t = 0; t < C; t++) {
          let row = 0;
          for (let q = 0; q < C; q++) row += m.counts[t * C + q];
          expect(row).toBe(pairs.filter((p) => p[0] === t).length);
        }
      }),
    );
  });
});
