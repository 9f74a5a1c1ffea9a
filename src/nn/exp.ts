/**
 * exp(x) computed with fdlibm's algorithm (__ieee754_exp, as V8 ports it in src/base/ieee754.cc,
 * with exp(1) returning the correctly rounded e), the same double in every JavaScript engine.
 *
 * Why not Math.exp: the language leaves its last bit to the engine, and engines differ. Node's
 * V8 (up to at least Node 24) is fdlibm's algorithm, bit for bit equal to this function; newer
 * Chromium computes Math.exp with LLVM's libc and rounds about one argument in ten differently;
 * Safari uses the system's libm. The WebAssembly SIMD kernels (wasm/exp.ts) run this same
 * algorithm, so with this function the TypeScript kernels and the WebAssembly kernels give the
 * same doubles in every browser, and the same as the command line in Node.
 * tests/unit/nn/simdExp.test.ts checks it against Node's Math.exp and the WebAssembly port.
 */

const LN2_HI = 6.93147180369123816490e-1; // 0x3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const INV_LN2 = 1.44269504088896338700e0;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const E = 2.718281828459045;
const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;
const TWO_M1000 = 9.33263618503218878990e-302; // 2^-1000
const TWO_1023 = 8.988465674311579539e307; // 2^1023

// The two 32-bit halves of a double (typed arrays use the platform's byte order).
const word = new Float64Array(1);
const half = new Uint32Array(word.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** 2^k for −1022 ≤ k ≤ 1023, from its exponent bits. */
function twoPow(k: number): number {
  half[HI] = (0x3ff + k) << 20;
  half[LO] = 0;
  return word[0];
}

/** e^x, fdlibm's way (see the header). */
export function exp(x: number): number {
  word[0] = x;
  let hx = half[HI];
  const xsb = hx >>> 31;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…: NaN, ±∞, overflow or underflow
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | half[LO]) !== 0) return x + x;
      return xsb === 0 ? x : 0;
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0, lo = 0, k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2: x = k·ln2 + r, ln2 in a high part (k·LN2_HI exact) and a low part
    if (hx < 0x3ff0a2b2) {
      if (x === 1) return E;
      hi = x - (xsb === 0 ? LN2_HI : -LN2_HI);
      lo = xsb === 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = Math.trunc(INV_LN2 * x + (xsb === 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2^-28
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - ((lo - (x * c) / (2 - c)) - hi);
  if (k >= -1021) return k === 1024 ? y * 2 * TWO_1023 : y * twoPow(k);
  return y * twoPow(k + 1000) * TWO_M1000;
}
