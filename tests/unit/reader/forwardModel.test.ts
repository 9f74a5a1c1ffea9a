import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../fixtures/numpy/load';
import { makeForwardExample, parseSeed } from '../../../src/widgets/forward-pass/forwardModel';

describe('forward-pass widget model', () => {
  const ref = loadFixture<{ x: number[][]; s: number[][] }>('forward_net.json');
  it('with seed 0 reproduces forward_net.py: the same minibatch and scores within 1e-12 (forward_net.json)', () => {
    const ex = makeForwardExample(0);
    expect(Array.from(ex.x.data)).toEqual(ref.x.flat());
    const s = ex.net.trace(ex.x).scores;
    const want = ref.s.flat();
    Array.from(s.data).forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-12));
  });
  it('a different seed gives different weights', () => {
    expect(makeForwardExample(1).params.W1.data[0]).not.toBe(makeForwardExample(0).params.W1.data[0]);
  });
  it('accepts seeds NumPy accepts and nothing else', () => {
    expect(parseSeed('1984')).toBe(1984);
    expect(parseSeed('4294967295')).toBe(4294967295);
    expect(parseSeed('4294967296')).toBeUndefined();
    expect(parseSeed('-1')).toBeUndefined();
    expect(parseSeed('1.5')).toBeUndefined();
    expect(parseSeed('')).toBeUndefined();
  });
});
