import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataSize, labCodec, type LabSettings } from '../../../src/state/labSettings';
import { APP_KEYS, formatNote } from '../../../src/state/settings';
import { anyText, fuzz, must, nasty } from './harness';

const LAB_SCHEMA = labCodec.schema;
const DEFAULT_SETTINGS = labCodec.defaults;
const parseLabSettings = (q: string) => labCodec.parse(q);
const serializeLabSettings = (s: Partial<LabSettings>) => labCodec.serialize(s);
const KEYS = LAB_SCHEMA.map((s) => s.key as string);
const REASONS = new Set(['unknown', 'invalid', 'range', 'batch', 'data']);

/** Throws unless every value obeys the schema (type, range, integer, option) and batch fits. */
function assertValid(s: LabSettings): void {
  must(Object.keys(s).length === KEYS.length && KEYS.every((k) => Object.hasOwn(s, k)), 'exactly the schema keys');
  for (const spec of LAB_SCHEMA) {
    const v = (s as unknown as Record<string, unknown>)[spec.key];
    if (spec.kind === 'enum') {
      must((spec.options as readonly string[]).includes(v as string), `${spec.key} is one of its options, got ${String(v)}`);
    } else if (spec.kind === 'text') {
      must(typeof v === 'string' && (v === '' || spec.check(v) === undefined), `${spec.key} is empty or usable`);
    } else if (!(spec.allowMax && v === 'max')) {
      must(typeof v === 'number' && Number.isFinite(v), `${spec.key} is a finite number, got ${String(v)}`);
      must(v >= spec.min && v <= spec.max, `${spec.key} = ${v} within [${spec.min}, ${spec.max}]`);
      if (spec.kind === 'int') must(Number.isInteger(v), `${spec.key} = ${v} is an integer`);
    }
  }
  must(s.data !== 'drawn' || s.pts !== '', 'drawn data has its points');
  must(s.batch <= dataSize(s), 'batch fits the data');
}

const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: fc.constantFrom(...APP_KEYS, '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'LR', 'lr ', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);
const value = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: fc.double().map(String) },
  { weight: 2, arbitrary: fc.integer({ min: -20000, max: 20000 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('sgd', 'adam', 'momentum', 'permutation', 'choice', 'class', 'grid', 'max') },
  { weight: 1, arbitrary: anyText },
);
/** A value the schema accepts for one key (so queries also carry real, non-default settings). */
const validPair = fc.constantFrom(...LAB_SCHEMA).chain((spec) =>
  (spec.kind === 'enum'
    ? fc.constantFrom(...spec.options)
    : spec.kind === 'text'
      ? fc.constantFrom('AQIAAgABgAgAvovoQYn0', 'AQIAAQABgAgAAw_Q', 'AQIAAgABgAgAvovo')
      : spec.kind === 'int'
      ? fc.integer({ min: spec.min, max: spec.max }).map(String)
      : fc.double({ min: spec.min, max: spec.max, noNaN: true }).map(String)
  ).map((v) => [spec.key as string, v] as const),
);
/** encodeURIComponent that also copes with lone surrogates (a browser sends them as U+FFFD). */
const enc = (t: string) => encodeURIComponent(t.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
/** A query string as a browser hands it over: encoded pairs, sometimes raw, repeated keys, junk. */
const query = fc.oneof(
  { weight: 3, arbitrary: fc.array(validPair, { maxLength: 16 }).map((pairs) => '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&')) },
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.tuple(key, value), validPair), { maxLength: 24 }).map((pairs) => '?' + pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&')) },
  { weight: 1, arbitrary: fc.array(fc.tuple(key, value), { maxLength: 12 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')) },
  { weight: 1, arbitrary: anyText },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('&', '=', '?', '#', '%', '+', 'lr', 'seed', '1', 'x'), { maxLength: 40 }).map((a) => a.join('')) },
);

describe('URL lab settings never crash the lab', () => {
  it('any query gives valid settings and readable notes, and never throws', () => {
    fuzz(
      'parseLabSettings',
      query,
      (q) => parseLabSettings(q),
      ({ settings, notes }) => {
        assertValid(settings);
        for (const n of notes) {
          must(REASONS.has(n.reason), `known reason ${n.reason}`);
          must(n.raw.length <= 41 && n.key.length <= 40, 'note texts are cut short');
          must(formatNote(n, 'ja').length > 0 && formatNote(n, 'en').length > 0, 'note reads in both languages');
        }
        return notes.length ? 'defaults + notes' : 'clean';
      },
      6000,
    );
  });

  it('whatever was parsed survives the round trip through the URL unchanged and without notes', () => {
    fuzz(
      'parse → serialize → parse',
      query,
      (q) => {
        const first = parseLabSettings(q).settings;
        return { first, again: parseLabSettings(serializeLabSettings(first)) };
      },
      ({ first, again }) => {
        must(JSON.stringify(again.settings) === JSON.stringify(first), `round trip keeps ${JSON.stringify(first)}`);
        must(again.notes.length === 0, 'no notes on our own URL');
        return JSON.stringify(first) === JSON.stringify(DEFAULT_SETTINGS) ? 'book defaults' : 'changed';
      },
      3000,
    );
  });

  it('serializing junk objects never throws and always yields a query the parser accepts silently', () => {
    const junk = fc.dictionary(fc.constantFrom(...KEYS, '__proto__', 'x'), fc.oneof(fc.double(), fc.integer({ min: -10, max: 400 }), anyText, fc.constantFrom(null, undefined, 'adam', 'max', 0.5, 1e9)), { maxKeys: 20 });
    fuzz(
      'serializeLabSettings',
      junk,
      (obj) => serializeLabSettings(obj as Partial<LabSettings>),
      (text) => {
        const parsed = parseLabSettings(text);
        assertValid(parsed.settings);
        // Only the cross-setting rules may still speak: a valid batch larger than valid data, or
        // data = drawn without its points (none saved in Node).
        must(parsed.notes.every((n) => n.reason === 'batch' || (n.reason === 'data' && n.detail === 'missing')), `no notes but the rules': ${JSON.stringify(parsed.notes)}`);
        return text === '' ? 'empty' : 'query';
      },
      2000,
    );
  });

  it('a URL with a junk value for seven settings gives the book defaults and one note per key', () => {
    const { settings, notes } = parseLabSettings('?lr=abc&hidden=-5&batch=1e9&seed=-1&speed=zzz&opt=%3Cscript%3E&epochs=NaN');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(notes.map((n) => n.key).sort()).toEqual(['batch', 'epochs', 'hidden', 'lr', 'opt', 'seed', 'speed']);
  });
});
