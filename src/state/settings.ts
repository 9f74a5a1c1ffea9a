/**
 * Settings declared once, in a schema (TensorFlow Playground's state table): each entry gives a
 * setting's URL key, kind, default, range, step, slider scale and what a change of it does
 * (`effect`). The settings type ({@link SettingsOf}), the label table's type ({@link LabelsOf}),
 * the URL codec, validation, the notes about unusable URL values and the sliders all derive from
 * it, so a limit lives in one place and cannot be bypassed through the URL.
 *
 * Each lab makes its own codec ({@link createSettingsCodec}) with its own URL `prefix` ('' for
 * the chapter-1 lab, e.g. 'w2v.' for a later one), so two labs on one page never read or drop
 * each other's keys; {@link createSettingsStore} adds the zustand store mirrored in the URL.
 * Pure and DOM-free apart from the store, which touches `window` only when it exists.
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { Lang } from './lang';
import { pointsProblemText } from './pointsCodec';

/**
 * What a change of a setting does: `restart` starts a new training run (new data, weights or
 * optimizer); `reevaluate` recomputes results of the same settings without restarting the live
 * run (the Trainer.fit comparison); `redraw` changes only the pace or the picture of the run.
 */
export type Effect = 'restart' | 'reevaluate' | 'redraw';

interface SpecBase<K extends string> {
  /** The URL key (after the codec's prefix) and the settings object's field. */
  key: K;
  effect: Effect;
}
export interface NumberSpec<K extends string = string> extends SpecBase<K> {
  kind: 'int' | 'float';
  default: number;
  min: number;
  max: number;
  /** Slider step, in the slider's own units (log10 units when scale is 'log'). */
  step: number;
  scale: 'linear' | 'log';
  /** Significant digits kept when a log slider produces a value. */
  digits?: number;
  /** The slider has one more position past `max` that means 'max' (URL `max`). */
  allowMax?: boolean;
}
export interface EnumSpec<K extends string = string, O extends string = string> extends SpecBase<K> {
  kind: 'enum';
  default: O;
  options: readonly O[];
}
/**
 * A setting written as text in the URL (e.g. the reader's own data set as a compact code).
 * `check` says why a text is unusable (a short problem code), or undefined; a text longer than
 * `maxLength` stays in the store but out of the URL (the page offers another way to share it).
 */
export interface TextSpec<K extends string = string> extends SpecBase<K> {
  kind: 'text';
  default: string;
  maxLength: number;
  check: (text: string) => string | undefined;
}
export type SettingSpec = NumberSpec | EnumSpec | TextSpec;
export type Schema = readonly SettingSpec[];

type ValueOf<E> = E extends { kind: 'enum'; options: readonly (infer O)[] } ? O : E extends { kind: 'text' } ? string : E extends { allowMax: true } ? number | 'max' : number;
/** The settings object a schema describes (declare the schema `as const satisfies Schema`). */
export type SettingsOf<S extends Schema> = { [E in S[number] as E['key']]: ValueOf<E> };
/** A label per setting; an enum setting also names each of its options. */
export type LabelsOf<S extends Schema> = {
  [E in S[number] as E['key']]: E extends { kind: 'enum'; options: readonly (infer O extends string)[] } ? { label: string; options: Record<O, string> } : string;
};
type AnySettings = Record<string, number | string>;

/** Query keys that belong to the app, not to a lab (never read or noted by a codec). */
export const APP_KEYS: ReadonlySet<string> = new Set(['lang', 'labfault']);
/** The prefixes of every codec made so far; a key belongs to the longest prefix it starts with. */
const prefixes = new Set<string>();

/** Why a query value was not used ('data': a text setting's `check` refused it, see `detail`). */
export type NoteReason = 'unknown' | 'invalid' | 'range' | 'batch' | 'data';
export interface SettingsNote {
  key: string;
  /** The raw text from the URL (cut to 40 characters). */
  raw: string;
  reason: NoteReason;
  /** The value used instead. */
  used?: string;
  /** For 'data': the problem code the setting's `check` gave. */
  detail?: string;
}

