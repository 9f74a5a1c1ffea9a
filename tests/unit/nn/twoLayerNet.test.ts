import { describe, expect, it } from 'vitest';
import { TwoLayerNet } from '../../../src/nn/twoLayerNet';
import { loadSpiral } from '../../../src/nn/spiral';
import { RandomState } from '../../../src/nn/random';
import { SGD } from '../../../src/nn/optimizers';
import { type Mat, copyRows, gatherRows, mat } from '../../../src/nn/matrix';
import { CustomLoop } from '../../../src/nn/trainer';
import { numericalGradient, relativeError } from '../../../src/nn/gradcheck';
import { flat, loadFixture, maxAbsDiff } from '../../fixtures/numpy/load';

const start = loadFixture('train_custom_loop_start.json');

describe('TwoLayerNet as in train_custom_loop (train_custom_loop_start.json)', () => {
  it('initial W1, b1, W2, b2 continue the data’s stream and equal NumPy’s exactly', () => {
    const { rng } = loadSpiral();
    const net = new TwoLayerNet(2, 10, 3, rng);
    const ip = start.initial_params;
    expect(net.params.map((p) => Array.from(p))).toEqual([flat(ip.W1), ip.b1, flat(ip.W2), ip.b2]);
    expect(net.paramShapes()).toEqual([[2, 10], [10], [10, 3], [3]]);
  });

  it('epoch permutations, grads and params of the first two SGD updates match', () => {
    const { x, t, rng } = loadSpiral();
    const net = new TwoLayerNet(2, 10, 3, rng);
    const idx = rng.permutation(300);
    expect(Array.from(idx)).toEqual(start.perm_idx_epochs_1_2_3[0]);
    const xs = gatherRows(x, idx), ts = gatherRows(t, idx);
    // the golden x came from an SVML build of NumPy (sin/cos within 1 ulp of libm's)
    expect(maxAbsDiff(copyRows(xs, 0, 30).data, flat(start.first_batch.x))).toBeLessThanOrEqual(1e-15);
    expect(Array.from(copyRows(ts, 0, 30).data)).toEqual(flat(start.first_batch.t));
    const opt = new SGD(1.0);
    start.first_two_updates.forEach((ref: { grads: unknown[]; params_after: unknown[] }, it: number) => {
      const loss = net.forward(copyRows(xs, it * 30, 30), copyRows(ts, it * 30, 30));
      if (it === 0) expect(Math.abs(loss - start.first_batch.loss)).toBeLessThan(1e-12);
      net.backward();
      net.grads.forEach((g, i) => {
        const want = flat(ref.grads[i]);
        expect(maxAbsDiff(g, want)).toBeLessThanOrEqual(1e-12 * Math.max(...want.map(Math.abs)));
      });
      opt.update(net.params, net.grads);
      net.params.forEach((p, i) => {
        const want = flat(ref.params_after[i]);
        expect(maxAbsDiff(p, want)).toBeLessThanOrEqual(1e-12 * Math.max(...want.map(Math.abs)));
      });
    });
  });

  it('epochs 2 and 3 draw the next permutations and apply them to the already shuffled arrays', () => {
    const { x, t, rng } = loadSpiral();
    const net = new TwoLayerNet(2, 10, 3, rng);
    // capture the first batch the loop trains on in each epoch
    const firstBatches: number[][] = [];
    let calls = 0;
    const model = {
      params: net.params, grads: net.grads, backward: () => net.backward(),
      forward: (bx: Mat, bt: Mat | Int32Array) => {
        if (calls++ % 10 === 0) firstBatches.push(Array.from(bx.data));
        return net.forward(bx, bt);
      },
    };
    new CustomLoop({ x, t, model, optimizer: new SGD(1.0), rng, maxEpoch: 3, batchSize: 30 }).run();
    let shuffled = x;
    start.perm_idx_epochs_1_2_3.forEach((perm: number[], e: number) => {
      shuffled = gatherRows(shuffled, perm); // x = x[idx], epoch after epoch
      expect(firstBatches[e]).toEqual(Array.from(copyRows(shuffled, 0, 30).data));
    });
    const replay = loadSpiral().rng;
    new TwoLayerNet(2, 10, 3, replay);
    for (const perm of start.perm_idx_epochs_1_2_3) expect(Array.from(replay.permutation(300))).toEqual(perm);
  });

  it('params and grads are the layers’ own arrays (one flat list, shared)', () => {
    const net = new TwoLayerNet(2, 4, 3, new RandomState(0));
    expect(net.params[0]).toBe(net.layers[0].W.data);
    expect(net.grads[2]).toBe(net.layers[2].grads[0]);
    const before = net.grads[0];
    net.forward(mat(2, 2, [1, 2, 3, 4]), new Int32Array([0, 1]));
    net.backward();
    expect(net.grads[0]).toBe(before); // §1.3.4.5: filled in place, never rebound
  });
});

describe('TwoLayerNet gradients', () => {
  it('backward matches finite differences for every parameter', () => {
    const rng = new RandomState(3);
    const net = new TwoLayerNet(2, 5, 3, rng);
    // weights larger than 0.01·randn for a sharper check, small enough that no probability gets near
    // 1e-7 (the loss's 1e-7 is not in the analytic gradient)
    for (const p of net.params) p.set(rng.randn(p.length).map((v) => 0.5 * v));
    const x = mat(7, 2, rng.randn(14));
    const t = new Int32Array([0, 1, 2, 2, 1, 0, 1]);
    net.forward(x, t);
    net.backward();
    const analytic = net.grads.map((g) => g.slice());
    net.params.forEach((p, i) => {
      expect(relativeError(analytic[i], numericalGradient(() => net.forward(x, t), p))).toBeLessThan(1e-6);
    });
  });
});

describe('TwoLayerNet helpers', () => {
  const net = new TwoLayerNet(fromParams());
  function fromParams() {
    const rng = new RandomState(9);
    return { W1: mat(2, 6, rng.randn(12)), b1: rng.randn(6), W2: mat(6, 3, rng.randn(18)), b2: rng.randn(3) };
  }

  it('predict returns a new matrix each call; predictClass agrees with its argmax', () => {
    const rng = new RandomState(1);
    const x = mat(50, 2, rng.randn(100));
    const s = net.predict(x);
    expect(net.predict(x)).not.toBe(s);
    for (let i = 0; i < 50; i++) {
      const row = Array.from(s.data.subarray(i * 3, i * 3 + 3));
      expect(net.predictClass(x.data[2 * i], x.data[2 * i + 1])).toBe(row.indexOf(Math.max(...row)));
    }
  });

  it('accuracy is the fraction of rows whose argmax equals the label', () => {
    const rng = new RandomState(2);
    const x = mat(40, 2, rng.randn(80));
    const labels = new Int32Array(40);
    for (let i = 0; i < 40; i++) labels[i] = net.predictClass(x.data[2 * i], x.data[2 * i + 1]);
    expect(net.accuracy(x, labels)).toBe(1);
    labels[0] = (labels[0] + 1) % 3;
    expect(net.accuracy(x, labels)).toBe(39 / 40);
  });

  it('rejects bad sizes and inconsistent parameters', () => {
    expect(() => new TwoLayerNet(2, 0, 3, new RandomState(0))).toThrow(/hidden size/);
    expect(() => new TwoLayerNet({ W1: mat(2, 3), b1: new Float64Array(2), W2: mat(3, 3), b2: new Float64Array(3) })).toThrow(/inconsistent/);
  });
});
