import { describe, expect, it } from 'vitest';
import { CLASSIC_SETS, classicSet, oneHot } from '../../../src/nn/datasets';
import { loadFixture, maxAbsDiff } from '../../fixtures/numpy/load';

const fx = loadFixture('inside.json').datasets;

describe('classic 2-D sets (inside.json, NumPy legacy RandomState)', () => {
  it.each(CLASSIC_SETS)('%s equals NumPy’s points and labels', (name) => {
    const s = classicSet(name);
    expect(Array.from(s.labels)).toEqual(fx[name].labels);
    // sin/cos/log of V8 and glibc may differ in the last bit
    expect(maxAbsDiff(s.x.data, fx[name].x)).toBeLessThan(1e-14);
  });
  it.each(CLASSIC_SETS)('%s lists its points class by class and stays within ±1.3', (name) => {
    const s = classicSet(name);
    for (let i = 1; i < s.labels.length; i++) expect(s.labels[i]).toBeGreaterThanOrEqual(s.labels[i - 1]);
    expect(new Set(s.labels).size).toBe(s.classes);
    for (const v of s.x.data) expect(Math.abs(v)).toBeLessThan(1.3);
  });
  it('the same seed gives the same set; another seed another set', () => {
    expect(classicSet('moons').x.data).toEqual(classicSet('moons').x.data);
    expect(classicSet('moons', 99).x.data).not.toEqual(classicSet('moons').x.data);
  });
  it('oneHot puts a single 1 per row in the label’s column', () => {
    expect(Array.from(oneHot([2, 0], 3).data)).toEqual([0, 0, 1, 1, 0, 0]);
  });
});
