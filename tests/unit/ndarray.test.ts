import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import golden from './reader/ndarray_golden.json';
import {
  broadcastShapes,
  dotShape,
  elementwise,
  formatShape,
  formatValue,
  isBroadcastCopy,
  matmul,
  matmulShape,
  parseArrayLiteral,
  parseShape,
  productTerms,
  sourceIndex,
  type NDArray,
  type Op,
} from '../../src/nn/ndarray';

/** Python's str() of a float back to a number ('inf' and 'nan' included). */
const pyFloat = (s: string) => (s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));

const arr = (text: string): NDArray => {
  const r = parseArrayLiteral(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('shape rules against NumPy (ndarray_golden.json)', () => {
  for (const c of golden.shapes) {
    const name = `${formatShape(c.a)} with ${formatShape(c.b)}`;
    it(`broadcast, @ and np.dot of ${name} match NumPy`, () => {
      for (const [key, fn] of [
        ['broadcast', broadcastShapes],
        ['matmul', matmulShape],
        ['dot', dotShape],
      ] as const) {
        const want = c[key] as { shape?: number[]; error?: string };
        const got = fn(c.a, c.b);
        if (want.error !== undefined) expect(got, key).toMatchObject({ ok: false, error: want.error });
        else expect(got, key).toEqual({ ok: true, value: want.shape });
      }
    });
  }
  it('the broadcasting error is NumPy’s text, trailing space included', () => {
    expect(broadcastShapes([2, 3], [2])).toMatchObject({ ok: false, error: 'operands could not be broadcast together with shapes (2,3) (2,) ' });
  });
});

describe('element-wise arithmetic against NumPy', () => {
  for (const c of golden.ops) {
    it(`[[1,2],[3,4]] ${c.op} ${JSON.stringify(c.b)} gives NumPy's values and dtype`, () => {
      const r = elementwise(c.op as Op, arr(JSON.stringify(c.a)), arr(JSON.stringify(c.b)));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.shape).toEqual(c.shape);
      expect(r.value.dtype).toBe(c.dtype);
      expect(Array.from(r.value.data).map((v) => (c.dtype === 'int64' ? String(v) : v))).toEqual(
        c.data.map((s) => (c.dtype === 'int64' ? s : pyFloat(s))),
      );
    });
  }
});

describe('parseArrayLiteral', () => {
  for (const c of golden.literals) {
    it(`reads ${c.text} as np.array does`, () => {
      const r = parseArrayLiteral(c.text);
      if ('error' in c) expect(r).toMatchObject({ ok: false, error: c.error });
      else {
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.shape).toEqual(c.shape);
        expect(r.value.dtype).toBe(c.dtype);
        expect(Array.from(r.value.data)).toEqual(c.data);
      }
    });
  }
  it('accepts np.array( … ) around the literal and nan/inf', () => {
    const r = parseArrayLiteral(' np.array([[1, np.nan], [-inf, 2]]) ');
    expect(r.ok && r.value.shape).toEqual([2, 2]);
    expect(r.ok && Array.from(r.value.data)).toEqual([1, NaN, -Infinity, 2]);
  });
  it.each([
    ['', 'empty'],
    ['[1, 2', 'unclosed'],
    ['[1 2]', 'missing-comma'],
    ['[1, 2]]', 'trailing'],
    ['[1, a]', 'unexpected'],
    ['[1, (2]', 'unexpected'],
    ['['.repeat(60_000), 'too-long'],
    ['['.repeat(40) + ']'.repeat(40), 'too-deep'],
    [`[${'1,'.repeat(10_001)}]`, 'too-large'],
  ])('reports bad input %# as its error code, with a message', (text, code) => {
    const r = parseArrayLiteral(text);
    expect(r).toMatchObject({ ok: false, code });
    expect(!r.ok && r.error.length).toBeGreaterThan(5);
  });
  it('never throws and always returns a value or a message, on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[[\]()0-9., e+-]{0,40}$/)), (text) => {
        const r = parseArrayLiteral(text);
        if (r.ok) expect(r.value.data.length).toBe(r.value.shape.reduce((a, b) => a * b, 1));
        else expect(r.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseShape', () => {
  it.each([
    ['(2,3)', [2, 3]],
    ['2,3', [2, 3]],
    [' ( 2 , 3 ) ', [2, 3]],
    ['(3,)', [3]],
    ['3', [3]],
    ['()', []],
    ['[4, 1, 2]', [4, 1, 2]],
    ['(0,)', [0]],
  ])('reads %j as %j', (text, shape) => {
    expect(parseShape(text)).toEqual({ ok: true, value: shape });
  });
  it.each([
    ['', 'empty'],
    ['(2,3', 'unclosed'],
    ['(-1,)', 'negative'],
    ['2 3', 'missing-comma'],
    ['2.5', 'not-integer'],
    ['(2,,3)', 'unexpected'],
    ['x', 'unexpected'],
    ['99999999999999999999', 'too-large'],
  ])('rejects %j as %s', (text, code) => {
    expect(parseShape(text)).toMatchObject({ ok: false, code });
  });
  it('uses NumPy’s text for a negative dimension', () => {
    expect(parseShape('(2,-1)')).toMatchObject({ ok: false, error: 'negative dimensions are not allowed' });
  });
  it('enforces the widget’s limits on dimensions', () => {
    expect(parseShape('(1,2,3,4)', { maxDims: 3 })).toMatchObject({ ok: false, code: 'too-deep' });
    expect(parseShape('(7,)', { maxDim: 6 })).toMatchObject({ ok: false, code: 'too-large' });
  });
  it('never throws on any text, and what it accepts prints back to itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[()[\]0-9, +-.]{0,20}$/)), (text) => {
        const r = parseShape(text);
        if (r.ok) {
          expect(r.value.every((d) => Number.isSafeInteger(d) && d >= 0)).toBe(true);
          expect(parseShape(formatShape(r.value))).toEqual(r);
        } else expect(r.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('broadcast copies', () => {
  it('marks the stretched cells of a (2,) row broadcast to (3, 2) as copies, row 0 as original', () => {
    const copies = [0, 1, 2].map((i) => [0, 1].map((j) => isBroadcastCopy([2], [3, 2], [i, j])));
    expect(copies).toEqual([
      [false, false],
      [true, true],
      [true, true],
    ]);
    expect(sourceIndex([2], [3, 2], [2, 1])).toEqual([1]);
  });
  it('a scalar broadcast to (2, 2) has exactly one original cell', () => {
    const flags = [0, 1].flatMap((i) => [0, 1].map((j) => isBroadcastCopy([], [2, 2], [i, j])));
    expect(flags.filter((f) => !f)).toHaveLength(1);
  });
});

describe('products', () => {
  it('matrix product of the book’s example gives [[19, 22], [43, 50]]', () => {
    const r = matmul(arr('[[1,2],[3,4]]'), arr('[[5,6],[7,8]]'));
    expect(r.ok && Array.from(r.value.data)).toEqual([19, 22, 43, 50]);
    expect(productTerms(arr('[[1,2],[3,4]]'), arr('[[5,6],[7,8]]'), 1, 0)).toEqual([
      { k: 0, a: 3, b: 5 },
      { k: 1, a: 4, b: 7 },
    ]);
  });
  it('inner product of two vectors is a 0-d array', () => {
    const r = matmul(arr('[1,2,3]'), arr('[4,5,6]'));
    expect(r.ok && r.value.shape).toEqual([]);
    expect(r.ok && r.value.data[0]).toBe(32);
  });
  it('a mismatch gives NumPy’s matmul text', () => {
    expect(matmul(arr('[[1,2,3],[4,5,6]]'), arr('[[1,2,3,4],[5,6,7,8]]'))).toMatchObject({
      ok: false,
      error: 'matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)',
    });
  });
});

describe('formatValue', () => {
  it.each([
    [3, 'int64', '3'],
    [2.5, 'float64', '2.5'],
    [1, 'float64', '1.'],
    [1 / 3, 'float64', '0.33333333'],
    [Infinity, 'float64', 'inf'],
    [NaN, 'float64', 'nan'],
  ] as const)('prints %d (%s) as %s', (v, dtype, s) => {
    expect(formatValue(v, dtype)).toBe(s);
  });
});
