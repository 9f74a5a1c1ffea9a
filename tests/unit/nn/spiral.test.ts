import { describe, expect, it } from 'vitest';
import { loadSpiral } from '../../../src/nn/spiral';
import { RandomState } from '../../../src/nn/random';
import { flat, loadFixture, maxAbsDiff } from '../../fixtures/numpy/load';

const golden = loadFixture('spiral_seed1984.json');

describe('loadSpiral against spiral.load_data() (spiral_seed1984.json)', () => {
  const { x, t, labels } = loadSpiral();

  it('has the book shapes (300, 2) and (300, 3)', () => {
    expect([x.rows, x.cols]).toEqual(golden.x_shape);
    expect([t.rows, t.cols]).toEqual(golden.t_shape);
  });

  it('x is within 1e-15 of the libm reference', () => {
    expect(maxAbsDiff(x.data, flat(golden.x_libm))).toBeLessThanOrEqual(1e-15);
    expect(maxAbsDiff(x.data, flat(golden.x))).toBeLessThanOrEqual(1e-15);
  });

  it('t is the one-hot reference and labels are its argmax', () => {
    expect(Array.from(t.data)).toEqual(flat(golden.t));
    for (let i = 0; i < 300; i++) expect(labels[i]).toBe(Math.floor(i / 100));
  });

  it('computes θ = 4j + 4·i/N + 0.2·randn in the book’s operation order (theta_300, exact)', () => {
    const r = new RandomState(1984);
    const theta = Array.from({ length: 300 }, (_, ix) => {
      const j = Math.floor(ix / 100), rate = (ix % 100) / 100;
      return j * 4.0 + 4.0 * rate + r.gauss() * 0.2;
    });
    expect(theta).toEqual(golden.theta_300);
    // and x is (r·sin θ, r·cos θ) of exactly those angles
    for (let ix = 0; ix < 300; ix++) {
      const radius = (ix % 100) / 100;
      expect(x.data[2 * ix]).toBe(radius * Math.sin(theta[ix]));
      expect(x.data[2 * ix + 1]).toBe(radius * Math.cos(theta[ix]));
    }
  });

  it('draws the same 300 normals in the same order', () => {
    const r = new RandomState(1984);
    expect(Array.from(r.randn(300))).toEqual(golden.randn_300);
  });

  it('keeps the -0.0 coordinates of radius 0', () => {
    const want = flat(golden.x_libm);
    for (let i = 0; i < want.length; i++) expect(Object.is(x.data[i], -0)).toBe(Object.is(want[i], -0));
  });

  it('seeds the rng it is given, so the stream continues into the weights', () => {
    const rng = new RandomState(7);
    rng.randn(5);
    const s = loadSpiral({}, rng);
    expect(s.rng).toBe(rng);
    const ref = new RandomState(1984);
    ref.randn(300);
    expect(rng.randn(4)).toEqual(ref.randn(4));
  });

  it('honours pointsPerClass, classes, noise and seed', () => {
    const s = loadSpiral({ pointsPerClass: 5, classes: 4, noise: 0, seed: 3 });
    expect([s.x.rows, s.t.cols]).toEqual([20, 4]);
    // without noise point i of class j is at angle 4j + 4i/N
    expect(s.x.data[2 * 7]).toBeCloseTo(0.4 * Math.sin(4 + 4 * 0.4), 15);
    expect(() => loadSpiral({ pointsPerClass: 0 })).toThrow();
  });
});
