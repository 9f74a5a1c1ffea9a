import fc from 'fast-check';
import { describe, it } from 'vitest';
import { LIMITS, parseArrayLiteral, parseShape, sizeOf } from '../../../src/nn/ndarray';
import { parseArray } from '../../../src/widgets/graph-nodes/parseArray';
import { parseNumberInput } from '../../../src/widgets/bit-precision/bitModel';
import { parseSeed } from '../../../src/widgets/forward-pass/forwardModel';
import { anyText, fuzz, must } from './harness';

const CODES = new Set(['empty', 'unexpected', 'unclosed', 'missing-comma', 'trailing', 'too-deep', 'too-large', 'too-long', 'not-integer', 'negative', 'numpy']);

/** Literal-ish text: nested lists of numbers with odd spacing, junk tokens and broken brackets. */
const token = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.double({ noNaN: true }).map(String),
  fc.constantFrom('[', ']', ',', ' ', '-', '.', 'e', '1e400', 'nan', 'inf', 'True', 'None', '"1"', '(', ')', '[]', '[[]]', '\n', '…'),
);
const nested: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    token,
    fc.tuple(fc.array(tie('node'), { maxLength: 5 }), fc.constantFrom(',', ', ', ' ,', ',\n', '')).map(([xs, sep]) => `[${xs.join(sep)}]`),
  ),
})).node;
const literalText = fc.oneof(
  { weight: 40, arbitrary: nested },
  { weight: 20, arbitrary: fc.array(token, { maxLength: 30 }).map((t) => t.join('')) },
  { weight: 20, arbitrary: anyText },
  // Deep and long inputs, around the limits (50 000 characters, 32 dimensions, 10 000 elements).
  { weight: 2, arbitrary: fc.constantFrom(10, 31, 32, 33, 1000, 24_999, 25_001).map((n) => '['.repeat(n) + '1' + ']'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom(9_999, 10_000, 10_001, 20_000).map((n) => `[${'1,'.repeat(n)}1]`) },
);

/** A rectangular array of the given shape, as a reader would type it. */
function literalOf(shape: number[], values: number[]): string {
  let k = 0;
  const build = (d: number): string => (d === shape.length ? String(values[k++]) : `[${Array.from({ length: shape[d] }, () => build(d + 1)).join(', ')}]`);
  return build(0);
}
const rectangular = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 })
  .chain((shape) => fc.tuple(fc.constant(shape), fc.array(fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength: sizeOf(shape), maxLength: sizeOf(shape) })));

describe('typed arrays and shapes never crash a widget', () => {
  it('parseArrayLiteral (np.array literal): a valid array or a coded error for any text', () => {
    fuzz(
      'parseArrayLiteral',
      literalText,
      (t) => parseArrayLiteral(t),
      (r) => {
        if (!r.ok) {
          must(CODES.has(r.code) && typeof r.error === 'string' && r.error.length > 0, `a coded error, got ${JSON.stringify(r)}`);
          return `error:${r.code}`;
        }
        const { shape, data, dtype } = r.value;
        must(shape.every((d) => Number.isSafeInteger(d) && d >= 0), `dims are whole numbers: ${shape}`);
        must(shape.length <= LIMITS.maxDims, 'not deeper than the limit');
        must(data.length === sizeOf(shape), `data fills the shape ${shape}`);
        must(dtype === 'int64' || dtype === 'float64', 'a NumPy dtype');
        return 'ok';
      },
      5000,
    );
  });

  it('parseArrayLiteral reads back every rectangular array it is given, value for value', () => {
    fuzz(
      'parseArrayLiteral round trip',
      rectangular,
      ([shape, values]) => parseArrayLiteral(literalOf(shape, values)),
      (r, [shape, values]) => {
        must(r.ok, `parsed ${JSON.stringify(shape)}: ${!r.ok && r.error}`);
        must(JSON.stringify(r.value.shape) === JSON.stringify(shape), `shape ${r.value.shape} = ${shape}`);
        must(r.value.data.every((v, i) => Object.is(v, values[i] === 0 ? v : values[i]) || v === values[i]), 'values kept');
        return `ndim ${shape.length}`;
      },
      2000,
    );
  });

  it('parseShape: whole non-negative dimensions or a coded error, and it reads back what it accepts', () => {
    const shapeText = fc.oneof(
      fc
        .tuple(fc.constantFrom('(', '[', ''), fc.array(fc.oneof(fc.nat(20).map(String), fc.constantFrom('-1', '2.5', '1e3', ' ', '', 'x', '9'.repeat(30), '+3')), { maxLength: 40 }), fc.constantFrom(')', ']', '', ',)'))
        .map(([open, ds, close]) => open + ds.join(',') + close),
      anyText,
    );
    fuzz(
      'parseShape',
      shapeText,
      (t) => parseShape(t),
      (r) => {
        if (!r.ok) {
          must(CODES.has(r.code) && r.error.length > 0, `a coded error, got ${JSON.stringify(r)}`);
          return `error:${r.code}`;
        }
        must(r.value.every((d) => Number.isSafeInteger(d) && d >= 0), `dims ${r.value}`);
        const again = parseShape(`(${r.value.join(', ')}${r.value.length === 1 ? ',' : ''})`);
        must(again.ok && JSON.stringify(again.value) === JSON.stringify(r.value), 'reads back as Python prints it');
        return 'ok';
      },
      5000,
    );
  });

  it('parseArray (graph-node inputs): a matrix or a named error for any text', () => {
    fuzz(
      'parseArray',
      literalText,
      (t) => parseArray(t),
      (r) => {
        if (!r.ok) {
          must(['syntax', 'ragged', 'empty', 'tooBig'].includes(r.error), `named error ${JSON.stringify(r)}`);
          return `error:${r.error}`;
        }
        const m = r.value;
        must(Number.isInteger(m.rows) && Number.isInteger(m.cols) && m.data.length === m.rows * m.cols, 'a consistent matrix');
        return 'ok';
      },
      5000,
    );
  });

  it('parseNumberInput (bit precision) and parseSeed (forward pass): a number or undefined for any text', () => {
    const numberText = fc.oneof(anyText, fc.double().map(String), fc.constantFrom('1e9999', '1e-9999', `0.${'0'.repeat(5000)}1`, '9'.repeat(5000), '-0', '−1'));
    fuzz(
      'parseNumberInput',
      numberText,
      (t) => parseNumberInput(t),
      (r) => {
        if (r === undefined) return 'not a number';
        must(typeof r.value === 'number', 'a number');
        if (r.exact) must(typeof r.exact.num === 'bigint' && Number.isInteger(r.exact.scale), 'an exact fraction');
        return r.exact ? 'exact' : 'value only';
      },
      4000,
    );
    fuzz(
      'parseSeed',
      numberText,
      (t) => parseSeed(t),
      (r) => {
        if (r === undefined) return 'rejected';
        must(Number.isInteger(r) && r >= 0 && r <= 0xffffffff, `a NumPy seed, got ${r}`);
        return 'seed';
      },
      4000,
    );
  });
});
