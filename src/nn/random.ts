/**
 * NumPy's legacy random generator (`np.random.seed`, `np.random.randn`, …), reproduced
 * bit for bit so that the companion draws the same numbers as the book's scripts.
 *
 * The book seeds once (`np.random.seed(1984)` inside `spiral.load_data`) and then keeps
 * drawing from the same stream: the data, the weights, one permutation per epoch. Code that
 * wants the book's numbers must therefore share one {@link RandomState} across all those steps.
 *
 * The algorithm is MT19937 (seeded with `init_genrand`) with NumPy's legacy conversions: 53-bit
 * `rand` from two words, the polar method for `randn` (it returns the second value and caches
 * the first), masked rejection sampling for bounded integers, and Fisher–Yates from the top for
 * `permutation`; each is spelled out where it is implemented below.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** A snapshot of a {@link RandomState}, enough to resume the exact same stream. */
export interface RandomStateSnapshot {
  key: Uint32Array;
  pos: number;
  hasGauss: boolean;
  gauss: number;
}

/** Throws unless `s` is an integer seed NumPy's legacy `seed()` accepts (0 ≤ s < 2³²). */
export function assertSeed(s: unknown): asserts s is number {
  if (typeof s !== 'number' || !Number.isInteger(s)) {
    throw new Error(`seed must be an integer between 0 and 2**32 - 1, got ${String(s)}`);
  }
  if (s < 0 || s >= 2 ** 32) {
    throw new Error(`seed must be between 0 and 2**32 - 1, got ${s}`);
  }
}

/**
 * NumPy's legacy `RandomState` (the generator behind `np.random.*`).
 * Exact for integers and uniforms; `randn` differs from NumPy only when V8's `Math.log`
 * and glibc's `log` round differently, which {@link logAccurate} makes very rare.
 */
export class RandomState {
  private readonly mt = new Uint32Array(N);
  private pos = N;
  private hasGauss = false;
  private cachedGauss = 0;

  /** Seeds like `np.random.seed(seed)`; without a seed, from the platform's entropy. */
  constructor(seed?: number) {
    this.seed(seed ?? entropySeed());
  }

