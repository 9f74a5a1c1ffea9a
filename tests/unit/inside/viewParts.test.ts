import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { moveFocus, networkLayout } from '../../../src/widgets/lab/inside/networkLayout';
import { EDGE_LEVELS, edgeLevel, paintUnitMap } from '../../../src/widgets/lab/inside/unitPaint';
import { addPoint, emptySet, pointAt, removePoint, withClasses } from '../../../src/state/pointsEdit';
import { decodePoints, encodePoints } from '../../../src/state/pointsCodec';
import { DRAWN_LIMITS } from '../../../src/state/labSettings';

const C = { neg: [200, 0, 0] as const, mid: [255, 255, 255] as const, pos: [0, 0, 200] as const };

describe('painting a unit map', () => {
  it('σ = 0, 0.5, 1 → vermilion, background, blue; row 0 of the plane is the image’s bottom row', () => {
    const out = new Uint8ClampedArray(2 * 2 * 4);
    paintUnitMap([0, 0.5, 1, 0.75], 0, 2, { kind: 'sigma' }, C, out);
    // image row 0 (top) = plane row 1: values 1, 0.75
    expect(Array.from(out.slice(0, 8))).toEqual([0, 0, 200, 255, 128, 128, 228, 255]);
    expect(Array.from(out.slice(8, 16))).toEqual([200, 0, 0, 255, 255, 255, 255, 255]);
  });
  it('scores are scaled by the shared scale and clipped; probabilities go from background to the class colour', () => {
    const out = new Uint8ClampedArray(4);
    paintUnitMap([-5], 0, 1, { kind: 'score', scale: 2 }, C, out);
    expect(Array.from(out)).toEqual([200, 0, 0, 255]);
    paintUnitMap([0.5], 0, 1, { kind: 'prob', colour: [0, 100, 0] }, C, out);
    expect(Array.from(out)).toEqual([128, 178, 128, 255]);
    paintUnitMap([Number.NaN], 0, 1, { kind: 'sigma' }, C, out);
    expect(Array.from(out)).toEqual([255, 255, 255, 255]);
  });
  it('edges: sign and a width level that grows with |w|', () => {
    expect(edgeLevel(-2, 2)).toEqual({ negative: true, level: EDGE_LEVELS - 1 });
    expect(edgeLevel(0.1, 2)).toEqual({ negative: false, level: 0 });
    expect(edgeLevel(Number.NaN, 2).level).toBe(0);
  });
});

describe('the network layout', () => {
  it.each([
    [390 - 40, 10, 3],
    [420, 100, 3],
    [350, 100, 6],
    [300, 1, 2],
    [300, 100, 6],
    [1000, 37, 4],
  ])('width %i, %i hidden, %i outputs: every map inside, none overlapping, 24 px apart or larger', (width, H, O) => {
    const l = networkLayout(width, H, O);
    expect(l.width).toBeLessThanOrEqual(Math.max(width, 200));
    expect(l.tile).toBeGreaterThanOrEqual(20);
    const boxes = [...l.hidden.map((p) => ({ ...p, s: l.tile })), ...l.outputs.map((p) => ({ ...p, s: l.outTile }))];
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(l.inputSize);
      expect(b.x + b.s).toBeLessThanOrEqual(l.width);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.y + b.s).toBeLessThanOrEqual(l.height);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        const apart = a.x + a.s <= b.x || b.x + b.s <= a.x || a.y + a.s <= b.y || b.y + b.s <= a.y;
        expect(apart).toBe(true);
        // WCAG 2.2 target spacing: centres of small targets at least 24 px apart
        const d = Math.hypot(a.x + a.s / 2 - (b.x + b.s / 2), a.y + a.s / 2 - (b.y + b.s / 2));
        expect(d).toBeGreaterThanOrEqual(24);
      }
    }
  });
  it('ten hidden units stand in one column (a diagram), a hundred in a compact grid', () => {
    expect(networkLayout(400, 10, 3).columns).toBe(1);
    expect(networkLayout(400, 100, 3).columns).toBeGreaterThan(5);
  });
  it('arrow keys move focus by one down/up and by a column sideways, within bounds', () => {
    expect(moveFocus('ArrowDown', 3, 10, 4)).toBe(4);
    expect(moveFocus('ArrowRight', 3, 10, 4)).toBe(7);
    expect(moveFocus('ArrowRight', 7, 10, 4)).toBe(7);
    expect(moveFocus('ArrowUp', 0, 10, 4)).toBe(0);
    expect(moveFocus('End', 0, 10, 4)).toBe(9);
    expect(moveFocus('a', 5, 10, 4)).toBe(5);
  });
});

describe('editing a drawn set', () => {
  it('adds each point at the end of its class, snapped to 0.001, so the URL code round-trips', () => {
    let s = emptySet(3);
    s = addPoint(s, 0.12345, -0.5, 2);
    s = addPoint(s, 0.3, 0.3, 0);
    s = addPoint(s, -1, 1, 1);
    s = addPoint(s, 0.4, 0.4, 0);
    expect(Array.from(s.labels)).toEqual([0, 0, 1, 2]);
    expect(Array.from(s.x.data)).toEqual([0.3, 0.3, 0.4, 0.4, -1, 1, 0.123, -0.5]);
    const back = decodePoints(encodePoints(s, DRAWN_LIMITS), DRAWN_LIMITS);
    expect(Array.from(back.x.data)).toEqual(Array.from(s.x.data));
  });
  it('removes the point under the pointer, and only within the radius', () => {
    let s = addPoint(addPoint(emptySet(2), 0, 0, 0), 1, 1, 1);
    expect(pointAt(s, 0.05, 0, 0.1)).toBe(0);
    expect(pointAt(s, 0.5, 0.5, 0.1)).toBe(-1);
    s = removePoint(s, 0);
    expect(Array.from(s.labels)).toEqual([1]);
    expect(removePoint(s, 5)).toBe(s);
  });
  it('fewer classes drop the points of the classes that go', () => {
    const s = addPoint(addPoint(addPoint(emptySet(3), 0, 0, 0), 1, 1, 2), 0.5, 0.5, 1);
    const t = withClasses(s, 2);
    expect(t.classes).toBe(2);
    expect(Array.from(t.labels)).toEqual([0, 1]);
  });
  it('any sequence of edits keeps the set class by class (fast-check)', () => {
    const op = fc.oneof(
      fc.record({ add: fc.constant(true), x: fc.double({ min: -1.5, max: 1.5, noNaN: true }), y: fc.double({ min: -1.5, max: 1.5, noNaN: true }), c: fc.nat(3) }),
      fc.record({ add: fc.constant(false), i: fc.nat(40) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let s = emptySet(4);
        for (const o of ops) s = 'x' in o ? addPoint(s, o.x, o.y, o.c) : removePoint(s, o.i);
        for (let i = 1; i < s.labels.length; i++) expect(s.labels[i]).toBeGreaterThanOrEqual(s.labels[i - 1]);
        expect(s.x.rows).toBe(s.labels.length);
      }),
    );
  });
});
