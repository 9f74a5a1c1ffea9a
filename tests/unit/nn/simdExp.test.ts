/**
 * The WebAssembly kernels' exp (wasm/exp.ts: fdlibm's algorithm, as V8 ports it) returns the
 * same double as this runtime's Math.exp for every argument: the boundaries of each of
 * fdlibm's branches, the arguments the book's training run and its boundary grid actually
 * pass to exp, and millions of random arguments of every magnitude. Both the f64x2 path and
 * the scalar path (odd tails, lanes out of the vector range) are exercised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classGrid, gridSpec } from '../../../src/nn/boundary';
import { SGD } from '../../../src/nn/optimizers';
import { type SimdKernels, kernelPath, setKernelPath, simd } from '../../../src/nn/simd';
import { loadSpiral } from '../../../src/nn/spiral';
import { CustomLoop } from '../../../src/nn/trainer';
import { TwoLayerNet } from '../../../src/nn/twoLayerNet';

let k: SimdKernels;
const before = kernelPath();
beforeAll(() => {
  setKernelPath('wasm');
  k = simd()!;
});
afterAll(() => {
  setKernelPath(before);
});

/** The arguments (as doubles) whose wasm exp differs from Math.exp, at most `limit` of them. */
function mismatches(args: Float64Array, limit = 5): string[] {
  const bad: string[] = [];
  const chunk = 200_000; // within the kernels' scratch region per call
  for (let s = 0; s < args.length && bad.length < limit; s += chunk) {
    const x = args.subarray(s, Math.min(args.length, s + chunk));
    const y = new Float64Array(x.length);
    expect(k.exp(x, y)).toBe(true);
    for (let i = 0; i < x.length && bad.length < limit; i++) {
      const want = Math.exp(x[i]);
      if (!Object.is(y[i], want)) bad.push(`exp(${x[i]}) = ${y[i]}, Math.exp gives ${want}`);
    }
  }
  return bad;
}

const bits = new DataView(new ArrayBuffer(8));
function fromBits(hi: number, lo: number): number {
  bits.setUint32(0, hi >>> 0);
  bits.setUint32(4, lo >>> 0);
  return bits.getFloat64(0);
}
/** The n doubles on each side of x (x itself included). */
function around(x: number, n = 3): number[] {
  bits.setFloat64(0, x);
  const b = bits.getBigUint64(0);
  const out: number[] = [];
  for (let d = -n; d <= n; d++) {
    bits.setBigUint64(0, BigInt.asUintN(64, b + BigInt(d)));
    out.push(bits.getFloat64(0));
  }
  return out;
}

describe('WebAssembly exp equals Math.exp bit for bit', () => {
  it('at every branch boundary of fdlibm’s exp, in every lane position', () => {
    const ln2 = Math.LN2;
    const edges: number[] = [0, -0, 1, -1, Infinity, -Infinity, NaN, 2, 0.5, -0.5];
    for (const v of [
      0.5 * ln2, 1.5 * ln2, 2 ** -28, 709.782712893384, -745.1332191019411, 704, 708, 709, -708, -709, -740, -744.44,
      fromBits(0x3fd62e42, 0xffffffff), fromBits(0x3fd62e43, 0), fromBits(0x3ff0a2b2, 0), fromBits(0x3e300000, 0),
      fromBits(0x40862e42, 0), fromBits(0x7fefffff, 0xffffffff), Number.MIN_VALUE, 1e-300,
    ]) {
      for (const a of around(v, 4)) edges.push(a, -a);
    }
    // where k = round(x / ln2) changes: (m ± 0.5)·ln2, for every k the reduction can produce
    for (let m = -1076; m <= 1025; m++) for (const a of around((m + 0.5) * ln2, 2)) edges.push(a);
    // each value next to a plain one, next to a NaN (scalar fallback for the pair), and alone
    const plain = 0.25;
    const args: number[] = [];
    for (const e of edges) args.push(e, plain, plain, e, e, NaN, NaN, e, e);
    expect(mismatches(Float64Array.from(args))).toEqual([]);
  });

  it('on the arguments of the book’s run: sigmoid and softmax over 300 epochs, and the h = 0.01 grid', () => {
    const seen: number[] = [];
    const exp = Math.exp;
    setKernelPath('ts'); // the TypeScript kernels call Math.exp: record every argument
    Math.exp = (v: number) => {
      seen.push(v);
      return exp(v);
    };
    try {
      const { x, t, rng } = loadSpiral();
      const model = new TwoLayerNet(2, 10, 3, rng);
      new CustomLoop({ x, t, model, optimizer: new SGD(1.0), rng, maxEpoch: 300, batchSize: 30 }).run();
      classGrid(model, gridSpec(x, 0.01), undefined, new Float32Array(gridSpec(x, 0.01).rows * gridSpec(x, 0.01).cols));
      classGrid(model, gridSpec(x, 0.05), undefined, undefined, 'direct');
    } finally {
      Math.exp = exp;
      setKernelPath('wasm');
    }
    expect(seen.length).toBeGreaterThan(1_000_000);
    expect(mismatches(Float64Array.from(seen))).toEqual([]);
  });

  it('on 4 million random arguments of every magnitude and sign', () => {
    let s = 0x9e3779b9;
    const next = () => {
      // xorshift32: reproducible without Math.random
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return (s >>> 0) / 2 ** 32;
    };
    const n = 1 << 20;
    const uniformWide = Float64Array.from({ length: n }, () => (next() - 0.5) * 1500); // all of exp's range and beyond
    const uniformSmall = Float64Array.from({ length: n }, () => (next() - 0.5) * 4); // the reduction's k = 0, ±1, ±2
    const logUniform = Float64Array.from({ length: n }, () => (next() < 0.5 ? -1 : 1) * 2 ** (next() * 70 - 60)); // 2^-60 … 2^10
    const randomBits = Float64Array.from({ length: n + 1 }, () => fromBits(next() * 2 ** 32, next() * 2 ** 32)); // any double (odd length: scalar tail)
    for (const args of [uniformWide, uniformSmall, logUniform, randomBits]) expect(mismatches(args)).toEqual([]);
  });
});