  /** `np.random.seed(s)`: MT19937 `init_genrand`, and forget any cached gaussian. */
  seed(s: number): void {
    assertSeed(s);
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let k = 1; k < N; k++) {
      const prev = mt[k - 1];
      // 1812433253 · (prev ^ prev>>>30) + k, mod 2³² (Math.imul keeps the low 32 bits)
      mt[k] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + k) >>> 0;
    }
    this.pos = N;
    this.hasGauss = false;
    this.cachedGauss = 0;
  }

  /** The next raw 32-bit word of MT19937 (tempered), as an unsigned number. */
  nextUint32(): number {
    if (this.pos >= N) this.regenerate();
    let y = this.mt[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  private regenerate(): void {
    const mt = this.mt;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }

  /** `np.random.random_sample()`: a double in [0, 1) built from two words (27 + 26 bits). */
  randomSample(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** `np.random.rand(n)`: n uniforms in [0, 1). */
  rand(n: number): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.randomSample();
    return out;
  }

  /**
   * One standard normal, NumPy's legacy polar method: each accepted pair gives two normals;
   * the second coordinate is returned now and the first is cached for the next call.
   */
  gauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const g = this.cachedGauss;
      this.cachedGauss = 0;
      return g;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.randomSample() - 1;
      x2 = 2 * this.randomSample() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * logAccurate(r2)) / r2);
    this.cachedGauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** `np.random.randn(n)`: n standard normals (reshape row-major for `randn(r, c)`). */
  randn(n: number): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.gauss();
    return out;
  }

  /** NumPy's `random_interval(max)`: an integer in [0, max] by masked rejection, one word per try. */
  bounded(max: number): number {
    if (max === 0) return 0;
    if (!(max > 0 && max <= 0xffffffff && Number.isInteger(max))) {
      throw new Error(`bounded: max must be an integer in [0, 2**32 - 1], got ${max}`);
    }
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let v: number;
    do v = (this.nextUint32() & mask) >>> 0;
    while (v > max);
    return v;
  }

  /** `np.random.shuffle(a)` for a 1-D sequence: Fisher–Yates from the end, in place. */
  shuffle(a: { length: number; [i: number]: number }): void {
    for (let i = a.length - 1; i >= 1; i--) {
      const j = this.bounded(i);
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }

  /** `np.random.permutation(n)`: a shuffled `arange(n)`. */
  permutation(n: number): Int32Array {
    assertCount(n, 'permutation');
    const a = new Int32Array(n);
    for (let i = 0; i < n; i++) a[i] = i;
    this.shuffle(a);
    return a;
  }

  /** `np.random.choice(n, size)` with replacement and no weights (book 1's mini-batch sampling). */
  choice(n: number, size: number): Int32Array {
    assertCount(n, 'choice');
    assertCount(size, 'choice');
    if (n === 0 && size > 0) throw new Error('choice: cannot take a non-empty sample from an empty population');
    return this.randint(0, n, size);
  }

  /**
   * `np.random.randint(low, high, size)`: integers in [low, high) by NumPy's masked rejection
   * (one word per try). Both bounds must fit in int32, as the result does.
   */
  randint(low: number, high: number, size: number): Int32Array {
    if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low) {
      throw new Error(`randint: need integers with low < high, got low=${low}, high=${high}`);
    }
    if (low < -(2 ** 31) || high > 2 ** 31) throw new Error('randint: bounds must fit in int32');
    assertCount(size, 'randint');
    const range = high - 1 - low;
    const out = new Int32Array(size);
    for (let i = 0; i < size; i++) out[i] = low + this.bounded(range);
    return out;
  }

  /** A copy of the full generator state (like `np.random.get_state()`). */
  getState(): RandomStateSnapshot {
    return { key: this.mt.slice(), pos: this.pos, hasGauss: this.hasGauss, gauss: this.cachedGauss };
  }

  /** Restores a state from {@link getState} (like `np.random.set_state()`). */
  setState(s: RandomStateSnapshot): void {
    if (s.key.length !== N || !(s.pos >= 0 && s.pos <= N)) throw new Error('setState: invalid state');
    this.mt.set(s.key);
    this.pos = s.pos;
    this.hasGauss = s.hasGauss;
    this.cachedGauss = s.hasGauss ? s.gauss : 0;
  }
}

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what}: size must be a non-negative integer, got ${n}`);
}

function entropySeed(): number {
  const c = (globalThis as { crypto?: { getRandomValues?(a: Uint32Array): Uint32Array } }).crypto;
  if (c?.getRandomValues) return c.getRandomValues(new Uint32Array(1))[0];
  return Math.floor(Math.random() * 2 ** 32);
}

// ---------------------------------------------------------------------------------------------
// A natural logarithm accurate to a small fraction of an ulp.
//
// NumPy's polar method calls C's `log`; glibc's is within 0.52 ulp, so it is almost always the
// correctly rounded value. V8's `Math.log` (fdlibm, < 1 ulp) rounds the other way for a few
// percent of inputs, which would move randn by one ulp. Working in double-double arithmetic
// below brings us to the correctly rounded value in all but astronomically rare cases.
// ---------------------------------------------------------------------------------------------

const LN2_HI = 0.6931471805599453; // ln 2 rounded to double
const LN2_LO = 2.3190468138462996e-17; // ln 2 − LN2_HI
const SPLITTER = 134217729; // 2^27 + 1, Dekker's split
const SQRT_HALF = Math.SQRT1_2;

/** Exact product a·b = hi + lo (Dekker), returned via the scratch pair. */
function twoProd(a: number, b: number, out: Float64Array): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  out[0] = p;
  out[1] = ah * bh - p + ah * bl + al * bh + al * bl;
}

const scratch = new Float64Array(2);

/**
 * ln(x) for finite x > 0, accurate to about 1e-4 ulp (then rounded once), so it agrees with a
 * correctly rounded log — and with glibc — except within ~1e-4 ulp of a rounding midpoint.
 * Falls back to `Math.log` outside (0, ∞) and for subnormals.
 */
export function logAccurate(x: number): number {
  if (!(x > 2.2250738585072014e-308) || x === Infinity) return Math.log(x);
  // x = 2^k · m with m in [√½, √2)
  let k = Math.floor(Math.log2(x));
  let m = x / 2 ** k;
  // log2 may be off by one near powers of two; fix m into [1, 2) exactly, then centre it
  while (m >= 2) { m /= 2; k++; }
  while (m < 1) { m *= 2; k--; }
  if (m > Math.SQRT2) { m /= 2; k++; }
  if (m < SQRT_HALF) { m *= 2; k--; }
  // ln m = 2·atanh(s), s = f / (2 + f), f = m − 1 (exact)
  const f = m - 1;
  const dHi = 2 + f;
  const dLo = f - (dHi - 2); // 2 + f = dHi + dLo exactly
  const sHi = f / dHi;
  twoProd(sHi, dHi, scratch);
  const sLo = (f - scratch[0] - scratch[1] - sHi * dLo) / dHi;
  // 2·atanh(s) = 2s + 2s³/3 + 2s⁵/5 + …; the series after 2s is < 1% of the total, so its
  // relative error only needs ~1e-17 for a ~1e-4 ulp result: keep s³ in double-double.
  const s2 = sHi * sHi;
  let tail = 0;
  for (let n = 29; n >= 5; n -= 2) tail = tail * s2 + 2 / n;
  tail *= s2 * s2 * sHi; // 2s⁵/5 + 2s⁷/7 + … (small enough for plain doubles)
  // 2s³/3 in double-double: s³ = sHi³ + 3·sHi²·sLo
  twoProd(sHi, sHi, scratch);
  const sqHi = scratch[0];
  const sqLo = scratch[1];
  twoProd(sqHi, sHi, scratch);
  const cubeHi = scratch[0];
  const cubeLo = scratch[1] + sqLo * sHi + 3 * s2 * sLo;
  const third = 2 / 3;
  const thirdLo = 3.700743415417188e-17; // 2/3 − fl(2/3)
  twoProd(cubeHi, third, scratch);
  const t3Hi = scratch[0];
  const t3Lo = scratch[1] + cubeLo * third + cubeHi * thirdLo;
  // Sum: k·ln2 + 2s + 2s³/3 + tail, from the largest term with compensation
  twoProd(k, LN2_HI, scratch); // k·LN2_HI exact (k is small)
  let hi = scratch[0];
  let lo = scratch[1] + k * LN2_LO;
  [hi, lo] = addDD(hi, lo, 2 * sHi, 2 * sLo);
  [hi, lo] = addDD(hi, lo, t3Hi, t3Lo + tail);
  return hi + lo;
}

/** Double-double addition (hi, lo) + (bHi, bLo), renormalised. */
function addDD(aHi: number, aLo: number, bHi: number, bLo: number): [number, number] {
  const s = aHi + bHi;
  const bb = s - aHi;
  const err = aHi - (s - bb) + (bHi - bb);
  const lo = err + aLo + bLo;
  const hi = s + lo;
  return [hi, lo - (hi - s)];
}
