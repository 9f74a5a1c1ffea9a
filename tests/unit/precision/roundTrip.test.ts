import { describe, expect, it } from 'vitest';
import { loadSpiral } from '../../../src/nn/spiral';
import { TwoLayerNet } from '../../../src/nn/twoLayerNet';
import { toFloat16 } from '../../../src/nn/float16';
import { roundTrip, fileSizes } from '../../../src/widgets/precision-lab/roundTrip';
import type { ParamsPayload } from '../../../src/lab/protocol';

/** An untrained net with weights blown up so its classes depend on them (a stand-in for training). */
function someModel(scale: number): { p: ParamsPayload; data: ReturnType<typeof loadSpiral> } {
  const data = loadSpiral({ seed: 1984 });
  const net = new TwoLayerNet(2, 10, 3, data.rng);
  for (const a of net.params) for (let i = 0; i < a.length; i++) a[i] = a[i] * scale + 0.01 * Math.sin(i);
  return { p: { params: net.params.map((a) => a.slice()), shapes: net.paramShapes() }, data };
}

describe('float16 round trip of a model (save_params → load_params)', () => {
  it('leaves every weight at its float16 value and reports the largest change', () => {
    const { p, data } = someModel(300);
    const r = roundTrip(p, data);
    r.reloaded.params.forEach((a, k) => a.forEach((v, i) => expect(v).toBe(toFloat16(p.params[k][i]))));
    let max = 0;
    p.params.forEach((a, k) => a.forEach((v, i) => (max = Math.max(max, Math.abs(v - r.reloaded.params[k][i])))));
    expect(r.maxChange.value).toBe(max);
    expect(r.maxChange.value).toBeGreaterThan(0);
    // relative error of float16 is at most 2^-11
    expect(Math.abs(p.params[['W1', 'b1', 'W2', 'b2'].indexOf(r.maxChange.name)][r.maxChange.index]) * 2 ** -11).toBeGreaterThanOrEqual(r.maxChange.value);
  });

  it('scores both models on the data and lists exactly the points whose class changed', () => {
    const { p, data } = someModel(300);
    const r = roundTrip(p, data);
    expect(r.before.accuracy).toBeGreaterThan(0);
    expect(Math.abs(r.after.loss - r.before.loss)).toBeLessThan(0.05);
    const changed = Array.from(r.before.predicted.keys()).filter((i) => r.before.predicted[i] !== r.after.predicted[i]);
    expect(r.changed).toEqual(changed);
  });

  it('makes the float16 file about a quarter of float64 and half of float32 (plus headers)', () => {
    const { p } = someModel(1);
    const s = fileSizes(p);
    expect(s.float16).toBeLessThan(s.float32);
    expect(s.float32).toBeLessThan(s.float64);
    // 63 weights: payloads 126, 252, 504 bytes; each .npy header is 128 bytes and zip adds ~100 per entry
    expect(s.float32 - s.float16).toBe(63 * 2);
    expect(s.float64 - s.float32).toBe(63 * 4);
  });
});
