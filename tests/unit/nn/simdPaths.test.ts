/**
 * The WebAssembly SIMD kernels give the TypeScript kernels' doubles bit for bit, kernel by
 * kernel, on random shapes chosen to hit every remainder of the two-lane loops (odd sizes,
 * batch 1, 7, 20, 32; widths 1–100; 2–6 classes) and random values including ±0, ties,
 * huge and tiny numbers; both with operands copied per call and with arrays kept in the
 * kernels' memory.
 */
import { describe, expect, it } from 'vitest';
import { mat, matmul, matmulAddRow, matmulTransA, matmulTransB, sumRows } from '../../../src/nn/matrix';
import { Sigmoid, SoftmaxWithLoss, sigmoid, softmax } from '../../../src/nn/layers';
import { type OptimizerName, OPTIMIZER_NAMES, makeOptimizer } from '../../../src/nn/optimizers';
import { RandomState } from '../../../src/nn/random';
import { kernelPath, simd } from '../../../src/nn/simd';
import { loadSpiral } from '../../../src/nn/spiral';
import { CustomLoop } from '../../../src/nn/trainer';
import { TwoLayerNet } from '../../../src/nn/twoLayerNet';
import { Arena } from '../../../src/nn/simdArena';
import { expectAllPathsEqual, onEveryPath, values } from './simdHelpers';

const BATCHES = [1, 7, 20, 32];
const WIDTHS = [1, 2, 3, 4, 5, 6, 10, 33, 100];

describe('kernel path', () => {
  it('is the one its Vitest project names', () => {
    const want = process.env.DLFS2_KERNELS;
    if (want === 'ts' || want === 'wasm') expect(kernelPath()).toBe(want);
  });
});

describe('WebAssembly kernels equal the TypeScript kernels bit for bit', () => {
  it('x·W + b, x·W, xᵀ·dout, dout·Wᵀ and column sums for every remainder of the lane loops', () => {
    const rng = new RandomState(11);
    for (const n of BATCHES) {
      for (const K of [1, 2, 3, 10, 33]) {
        for (const p of WIDTHS) {
          const A = values(rng, n * K), B = values(rng, K * p), bias = values(rng, p), D = values(rng, n * p), W = values(rng, p * K);
          const r = onEveryPath((keep) => {
            const [a, b, r0, d, w] = [keep(A), keep(B), keep(bias), keep(D), keep(W)];
            const out = (rows: number, cols: number) => mat(rows, cols, keep(new Float64Array(rows * cols)));
            return [
              matmulAddRow(mat(n, K, a), mat(K, p, b), r0, out(n, p)).data.slice(),
              matmul(mat(n, K, a), mat(K, p, b), out(n, p)).data.slice(),
              matmulTransA(mat(n, K, a), mat(n, p, d), out(K, p)).data.slice(),
              matmulTransB(mat(n, p, d), mat(K, p, w.subarray(0, K * p)), out(n, K)).data.slice(),
              sumRows(mat(n, p, d), keep(new Float64Array(p))).slice(),
            ];
          });
          expectAllPathsEqual(r, `n=${n} K=${K} p=${p}`);
        }
      }
    }
  });

  it('Sigmoid forward and backward, odd and even lengths, arguments beyond exp’s vector range', () => {
    const rng = new RandomState(12);
    for (const len of [1, 2, 3, 7, 20, 31, 299, 300, 301, 3001]) {
      for (const scale of [1, 30, 800]) {
        const X = values(rng, len, scale), D = values(rng, len);
        const r = onEveryPath((keep) => {
          const layer = new Sigmoid();
          const y = layer.forward(mat(1, len, keep(X))).data.slice();
          const dx = layer.backward(mat(1, len, keep(D))).data.slice();
          const s = sigmoid(mat(len, 1, keep(X))).data.slice();
          return [y, dx, s];
        });
        expectAllPathsEqual(r, `sigmoid len=${len} scale=${scale}`);
      }
    }
  });

  it('softmax for 1–300 columns (each branch of NumPy’s pairwise sum) and far-apart scores', () => {
    const rng = new RandomState(13);
    for (const rows of BATCHES) {
      for (const cols of [1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 17, 129, 300]) {
        for (const scale of [1, 300]) {
          const X = values(rng, rows * cols, scale);
          const r = onEveryPath((keep) => [softmax(mat(rows, cols, keep(X))).data.slice()]);
          expectAllPathsEqual(r, `softmax ${rows}×${cols} scale=${scale}`);
        }
      }
    }
  });

  it('SoftmaxWithLoss: loss and gradient, one-hot targets and labels, 2–6 classes', () => {
    const rng = new RandomState(14);
    for (const n of BATCHES) {
      for (const c of [2, 3, 4, 5, 6]) {
        const X = values(rng, n * c, 3);
        const labels = Int32Array.from({ length: n }, () => rng.bounded(c - 1));
        const onehot = new Float64Array(n * c);
        labels.forEach((t, i) => (onehot[i * c + t] = 1));
        const r = onEveryPath((keep) => {
          const a = new SoftmaxWithLoss(), b = new SoftmaxWithLoss();
          const la = a.forward(mat(n, c, keep(X)), mat(n, c, keep(onehot)));
          const lb = b.forward(mat(n, c, keep(X)), labels);
          return [[la, lb], a.backward().data.slice(), b.backward(0.5).data.slice(), a.output!.data.slice()];
        });
        expectAllPathsEqual(r, `softmax-with-loss ${n}×${c}`);
      }
    }
  });

  it.each(OPTIMIZER_NAMES)('%s: five updates of parameter arrays of odd and even lengths', (name: OptimizerName) => {
    const rng = new RandomState(15);
    const lens = [1, 2, 3, 20, 33, 101];
    const P = lens.map((l) => values(rng, l));
    const G = Array.from({ length: 5 }, () => lens.map((l) => values(rng, l, 0.1)));
    const r = onEveryPath((keep) => {
      const opt = makeOptimizer(name, 0.05);
      const params = P.map(keep);
      const grads = lens.map((l) => keep(new Float64Array(l)));
      for (const step of G) {
        step.forEach((g, i) => grads[i].set(g));
        opt.update(params, grads);
      }
      return params.map((p) => p.slice());
    });
    expectAllPathsEqual(r, name);
  });
});

