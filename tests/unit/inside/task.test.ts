import { describe, expect, it } from 'vitest';
import { createRun } from '../../../src/lab/createRun';
import { trainToEnd } from '../../../src/lab/engine';
import type { RunSettings } from '../../../src/lab/protocol';
import { transferablesOf } from '../../../src/lab/protocol';
import { UNIT_MAP_CELLS } from '../../../src/lab/inside';
import { classicSet } from '../../../src/nn/datasets';
import { RandomState } from '../../../src/nn/random';
import { TwoLayerNet } from '../../../src/nn/twoLayerNet';
import { unitMaps } from '../../../src/nn/unitMaps';

const TRAIN: RunSettings['train'] = { runner: 'loop', lr: 1, batch: 30, epochs: 20, opt: 'sgd', sampling: 'permutation', evalInterval: 10, maxGrad: 0 };
const moons = classicSet('moons');
const POINTS: RunSettings = {
  seed: 7,
  data: { kind: 'points', x: Array.from(moons.x.data), labels: Array.from(moons.labels), classes: moons.classes },
  model: { kind: 'twoLayerNet', hidden: 6 },
  train: TRAIN,
};

describe('the lab on given points (the reader’s own or a classic set)', () => {
  it('trains on exactly those points, with weights drawn from a freshly seeded generator', () => {
    const run = createRun(POINTS);
    expect(Array.from(run.data.x.data)).toEqual(Array.from(moons.x.data));
    expect(Array.from(run.data.labels)).toEqual(Array.from(moons.labels));
    // nothing was drawn for the data: the weights are TwoLayerNet(2, 6, 2) right after seed(7)
    const fresh = new TwoLayerNet(2, 6, 2, new RandomState(7));
    run.model.params.forEach((p, i) => expect(Array.from(p)).toEqual(Array.from(fresh.params[i])));
    const r = trainToEnd(run);
    expect(r.status).toBe('done');
    expect(r.iters).toBe(20 * Math.floor(200 / 30));
  });

  it('refuses points whose labels are not classes of the set', () => {
    expect(() => createRun({ ...POINTS, data: { kind: 'points', x: [0, 0, 1, 1], labels: [0, 2], classes: 2 } })).toThrow(/label/);
    expect(() => createRun({ ...POINTS, data: { kind: 'points', x: [0, 0, 1], labels: [0, 1], classes: 2 } })).toThrow(/coordinates/);
  });
});

describe('the classify2d task reports per-class results and, on request, the inside of the net', () => {
  const run = createRun(POINTS);
  trainToEnd(run);

  it('the confusion matrix sums to the data size, its rows to the class sizes, its diagonal to the accuracy', () => {
    const ev = run.evaluate();
    const C = 2, m = ev.confusion!;
    expect(m.reduce((a, b) => a + b, 0)).toBe(200);
    expect(m[0] + m[1]).toBe(100);
    expect(m[2] + m[3]).toBe(100);
    expect(ev.accuracy).toBe((m[0] + m[C + 1]) / 200);
    expect(ev.accuracy).toBe((run.model as TwoLayerNet).accuracy(run.data.x, run.data.labels));
  });

  it('a picture with inside carries every unit’s map (equal to unitMaps of the weights) and the hidden space', () => {
    const g = run.picture({ cells: 20, confidence: false, inside: true }, 1, false);
    const f = g.inside!;
    expect(f.maps.hiddenUnits).toBe(6);
    expect(f.maps.outputUnits).toBe(2);
    expect(f.maps.size).toBe(UNIT_MAP_CELLS);
    const want = unitMaps((run.model as TwoLayerNet).named, { ...run.data.bounds, size: UNIT_MAP_CELLS });
    expect(Array.from(f.maps.hidden)).toEqual(Array.from(want.hidden));
    expect(f.space.mode).toBe('pca');
    expect(f.space.points.length).toBe(2 * 200);
    expect(f.space.kept).toBeGreaterThan(0);
    expect(f.space.kept).toBeLessThanOrEqual(1);
    // everything large travels as its own transferable buffer
    const buffers = transferablesOf(g);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers.length).toBe(1 + 3 + 4 + 2);
    expect(run.picture({ cells: 20, confidence: false }, 1, false).inside).toBeUndefined();
  });

  it('with 2 hidden units the hidden space is drawn directly, with the output layer’s class map', () => {
    const r2 = createRun({ ...POINTS, model: { kind: 'twoLayerNet', hidden: 2 } });
    const f = r2.picture({ cells: 10, confidence: false, inside: true }, 1, false).inside!;
    expect(f.space.mode).toBe('direct');
    expect(f.space.dims).toBe(2);
    expect(f.space.classMap).toBeDefined();
    for (const v of f.space.points) expect(v > 0 && v < 1).toBe(true);
  });
});
