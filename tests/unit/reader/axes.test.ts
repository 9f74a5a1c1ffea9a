import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { reduce, reductionSources, repeat, repeatSource, transpose, type Axis, type Reduction } from '../../../src/nn/axes';
import { broadcastShapes, type NDArray } from '../../../src/nn/ndarray';
import { callText, cellExpression, runQuery, type AxisQuery } from '../../../src/widgets/axis-explorer/axisModel';

/** NumPy's own results, written by make_axes_golden.py (NaN stored as null). */
interface Outcome {
  shape?: number[];
  dtype?: string;
  data?: (number | null)[];
  error?: string;
}
const golden = JSON.parse(readFileSync(new URL('./axes_golden.json', import.meta.url), 'utf8')) as {
  arrays: Record<string, Required<Pick<Outcome, 'shape' | 'dtype' | 'data'>>>;
  reductions: ({ array: string; op: Reduction; axis: Axis; keepdims: boolean } & Outcome)[];
  transposes: ({ array: string } & Outcome)[];
  repeats: ({ array: string; repeats: number; axis: Axis } & Outcome)[];
};

function array(name: string): NDArray {
  const a = golden.arrays[name];
  return { shape: a.shape, data: Float64Array.from(a.data, (v) => v ?? NaN), dtype: a.dtype as NDArray['dtype'] };
}

function expectOutcome(got: { ok: true; value: NDArray } | { ok: false; error: string }, want: Outcome, what: string) {
  if (want.error !== undefined) {
    expect(got.ok, `${what} should fail`).toBe(false);
    if (!got.ok) expect(got.error, what).toBe(want.error);
    return;
  }
  expect(got.ok, `${what}: ${got.ok ? '' : got.error}`).toBe(true);
  if (!got.ok) return;
  expect([...got.value.shape], `${what} shape`).toEqual(want.shape);
  expect(got.value.dtype, `${what} dtype`).toBe(want.dtype);
  expect(Array.from(got.value.data, (v) => (Number.isNaN(v) ? null : v)), `${what} values`).toEqual(want.data);
}

describe('axis operations against NumPy (axes_golden.json)', () => {
  it('sum, max and argmax over every axis, with and without keepdims, match NumPy’s shapes, dtypes, values and errors', () => {
    expect(golden.reductions.length).toBeGreaterThan(300);
    for (const r of golden.reductions) {
      expectOutcome(reduce(r.op, array(r.array), r.axis, r.keepdims), r, `np.${r.op}(${r.array}, axis=${r.axis}, keepdims=${r.keepdims})`);
    }
  });

  it('.T matches NumPy for 0-d to 3-d arrays', () => {
    for (const t of golden.transposes) expectOutcome({ ok: true, value: transpose(array(t.array)) }, t, `${t.array}.T`);
  });

  it('np.repeat along every axis and on the flattened array matches NumPy, errors included', () => {
    for (const r of golden.repeats) expectOutcome(repeat(array(r.array), r.repeats, r.axis), r, `np.repeat(${r.array}, ${r.repeats}, axis=${r.axis})`);
  });
});

describe('which input cells make an output cell', () => {
  const x = array('int2x3'); // [[1, 2, 3], [4, 5, 6]]

  it('a column sum (axis=0) reads one column, a row sum (axis=1) one row, with or without keepdims', () => {
    expect(reductionSources(x.shape, 0, false, [2])).toEqual([[0, 2], [1, 2]]);
    expect(reductionSources(x.shape, 0, true, [0, 2])).toEqual([[0, 2], [1, 2]]);
    expect(reductionSources(x.shape, 1, true, [1, 0])).toEqual([[1, 0], [1, 1], [1, 2]]);
    expect(reductionSources(x.shape, -1, false, [0])).toEqual([[0, 0], [0, 1], [0, 2]]);
    expect(reductionSources(x.shape, null, false, [])).toHaveLength(6);
  });

  it('np.repeat copies each cell into consecutive positions', () => {
    // np.repeat([[1,2,3],[4,5,6]], 2, axis=0) → rows 0,0,1,1
    expect([0, 1, 2, 3].map((r) => repeatSource(x.shape, 2, 0, [r, 1]))).toEqual([[0, 1], [0, 1], [1, 1], [1, 1]]);
    // axis=None flattens first: output 7 comes from flat element 3 (row 1, column 0)
    expect(repeatSource(x.shape, 2, null, [7])).toEqual([1, 0]);
  });
});

describe('keepdims is what lets a reduction broadcast back', () => {
  it('(2, 3) against the row sums: (2, 1) with keepdims fits, (2,) without it does not (as in softmax)', () => {
    const x = array('int2x3');
    const kept = reduce('sum', x, 1, true);
    const dropped = reduce('sum', x, 1, false);
    if (!kept.ok || !dropped.ok) throw new Error('sums failed');
    expect(broadcastShapes(x.shape, kept.value.shape)).toEqual({ ok: true, value: [2, 3] });
    const clash = broadcastShapes(x.shape, dropped.value.shape);
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.error).toBe('operands could not be broadcast together with shapes (2,3) (2,) ');
  });
});

describe('axis widget: the call and each result cell, written out', () => {
  const x = array('int2x3'); // [[1, 2, 3], [4, 5, 6]]
  const q = (op: AxisQuery['op'], axis: Axis, keepdims = false, repeats = 2): AxisQuery => ({ op, axis, keepdims, repeats });

  it('writes the call as NumPy code', () => {
    expect(callText(q('sum', 1, true))).toBe('x.sum(axis=1, keepdims=True)');
    expect(callText(q('argmax', null))).toBe('x.argmax(axis=None)');
    expect(callText(q('T', 0))).toBe('x.T');
    expect(callText(q('repeat', 0, false, 3))).toBe('np.repeat(x, 3, axis=0)');
    expect(callText(q('repeat', null))).toBe('np.repeat(x, 2)');
  });

  it('spells out a column sum, a row max, an argmax, a transposed cell and a repeated cell', () => {
    const expr = (query: AxisQuery, idx: number[]) => {
      const r = runQuery(x, query);
      if (!r.ok) throw new Error(r.error);
      return cellExpression(x, query, idx, r.value);
    };
    expect(expr(q('sum', 0), [2])).toBe('x[0, 2] + x[1, 2] = 3 + 6 = 9');
    expect(expr(q('max', 1, true), [1, 0])).toBe('max(4, 5, 6) = 6');
    expect(expr(q('argmax', 1), [0])).toBe('argmax(1, 2, 3) = 2');
    expect(expr(q('T', null), [2, 1])).toBe('x[1, 2] = 6');
    expect(expr(q('repeat', 1), [1, 3])).toBe('x[1, 1] = 5');
  });
});
