import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PointsError,
  canonical,
  decodePoints,
  encodePoints,
  pointsFromJson,
  pointsProblem,
  pointsToJson,
  snap,
} from '../../../src/state/pointsCodec';
import { mat } from '../../../src/nn/matrix';
import { DRAWN_LIMITS as L } from '../../../src/state/labSettings';
import type { PointSet } from '../../../src/nn/datasets';
import { classicSet } from '../../../src/nn/datasets';
import { fuzz } from '../fuzz/harness';

/** A usable set: 2–6 classes, each with at least one point, coordinates on the 0.001 grid. */
const pointSet = (maxPoints = 300): fc.Arbitrary<PointSet> =>
  fc.integer({ min: 2, max: 6 }).chain((C) =>
    fc
      .array(fc.tuple(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -2000, max: 2000 }), fc.nat(C - 1)), { minLength: C, maxLength: maxPoints })
      .map((pts) => {
        pts.forEach((p, i) => { if (i < C) p[2] = i; }); // every class gets a point
        const x = mat(pts.length, 2, pts.flatMap((p) => [p[0] / 1000, p[1] / 1000]));
        return canonical({ x, labels: Int32Array.from(pts.map((p) => p[2])), classes: C });
      }),
  );

const same = (a: PointSet, b: PointSet) => {
  expect(b.classes).toBe(a.classes);
  expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
  expect(Array.from(b.x.data)).toEqual(Array.from(a.x.data));
};

describe('the URL code of a point set', () => {
  it('a hand example: 2 classes, 2 points → header and 4 characters per point', () => {
    const s: PointSet = { x: mat(2, 2, [0, 0, -2, 2]), labels: Int32Array.from([0, 1]), classes: 2 };
    // bytes 01 02 | 00 01 00 01 | 80 08 00 (q = 2048, 2048) | 03 0F D0 (q = 48, 4048)
    const code = encodePoints(s, L);
    expect(code).toBe('AQIAAQABgAgAAw_Q');
    same(s, decodePoints(code, L));
  });

  it('round trip: decode(encode(s)) = s for any usable set (fast-check)', () => {
    fc.assert(fc.property(pointSet(), (s) => same(s, decodePoints(encodePoints(s, L), L))), { numRuns: 300 });
  });

  it('keeps points class by class and snaps coordinates to 0.001', () => {
    const s: PointSet = { x: mat(3, 2, [0.12345, 0.5, -0.0004, 1, 0.3, 0.3]), labels: Int32Array.from([1, 0, 1]), classes: 2 };
    const back = decodePoints(encodePoints(s, L), L);
    expect(Array.from(back.labels)).toEqual([0, 1, 1]);
    expect(Array.from(back.x.data)).toEqual([0, 1, 0.123, 0.5, 0.3, 0.3]);
    expect(Object.is(snap(-0.0004), -0)).toBe(false);
  });

  it('a classic set of 200 points fits a link; 2,000 points do not', () => {
    expect(encodePoints(classicSet('moons'), L).length).toBeLessThan(L.maxUrlChars);
    const big: PointSet = { x: mat(2000, 2, Array.from({ length: 4000 }, (_, i) => ((i * 37) % 3000) / 1000 - 1.5)), labels: Int32Array.from({ length: 2000 }, (_, i) => i % 3), classes: 3 };
    expect(encodePoints(big, L).length).toBeGreaterThan(L.maxUrlChars);
    same(canonical(big), decodePoints(encodePoints(big, L), L));
  });

  it.each([
    ['', 'syntax'],
    ['AQ*A', 'syntax'],
    ['A', 'syntax'],
    ['Ag', 'length'], // a single byte: no class count
    ['AgIAAQABgAgAAw_Q', 'version'],
    ['AQcAAQABgAgAAw_Q', 'classes'],
    ['AQIAAQABgAgAAw', 'length'],
    ['AQIAAQABgAgAAw_QAA', 'length'],
    ['AQIAAgAAgAgAAw_Q', 'empty-class'],
    ['AQIAAQABgAgA__-_', 'range'],
  ])('a malformed code %j says why (%s)', (code, reason) => {
    try {
      decodePoints(code, L);
      throw new Error('decoded');
    } catch (e) {
      expect(e).toBeInstanceOf(PointsError);
      expect((e as PointsError).reason).toBe(reason);
    }
  });

  it('refuses to encode a set that breaks a limit', () => {
    const one: PointSet = { x: mat(1, 2, [0, 0]), labels: Int32Array.from([0]), classes: 1 };
    expect(() => encodePoints(one, L)).toThrow(PointsError);
    expect(pointsProblem({ x: mat(2, 2, [0, 0, 0, 0]), labels: Int32Array.from([0, 0]), classes: 2 }, L)?.reason).toBe('empty-class');
    expect(pointsProblem({ x: mat(2, 2, [0, 3, 0, 0]), labels: Int32Array.from([0, 1]), classes: 2 }, L)?.reason).toBe('range');
  });

  it('fuzz: any text decodes to a usable set or fails with a PointsError, fast', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 400 }),
      fc.string({ maxLength: 200 }),
      pointSet(50).chain((s) => fc.tuple(fc.constant(encodePoints(s, L)), fc.nat(1000), fc.nat(63))).map(([c, i, v]) => {
        const k = i % c.length; // one character changed
        return c.slice(0, k) + 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[v] + c.slice(k + 1);
      }),
    );
    const tally = fuzz(
      'decodePoints',
      text,
      (t) => {
        try {
          return decodePoints(t, L);
        } catch (e) {
          if (e instanceof PointsError) return e;
          throw e;
        }
      },
      (r) => {
        if (r instanceof PointsError) return `error:${r.reason}`;
        expect(pointsProblem(r, L)).toBeNull();
        return 'ok';
      },
      2000,
    );
    expect(tally.outcomes.get('ok') ?? 0).toBeGreaterThan(0);
  });
});

