import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dataSize, labCodec, type LabSettings } from '../../../src/state/labSettings';
import { createSettingsCodec, formatNote, fromSlider, sliderRange, toSlider, type NumberSpec, type Schema } from '../../../src/state/settings';

/** The book's settings, written out by hand (ch01/train_custom_loop.py and ch01/train.py). */
const BOOK: LabSettings = {
  seed: 1984, points: 100, classes: 3, noise: 0.2, hidden: 10, lr: 1, batch: 30, epochs: 300,
  opt: 'sgd', sampling: 'permutation', speed: 10, view: 'class', h: 0.04, eval: 10, maxgrad: 0, data: 'spiral', pts: '',
};
const num = (key: keyof LabSettings) => labCodec.spec(key) as NumberSpec;
/** Three points of two classes: (0, 0) and (1, 1) of class 0, (−1, 0.5) of class 1, as a URL code. */
const DRAWN_CODE = 'AQIAAgABgAgAvovoQYn0'; // bytes 01 02 0002 0001 800800 BE8BE8 4189F4

describe('lab settings schema and URL codec', () => {
  it('an empty query gives the book’s settings and no notes', () => {
    const { settings, notes } = labCodec.parse('');
    expect(settings).toEqual(BOOK);
    expect(labCodec.defaults).toEqual(BOOK);
    expect(notes).toEqual([]);
  });

  it('reads valid values of every kind (an existing shared link keeps working)', () => {
    const { settings, notes } = labCodec.parse('?lr=0.5&hidden=20&opt=adam&sampling=choice&speed=max&noise=0.35&lang=en');
    expect(notes).toEqual([]);
    expect(settings).toEqual({ ...BOOK, lr: 0.5, hidden: 20, opt: 'adam', sampling: 'choice', speed: 'max', noise: 0.35 });
  });

  it('replaces junk, out-of-range and unknown values by defaults and names each key in a note', () => {
    const { settings, notes } = labCodec.parse('?lr=banana&hidden=1000&batch=2.5&opt=sgdx&foo=1&seed=0x10&epochs=');
    expect(settings).toEqual(BOOK);
    expect(notes).toEqual([
      { key: 'lr', raw: 'banana', reason: 'invalid', used: '1' },
      { key: 'hidden', raw: '1000', reason: 'range', used: '10' },
      { key: 'batch', raw: '2.5', reason: 'invalid', used: '30' },
      { key: 'opt', raw: 'sgdx', reason: 'invalid', used: 'sgd' },
      { key: 'foo', raw: '1', reason: 'unknown' },
      { key: 'seed', raw: '0x10', reason: 'invalid', used: '1984' },
      { key: 'epochs', raw: '', reason: 'invalid', used: '300' },
    ]);
    expect(formatNote(notes[1], 'en')).toBe('The URL value “1000” for “hidden” is out of range; using the default 10.');
    expect(formatNote(notes[1], 'ja')).toBe('URL の “hidden” の値 “1000” は範囲外なので、既定値 10 を使います。');
  });

  it('a batch larger than the data is cut to the data size, with a note', () => {
    const { settings, notes } = labCodec.parse('points=10&classes=2&batch=100');
    expect(settings.batch).toBe(20);
    expect(notes).toEqual([{ key: 'batch', raw: '100', reason: 'batch', used: '20' }]);
  });

  it('serialize writes only what differs from the defaults, in schema order', () => {
    expect(labCodec.serialize(BOOK)).toBe('');
    expect(labCodec.serialize({ ...BOOK, opt: 'adam', lr: 0.5, speed: 'max' })).toBe('lr=0.5&opt=adam&speed=max');
    expect(labCodec.serialize({ lr: Number.NaN, opt: 'nope' } as never)).toBe('');
  });

  it('parse(serialize(s)) = s for any valid settings', () => {
    const arb = fc.record(
      Object.fromEntries(
        labCodec.schema.map((spec) => [
          spec.key,
          spec.kind === 'enum'
            ? fc.constantFrom(...spec.options)
            : spec.kind === 'text'
              ? fc.constant('')
              : spec.kind === 'int'
              ? spec.allowMax
                ? fc.oneof(fc.integer({ min: spec.min, max: spec.max }), fc.constant('max'))
                : fc.integer({ min: spec.min, max: spec.max })
              : fc.double({ min: spec.min, max: spec.max, noNaN: true }).map((v) => (v === 0 ? 0 : v)),
        ]),
      ),
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const s = raw as unknown as LabSettings;
        if (s.data === 'drawn') s.pts = DRAWN_CODE;
        if (s.batch > dataSize(s)) s.batch = dataSize(s);
        const back = labCodec.parse(labCodec.serialize(s));
        expect(back.notes).toEqual([]);
        expect(back.settings).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('each setting says what its change does: a new run, a new Trainer.fit comparison, or a redraw', () => {
    expect(labCodec.keysWith('restart')).toEqual(['seed', 'points', 'classes', 'noise', 'hidden', 'lr', 'batch', 'epochs', 'opt', 'sampling', 'data', 'pts']);
    expect(labCodec.keysWith('reevaluate')).toEqual(['eval', 'maxgrad']);
    expect(labCodec.keysWith('redraw')).toEqual(['speed', 'view', 'h']);
    const key = (s: LabSettings) => labCodec.effectKey(s, 'restart');
    expect(key({ ...BOOK, lr: 0.5 })).not.toBe(key(BOOK));
    expect(key({ ...BOOK, speed: 50, view: 'grid', eval: 5 })).toBe(key(BOOK));
  });

  it('labels every setting and every option in both languages, from the schema’s label table', () => {
    expect(labCodec.label('lr', 'en')).toBe('Learning rate');
    expect(labCodec.label('lr', 'ja')).toBe('学習率');
    expect(labCodec.label('opt', 'en', 'rmsprop')).toBe('RMSprop');
    expect(labCodec.label('sampling', 'ja', 'choice')).toBe('choice（前作）');
    for (const spec of labCodec.schema) {
      for (const lang of ['ja', 'en'] as const) {
        expect(labCodec.label(spec.key as keyof LabSettings, lang).length, `${spec.key} ${lang}`).toBeGreaterThan(0);
        // a missing option label would fall back to the option itself
        if (spec.kind === 'enum') for (const o of spec.options) expect(labCodec.label(spec.key as keyof LabSettings, lang, o)).not.toBe(o);
      }
    }
  });

  it('log sliders map the book’s lr 1 to a slider position and back, within the schema’s limits', () => {
    const lr = num('lr');
    expect(toSlider(lr, 1)).toBe(0);
    expect(fromSlider(lr, 0)).toBe(1);
    expect(sliderRange(lr)).toEqual({ min: -3, max: 2, step: 0.05 });
    expect(fromSlider(lr, -3)).toBe(0.001);
    expect(fromSlider(lr, 2)).toBe(100);
    expect(fromSlider(lr, Math.log10(0.5))).toBe(0.5);
    const speed = num('speed');
    expect(sliderRange(speed)).toEqual({ min: 1, max: 101, step: 1 });
    expect(fromSlider(speed, 101)).toBe('max');
    expect(toSlider(speed, 'max')).toBe(101);
  });
});

describe('a URL that repeats keys', () => {
  it('notes each key once however often it repeats, known or unknown', () => {
    const { notes, settings } = labCodec.parse(`?${'x=1&'.repeat(1300)}lr=abc&lr=zzz&lr=0.5`);
    expect(notes).toEqual([
      { key: 'x', raw: '1', reason: 'unknown' },
      { key: 'lr', raw: 'abc', reason: 'invalid', used: '1' },
    ]);
    expect(settings.lr).toBe(1); // the first lr wins, and it was junk
  });
});

describe('two labs on one page', () => {
  const W2V = [
    { key: 'lr', effect: 'restart', kind: 'float', default: 0.001, min: 0.0001, max: 1, step: 0.1, scale: 'log' },
    { key: 'window', effect: 'restart', kind: 'int', default: 1, min: 1, max: 5, step: 1, scale: 'linear' },
  ] as const satisfies Schema;
  const w2v = createSettingsCodec(W2V, { prefix: 'w2v.', labels: { ja: { lr: '学習率', window: 'ウィンドウ' }, en: { lr: 'Learning rate', window: 'Window' } } });

  it('each reads only its own keys from a shared query, and notes only its own unknown keys', () => {
    const q = '?lr=0.5&w2v.lr=0.01&w2v.window=3&w2v.bogus=1&lang=en&junk=2';
    const a = labCodec.parse(q);
    expect(a.settings).toEqual({ ...BOOK, lr: 0.5 });
    expect(a.notes).toEqual([{ key: 'junk', raw: '2', reason: 'unknown' }]);
    const b = w2v.parse(q);
    expect(b.settings).toEqual({ lr: 0.01, window: 3 });
    expect(b.notes).toEqual([{ key: 'w2v.bogus', raw: '1', reason: 'unknown' }]);
  });

  it('each writes its keys under its own prefix', () => {
    expect(w2v.serialize({ lr: 0.01, window: 3 })).toBe('w2v.lr=0.01&w2v.window=3');
    expect(labCodec.owns('w2v.lr')).toBe(false);
    expect(w2v.owns('lr')).toBe(false);
    expect(labCodec.owns('lang') || w2v.owns('lang')).toBe(false);
  });
});
