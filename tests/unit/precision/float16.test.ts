import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  bitFields,
  fromFloat16Bits,
  roundingError,
  roundToFloat16,
  toFloat16,
  toFloat16Bits,
  toFloat32,
} from '../../../src/nn/float16';

const edges = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/numpy/npz/float16_edges.json', import.meta.url)), 'utf8'),
) as { inputs: string[]; bits: number[] };

const parse = (s: string) => (s === 'nan' ? NaN : s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));

describe('float16 conversion', () => {
  it('gives the bits NumPy gives for each edge case (float16_edges.json)', () => {
    edges.inputs.forEach((s, k) => {
      expect({ input: s, bits: toFloat16Bits(parse(s)) }).toEqual({ input: s, bits: edges.bits[k] });
    });
  });

  it('keeps 65504, the largest finite float16', () => {
    expect(toFloat16(65504)).toBe(65504);
    expect(toFloat16Bits(65504)).toBe(0x7bff);
  });

  it('rounds 65519.99 down to 65504 and 65520 up to Infinity (the halfway point ties to even)', () => {
    expect(toFloat16(65519.99)).toBe(65504);
    expect(toFloat16(65520)).toBe(Infinity);
    expect(toFloat16(-65520)).toBe(-Infinity);
    expect(toFloat16(1e10)).toBe(Infinity);
  });

  it('stores 2^-24 as the smallest subnormal, and rounds 2^-25 (a tie) to zero but 3·2^-26 up', () => {
    expect(toFloat16Bits(2 ** -24)).toBe(1);
    expect(toFloat16(2 ** -24)).toBe(2 ** -24);
    expect(toFloat16(2 ** -25)).toBe(0);
    expect(toFloat16(3 * 2 ** -26)).toBe(2 ** -24);
    expect(toFloat16(1e-8)).toBe(0);
    expect(bitFields(1e-7, 'float16').kind).toBe('subnormal');
  });

  it('rounds ties to even: 2049 → 2048, 2051 → 2052, 1 + 2^-11 → 1', () => {
    expect(toFloat16(2049)).toBe(2048);
    expect(toFloat16(2051)).toBe(2052);
    expect(toFloat16(1 + 2 ** -11)).toBe(1);
    expect(toFloat16(1 + 3 * 2 ** -11)).toBe(1 + 2 ** -9);
  });

  it('rounds a value just under the smallest normal up to it when nearest', () => {
    expect(toFloat16Bits(2 ** -14 - 2 ** -26)).toBe(0x0400);
  });

  it('keeps the sign of −0 and turns NaN into a quiet NaN', () => {
    expect(toFloat16Bits(-0)).toBe(0x8000);
    expect(Object.is(fromFloat16Bits(0x8000), -0)).toBe(true);
    expect(toFloat16Bits(NaN)).toBe(0x7e00);
    expect(Number.isNaN(fromFloat16Bits(0x7e00))).toBe(true);
    expect(fromFloat16Bits(0x7c00)).toBe(Infinity);
    expect(fromFloat16Bits(0xfc00)).toBe(-Infinity);
  });

  it('decodes every one of the 65536 bit patterns back to the same bits (except NaN payloads)', () => {
    const wrong: number[] = [];
    for (let b = 0; b < 65536; b++) {
      const v = fromFloat16Bits(b);
      if (!Number.isNaN(v) && toFloat16Bits(v) !== b) wrong.push(b);
    }
    expect(wrong).toEqual([]);
  });

  it('rounds any double to the nearest float16 (no float16 lies closer)', () => {
    fc.assert(
      fc.property(fc.double({ min: -70000, max: 70000, noNaN: true }), (x) => {
        const h = toFloat16(x);
        if (!Number.isFinite(h)) return Math.abs(x) >= 65520;
        const bits = toFloat16Bits(x);
        const up = fromFloat16Bits((bits & 0x7fff) === 0x7bff ? bits : bits + 1);
        const down = fromFloat16Bits((bits & 0x7fff) === 0 ? bits : bits - 1);
        return Math.abs(h - x) <= Math.abs(up - x) && Math.abs(h - x) <= Math.abs(down - x);
      }),
      { numRuns: 2000 },
    );
  });

  it('has relative error at most 2^-11 for normal values', () => {
    fc.assert(
      fc.property(fc.double({ min: 2 ** -14, max: 65504, noNaN: true }), (x) => Math.abs(toFloat16(x) - x) / x <= 2 ** -11),
    );
  });

  it('converts arrays and rounds to float32 like Math.fround', () => {
    expect(Array.from(roundToFloat16([0.1, 65520]))).toEqual([toFloat16(0.1), Infinity]);
    expect(toFloat32(0.1)).toBe(Math.fround(0.1));
    expect(toFloat32(0.1)).not.toBe(0.1);
  });
});

describe('bit fields', () => {
  it('splits 0.1 in float64 into sign 0, exponent 01111111011 and the known fraction', () => {
    const f = bitFields(0.1, 'float64');
    expect(f.sign).toBe('0');
    expect(f.exponent).toBe('01111111011');
    expect(f.fraction).toBe('1001100110011001100110011001100110011001100110011010');
    expect(f.unbiasedExponent).toBe(-4);
    expect(f.hex).toBe('3fb999999999999a');
    expect(f.stored).toBe(0.1);
  });

  it('shows float32 and float16 of 0.1 with their stored values', () => {
    const f32 = bitFields(0.1, 'float32');
    expect(f32.hex).toBe('3dcccccd');
    expect(f32.exponent).toHaveLength(8);
    expect(f32.fraction).toHaveLength(23);
    expect(f32.stored).toBe(Math.fround(0.1));
    const f16 = bitFields(0.1, 'float16');
    expect(f16.hex).toBe('2e66');
    expect(f16.exponent).toBe('01011');
    expect(f16.fraction).toBe('1001100110');
    expect(f16.stored).toBe(0.0999755859375);
  });

  it('classifies zero, subnormal, normal, infinity and NaN per format', () => {
    expect(bitFields(-0, 'float16')).toMatchObject({ kind: 'zero', sign: '1' });
    expect(bitFields(65520, 'float16').kind).toBe('infinity');
    expect(bitFields(65520, 'float32').kind).toBe('normal');
    expect(bitFields(1e-8, 'float16').kind).toBe('zero');
    expect(bitFields(1e-8, 'float32').kind).toBe('normal');
    expect(bitFields(1e-40, 'float32').kind).toBe('subnormal');
    expect(bitFields(NaN, 'float64').kind).toBe('nan');
    expect(bitFields(2 ** -24, 'float16')).toMatchObject({ kind: 'subnormal', unbiasedExponent: -14, fraction: '0000000001' });
  });

  it('reports the rounding error of each format', () => {
    expect(roundingError(0.1, 'float64')).toEqual({ absolute: 0, relative: 0 });
    const e16 = roundingError(0.1, 'float16');
    expect(e16.absolute).toBeCloseTo(0.0999755859375 - 0.1, 15);
    expect(e16.relative).toBeGreaterThan(2 ** -13);
    expect(roundingError(65520, 'float16').absolute).toBe(Infinity);
  });
});
