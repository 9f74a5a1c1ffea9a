import { describe, expect, it } from 'vitest';
import { alignAxes, makeOperand } from '../../../src/widgets/broadcasting/broadcastModel';
import { describeFlat, describeLayers } from '../../../src/widgets/layers-as-classes/modelView';
import { formatShape } from '../../../src/nn/ndarray';
import { curvePath, fromSvgX, sigmoidAt, toSvgX } from '../../../src/widgets/sigmoid/sigmoidPlot';
import { RandomState } from '../../../src/nn/random';
import { TwoLayerNet } from '../../../src/nn/twoLayerNet';

describe('broadcasting explorer model', () => {
  it('lines (2, 3) and (3,) up at the right: axis -2 adds the axis to B, axis -1 matches', () => {
    expect(alignAxes([2, 3], [3])).toEqual([
      { axis: -2, a: 2, b: undefined, out: 2, stretched: 'b' },
      { axis: -1, a: 3, b: 3, out: 3, stretched: 'none' },
    ]);
  });
  it('marks the clashing axis of (2, 3) and (2,)', () => {
    const rows = alignAxes([2, 3], [2]);
    expect(rows[1]).toMatchObject({ axis: -1, out: undefined });
  });
  it('fills an operand without values, and uses typed values that fit the shape', () => {
    const auto = makeOperand('(2,)', '', 10, 10);
    expect(auto.ok && Array.from(auto.value.array!.data)).toEqual([10, 20]);
    const typed = makeOperand('(2, 2)', '[[1, 2], [3, 4]]', 1, 1);
    expect(typed.ok && Array.from(typed.value.array!.data)).toEqual([1, 2, 3, 4]);
  });
  it('reports values whose shape differs from the typed shape', () => {
    expect(makeOperand('(3,)', '[1, 2]', 1, 1)).toMatchObject({ ok: false, code: 'values-shape', field: 'values' });
  });
  it('keeps the shape of an operand too big to draw (4 axes, or more than 6 on an axis) without filling it', () => {
    expect(makeOperand('(8, 1, 6, 1)', '', 1, 1)).toEqual({ ok: true, value: { shape: [8, 1, 6, 1], array: undefined } });
    expect(makeOperand('(7,)', '', 1, 1)).toEqual({ ok: true, value: { shape: [7], array: undefined } });
    expect(makeOperand('(1000000, 1000000)', '', 1, 1)).toEqual({ ok: true, value: { shape: [1000000, 1000000], array: undefined } });
  });
  it('refuses more axes than NumPy allows', () => {
    expect(makeOperand(`(${Array(33).fill(1).join(',')})`, '', 1, 1)).toMatchObject({ ok: false, code: 'too-deep', field: 'shape' });
  });
});

describe('layers-as-classes model view', () => {
  const net = new TwoLayerNet(2, 5, 3, new RandomState(1984));
  it('lists Affine, Sigmoid, Affine with the shapes of the arrays they compute with', () => {
    expect(describeLayers(net).map((l) => [l.kind, l.shapes])).toEqual([
      ['Affine', [[2, 5], [5]]],
      ['Sigmoid', []],
      ['Affine', [[5, 3], [3]]],
    ]);
  });
  it('finds each layer’s arrays in the flat params list by identity', () => {
    expect(describeLayers(net).map((l) => l.flatIndex)).toEqual([[0, 1], [], [2, 3]]);
  });
  it('names the flat list W1, b1, W2, b2 with NumPy-printed shapes', () => {
    expect(describeFlat(net).map((p) => `${p.name} ${formatShape(p.shape)}`)).toEqual(['W1 (2, 5)', 'b1 (5,)', 'W2 (5, 3)', 'b2 (3,)']);
  });
});

describe('sigmoid plot', () => {
  it('σ(0) is 0.5 and the curve passes through (0, 0.5) at the middle of the plot area', () => {
    expect(sigmoidAt(0)).toBe(0.5);
    // the 420 × 220 view with margins left 36, right 12, top 12, bottom 28: x = 0 sits at
    // 36 + (420 − 36 − 12) / 2 = 222 and y = 0.5 at 12 + (220 − 12 − 28) / 2 = 102
    expect(curvePath(3).split(' ')[1]).toBe('L222.00,102.00');
  });
  it('maps screen x back to the value, clamped and rounded to the step', () => {
    expect(fromSvgX(toSvgX(1.23))).toBeCloseTo(1.2, 10);
    expect(fromSvgX(-1000)).toBe(-8);
    expect(fromSvgX(1e6)).toBe(8);
  });
});
