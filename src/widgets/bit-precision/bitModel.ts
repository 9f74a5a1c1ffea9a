/**
 * Pure logic of the bit-precision widget (§1.5.1): read what the reader typed, the exact decimal
 * a binary float holds, its exact error against the typed decimal, and which edge cases to explain.
 * Exact arithmetic uses BigInt so even float64's error for 0.1 (≈ 5.55e−18) is shown truly.
 */
import { FLOAT16_MAX, FLOAT16_OVERFLOW, bitFields, storedValue, type FloatFormat } from '../../nn/float16';

/** A typed number: its float64 value and, for plain decimals, the exact rational it denotes. */
export interface ParsedInput {
  value: number;
  /** text as an exact fraction num / 10^scale (undefined for NaN/Infinity). */
  exact?: { num: bigint; scale: number };
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d{1,4}))?$/i;

/** Reads '0.1', '-0', '1e-8', '65520', 'NaN', 'inf', '-Infinity'; undefined when it is not a number. */
export function parseNumberInput(text: string): ParsedInput | undefined {
  const t = text.trim().replace(/[−–]/g, '-').replace(/,/g, '');
  if (/^[+-]?nan$/i.test(t)) return { value: NaN };
  const inf = /^([+-]?)(inf|infinity)$/i.exec(t);
  if (inf) return { value: inf[1] === '-' ? -Infinity : Infinity };
  const m = DECIMAL.exec(t);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, intPart, fracPart = '', expPart = '0'] = m;
  const value = Number(t);
  if (Number.isNaN(value)) return undefined;
  const digits = (intPart + fracPart).replace(/^0+(?=\d)/, '') || '0';
  let num = BigInt(digits);
  if (sign === '-') num = -num;
  let scale = fracPart.length - Number(expPart);
  if (scale < 0) {
    num *= 10n ** BigInt(-scale);
    scale = 0;
  }
  // Extremely long exponents would make huge BigInts; the exact error is then not shown.
  if (scale > 1200) return { value };
  return { value, exact: { num, scale } };
}

/** A finite double as an exact fraction n / 2^k. */
function doubleAsFraction(x: number): { n: bigint; k: number } {
  if (x === 0) return { n: 0n, k: 0 };
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  const hi = dv.getUint32(0);
  const lo = dv.getUint32(4);
  const expField = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expField === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expField - 1075;
  }
  const n = x < 0 ? -mant : mant;
  return e >= 0 ? { n: n << BigInt(e), k: 0 } : { n, k: -e };
}

/** Every decimal digit of a finite double (binary fractions always end in decimal). */
export function exactDecimal(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const { n, k } = doubleAsFraction(x);
  // n / 2^k = n·5^k / 10^k
  const neg = n < 0n;
  const digits = ((neg ? -n : n) * 5n ** BigInt(k)).toString().padStart(k + 1, '0');
  const int = digits.slice(0, digits.length - k);
  const frac = digits.slice(digits.length - k).replace(/0+$/, '');
  return (neg ? '-' : '') + int + (frac ? '.' + frac : '');
}

/** p / q as the nearest double, for huge BigInts too. */
function ratio(p: bigint, q: bigint): number {
  if (p === 0n) return 0;
  const neg = p < 0n !== q < 0n;
  let a = p < 0n ? -p : p;
  let b = q < 0n ? -q : q;
  const shift = a.toString(2).length - b.toString(2).length - 60;
  if (shift > 0) b <<= BigInt(shift);
  else a <<= BigInt(-shift);
  const r = (Number(a) / Number(b)) * 2 ** shift;
  return neg ? -r : r;
}

/**
 * The exact error stored − typed (absolute and relative), or undefined when not computable
 * (NaN, infinite input). Infinite when the format overflows.
 */
export function exactError(input: ParsedInput, format: FloatFormat): { absolute: number; relative: number } | undefined {
  if (!input.exact) return undefined;
  const s = storedValue(input.value, format);
  const { num, scale } = input.exact;
  if (!Number.isFinite(s)) return { absolute: s, relative: Infinity };
  const { n, k } = doubleAsFraction(s);
  // stored − typed = n/2^k − num/10^scale = (n·10^scale − num·2^k) / (2^k·10^scale)
  const den = (1n << BigInt(k)) * 10n ** BigInt(scale);
  const diff = n * 10n ** BigInt(scale) - num * (1n << BigInt(k));
  const absolute = ratio(diff, den);
  const relative = num === 0n ? 0 : Math.abs(ratio(diff * 10n ** BigInt(scale), den * num));
  return { absolute, relative };
}

export type EdgeNote =
  | 'f16-max' // exactly 65504
  | 'f16-overflow' // ≥ 65520 (finite) → Infinity in float16
  | 'f16-rounds-to-max' // in (65504, 65520): rounds down to 65504
  | 'f16-subnormal'
  | 'f16-underflow' // non-zero → 0 in float16
  | 'f32-overflow'
  | 'f32-subnormal'
  | 'f32-underflow'
  | 'f64-overflow' // typed something beyond float64 (parsed as Infinity)
  | 'negative-zero'
  | 'nan'
  | 'infinity'
  | 'exact'; // the typed decimal is stored exactly in all three

/** Which edge cases apply to a typed number, in the order they should be explained. */
export function edgeNotes(input: ParsedInput): EdgeNote[] {
  const x = input.value;
  const notes: EdgeNote[] = [];
  if (Number.isNaN(x)) return ['nan'];
  if (!Number.isFinite(x)) return input.exact ? ['f64-overflow'] : ['infinity'];
  if (Object.is(x, -0)) notes.push('negative-zero');
  const a = Math.abs(x);
  if (a === FLOAT16_MAX) notes.push('f16-max');
  else if (a > FLOAT16_MAX && a < FLOAT16_OVERFLOW) notes.push('f16-rounds-to-max');
  else if (a >= FLOAT16_OVERFLOW) notes.push('f16-overflow');
  const k16 = bitFields(x, 'float16').kind;
  if (k16 === 'subnormal') notes.push('f16-subnormal');
  if (a !== 0 && k16 === 'zero') notes.push('f16-underflow');
  const k32 = bitFields(x, 'float32').kind;
  if (k32 === 'infinity') notes.push('f32-overflow');
  if (k32 === 'subnormal') notes.push('f32-subnormal');
  if (a !== 0 && k32 === 'zero') notes.push('f32-underflow');
  const exactAll = (['float64', 'float32', 'float16'] as const).every((f) => exactError(input, f)?.absolute === 0);
  if (exactAll) notes.push('exact');
  return notes;
}
