import { describe, expect, it } from 'vitest';
import { edgeNotes, exactDecimal, exactError, parseNumberInput } from '../../../src/widgets/bit-precision/bitModel';

describe('bit-precision widget logic', () => {
  it('reads decimals, exponents, −0, NaN and infinities, and refuses words', () => {
    expect(parseNumberInput('0.1')).toEqual({ value: 0.1, exact: { num: 1n, scale: 1 } });
    expect(parseNumberInput('1e-8')?.value).toBe(1e-8);
    expect(Object.is(parseNumberInput('-0')?.value, -0)).toBe(true);
    expect(parseNumberInput(' −2.5 ')?.value).toBe(-2.5);
    expect(Number.isNaN(parseNumberInput('NaN')!.value)).toBe(true);
    expect(parseNumberInput('-inf')?.value).toBe(-Infinity);
    expect(parseNumberInput('abc')).toBeUndefined();
    expect(parseNumberInput('')).toBeUndefined();
    expect(parseNumberInput('.')).toBeUndefined();
    expect(parseNumberInput('1e5')).toEqual({ value: 100000, exact: { num: 100000n, scale: 0 } });
  });

  it('writes out every digit of the double nearest 0.1', () => {
    expect(exactDecimal(0.1)).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(exactDecimal(Math.fround(0.1))).toBe('0.100000001490116119384765625');
    expect(exactDecimal(65504)).toBe('65504');
    expect(exactDecimal(-0)).toBe('-0');
    expect(exactDecimal(2 ** -24)).toBe('0.000000059604644775390625');
  });

  it('finds the true error of 0.1 in each format, float64 included', () => {
    const p = parseNumberInput('0.1')!;
    // float64 stores 0.1 as 3602879701896397 / 2⁵⁵ = 0.1 + 2⁻⁵⁵/5; float32 as 13421773 / 2²⁷ = 0.1 + 2⁻²⁷/5
    expect(exactError(p, 'float64')!.absolute).toBeCloseTo(2 ** -55 / 5, 30);
    expect(exactError(p, 'float32')!.absolute).toBeCloseTo(2 ** -27 / 5, 22);
    expect(exactError(p, 'float16')!.absolute).toBeCloseTo(-2.44140625e-5, 15);
    expect(exactError(p, 'float16')!.relative).toBeCloseTo(2.44140625e-4, 12);
    expect(exactError(parseNumberInput('0.5')!, 'float16')).toEqual({ absolute: 0, relative: 0 });
    expect(exactError(parseNumberInput('65520')!, 'float16')!.absolute).toBe(Infinity);
  });

  it('explains the float16 edge cases a reader types', () => {
    expect(edgeNotes(parseNumberInput('65504')!)).toContain('f16-max');
    expect(edgeNotes(parseNumberInput('65520')!)).toContain('f16-overflow');
    expect(edgeNotes(parseNumberInput('65519.99')!)).toContain('f16-rounds-to-max');
    expect(edgeNotes(parseNumberInput('1e-8')!)).toContain('f16-underflow');
    expect(edgeNotes(parseNumberInput('1e-7')!)).toContain('f16-subnormal');
    expect(edgeNotes(parseNumberInput('NaN')!)).toEqual(['nan']);
    expect(edgeNotes(parseNumberInput('-0')!)).toEqual(['negative-zero', 'exact']);
    expect(edgeNotes(parseNumberInput('1e400')!)).toEqual(['f64-overflow']);
    expect(edgeNotes(parseNumberInput('0.1')!)).toEqual([]);
    expect(edgeNotes(parseNumberInput('0.375')!)).toEqual(['exact']);
  });
});
