/**
 * One exp on both kernel paths: the WebAssembly kernels' exp (wasm/exp.ts) returns the same
 * double as the TypeScript kernels' exp (src/nn/exp.ts), and both return what V8's Math.exp
 * returns in Node (V8's port of fdlibm), for every argument tried: the boundaries of each of
 * fdlibm's branches, the arguments the book's training run and its boundary grid actually
 * pass to exp, and millions of random arguments of every magnitude. Both the f64x2 path and
 * the scalar path (odd tails, lanes outside the vector range) are exercised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridSpec } from '../../../src/nn/boundary';
import { exp } from '../../../src/nn/exp';
import { Sigmoid, SoftmaxWithLoss } from '../../../src/nn/layers';
import type { Mat } from '../../../src/nn/matrix';
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

/**
 * Node's Math.exp is fdlibm's algorithm (V8 up to at least Node 24); a runtime whose V8 uses
 * another libm (current Chromium uses LLVM's) rounds these three arguments differently.
 */
const mathExpIsFdlibm =
  Math.exp(-7.986041884869337) === 0.00034017788538271516 &&
  Math.exp(6.0531524289399385) === 425.4521258276592 &&
  Math.exp(-12.81078434549272) === 0.0000027311594130677637;

/**
 * The arguments whose WebAssembly exp differs from the TypeScript exp, or (`against` 'Math')
 * from Math.exp, at most `limit` of them.
 */
function mismatches(args: Float64Array, against: 'ts' | 'Math' = 'ts', limit = 5): string[] {
  const bad: string[] = [];
  const chunk = 200_000; // within the kernels' scratch region per call
  const ref = against === 'ts' ? exp : Math.exp;
  for (let s = 0; s < args.length && bad.length < limit; s += chunk) {
    const x = args.subarray(s, Math.min(args.length, s + chunk));
    const y = new Float64Array(x.length);
    expect(k.exp(x, y)).toBe(true);
    for (let i = 0; i < x.length && bad.length < limit; i++) {
      const want = ref(x[i]);
      if (!Object.is(y[i], want)) bad.push(`exp(${x[i]}) = ${y[i]}, ${against === 'ts' ? 'src/nn/exp.ts' : 'Math.exp'} gives ${want}`);
      else if (against === 'ts' && mathExpIsFdlibm && !Object.is(want, Math.exp(x[i]))) bad.push(`src/nn/exp.ts: exp(${x[i]}) = ${want}, Math.exp gives ${Math.exp(x[i])}`);
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

describe('WebAssembly exp equals the TypeScript exp, and Node’s Math.exp, bit for bit', () => {
  it('runs where Math.exp is fdlibm’s (Node), so the comparisons with it below take place', () => {
    if (typeof process !== 'undefined' && /^v2[0-4]\./.test(process.version)) expect(mathExpIsFdlibm).toBe(true);
  });

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
    if (mathExpIsFdlibm) expect(mismatches(Float64Array.from(args), 'Math')).toEqual([]);
  });

  it('on the arguments of the book’s run: sigmoid and softmax over 300 epochs, and the h = 0.01 grid', () => {
    // the arguments the layers pass to exp, recomputed from their inputs: −x for Sigmoid,
    // x − (row maximum) for the softmax inside SoftmaxWithLoss
    const seen: number[] = [];
    const sigmoidForward = Sigmoid.prototype.forward;
    const lossForward = SoftmaxWithLoss.prototype.forward;
    Sigmoid.prototype.forward = function (x: Mat) {
      for (const v of x.data) seen.push(-v);
      return sigmoidForward.call(this, x);
    };
    SoftmaxWithLoss.prototype.forward = function (x: Mat, t: Mat | Int32Array) {
      for (let r = 0; r < x.rows; r++) {
        const row = x.data.subarray(r * x.cols, (r + 1) * x.cols);
        const max = Math.max(...row);
        for (const v of row) seen.push(v - max);
      }
      return lossForward.call(this, x, t);
    };
    let model: TwoLayerNet, data: ReturnType<typeof loadSpiral>;
    try {
      data = loadSpiral();
      model = new TwoLayerNet(2, 10, 3, data.rng);
      new CustomLoop({ x: data.x, t: data.t, model, optimizer: new SGD(1.0), rng: data.rng, maxEpoch: 300, batchSize: 30 }).run();
    } finally {
      Sigmoid.prototype.forward = sigmoidForward;
      SoftmaxWithLoss.prototype.forward = lossForward;
    }
    // the grid's: −(x·W1[0, j] + y·W1[1, j] + b1[j]) at every cell, and the steps −(d·W1[0, j])
    const { W1, b1 } = model.named;
    const spec = gridSpec(data.x, 0.01);
    const H = W1.cols;
    for (const y of spec.ys) for (const x of spec.xs) for (let j = 0; j < H; j++) seen.push(-(x * W1.data[j] + y * W1.data[H + j] + b1[j]));
    for (let j = 0; j < H; j++) seen.push(-((spec.xs[1] - spec.xs[0]) * W1.data[j]));
    expect(seen.length).toBeGreaterThan(1_000_000);
    const args = Float64Array.from(seen);
    expect(mismatches(args)).toEqual([]);
    if (mathExpIsFdlibm) expect(mismatches(args, 'Math')).toEqual([]);
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
    if (mathExpIsFdlibm) expect(mismatches(randomBits, 'Math')).toEqual([]);
  });
});
