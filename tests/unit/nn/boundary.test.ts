import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { arange, classCounts, classGrid, gridFromBounds, gridSpec } from '../../../src/nn/boundary';
import { loadSpiral } from '../../../src/nn/spiral';
import { TwoLayerNet, type TwoLayerParams } from '../../../src/nn/twoLayerNet';
import { mat } from '../../../src/nn/matrix';
import { RandomState } from '../../../src/nn/random';
import { loadFixture, paramsOf } from '../../fixtures/numpy/load';

const grid = loadFixture('grid.json');
const book = loadFixture('cli_custom_book.json').expected;

const sha = (a: Uint8Array | Float64Array) =>
  createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex');


describe('arange and the meshgrid (grid.json)', () => {
  interface Case { lo: number; hi: number; h: number; len: number; head: number[]; tail: number[]; sha256: string }
  it.each(grid.cases as Case[])('arange($lo, $hi, $h) equals np.arange bit for bit', (c) => {
    const a = arange(c.lo, c.hi, c.h);
    expect(a.length).toBe(c.len);
    expect(Array.from(a.slice(0, 3))).toEqual(c.head);
    if (c.len > 0) expect(Array.from(a.slice(-3))).toEqual(c.tail);
    expect(sha(a)).toBe(c.sha256);
  });

  it('the book’s data and h = 0.001 give a 2047 × 2112 grid with NumPy’s bounds', () => {
    const spec = gridSpec(loadSpiral().x, 0.001);
    expect([spec.rows, spec.cols]).toEqual(grid.meshgrid_shape);
    expect([spec.xMin, spec.xMax, spec.yMin, spec.yMax]).toEqual(grid.bounds);
    expect(Array.from(spec.xs.slice(0, 3))).toEqual(grid.xx_row0_head);
    expect(Array.from(spec.ys.slice(0, 3))).toEqual(grid.yy_col0_head);
    expect(spec.ys[spec.rows - 1]).toBe(grid.yy_last_row);
    expect(spec.rows * spec.cols).toBe(4_323_264);
  });

  it('rejects a zero or non-finite step', () => {
    expect(() => arange(0, 1, 0)).toThrow();
    expect(() => arange(0, Infinity, 0.1)).toThrow();
  });
});

describe('classGrid', () => {
  it('on the book’s trained model at h = 0.001 equals NumPy’s grid (cli_custom_book.json: counts and sha256)', () => {
    const spec = gridSpec(loadSpiral().x, 0.001);
    const classes = classGrid(paramsOf(book.final_params), spec);
    expect(classCounts(classes, 3)).toEqual(book.boundary.class_counts);
    expect(sha(classes)).toBe(book.boundary.sha256);
  });

  it('row r is y = ys[r] and column c is x = xs[c] (meshgrid orientation), first index on ties', () => {
    // class 1 wins when x > 0 (column-dependent), class 2 never; equal scores give class 0
    const p: TwoLayerParams = {
      W1: mat(2, 1, [50, 0]), b1: new Float64Array(1),
      W2: mat(1, 3, [0, 1, 0]), b2: new Float64Array([0.5, 0, 0.5]),
    };
    const spec = gridFromBounds(-1, 1, -3, 3, 0.5);
    const classes = classGrid(p, spec);
    for (let r = 0; r < spec.rows; r++) {
      for (let c = 0; c < spec.cols; c++) {
        const h = 1 / (1 + Math.exp(-50 * spec.xs[c]));
        expect(classes[r * spec.cols + c]).toBe(h > 0.5 ? 1 : 0);
      }
    }
  });

  // [name, model, grid step, kernel the fast path must pick]
  const models: [string, () => TwoLayerParams, number, 'stepped' | 'auto'][] = [
    ['the book’s trained model', () => paramsOf(book.final_params), 0.004, 'stepped'],
    ['the Adam-trained model', () => paramsOf(loadFixture('cli_custom_adam.json').expected.final_params), 0.004, 'stepped'],
    ['random weights, 10 hidden, 3 classes', () => randomParams(1, 10, 3, 3), 0.004, 'stepped'],
    ['large weights, 50 hidden, 4 classes', () => randomParams(2, 50, 4, 20), 0.01, 'stepped'],
    ['1 hidden unit, 2 classes', () => randomParams(3, 1, 2, 5), 0.004, 'stepped'],
    ['100 hidden, 6 classes', () => randomParams(4, 100, 6, 2), 0.01, 'stepped'],
    ['exact ties everywhere (two equal columns)', () => {
      const p = randomParams(5, 8, 3, 3);
      for (let j = 0; j < 8; j++) p.W2.data[j * 3 + 2] = p.W2.data[j * 3 + 1];
      p.b2[2] = p.b2[1];
      return p;
    }, 0.004, 'stepped'],
    ['weights too large for stepping (falls back to direct)', () => randomParams(6, 10, 3, 800), 0.004, 'auto'],
  ];

  it.each(models)('fast (stepped) kernel equals the direct computation: %s', (_, make, h, kernel) => {
    const p = make();
    const spec = gridFromBounds(-1.3, 1.25, -1.2, 1.3, h);
    const n = spec.rows * spec.cols;
    const fastConf = new Float32Array(n), directConf = new Float32Array(n);
    if (kernel === 'auto') expect(() => classGrid(p, spec, undefined, undefined, 'stepped')).toThrow(/too large/);
    const fast = classGrid(p, spec, undefined, fastConf, kernel);
    const direct = classGrid(p, spec, undefined, directConf, 'direct');
    expect(sha(fast)).toBe(sha(direct));
    for (let i = 0; i < n; i += 97) expect(Math.abs(fastConf[i] - directConf[i])).toBeLessThanOrEqual(1e-6);
  });

  it('confidence is the top softmax probability, between 1/classes and 1', () => {
    const p = randomParams(7, 10, 3, 3);
    const spec = gridFromBounds(-1, 1, -1, 1, 0.05);
    const conf = new Float32Array(spec.rows * spec.cols);
    classGrid(p, spec, undefined, conf);
    conf.forEach((v) => expect(v >= 1 / 3 - 1e-7 && v <= 1).toBe(true));
  });

  it('accepts a TwoLayerNet, reuses out, and checks sizes', () => {
    const net = new TwoLayerNet(2, 4, 3, new RandomState(0));
    const spec = gridFromBounds(0, 1, 0, 1, 0.25);
    const out = new Uint8Array(16);
    expect(classGrid(net, spec, out)).toBe(out);
    expect(() => classGrid(net, spec, new Uint8Array(3))).toThrow(/cells/);
  });
});

function randomParams(seed: number, H: number, O: number, scale: number): TwoLayerParams {
  const r = new RandomState(seed);
  const s = (a: Float64Array) => a.map((v) => v * scale);
  return { W1: mat(2, H, s(r.randn(2 * H))), b1: s(r.randn(H)), W2: mat(H, O, s(r.randn(H * O))), b2: s(r.randn(O)) };
}
