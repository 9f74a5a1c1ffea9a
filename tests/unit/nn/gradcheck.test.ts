import { describe, expect, it } from 'vitest';
import { numericalGradient, relativeError } from '../../../src/nn/gradcheck';

describe('numericalGradient', () => {
  it('gives central differences of f(p) = Σ p³ (gradient 3p²) and restores every value', () => {
    const p = new Float64Array([0.5, -1.25, 2]);
    const before = p.slice();
    const g = numericalGradient(() => p.reduce((s, v) => s + v ** 3, 0), p);
    expect(p).toEqual(before);
    g.forEach((v, i) => expect(v).toBeCloseTo(3 * before[i] ** 2, 8));
  });

  it('uses the step h it is given', () => {
    const p = new Float64Array([1]);
    // for f = p², (f(1 + h) − f(1 − h)) / 2h = 2 exactly in real arithmetic, for any h
    expect(numericalGradient(() => p[0] * p[0], p, 0.5)[0]).toBe(2);
  });
});

describe('relativeError', () => {
  it('is ‖a − b‖ / (‖a‖ + ‖b‖), 0 for two zero vectors, 1 for opposite vectors', () => {
    expect(relativeError([3, 4], [0, 0])).toBe(1);
    expect(relativeError([0, 0], [0, 0])).toBe(0);
    expect(relativeError([1, 2], [-1, -2])).toBe(1);
    expect(relativeError([1, 0], [1, 1e-8])).toBeCloseTo(1e-8 / (1 + Math.hypot(1, 1e-8)), 20);
    expect(() => relativeError([1], [1, 2])).toThrow();
  });
});
