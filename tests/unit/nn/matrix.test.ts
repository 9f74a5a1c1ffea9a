import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addRowInPlace, argmaxRows, copyRows, fromRows, gatherRows, mat, matmul, matmulTransA, matmulTransB,
  pairwiseSum, sumRows, toRows,
} from '../../../src/nn/matrix';
import { flat, loadFixture } from '../../fixtures/numpy/load';

const sums = loadFixture('sums.json');

function transpose(m: ReturnType<typeof mat>) {
  const t = mat(m.cols, m.rows);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) t.data[j * m.rows + i] = m.data[i * m.cols + j];
  return t;
}

const smallMat = (rows: number, cols: number) =>
  fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: rows * cols, maxLength: rows * cols })
    .map((v) => mat(rows, cols, v));

describe('matrix kernels', () => {
  it('matmul computes [[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]]', () => {
    expect(toRows(matmul(fromRows([[1, 2], [3, 4]]), fromRows([[5, 6], [7, 8]])))).toEqual([[19, 22], [43, 50]]);
  });

  it('matmulTransA(a, b) equals matmul(aᵀ, b) and matmulTransB(a, b) equals matmul(a, bᵀ) exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (n, p, q) => {
        const gen = (r: number, c: number) => mat(r, c, Array.from({ length: r * c }, (_, i) => Math.sin(i * 7.1 + r * 3 + c)));
        const a = gen(n, p), b = gen(n, q), c = gen(q, p);
        expect(matmulTransA(a, b).data).toEqual(matmul(transpose(a), b).data);
        expect(matmulTransB(a, c).data).toEqual(matmul(a, transpose(c)).data);
      }),
      { numRuns: 30 },
    );
  });

  it('writes into out (a matrix or a bare array) and returns it', () => {
    const a = fromRows([[1, 2]]), b = fromRows([[3], [4]]);
    const out = new Float64Array(1);
    expect(matmul(a, b, out).data).toBe(out);
    expect(out[0]).toBe(11);
    expect(() => matmul(a, b, new Float64Array(2))).toThrow(/out/);
  });

  it('rejects misaligned shapes with NumPy-like wording', () => {
    expect(() => matmul(mat(2, 3), mat(2, 3))).toThrow(/not aligned/);
  });

  it('addRowInPlace broadcasts a row; sumRows sums columns', () => {
    const m = fromRows([[1, 2], [3, 4], [5, 6]]);
    addRowInPlace(m, new Float64Array([10, 20]));
    expect(toRows(m)).toEqual([[11, 22], [13, 24], [15, 26]]);
    expect(Array.from(sumRows(m))).toEqual([39, 72]);
  });

  it('sumRows and row sums follow NumPy’s order on a wide-range 30×3 matrix (sums.json)', () => {
    const m = fromRows(sums.matrix_30x3);
    expect(Array.from(sumRows(m))).toEqual(sums.sum_axis0);
    const rowSums = Array.from({ length: 30 }, (_, r) => pairwiseSum(m.data, 3, r * 3));
    expect(rowSums).toEqual(sums.sum_axis1);
  });

  it('pairwiseSum equals np.sum bit for bit for lengths 0–39, 63–300, 1000, 4099 (sums.json)', () => {
    for (const c of sums.cases) expect(pairwiseSum(c.values)).toBe(c.sum);
  });

  it('argmaxRows takes the first index on ties', () => {
    expect(Array.from(argmaxRows(fromRows([[1, 3, 3], [2, 2, 2], [0, -1, 5]])))).toEqual([1, 0, 2]);
  });

  it('gatherRows is x[idx] and copyRows is a slice copy', () => {
    const m = fromRows([[0, 0], [1, 1], [2, 2]]);
    expect(toRows(gatherRows(m, [2, 0, 2]))).toEqual([[2, 2], [0, 0], [2, 2]]);
    expect(toRows(copyRows(m, 1, 2))).toEqual([[1, 1], [2, 2]]);
    expect(() => gatherRows(m, [3])).toThrow(/out of range/);
  });

  it('mat checks that data fills the shape', () => {
    expect(() => mat(2, 2, [1, 2, 3])).toThrow(/fill/);
    expect(flat(toRows(mat(1, 2, [1, 2])))).toEqual([1, 2]);
  });

  it('matmul is close to a float sum for random matrices (property)', () => {
    fc.assert(
      fc.property(smallMat(3, 4), smallMat(4, 2), (a, b) => {
        const c = matmul(a, b);
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 2; j++) {
            let s = 0;
            for (let k = 0; k < 4; k++) s += a.data[i * 4 + k] * b.data[k * 2 + j];
            expect(c.data[i * 2 + j]).toBe(s);
          }
      }),
      { numRuns: 30 },
    );
  });
});
