import { describe, expect, it } from 'vitest';
import { gridLines, hiddenClassMap, hiddenOf, pca2, projectPca, view3 } from '../../../src/nn/hiddenSpace';
import { RandomState } from '../../../src/nn/random';
import { loadFixture, maxAbsDiff, paramsOf } from '../../fixtures/numpy/load';

const fx = loadFixture('inside.json');

describe('PCA of the hidden activations (inside.json, NumPy eigh)', () => {
  const p = paramsOf(fx.pca.net);
  const H = 10, n = fx.pca.x.length / 2;
  const a = hiddenOf(p, fx.pca.x);
  const r = pca2(a, n, H);

  it('the two variances are the covariance’s two largest eigenvalues, and the total its trace', () => {
    expect(r.variance[0]).toBeCloseTo(fx.pca.eigenvalues[0], 12);
    expect(r.variance[1]).toBeCloseTo(fx.pca.eigenvalues[1], 12);
    expect(r.total).toBeCloseTo(fx.pca.total, 12);
    expect(maxAbsDiff(r.mean, fx.pca.mean)).toBeLessThan(1e-14);
  });

  it('the axes are NumPy’s eigenvectors up to sign', () => {
    for (let v = 0; v < 2; v++) {
      const ours = r.axes.subarray(v * H, (v + 1) * H);
      const theirs = fx.pca.axes.slice(v * H, (v + 1) * H) as number[];
      const dot = ours.reduce((s, x, j) => s + x * theirs[j], 0);
      expect(Math.abs(dot)).toBeCloseTo(1, 9);
    }
  });

  it('projections are centred, uncorrelated, and have the axes’ variances', () => {
    const q = projectPca(a, n, H, r);
    let su = 0, sv = 0, uu = 0, vv = 0, uv = 0;
    for (let i = 0; i < n; i++) {
      su += q[2 * i];
      sv += q[2 * i + 1];
    }
    for (let i = 0; i < n; i++) {
      uu += q[2 * i] ** 2;
      vv += q[2 * i + 1] ** 2;
      uv += q[2 * i] * q[2 * i + 1];
    }
    expect(Math.abs(su / n)).toBeLessThan(1e-13);
    expect(Math.abs(sv / n)).toBeLessThan(1e-13);
    expect(uu / n).toBeCloseTo(r.variance[0], 12);
    expect(vv / n).toBeCloseTo(r.variance[1], 12);
    expect(Math.abs(uv / n)).toBeLessThan(1e-12);
  });

  it('keeps the previous frame’s orientation: flipped axes as the start give the same, not mirrored, axes', () => {
    const flipped = r.axes.map((v) => -v);
    const again = pca2(a, n, H, flipped);
    for (let j = 0; j < 2 * H; j++) expect(again.axes[j]).toBeCloseTo(-r.axes[j], 9);
    const same = pca2(a, n, H, r.axes);
    for (let j = 0; j < 2 * H; j++) expect(same.axes[j]).toBeCloseTo(r.axes[j], 9);
  });

  it('a set that lies on a line has no second variance and still gives orthonormal axes', () => {
    const H2 = 3, m = 20;
    const pts = new Float64Array(m * H2);
    for (let i = 0; i < m; i++) for (let j = 0; j < H2; j++) pts[i * H2 + j] = 0.1 * i * (j + 1);
    const z = pca2(pts, m, H2);
    expect(z.variance[1]).toBeCloseTo(0, 12);
    const dot = z.axes[0] * z.axes[3] + z.axes[1] * z.axes[4] + z.axes[2] * z.axes[5];
    expect(dot).toBeCloseTo(0, 12);
    expect(Math.hypot(z.axes[3], z.axes[4], z.axes[5])).toBeCloseTo(1, 12);
  });

  it('100 hidden units and 2,000 points: finite axes and variances in order', () => {
    const rng = new RandomState(3);
    const H3 = 100, m = 2000;
    const pts = rng.rand(m * H3);
    const z = pca2(pts, m, H3);
    expect(z.variance[0]).toBeGreaterThanOrEqual(z.variance[1]);
    expect(z.axes.every(Number.isFinite)).toBe(true);
    expect(z.variance[0] + z.variance[1]).toBeLessThanOrEqual(z.total + 1e-12);
  });
});

describe('the hidden map of data and grid lines', () => {
  const p = paramsOf(fx.pca.net);
  it('hiddenOf gives σ(x·W1 + b1) row by row (worked for one entry)', () => {
    const a = hiddenOf(p, [0.3, -0.4]);
    const { W1, b1 } = fx.pca.net;
    expect(a[4]).toBeCloseTo(1 / (1 + Math.exp(-(0.3 * W1[0][4] - 0.4 * W1[1][4] + b1[4]))), 14);
    expect(a.length).toBe(10);
  });
  it('gridLines: vertical lines then horizontal ones, edge to edge', () => {
    const g = gridLines({ xMin: -1, xMax: 1, yMin: 0, yMax: 2 }, 3, 2);
    expect(Array.from(g)).toEqual([-1, 0, -1, 2, 0, 0, 0, 2, 1, 0, 1, 2, -1, 0, 1, 0, -1, 1, 1, 1, -1, 2, 1, 2]);
    expect(() => gridLines({ xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, 1, 5)).toThrow();
  });
  it('hiddenClassMap for 2 hidden units equals NumPy’s argmax over the hidden square', () => {
    const m = hiddenClassMap(paramsOf(fx.class_map.net), fx.class_map.size);
    expect(Array.from(m)).toEqual(fx.class_map.classes);
  });
  it('view3: a quarter turn swaps the axes; the cube’s middle stays at the origin', () => {
    const v = view3([1, 0.5, 0.5, 0.5, 0.5, 0.5], 2, Math.PI / 2, 0);
    expect(v[0]).toBeCloseTo(0, 12);
    expect(v[1]).toBeCloseTo(0, 12);
    expect(Math.abs(v[2])).toBeLessThan(1e-12);
    const top = view3([0.5, 0.5, 1], 1, 0.3, 0);
    expect(top[1]).toBeCloseTo(0.5, 12);
  });
});