/** Parses one raw value against its schema entry; `undefined` when unusable (with why). */
export function parseValue(spec: SettingSpec, raw: string): { value?: number | string; reason?: NoteReason; detail?: string } {
  const text = raw.trim();
  if (spec.kind === 'text') {
    if (text.length > spec.maxLength) return { reason: 'data', detail: 'too-long' };
    const problem = text === spec.default ? undefined : spec.check(text);
    return problem ? { reason: 'data', detail: problem } : { value: text };
  }
  if (spec.kind === 'enum') return (spec.options as readonly string[]).includes(text) ? { value: text } : { reason: 'invalid' };
  if (spec.allowMax && text === 'max') return { value: 'max' };
  // Number('') is 0 and Number('0x10') is 16: accept only plain decimal notation.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return { reason: 'invalid' };
  const v = Number(text);
  if (!Number.isFinite(v)) return { reason: 'invalid' };
  if (spec.kind === 'int' && !Number.isInteger(v)) return { reason: 'invalid' };
  if (v < spec.min || v > spec.max) return { reason: 'range' };
  return { value: v === 0 ? 0 : v };
}

export interface SettingsCodec<S extends AnySettings> {
  readonly schema: Schema;
  readonly prefix: string;
  readonly labels: Record<Lang, LabelsOf<Schema>>;
  /** Every default. */
  readonly defaults: Readonly<S>;
  spec(key: keyof S): SettingSpec;
  /** The setting's label, or one option's label, in `lang`. */
  label(key: keyof S, lang: Lang, option?: string): string;
  /** Reads settings from a query string; never throws: what is unusable is noted and defaulted. */
  parse(search: string): { settings: S; notes: SettingsNote[] };
  /** This codec's part of a query string (no `?`): values that differ from the defaults, in schema order. */
  serialize(settings: Partial<S>): string;
  /** The keys whose change has one of `effects`. */
  keysWith(...effects: Effect[]): (keyof S)[];
  /** A string that changes exactly when a setting with one of `effects` changes (an effect dependency). */
  effectKey(settings: S, ...effects: Effect[]): string;
  /** Whether a URL key is this codec's to read and write. */
  owns(urlKey: string): boolean;
  /** Applies the lab's cross-setting rule (e.g. the batch must fit the data); a note says when it bit. */
  constrain(settings: S): { settings: S; note?: SettingsNote };
}