describe('the resident arrays’ allocator', () => {
  it('is not used up by a lab that alternates training batches and passes over all the data', () => {
    const k = simd();
    if (!k) return; // the TypeScript project keeps no arrays in the kernels' memory
    const { x, t, labels, rng } = loadSpiral();
    const model = new TwoLayerNet(2, 100, 3, rng);
    const loop = new CustomLoop({ x, t, model, optimizer: makeOptimizer('sgd', 1), rng, maxEpoch: 1000, batchSize: 30 });
    const round = () => {
      loop.step(16);
      return model.accuracy(x, labels);
    };
    for (let i = 0; i < 3; i++) round();
    const before = k.residentBytes;
    for (let i = 0; i < 200; i++) round();
    // each layer keeps one buffer per batch size: no new resident arrays after the first round
    expect(k.residentBytes).toBe(before);
  });

  it('hands out aligned, disjoint ranges and merges released neighbours back into one', () => {
    const a = new Arena(1024, 1024 + 4096);
    const x = a.alloc(100), y = a.alloc(8), z = a.alloc(1000);
    expect([x, y, z].every((p) => p % 16 === 0)).toBe(true);
    expect([x + 112 <= y, y + 16 <= z, z + 1008 <= 1024 + 4096]).toEqual([true, true, true]);
    expect(a.alloc(4096)).toBe(-1); // does not fit any more
    a.release(y, 8);
    expect(a.alloc(8)).toBe(y); // first fit reuses the hole
    a.release(x, 100);
    a.release(z, 1000);
    a.release(y, 8);
    expect([a.used, a.fragments]).toEqual([0, 1]);
    expect(a.alloc(4096)).toBe(1024); // everything merged into one range again
  });
});