describe('the JSON file of a point set', () => {
  it('round trip: pointsFromJson(pointsToJson(s)) = s', () => {
    fc.assert(fc.property(pointSet(100), (s) => same(s, pointsFromJson(pointsToJson(s), L))), { numRuns: 100 });
  });
  it('one point per line, with format, version and classes', () => {
    const text = pointsToJson({ x: mat(2, 2, [0.5, -0.25, 1, 1]), labels: Int32Array.from([0, 1]), classes: 2 });
    expect(JSON.parse(text)).toEqual({ format: 'dlfs2-points', version: 1, classes: 2, points: [[0.5, -0.25, 0], [1, 1, 1]] });
    expect(text.split('\n')).toHaveLength(5);
  });
  it.each([
    ['not json', 'syntax'],
    ['{"format":"other"}', 'syntax'],
    ['{"format":"dlfs2-points","version":2,"classes":2,"points":[]}', 'version'],
    ['{"format":"dlfs2-points","version":1,"classes":9,"points":[]}', 'classes'],
    ['{"format":"dlfs2-points","version":1,"classes":2,"points":[[0,0,0]]}', 'empty-class'],
    ['{"format":"dlfs2-points","version":1,"classes":2,"points":[[0,0,0],[5,0,1]]}', 'range'],
    ['{"format":"dlfs2-points","version":1,"classes":2,"points":[[0,0,0],[0,0,2]]}', 'classes'],
    ['{"format":"dlfs2-points","version":1,"classes":2,"points":[[0,0]]}', 'syntax'],
    ['{"format":"dlfs2-points","version":1,"classes":2,"points":[]}', 'no-points'],
  ])('a bad file %j says why (%s)', (text, reason) => {
    expect(() => pointsFromJson(text, L)).toThrow(PointsError);
    try {
      pointsFromJson(text, L);
    } catch (e) {
      expect((e as PointsError).reason).toBe(reason);
    }
  });
  it('more than the limit of points is refused', () => {
    const pts = Array.from({ length: L.maxPoints + 1 }, (_, i) => [0, 0, i % 2]);
    expect(() => pointsFromJson(JSON.stringify({ format: 'dlfs2-points', version: 1, classes: 2, points: pts }), L)).toThrow(/points/);
  });
});
