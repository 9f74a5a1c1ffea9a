import { describe, expect, it } from 'vitest';
import { coarseAt, gridDiff } from '../../../src/lab/gridDiff';

/** A grid over [0, 1) × [0, 1) with `n` points a side whose class is 1 right of x = edge. */
function halfPlane(n: number, edge: number) {
  const step = 1 / n;
  const classes = new Uint8Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) classes[r * n + c] = c * step >= edge ? 1 : 0;
  return { rows: n, cols: n, xMin: 0, yMin: 0, xStep: step, yStep: step, classes };
}

describe('gridDiff (the fine grid against the coarse image)', () => {
  // fine: 100 points a side (step 0.01); coarse: 8 a side (step 0.125), class 1 from coarse
  // column 3 (x = 0.375). A fine column c shows coarse column round(0.08 c) (never a tie), so the
  // coarse image is class 1 from fine column 32 on (0.08 × 32 = 2.56 → 3; 0.08 × 31 = 2.48 → 2).
  it('a fine border where the coarse image has its own: no point differs', () => {
    expect(gridDiff(halfPlane(100, 0.315), halfPlane(8, 0.295)).changed).toBe(0);
  });

  it('a fine border two columns left of the coarse image’s: 2 columns × 100 rows differ, and the zoom window holds them', () => {
    const d = gridDiff(halfPlane(100, 0.295), halfPlane(8, 0.295), 20);
    expect(d.changed).toBe(200); // fine columns 30 and 31 are class 1, the coarse image shows 0
    expect(d.total).toBe(10_000);
    expect(d.zoom).toEqual({ r0: 0, c0: 20, size: 20, changed: 40 }); // columns 20–39 of the first 20 rows
  });

  it('coarseAt gives the coarse class shown at each fine point of the window', () => {
    const w = coarseAt(halfPlane(100, 0.295), halfPlane(8, 0.295), 0, 28, 10);
    // fine columns 28–31 → coarse column 2 (class 0); 32–37 → coarse column 3 (class 1)
    expect(Array.from(w.slice(0, 10))).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
  });
});
