import { describe, expect, it } from 'vitest';
import { LossSeries } from '../../../src/lab/lossSeries';
import { paintGrid, paintView, imageExtent, hexToRgb } from '../../../src/charts/boundaryImage';
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
  it('paintView: the grid upside down (pixel row 0 = largest y) with class colours, one pixel per cell when the view is the grid', () => {
    // cells centred at x ∈ {0, 1}, y ∈ {0, 1}: the view [-0.5, 1.5]² on 2 × 2 pixels is the grid itself
    const grid = { rows: 2, cols: 2, xMin: 0, yMin: 0, xStep: 1, yStep: 1, classes: Uint8Array.from([0, 1, 2, 0]), confidence: Float32Array.from([1, 0.5, 0.25, 1]) };
    const pal = [hexToRgb('#ff0000'), hexToRgb('#00ff00'), hexToRgb('#0000ff')];
    const view = { width: 2, height: 2, xRange: [-0.5, 1.5], yRange: [-0.5, 1.5] } as const;
    const px = paintView(grid, pal, 'class', new Uint8ClampedArray(16), view, 0.5);
    expect(Array.from(px.slice(0, 4))).toEqual([0, 0, 255, 128]); // top-left = grid row 1, col 0 = class 2
    expect(Array.from(px.slice(8, 12))).toEqual([255, 0, 0, 128]); // bottom-left = grid row 0, col 0
    const conf = paintView(grid, pal, 'confidence', new Uint8ClampedArray(16), view);
    expect(conf[3]).toBe(64); // alpha = 0.25 × 255
    expect(() => paintView(grid, pal, 'class', new Uint8ClampedArray(3), view)).toThrow();
  });

  it('paintView scales a grid to the view: nearest cell per pixel centre, transparent outside the grid', () => {
    // one row of 2 cells centred at x = 0 and 1 (y = 0); the view [-1, 2] × [-1, 1] on 6 × 2 pixels
    const grid = { rows: 1, cols: 2, xMin: 0, yMin: 0, xStep: 1, yStep: 1, classes: Uint8Array.from([0, 1]) };
    const pal = [hexToRgb('#ff0000'), hexToRgb('#00ff00')];
    const px = paintView(grid, pal, 'class', new Uint8ClampedArray(6 * 2 * 4), { width: 6, height: 2, xRange: [-1, 2], yRange: [-1, 1] }, 1);
    // pixel centres at x = -0.75, -0.25, 0.25, 0.75, 1.25, 1.75 → cells -, 0, 0, 1, 1, - (cell k covers [k − ½, k + ½))
    // and y = 0.5 (top row: cell 0 covers [−½, ½), so y = 0.5 is outside) and −0.5 (inside)
    const alpha = (i: number, j: number) => px[(j * 6 + i) * 4 + 3];
    const green = (i: number, j: number) => px[(j * 6 + i) * 4 + 1];
    expect([0, 1, 2, 3, 4, 5].map((i) => alpha(i, 0))).toEqual([0, 0, 0, 0, 0, 0]);
    expect([0, 1, 2, 3, 4, 5].map((i) => alpha(i, 1))).toEqual([0, 255, 255, 255, 255, 0]);
    expect([1, 2, 3, 4].map((i) => green(i, 1))).toEqual([0, 0, 255, 255]);
  });

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
