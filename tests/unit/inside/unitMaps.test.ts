import { describe, expect, it } from 'vitest';
import { cellCentre, halfLineSegment, unitMaps } from '../../../src/nn/unitMaps';
import { mat } from '../../../src/nn/matrix';
import { loadFixture, maxAbsDiff, paramsOf } from '../../fixtures/numpy/load';

const fx = loadFixture('inside.json');


describe('per-unit maps (inside.json, NumPy)', () => {
  const m = fx.maps;
  const [xMin, xMax, yMin, yMax] = m.box;
  const maps = unitMaps(paramsOf(m.net), { xMin, xMax, yMin, yMax, size: m.size });

  it('every hidden unit’s σ(x·W1[:, j] + b1[j]) equals NumPy’s on the 6 × 6 grid', () => {
    expect(maps.hiddenUnits).toBe(5);
    expect(maxAbsDiff(maps.hidden, m.hidden)).toBeLessThan(1e-7); // float32 storage
  });

  it('every output unit’s score and softmax probability equal NumPy’s', () => {
    expect(maps.outputUnits).toBe(3);
    const scale = Math.max(...m.scores.map(Math.abs));
    expect(maxAbsDiff(maps.scores, m.scores)).toBeLessThan(1e-6 * scale);
    expect(maxAbsDiff(maps.probs, m.probs)).toBeLessThan(1e-7);
  });

  it('a cell worked by hand: unit 0 at cell (row 2, column 3)', () => {
    const { W1, b1 } = m.net;
    const x = xMin + (3 + 0.5) * (xMax - xMin) / 6;
    const y = yMin + (2 + 0.5) * (yMax - yMin) / 6;
    const want = 1 / (1 + Math.exp(-(x * W1[0][0] + y * W1[1][0] + b1[0])));
    expect(maps.hidden[2 * 6 + 3]).toBeCloseTo(want, 6);
    expect(cellCentre(xMin, xMax, 6, 3)).toBe(x);
  });

  it('reuses the arrays it is given when the sizes match, and allocates when they do not', () => {
    const again = unitMaps(paramsOf(m.net), { xMin, xMax, yMin, yMax, size: 6 }, maps);
    expect(again.hidden).toBe(maps.hidden);
    const bigger = unitMaps(paramsOf(m.net), { xMin, xMax, yMin, yMax, size: 7 }, maps);
    expect(bigger.hidden).not.toBe(maps.hidden);
    expect(bigger.hidden.length).toBe(5 * 49);
  });

  it('rejects a net without 2 inputs and a bad size', () => {
    const p = paramsOf(m.net);
    expect(() => unitMaps({ ...p, W1: mat(3, 5) }, { xMin, xMax, yMin, yMax, size: 6 })).toThrow(/2 inputs/);
    expect(() => unitMaps(p, { xMin, xMax, yMin, yMax, size: 0 })).toThrow(/size/);
  });
});

describe('the σ = 0.5 line of a hidden unit', () => {
  const box = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  it('x₁ − x₂ = 0 crosses the box corner to corner', () => {
    const seg = halfLineSegment(1, -1, 0, box)!;
    const pts = [[seg[0], seg[1]], [seg[2], seg[3]]].sort((a, b) => a[0] - b[0]);
    expect(pts).toEqual([[-1, -1], [1, 1]]);
  });
  it('2x₁ + 1 = 0 is the vertical line x₁ = −0.5', () => {
    const seg = halfLineSegment(2, 0, 1, box)!;
    expect([seg[0], seg[2]]).toEqual([-0.5, -0.5]);
    expect([seg[1], seg[3]].sort()).toEqual([-1, 1]);
  });
  it('is null when the line misses the box or the unit ignores its inputs', () => {
    expect(halfLineSegment(1, 1, 5, box)).toBeNull();
    expect(halfLineSegment(0, 0, 1, box)).toBeNull();
    expect(halfLineSegment(Number.NaN, 1, 0, box)).toBeNull();
  });
  it('both ends satisfy w₁x₁ + w₂x₂ + b = 0', () => {
    const [a, b, c, d] = halfLineSegment(0.7, -1.3, 0.2, box)!;
    expect(0.7 * a - 1.3 * b + 0.2).toBeCloseTo(0, 12);
    expect(0.7 * c - 1.3 * d + 0.2).toBeCloseTo(0, 12);
  });
});
