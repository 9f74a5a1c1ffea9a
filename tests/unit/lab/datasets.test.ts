import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/lab/datasets';
import { RandomState } from '../../../src/nn/random';

describe('the points dataset provider', () => {
  it('builds x, one-hot t and labels from the given points and draws nothing from the generator', () => {
    const rng = new RandomState(3);
    const d = makeDataset({ kind: 'points', x: [0, 1, -2, 0.5, 3, -1], labels: [2, 0, 1], classes: 3 }, 3, rng);
    expect([d.x.rows, d.x.cols, Array.from(d.x.data)]).toEqual([3, 2, [0, 1, -2, 0.5, 3, -1]]);
    expect(Array.from(d.t.data)).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
    expect(Array.from(d.labels)).toEqual([2, 0, 1]);
    expect(d.classes).toBe(3);
    // the book's padded bounds: min − 0.1 and max + 0.1 on each axis
    expect(d.bounds.xMin).toBeCloseTo(-2.1, 12);
    expect(d.bounds.yMax).toBeCloseTo(1.1, 12);
    expect(Array.from(rng.rand(3))).toEqual(Array.from(new RandomState(3).rand(3)));
  });

  it('refuses coordinates that do not pair with the labels, and labels outside the classes', () => {
    const rng = new RandomState(0);
    expect(() => makeDataset({ kind: 'points', x: [0, 1, 2], labels: [0, 1], classes: 2 }, 0, rng)).toThrow(/3 coordinates for 2 labels/);
    expect(() => makeDataset({ kind: 'points', x: [0, 1, 2, 3], labels: [0, 2], classes: 2 }, 0, rng)).toThrow(/label 2/);
  });
});
