import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Affine, type Layer, MatMul, Sigmoid, Softmax, SoftmaxWithLoss, crossEntropyError, sigmoid, softmax } from '../../../src/nn/layers';
import { type Mat, fromRows, mat } from '../../../src/nn/matrix';
import { numericalGradient, relativeError } from '../../../src/nn/gradcheck';
import { RandomState } from '../../../src/nn/random';
import { flat, loadFixture, maxAbsDiff, maxRelDiff } from '../../fixtures/numpy/load';

const start = loadFixture('train_custom_loop_start.json');
const rng = new RandomState(42);
const randMat = (r: number, c: number) => mat(r, c, rng.randn(r * c));

/** L = Σ forward(x) ⊙ R, so dL/d(out) = R: checks backward(R) against finite differences. */
function checkLayer(layer: Layer, x: Mat) {
  const out = layer.forward(x);
  const R = randMat(out.rows, out.cols);
  const L = () => {
    const y = layer.forward(x);
    let s = 0;
    for (let i = 0; i < y.data.length; i++) s += y.data[i] * R.data[i];
    return s;
  };
  layer.forward(x);
  const dx = layer.backward(R).data.slice();
  const grads = layer.grads.map((g) => g.slice());
  expect(relativeError(dx, numericalGradient(L, x.data))).toBeLessThan(1e-8);
  layer.params.forEach((p, i) => expect(relativeError(grads[i], numericalGradient(L, p))).toBeLessThan(1e-8));
}

describe('layers: backward matches finite differences', () => {
  it('MatMul', () => checkLayer(new MatMul(randMat(4, 3)), randMat(5, 4)));
  it('Affine', () => checkLayer(new Affine(randMat(4, 3), rng.randn(3)), randMat(5, 4)));
  it('Sigmoid', () => checkLayer(new Sigmoid(), randMat(5, 4)));
  it('Softmax', () => checkLayer(new Softmax(), randMat(5, 4)));

  it('SoftmaxWithLoss, with one-hot and with label targets', () => {
    const x = randMat(6, 3);
    const labels = new Int32Array([0, 2, 1, 1, 0, 2]);
    const onehot = mat(6, 3);
    labels.forEach((l, i) => (onehot.data[i * 3 + l] = 1));
    for (const t of [onehot, labels]) {
      const layer = new SoftmaxWithLoss();
      layer.forward(x, t);
      const dx = layer.backward().data.slice();
      // the 1e-7 inside the log shifts the numerical gradient by ~1e-7 relative; allow for it
      expect(relativeError(dx, numericalGradient(() => layer.forward(x, t), x.data))).toBeLessThan(1e-6);
    }
  });

  it('SoftmaxWithLoss.backward(dout) scales by dout', () => {
    const x = randMat(4, 3), t = new Int32Array([0, 1, 2, 0]);
    const layer = new SoftmaxWithLoss();
    layer.forward(x, t);
    const d1 = layer.backward(1).data.slice();
    const d2 = layer.backward(2.5).data;
    d1.forEach((v, i) => expect(d2[i]).toBeCloseTo(2.5 * v, 15));
  });
});

describe('softmax and friends', () => {
  it('softmax rows sum to 1 and are positive', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -700, max: 700, noNaN: true }), { minLength: 1, maxLength: 12 }), (row) => {
        const y = softmax(mat(1, row.length, row));
        expect(Math.abs(y.data.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        y.data.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
      }),
    );
  });

  it('softmax is shift-invariant and survives large scores', () => {
    const y = softmax(fromRows([[1000, 1001, 1002]]));
    const z = softmax(fromRows([[0, 1, 2]]));
    expect(maxAbsDiff(y.data, z.data)).toBeLessThan(1e-15);
  });

  it('sigmoid(0) = 0.5 and saturates without NaN', () => {
    expect(Array.from(sigmoid(fromRows([[0, 800, -800]])).data)).toEqual([0.5, 1, 0]);
  });

  it('crossEntropyError accepts one-hot or labels and adds 1e-7 inside the log', () => {
    const y = fromRows([[1, 0], [0.5, 0.5]]);
    const want = -(Math.log(1 + 1e-7) + Math.log(0.5 + 1e-7)) / 2;
    expect(crossEntropyError(y, new Int32Array([0, 1]))).toBe(want);
    expect(crossEntropyError(y, fromRows([[1, 0], [0, 1]]))).toBe(want);
  });
});

describe('first batch of train_custom_loop (train_custom_loop_start.json)', () => {
  const fb = start.first_batch;
  const W1 = fromRows(start.initial_params.W1), W2 = fromRows(start.initial_params.W2);
  const a1 = new Affine(W1, Float64Array.from(start.initial_params.b1));
  const a2 = new Affine(W2, Float64Array.from(start.initial_params.b2));
  const score = a2.forward(new Sigmoid().forward(a1.forward(fromRows(fb.x))));

  it('scores within 1e-12, softmax within 1e-12, loss within 1e-12', () => {
    expect(maxAbsDiff(score.data, flat(fb.score))).toBeLessThan(1e-12);
    expect(maxAbsDiff(softmax(score).data, flat(fb.softmax_y))).toBeLessThan(1e-12);
    const loss = new SoftmaxWithLoss().forward(score, fromRows(fb.t));
    expect(Math.abs(loss - fb.loss)).toBeLessThan(1e-12);
    expect(maxRelDiff([loss], [fb.loss])).toBeLessThan(1e-15);
  });
});
