import { describe, expect, it } from 'vitest';
import { toRows } from '../../../src/nn/matrix';
import { fmt, formatArray, parseArray } from '../../../src/widgets/graph-nodes/parseArray';

describe('parseArray', () => {
  it('reads numbers, rows and matrices', () => {
    const n = parseArray(' 3.5 ');
    expect(n.ok && toRows(n.value)).toEqual([[3.5]]);
    const r = parseArray('[1, 2, 3]');
    expect(r.ok && toRows(r.value)).toEqual([[1, 2, 3]]);
    const s = parseArray('1 2 -3');
    expect(s.ok && toRows(s.value)).toEqual([[1, 2, -3]]);
    const m = parseArray('[[1,2],[3,4],]');
    expect(m.ok && toRows(m.value)).toEqual([[1, 2], [3, 4]]);
  });

  it('names what is wrong instead of throwing', () => {
    expect(parseArray('')).toEqual({ ok: false, error: 'empty' });
    expect(parseArray('[[1,2],[3]]')).toEqual({ ok: false, error: 'ragged' });
    expect(parseArray('[1, "a"]')).toEqual({ ok: false, error: 'syntax' });
    expect(parseArray('1 two')).toEqual({ ok: false, error: 'syntax' });
    expect(parseArray('[[' )).toEqual({ ok: false, error: 'syntax' });
    expect(parseArray(JSON.stringify([Array(65).fill(1)]))).toEqual({ ok: false, error: 'tooBig' });
  });

  it('formats back into text it can read again', () => {
    const m = parseArray('[[1, 0.5], [-2, 3]]');
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(formatArray(m.value)).toBe('[[1, 0.5], [-2, 3]]');
    const again = parseArray(formatArray(m.value));
    expect(again.ok && toRows(again.value)).toEqual(toRows(m.value));
    expect(fmt(1 / 3)).toBe('0.3333');
    expect(fmt(1.5e-9)).toBe('1.5e-9');
  });
});
