/**
 * exp(x) with fdlibm's algorithm, in scalar and in f64x2 form: the same doubles as
 * src/nn/exp.ts (the TypeScript kernels' exp) and as Node's Math.exp (V8's port of fdlibm's
 * __ieee754_exp, with exp(1) special-cased to return the correctly rounded e).
 *
 * Operation for operation: argument reduction x = k·ln2 + r with ln2 split in a high and a low
 * part, a degree-5 minimax polynomial for r, and scaling by 2^k. WebAssembly never fuses a
 * multiply and an add, so the results are the same doubles (tests/unit/nn/simdExp.test.ts
 * compares them over every branch boundary, the arguments the book's run passes, and millions
 * of random arguments).
 */
import { CONSTS, C_E, C_HALF, C_INV_LN2, C_LN2_HI, C_LN2_LO, C_MAGIC, C_ONE, C_P1, C_P2, C_P3, C_P4, C_P5, C_REDUCE_FROM, C_SIGN, C_TINY, C_TWO, C_VECTOR_LIMIT, EXP_BIAS } from './consts';

const LN2_HI: f64 = 6.93147180369123816490e-01; // 0x3FE62E42 FEE00000
const LN2_LO: f64 = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const INV_LN2: f64 = 1.44269504088896338700e+00; // 0x3FF71547 652B82FE
const P1: f64 = 1.66666666666666019037e-01;
const P2: f64 = -2.77777777770155933842e-03;
const P3: f64 = 6.61375632143793436117e-05;
const P4: f64 = -1.65339022054652515390e-06;
const P5: f64 = 4.13813679705723846039e-08;
const E: f64 = 2.718281828459045;
const O_THRESHOLD: f64 = 7.09782712893383973096e+02;
const U_THRESHOLD: f64 = -7.45133219101941108420e+02;
const TWO_M1000: f64 = 9.33263618503218878990e-302; // 2^-1000
const TWO_1023: f64 = 8.988465674311579539e307; // 2^1023

/** A double from its high 32-bit word (low word 0). */
// @ts-ignore: decorator
@inline function fromHigh(hi: u32): f64 {
  return reinterpret<f64>(<u64>hi << 32);
}

/** Scalar exp, fdlibm's branches as V8 has them. */
export function expScalar(x: f64): f64 {
  const bits = reinterpret<u64>(x);
  let hx = <u32>(bits >> 32);
  const xsb = <i32>(hx >> 31);
  hx &= 0x7fffffff;
  let hi = 0.0, lo = 0.0;
  let k: i32 = 0;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…: NaN, ±∞, overflow or underflow
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | <u32>bits) != 0) return x + x;
      return xsb == 0 ? x : 0.0;
    }
    if (x > O_THRESHOLD) return Infinity; // huge·huge
    if (x < U_THRESHOLD) return 0.0; // 2^-1000 · 2^-1000 underflows to +0
  }
  if (hx > 0x3fd62e42) {
    // |x| > ln2 / 2: reduce
    if (hx < 0x3ff0a2b2) {
      // |x| < 1.5·ln2: k = ±1
      if (x == 1.0) return E;
      hi = x - (xsb == 0 ? LN2_HI : -LN2_HI);
      lo = xsb == 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = <i32>(INV_LN2 * x + (xsb == 0 ? 0.5 : -0.5));
      const t = <f64>k;
      hi = x - t * LN2_HI; // t·LN2_HI is exact
      lo = t * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1.0 + x; // |x| < 2^-28
  }
  const t = x * x;
  const twopk = k >= -1021 ? fromHigh(<u32>(0x3ff00000 + (k << 20))) : fromHigh(<u32>(0x3ff00000 + ((k + 1000) << 20)));
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  const y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) {
    if (k == 1024) return y * 2.0 * TWO_1023;
    return y * twopk;
  }
  return y * twopk * TWO_M1000;
}

