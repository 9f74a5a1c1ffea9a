/**
 * IEEE 754 binary16 ("half", NumPy's float16) and the bit fields of float64/float32/float16.
 *
 * §1.5.1: the book keeps its arithmetic in float32 (or NumPy's default float64) and uses float16
 * only to store weights, halving the file (`save_params` converts every parameter with
 * `astype(np.float16)`). NumPy rounds float64 → float16 directly (not via float32) to the
 * nearest representable value, ties to even, overflowing to ±Infinity; these functions do the
 * same, so our bits equal NumPy's bits.
 *
 * Pure TypeScript: no DOM, no Node APIs (runs in Node, the worker and the page).
 */

/** The largest finite float16, 65504 = (2 − 2⁻¹⁰)·2¹⁵. */
export const FLOAT16_MAX = 65504;
/** The smallest positive normal float16, 2⁻¹⁴. */
export const FLOAT16_MIN_NORMAL = 2 ** -14;
/** The smallest positive subnormal float16, 2⁻²⁴ ≈ 5.96e−8. */
export const FLOAT16_MIN_SUBNORMAL = 2 ** -24;
/** Values at or above this (in magnitude) round to Infinity: halfway between 65504 and 2¹⁶. */
export const FLOAT16_OVERFLOW = 65520;

const scratch = new DataView(new ArrayBuffer(8));

/** Rounds a non-negative float64 (< 2⁵³) to an integer, ties to even — IEEE's default rounding. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f; // exact: v and f share the same exponent range
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** Unbiased binary exponent of a finite, non-zero float64 that is a normal number. */
function exponentOf(x: number): number {
  scratch.setFloat64(0, x);
  return ((scratch.getUint32(0) >>> 20) & 0x7ff) - 1023;
}

/**
 * float64 (or float32, which every JS number can hold exactly) → float16 bits, rounded to
 * nearest with ties to even, as `np.float16(x)` does. NaN keeps its sign and becomes a quiet
 * NaN (0x7e00, NumPy's bits for `np.float16(np.nan)`).
 */
export function toFloat16Bits(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  if (Number.isNaN(x)) {
    scratch.setFloat64(0, x);
    return (scratch.getUint32(0) >>> 31 ? 0x8000 : 0) | 0x7e00;
  }
  const a = Math.abs(x);
  if (a >= FLOAT16_OVERFLOW) return sign | 0x7c00; // includes Infinity
  if (a < FLOAT16_MIN_NORMAL) {
    // Subnormal range: multiples of 2⁻²⁴. Scaling by 2²⁴ is exact; rounding to 1024 lands on
    // the smallest normal number, whose bits are exactly 1024 (exponent field 1, fraction 0).
    return sign | roundHalfEven(a * 2 ** 24);
  }
  let e = exponentOf(a);
  let m = roundHalfEven(a * 2 ** (10 - e)); // in [1024, 2048]
  if (m === 2048) {
    m = 1024;
    e += 1;
  }
  // a < 65520 guarantees e ≤ 15 even after the carry above.
  return sign | ((e + 15) << 10) | (m - 1024);
}

/** float16 bits → the number they encode (exact: every float16 is a float64). */
export function fromFloat16Bits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1024 + frac) * 2 ** (exp - 25);
}

/** The float16 value nearest to x (ties to even), as `np.float16(x)`. */
export function toFloat16(x: number): number {
  return fromFloat16Bits(toFloat16Bits(x));
}

/** The float32 value nearest to x (ties to even), as `np.float32(x)`. */
export function toFloat32(x: number): number {
  return Math.fround(x);
}

/** Converts a whole array to float16 bits (`arr.astype(np.float16)`, viewed as uint16). */
export function float16BitsOf(values: ArrayLike<number>, out?: Uint16Array): Uint16Array {
  const o = out ?? new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) o[i] = toFloat16Bits(values[i]);
  return o;
}

/** Rounds every value to float16 and back (the book's save → load round trip, §1.5.1). */
export function roundToFloat16(values: ArrayLike<number>, out?: Float64Array): Float64Array {
  const o = out ?? new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) o[i] = toFloat16(values[i]);
  return o;
}