/** The codec of one lab's schema; `prefix` keeps its URL keys apart from other labs' on a page. */
export function createSettingsCodec<Sc extends Schema, S extends AnySettings = SettingsOf<Sc> & AnySettings>(
  schema: Sc,
  opts: { prefix?: string; labels: Record<Lang, LabelsOf<Sc>>; constrain?: (s: S) => { settings: S; note?: SettingsNote } },
): SettingsCodec<S> {
  const prefix = opts.prefix ?? '';
  prefixes.add(prefix);
  const byKey = new Map<string, SettingSpec>(schema.map((s) => [s.key, s]));
  const defaults = Object.freeze(Object.fromEntries(schema.map((s) => [s.key, s.default])) as S);
  const constrain = opts.constrain ?? ((settings: S): { settings: S; note?: SettingsNote } => ({ settings }));
  const owns = (urlKey: string) => {
    if (APP_KEYS.has(urlKey)) return false;
    let owner = '';
    for (const p of prefixes) if (urlKey.startsWith(p) && p.length > owner.length) owner = p;
    return owner === prefix;
  };
  const keysWith = (...effects: Effect[]) => schema.filter((s) => effects.includes(s.effect)).map((s) => s.key as keyof S);
  return {
    schema,
    prefix,
    labels: opts.labels as Record<Lang, LabelsOf<Schema>>,
    defaults,
    spec: (key) => byKey.get(key as string)!,
    label(key, lang, option) {
      const entry = (opts.labels[lang] as Record<string, string | { label: string; options: Record<string, string> }>)[key as string];
      if (typeof entry === 'string') return entry;
      return option === undefined ? entry.label : (entry.options[option] ?? option);
    },
    parse(search) {
      const settings: AnySettings = { ...defaults };
      const notes: SettingsNote[] = [];
      const seen = new Set<string>();
      const params = new URLSearchParams(typeof search === 'string' ? search : '');
      for (const [urlKey, raw] of params) {
        // The first occurrence of a key wins; repeats (known or not) add no further note, so a
        // URL with the same junk key a thousand times gives one line, not a thousand.
        if (!owns(urlKey) || seen.has(urlKey)) continue;
        seen.add(urlKey);
        const cut = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
        const spec = byKey.get(urlKey.slice(prefix.length));
        if (!spec) {
          notes.push({ key: urlKey.slice(0, 40), raw: cut, reason: 'unknown' });
          continue;
        }
        const { value, reason, detail } = parseValue(spec, raw);
        if (value === undefined) notes.push({ key: urlKey, raw: cut, reason: reason!, used: String(spec.default), ...(detail ? { detail } : {}) });
        else settings[spec.key] = value;
      }
      const fixed = constrain(settings as S);
      if (fixed.note) notes.push(fixed.note);
      return { settings: fixed.settings, notes };
    },
    serialize(settings) {
      const parts: string[] = [];
      for (const spec of schema) {
        const v = (settings as Record<string, unknown> | null | undefined)?.[spec.key];
        if (v === undefined || v === spec.default) continue;
        if (typeof v !== 'number' && typeof v !== 'string') continue;
        const text = String(v);
        if (parseValue(spec, text).value === undefined) continue; // values the schema would reject stay out
        parts.push(`${encodeURIComponent(prefix + spec.key)}=${encodeURIComponent(text)}`);
      }
      return parts.join('&');
    },
    keysWith,
    effectKey: (settings, ...effects) => keysWith(...effects).map((k) => `${String(k)}=${String(settings[k])}`).join('&'),
    owns,
    constrain,
  };
}

// ---- sliders: position ↔ value ----------------------------------------------------------------

/** Slider bounds for a number setting (log settings slide in log10 units; 'max' is one more step). */
export function sliderRange(spec: NumberSpec): { min: number; max: number; step: number } {
  if (spec.scale === 'log') return { min: Math.log10(spec.min), max: Math.log10(spec.max), step: spec.step };
  return { min: spec.min, max: spec.allowMax ? spec.max + spec.step : spec.max, step: spec.step };
}

/** Slider position of a value. */
export function toSlider(spec: NumberSpec, value: number | 'max'): number {
  if (value === 'max') return spec.max + spec.step;
  return spec.scale === 'log' ? Math.log10(value) : value;
}

/** Value of a slider position (log values rounded to the schema's significant digits). */
export function fromSlider(spec: NumberSpec, pos: number): number | 'max' {
  if (spec.allowMax && pos > spec.max) return 'max';
  let v = spec.scale === 'log' ? Number((10 ** pos).toPrecision(spec.digits ?? 3)) : pos;
  if (spec.kind === 'int') v = Math.round(v);
  else if (spec.scale === 'linear') v = Number(v.toFixed(decimals(spec.step)));
  return Math.min(spec.max, Math.max(spec.min, v));
}

function decimals(step: number): number {
  const t = String(step);
  return t.includes('.') ? t.length - t.indexOf('.') - 1 : 0;
}

// ---- notes, in both languages -----------------------------------------------------------------