/**
 * exp of both lanes. Lanes with |x| ≥ 704 or NaN (rare: they only occur in diverged runs or
 * softmax of far-apart scores) go through {@link expScalar}. Otherwise every lane follows the
 * reduction branch with k forced to 0 when |x| ≤ ln2/2; with k = 0, hi = x and lo = +0 the
 * reduction formula gives exactly fdlibm's k = 0 formula (−(x·c)/(2 − c) is (x·c)/(c − 2)
 * bit for bit, and 0 − q = −q for q ≠ 0), and its k = ±1 branch equals the general one with
 * t = ±1. |x| < 2^-28 gives 1 + x and x = 1 gives e, as fdlibm's early returns do. So the
 * vector result is fdlibm's for every lane.
 *
 * k = (int)(invln2·x ± 0.5) is computed as a truncated double t (|t| ≤ 1016); adding 1.5·2^52
 * puts t's integer value in the low bits, from which 2^k is assembled.
 */
// @ts-ignore: decorator
@inline export function expV(x: v128): v128 {
  const ax = f64x2.abs(x);
  if (!i64x2.all_true(f64x2.lt(ax, v128.load(CONSTS, C_VECTOR_LIMIT)))) {
    return f64x2.replace_lane(
      f64x2.splat(expScalar(f64x2.extract_lane(x, 0))),
      1,
      expScalar(f64x2.extract_lane(x, 1)),
    );
  }
  const reduce = f64x2.ge(ax, v128.load(CONSTS, C_REDUCE_FROM));
  const half = v128.or(v128.and(x, v128.load(CONSTS, C_SIGN)), v128.load(CONSTS, C_HALF)); // ±0.5
  const t = v128.and(f64x2.trunc(f64x2.add(f64x2.mul(v128.load(CONSTS, C_INV_LN2), x), half)), reduce);
  const hi = f64x2.sub(x, f64x2.mul(t, v128.load(CONSTS, C_LN2_HI)));
  const lo = f64x2.mul(t, v128.load(CONSTS, C_LN2_LO));
  const r = f64x2.sub(hi, lo);
  const tt = f64x2.mul(r, r);
  let p = f64x2.mul(tt, v128.load(CONSTS, C_P5));
  p = f64x2.mul(tt, f64x2.add(v128.load(CONSTS, C_P4), p));
  p = f64x2.mul(tt, f64x2.add(v128.load(CONSTS, C_P3), p));
  p = f64x2.mul(tt, f64x2.add(v128.load(CONSTS, C_P2), p));
  p = f64x2.mul(tt, f64x2.add(v128.load(CONSTS, C_P1), p));
  const c = f64x2.sub(r, p);
  const q = f64x2.div(f64x2.mul(r, c), f64x2.sub(v128.load(CONSTS, C_TWO), c));
  const y = f64x2.sub(v128.load(CONSTS, C_ONE), f64x2.sub(f64x2.sub(lo, q), hi));
  const k = f64x2.add(t, v128.load(CONSTS, C_MAGIC)); // low bits: k as a two's-complement integer
  const twopk = i64x2.shl(i64x2.add(k, v128.load(EXP_BIAS)), 52);
  let out = f64x2.mul(y, twopk);
  out = v128.bitselect(v128.load(CONSTS, C_E), out, f64x2.eq(x, v128.load(CONSTS, C_ONE)));
  return v128.bitselect(f64x2.add(v128.load(CONSTS, C_ONE), x), out, f64x2.lt(ax, v128.load(CONSTS, C_TINY)));
}

/** y[i] = exp(x[i]) for n doubles (for tests; the layers call expV inline). */
export function expArray(x: usize, y: usize, n: i32): void {
  let i = 0;
  for (; i + 1 < n; i += 2) v128.store(y + (<usize>i << 3), expV(v128.load(x + (<usize>i << 3))));
  if (i < n) store<f64>(y + (<usize>i << 3), expScalar(load<f64>(x + (<usize>i << 3))));
}