// ---------------------------------------------------------------------------------------------
// Bit fields, for the bit-precision widget.

export type FloatFormat = 'float64' | 'float32' | 'float16';
export type FloatKind = 'zero' | 'subnormal' | 'normal' | 'infinity' | 'nan';

/** Layout of each IEEE 754 binary format: field widths and exponent bias. */
export const FORMATS: Record<FloatFormat, { bits: number; exponentBits: number; fractionBits: number; bias: number }> = {
  float64: { bits: 64, exponentBits: 11, fractionBits: 52, bias: 1023 },
  float32: { bits: 32, exponentBits: 8, fractionBits: 23, bias: 127 },
  float16: { bits: 16, exponentBits: 5, fractionBits: 10, bias: 15 },
};

export interface BitFields {
  format: FloatFormat;
  /** '0' or '1'. */
  sign: string;
  /** Exponent field, most significant bit first. */
  exponent: string;
  /** Fraction (mantissa without the hidden 1), most significant bit first. */
  fraction: string;
  /** The number this format actually stores for the input. */
  stored: number;
  kind: FloatKind;
  /** Raw exponent field as an integer. */
  exponentField: number;
  /** The power of two the fraction is scaled by: field − bias, or 1 − bias for subnormals; NaN for inf/NaN. */
  unbiasedExponent: number;
  /** The bit pattern in hexadecimal, e.g. '3c00'. */
  hex: string;
}

/** The bit pattern of x in one format, most significant bit first. */
export function bitString(x: number, format: FloatFormat): string {
  if (format === 'float16') return toFloat16Bits(x).toString(2).padStart(16, '0');
  if (format === 'float32') {
    scratch.setFloat32(0, x); // DataView rounds to float32 with ties to even, like Math.fround
    return scratch.getUint32(0).toString(2).padStart(32, '0');
  }
  scratch.setFloat64(0, x);
  return scratch.getUint32(0).toString(2).padStart(32, '0') + scratch.getUint32(4).toString(2).padStart(32, '0');
}

/** The value of x stored in the given format. */
export function storedValue(x: number, format: FloatFormat): number {
  if (format === 'float16') return toFloat16(x);
  if (format === 'float32') return Math.fround(x);
  return x;
}

/** Splits x, as stored in `format`, into sign, exponent and fraction bits. */
export function bitFields(x: number, format: FloatFormat): BitFields {
  const f = FORMATS[format];
  const bits = bitString(x, format);
  const sign = bits[0];
  const exponent = bits.slice(1, 1 + f.exponentBits);
  const fraction = bits.slice(1 + f.exponentBits);
  const exponentField = parseInt(exponent, 2);
  const fractionZero = !fraction.includes('1');
  const maxField = (1 << f.exponentBits) - 1;
  let kind: FloatKind;
  if (exponentField === 0) kind = fractionZero ? 'zero' : 'subnormal';
  else if (exponentField === maxField) kind = fractionZero ? 'infinity' : 'nan';
  else kind = 'normal';
  const unbiasedExponent =
    kind === 'normal' ? exponentField - f.bias : kind === 'infinity' || kind === 'nan' ? NaN : 1 - f.bias;
  let hex = '';
  for (let i = 0; i < bits.length; i += 4) hex += parseInt(bits.slice(i, i + 4), 2).toString(16);
  return { format, sign, exponent, fraction, stored: storedValue(x, format), kind, exponentField, unbiasedExponent, hex };
}

/**
 * Rounding error of storing x in `format`: absolute (stored − x) and relative (|stored − x| / |x|).
 * Infinite when the format overflows; NaN when x is NaN; relative is 0 for x = 0.
 */
export function roundingError(x: number, format: FloatFormat): { absolute: number; relative: number } {
  const s = storedValue(x, format);
  if (Number.isNaN(x)) return { absolute: NaN, relative: NaN };
  if (s === x) return { absolute: 0, relative: 0 };
  const absolute = s - x;
  return { absolute, relative: x === 0 ? 0 : Math.abs(absolute) / Math.abs(x) };
}