/** One sentence per note, naming the key, in the given language. */
export function formatNote(note: SettingsNote, lang: Lang): string {
  const k = `“${note.key}”`;
  const raw = `“${note.raw}”`;
  if (lang === 'ja') {
    switch (note.reason) {
      case 'unknown': return `URL の ${k} という設定はないので無視しました。`;
      case 'invalid': return `URL の ${k} の値 ${raw} は読めないので、既定値 ${note.used} を使います。`;
      case 'range': return `URL の ${k} の値 ${raw} は範囲外なので、既定値 ${note.used} を使います。`;
      case 'batch': return `バッチサイズ ${note.raw} はデータ数より大きいので、データ数 ${note.used} にしました。`;
      case 'data': return `URL の ${k} にある自分のデータは使えません（${pointsProblemText(note.detail, lang)}）。既定のデータ（本のスパイラル）を使います。`;
    }
  }
  switch (note.reason) {
    case 'unknown': return `The URL setting ${k} does not exist and was ignored.`;
    case 'invalid': return `The URL value ${raw} for ${k} could not be read; using the default ${note.used}.`;
    case 'range': return `The URL value ${raw} for ${k} is out of range; using the default ${note.used}.`;
    case 'batch': return `Batch size ${note.raw} is larger than the data; using the data size ${note.used}.`;
    case 'data': return `The data set in the URL's ${k} cannot be used (${pointsProblemText(note.detail, lang)}); the lab uses the default data (the book's spiral).`;
  }
}

// ---- the store, mirrored in the URL ------------------------------------------------------------

export interface SettingsState<S extends AnySettings> {
  settings: S;
  notes: SettingsNote[];
  /** Changes some settings (already valid values, e.g. from a slider) and writes the URL. */
  set: (patch: Partial<S>) => void;
  /** Back to the defaults: the given keys, or all. */
  reset: (keys?: (keyof S)[]) => void;
  dismissNotes: () => void;
}

export type SettingsStore<S extends AnySettings> = UseBoundStore<StoreApi<SettingsState<S>>> & {
  codec: SettingsCodec<S>;
  /**
   * Re-reads the address (a page that mounts the lab after an in-app navigation calls it), only
   * when it says something else than the store, so nothing re-renders needlessly.
   */
  syncFromUrl: () => void;
};

/**
 * Writes `codec`'s settings into the address bar, keeping every key it does not own and the
 * #anchor. Deliberately replaceState, not pushState: a slider moves through dozens of values a
 * second, and one history entry per value (or per settled run) would make Back step through
 * settings instead of leaving the page, with the run itself not restorable from an entry. The
 * address stays shareable; the lab says so next to its controls.
 */
function writeUrl<S extends AnySettings>(codec: SettingsCodec<S>, settings: S): void {
  if (typeof window === 'undefined') return;
  const url = new URL(window.location.href);
  const keep = [...url.searchParams].filter(([k]) => !codec.owns(k));
  const query = [...keep.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`), codec.serialize(settings)].filter(Boolean).join('&');
  window.history.replaceState(window.history.state, '', `${url.pathname}${query ? `?${query}` : ''}${url.hash}`);
}

/** A lab's settings store (one per page load; the URL query, under the codec's prefix, is its mirror). */
export function createSettingsStore<S extends AnySettings>(codec: SettingsCodec<S>): SettingsStore<S> {
  const initial = () => (typeof window === 'undefined' ? { settings: { ...codec.defaults }, notes: [] } : codec.parse(window.location.search));
  const store = create<SettingsState<S>>((set, get) => ({
    ...initial(),
    set: (patch) => {
      const { settings } = codec.constrain({ ...get().settings, ...patch });
      writeUrl(codec, settings);
      set({ settings });
    },
    reset: (keys) => {
      const cur = get().settings;
      const patch = keys ? Object.fromEntries(keys.map((k) => [k, codec.defaults[k]])) : codec.defaults;
      const { settings } = codec.constrain({ ...cur, ...patch });
      writeUrl(codec, settings);
      set({ settings });
    },
    dismissNotes: () => set({ notes: [] }),
  }));
  const syncFromUrl = () => {
    if (typeof window === 'undefined') return;
    const fresh = new URLSearchParams(window.location.search);
    const current = new URLSearchParams(codec.serialize(store.getState().settings));
    const differs = [...current.keys(), ...fresh.keys()].some((k) => codec.owns(k) && fresh.get(k) !== current.get(k));
    if (differs) store.setState(codec.parse(window.location.search));
  };
  return Object.assign(store, { codec, syncFromUrl });
}
