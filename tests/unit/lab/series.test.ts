import { describe, expect, it } from 'vitest';
import { LossSeries } from '../../../src/lab/lossSeries';
import { paintGrid, imageExtent, hexToRgb } from '../../../src/charts/boundaryImage';
import { gridMarkers, MAX_GRID_MARKERS } from '../../../src/charts/gridMarkers';

describe('LossSeries', () => {
  it('stays bounded for a million reports and keeps the newest point exact', () => {
    const s = new LossSeries(1000);
    const xs = Array.from({ length: 100_000 }, (_, i) => (i + 1) * 10);
    for (let rep = 0; rep < 10; rep++) s.push(xs.map((x) => x + rep * 1e6), xs.map((x) => 1 / x));
    expect(s.length).toBeLessThan(1000);
    const p = s.points();
    expect(p.x[p.x.length - 1]).toBe(9 * 1e6 + 1_000_000);
    for (let i = 1; i < p.x.length; i++) expect(p.x[i]).toBeGreaterThan(p.x[i - 1]);
  });

  it('skips non-finite losses (the chart keeps the last finite values)', () => {
    const s = new LossSeries(10);
    s.push([10, 20, 30], [1, Number.NaN, Infinity]);
    expect(s.points()).toEqual({ x: [10], y: [1] });
  });

  it('halving averages neighbouring pairs and keeps the newest point', () => {
    const s = new LossSeries(4);
    s.push([1, 2, 3, 4], [10, 20, 30, 40]);
    expect(s.points()).toEqual({ x: [1.5, 3, 4], y: [15, 30, 40] });
  });
});

describe('boundary image', () => {
  it('paints the grid upside down (image row 0 = largest y) with class colours', () => {
    const grid = { rows: 2, cols: 2, classes: Uint8Array.from([0, 1, 2, 0]), confidence: Float32Array.from([1, 0.5, 0.25, 1]) };
    const pal = [hexToRgb('#ff0000'), hexToRgb('#00ff00'), hexToRgb('#0000ff')];
    const px = paintGrid(grid, pal, 'class', new Uint8ClampedArray(16), 0.5);
    expect(Array.from(px.slice(0, 4))).toEqual([0, 0, 255, 128]); // top-left = grid row 1, col 0 = class 2
    expect(Array.from(px.slice(8, 12))).toEqual([255, 0, 0, 128]); // bottom-left = grid row 0, col 0
    const conf = paintGrid(grid, pal, 'confidence', new Uint8ClampedArray(16));
    expect(conf[3]).toBe(64); // alpha = 0.25 × 255
    expect(() => paintGrid(grid, pal, 'class', new Uint8ClampedArray(3))).toThrow();
  });

  it('places cell centres on the meshgrid points', () => {
    const e = imageExtent({ rows: 3, cols: 4, xMin: -1, yMin: -2, xStep: 0.5, yStep: 0.5 });
    expect(e).toEqual({ x0: -1.25, y1: -2 + 2.5 * 0.5, width: 2, height: 1.5 });
  });

  it('grid markers: every point with its class colour, or none past the limit', () => {
    const m = gridMarkers({ rows: 2, cols: 3, xMin: 0, yMin: 0, xStep: 1, yStep: 2, classes: Uint8Array.from([0, 1, 0, 1, 1, 1]) }, ['a', 'b']);
    expect(m).toEqual({ x: [0, 1, 2, 0, 1, 2], y: [0, 0, 0, 2, 2, 2], color: ['a', 'b', 'a', 'b', 'b', 'b'] });
    const big = MAX_GRID_MARKERS + 1;
    expect(gridMarkers({ rows: 1, cols: big, xMin: 0, yMin: 0, xStep: 1, yStep: 1, classes: new Uint8Array(big) }, ['a'])).toBeNull();
  });
});
