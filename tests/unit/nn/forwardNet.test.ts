import { describe, expect, it } from 'vitest';
import { ForwardNet, forwardNetExample } from '../../../src/nn/forwardNet';
import { RandomState } from '../../../src/nn/random';
import { mat } from '../../../src/nn/matrix';
import { flat, loadFixture, maxAbsDiff } from '../../fixtures/numpy/load';

const golden = loadFixture('forward_net.json');

describe('forward_net.py after np.random.seed(0) (forward_net.json)', () => {
  const ex = forwardNetExample(new RandomState(0));

  it('draws x = randn(10, 2) before the weights, and the weights and biases unscaled', () => {
    expect(Array.from(ex.x.data)).toEqual(flat(golden.x));
    expect(Array.from(ex.params.W1.data)).toEqual(flat(golden.params.W1));
    expect(Array.from(ex.params.b1)).toEqual(golden.params.b1);
    expect(Array.from(ex.params.W2.data)).toEqual(flat(golden.params.W2));
    expect(Array.from(ex.params.b2)).toEqual(golden.params.b2);
  });

  it('scores within 1e-12', () => {
    expect([ex.scores.rows, ex.scores.cols]).toEqual([10, 3]);
    expect(maxAbsDiff(ex.scores.data, flat(golden.s))).toBeLessThanOrEqual(1e-12);
  });

  it('hidden = sigmoid(preActivation), in (0, 1)', () => {
    ex.hidden.data.forEach((h, i) => {
      expect(h).toBeCloseTo(1 / (1 + Math.exp(-ex.preActivation.data[i])), 15);
      expect(h > 0 && h < 1).toBe(true);
    });
  });
});

describe('ForwardNet', () => {
  it('predict on one row equals the trace’s scores and sees live parameter edits', () => {
    const net = ForwardNet.random(2, 4, 3, new RandomState(1));
    const x = mat(1, 2, [0.5, -1]);
    const before = net.predict(x).data.slice();
    net.params.b2[0] += 1;
    expect(net.predict(x).data[0]).toBeCloseTo(before[0] + 1, 14);
  });

  it('rejects inconsistent shapes', () => {
    expect(() => new ForwardNet({ W1: mat(2, 4), b1: new Float64Array(3), W2: mat(4, 3), b2: new Float64Array(3) })).toThrow();
  });
});
