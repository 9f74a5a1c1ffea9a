import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_SETTINGS, LAB_SCHEMA, formatNote, fromSlider, parseLabSettings, serializeLabSettings, sliderRange, specOf, toSlider,
  type LabSettings, type NumberSpec,
} from '../../../src/state/labSettings';

describe('lab settings schema and URL codec', () => {
  it('an empty query gives the book’s settings and no notes', () => {
    const { settings, notes } = parseLabSettings('');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(notes).toEqual([]);
    expect(settings).toMatchObject({ seed: 1984, hidden: 10, lr: 1, batch: 30, epochs: 300, opt: 'sgd', sampling: 'permutation' });
  });

  it('reads valid values of every kind', () => {
    const { settings, notes } = parseLabSettings('?lr=0.5&hidden=20&opt=adam&sampling=choice&speed=max&noise=0.35&lang=en');
    expect(notes).toEqual([]);
    expect(settings).toMatchObject({ lr: 0.5, hidden: 20, opt: 'adam', sampling: 'choice', speed: 'max', noise: 0.35 });
  });

  it('replaces junk, out-of-range and unknown values by defaults and names each key in a note', () => {
    const { settings, notes } = parseLabSettings('?lr=banana&hidden=1000&batch=2.5&opt=sgdx&foo=1&seed=0x10&epochs=');
    expect(settings.lr).toBe(DEFAULT_SETTINGS.lr);
    expect(settings.hidden).toBe(DEFAULT_SETTINGS.hidden);
    expect(settings.batch).toBe(DEFAULT_SETTINGS.batch);
    expect(settings.opt).toBe('sgd');
    expect(settings.seed).toBe(1984);
    expect(settings.epochs).toBe(300);
    expect(notes.map((n) => [n.key, n.reason])).toEqual([
      ['lr', 'invalid'], ['hidden', 'range'], ['batch', 'invalid'], ['opt', 'invalid'], ['foo', 'unknown'], ['seed', 'invalid'], ['epochs', 'invalid'],
    ]);
    for (const n of notes) {
      expect(formatNote(n, 'ja')).toContain(n.key);
      expect(formatNote(n, 'en')).toContain(n.key);
    }
  });

  it('a batch larger than the data is cut to the data size, with a note', () => {
    const { settings, notes } = parseLabSettings('points=10&classes=2&batch=100');
    expect(settings.batch).toBe(20);
    expect(notes[0]).toMatchObject({ key: 'batch', reason: 'batch', used: '20' });
  });

  it('serialize writes only what differs from the defaults, and parse(serialize(s)) = s', () => {
    expect(serializeLabSettings(DEFAULT_SETTINGS)).toBe('');
    const arb = fc.record(
      Object.fromEntries(
        LAB_SCHEMA.map((spec) => [
          spec.key,
          spec.kind === 'enum'
            ? fc.constantFrom(...spec.options)
            : spec.kind === 'int'
              ? spec.allowMax
                ? fc.oneof(fc.integer({ min: spec.min, max: spec.max }), fc.constant('max'))
                : fc.integer({ min: spec.min, max: spec.max })
              : fc.double({ min: spec.min, max: spec.max, noNaN: true }),
        ]),
      ),
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const s = raw as unknown as LabSettings;
        if (s.batch > s.points * s.classes) s.batch = s.points * s.classes;
        const back = parseLabSettings(serializeLabSettings(s));
        expect(back.notes).toEqual([]);
        expect(back.settings).toEqual({ ...s, noise: s.noise === 0 ? 0 : s.noise, lr: s.lr, h: s.h, maxgrad: s.maxgrad === 0 ? 0 : s.maxgrad });
      }),
      { numRuns: 300 },
    );
  });

  it('parse and serialize never throw, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (q) => {
        const r = parseLabSettings(q);
        for (const spec of LAB_SCHEMA) expect(r.settings[spec.key]).toBeDefined();
        expect(typeof serializeLabSettings(r.settings)).toBe('string');
      }),
      { numRuns: 500 },
    );
    expect(() => serializeLabSettings({ lr: Number.NaN, opt: 'nope' } as never)).not.toThrow();
    expect(serializeLabSettings({ lr: Number.NaN, opt: 'nope' } as never)).toBe('');
  });

  it('log sliders map the book’s lr 1 to a slider position and back, within the schema’s limits', () => {
    const lr = specOf('lr') as NumberSpec;
    expect(fromSlider(lr, toSlider(lr, 1))).toBe(1);
    const { min, max } = sliderRange(lr);
    expect(fromSlider(lr, min)).toBe(0.001);
    expect(fromSlider(lr, max)).toBe(100);
    const speed = specOf('speed') as NumberSpec;
    expect(fromSlider(speed, sliderRange(speed).max)).toBe('max');
    expect(toSlider(speed, 'max')).toBe(sliderRange(speed).max);
  });
});

describe('a URL that repeats keys', () => {
  it('notes each key once however often it repeats, known or unknown', () => {
    const { notes, settings } = parseLabSettings(`?${'x=1&'.repeat(1300)}lr=abc&lr=zzz&lr=0.5`);
    expect(notes.filter((n) => n.key === 'x')).toHaveLength(1);
    expect(notes.filter((n) => n.key === 'lr')).toHaveLength(1);
    expect(notes).toHaveLength(2);
    expect(settings.lr).toBe(DEFAULT_SETTINGS.lr); // the first lr wins, and it was junk
  });
});
