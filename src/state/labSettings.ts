/**
 * Every setting of the training lab, declared ONCE in {@link LAB_SCHEMA}: its URL key, type,
 * default, range, step, slider scale and label. The sliders, the URL codec
 * ({@link parseLabSettings} / {@link serializeLabSettings}), validation and the settings note all
 * derive from this table, so a limit lives in one place and cannot be bypassed through the URL
 * (TensorFlow Playground's limits lived in click handlers; see STYLE.md §2).
 *
 * Pure and DOM-free (the zustand store at the end only touches `window` when it exists), so the
 * hardening fuzzer and the unit tests call it in Node.
 */
import { create } from 'zustand';
import type { Lang } from './lang';

/** The optimizers of the book's common/optimizer.py, by their URL names. */
export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const;
/** Minibatch sampling: one `np.random.permutation` per epoch (book 2) or `np.random.choice` per batch (book 1). */
export const SAMPLINGS = ['permutation', 'choice'] as const;
/** How the decision boundary is drawn: class map, confidence map, or the meshgrid points themselves. */
export const VIEWS = ['class', 'confidence', 'grid'] as const;

export type OptimizerKey = (typeof OPTIMIZERS)[number];
export type SamplingKey = (typeof SAMPLINGS)[number];
export type ViewKey = (typeof VIEWS)[number];

/** The lab's settings as the app uses them (already validated). */
export interface LabSettings {
  seed: number;
  points: number;
  classes: number;
  noise: number;
  hidden: number;
  lr: number;
  batch: number;
  epochs: number;
  opt: OptimizerKey;
  sampling: SamplingKey;
  /** Iterations per animation frame, or 'max' (as fast as the worker can go). */
  speed: number | 'max';
  view: ViewKey;
  /** Meshgrid spacing for "show the grid" (the book uses 0.001). */
  h: number;
  /** Trainer.fit's eval_interval (§1.4.4). */
  eval: number;
  /** Trainer.fit's max_grad; 0 = no clipping (the book's None). */
  maxgrad: number;
}

export type SettingKey = keyof LabSettings;
/** What a change of the setting does: start a new training run, or only change the view. */
export type Effect = 'restart' | 'view' | 'trainer';

interface Base<K extends SettingKey> {
  key: K;
  /** Key into {@link settingLabels}. */
  label: K;
  effect: Effect;
}
export interface NumberSpec<K extends SettingKey = SettingKey> extends Base<K> {
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
export interface EnumSpec<K extends SettingKey = SettingKey> extends Base<K> {
  kind: 'enum';
  default: string;
  options: readonly string[];
}
export type SettingSpec = NumberSpec | EnumSpec;

/**
 * THE schema. Defaults are the book's `ch01/train_custom_loop.py` (max_epoch 300, batch 30,
 * hidden 10, SGD lr 1.0, `spiral.load_data(seed=1984)`) and `ch01/train.py` (eval_interval 10).
 */
export const LAB_SCHEMA: readonly SettingSpec[] = [
  { key: 'seed', label: 'seed', effect: 'restart', kind: 'int', default: 1984, min: 0, max: 9999, step: 1, scale: 'linear' },
  { key: 'points', label: 'points', effect: 'restart', kind: 'int', default: 100, min: 10, max: 300, step: 1, scale: 'linear' },
  { key: 'classes', label: 'classes', effect: 'restart', kind: 'int', default: 3, min: 2, max: 6, step: 1, scale: 'linear' },
  { key: 'noise', label: 'noise', effect: 'restart', kind: 'float', default: 0.2, min: 0, max: 1, step: 0.01, scale: 'linear' },
  { key: 'hidden', label: 'hidden', effect: 'restart', kind: 'int', default: 10, min: 1, max: 100, step: 1, scale: 'linear' },
  { key: 'lr', label: 'lr', effect: 'restart', kind: 'float', default: 1, min: 0.001, max: 100, step: 0.05, scale: 'log', digits: 3 },
  { key: 'batch', label: 'batch', effect: 'restart', kind: 'int', default: 30, min: 1, max: 300, step: 1, scale: 'linear' },
  { key: 'epochs', label: 'epochs', effect: 'restart', kind: 'int', default: 300, min: 1, max: 10000, step: 1, scale: 'linear' },
  { key: 'opt', label: 'opt', effect: 'restart', kind: 'enum', default: 'sgd', options: OPTIMIZERS },
  { key: 'sampling', label: 'sampling', effect: 'restart', kind: 'enum', default: 'permutation', options: SAMPLINGS },
  { key: 'speed', label: 'speed', effect: 'view', kind: 'int', default: 10, min: 1, max: 100, step: 1, scale: 'linear', allowMax: true },
  { key: 'view', label: 'view', effect: 'view', kind: 'enum', default: 'class', options: VIEWS },
  { key: 'h', label: 'h', effect: 'view', kind: 'float', default: 0.02, min: 0.001, max: 0.1, step: 0.1, scale: 'log', digits: 1 },
  { key: 'eval', label: 'eval', effect: 'trainer', kind: 'int', default: 10, min: 1, max: 100, step: 1, scale: 'linear' },
  { key: 'maxgrad', label: 'maxgrad', effect: 'trainer', kind: 'float', default: 0, min: 0, max: 10, step: 0.1, scale: 'linear' },
];

/** Query keys that belong to other parts of the app and are not lab settings (never noted). */
export const FOREIGN_KEYS: ReadonlySet<string> = new Set(['lang', 'labfault']);

const BY_KEY = new Map<string, SettingSpec>(LAB_SCHEMA.map((s) => [s.key, s]));

/** The schema entry for a key. */
export function specOf(key: SettingKey): SettingSpec {
  return BY_KEY.get(key)!;
}

/** The book's settings (every default). */
export const DEFAULT_SETTINGS: LabSettings = Object.freeze(
  Object.fromEntries(LAB_SCHEMA.map((s) => [s.key, s.default])) as unknown as LabSettings,
);

/** Why a query value was not used. */
export type NoteReason = 'unknown' | 'invalid' | 'range' | 'batch';
export interface SettingsNote {
  key: string;
  /** The raw text from the URL (cut to 40 characters). */
  raw: string;
  reason: NoteReason;
  /** The value used instead. */
  used?: string;
}

/** Parses one raw value against its schema entry; `undefined` when unusable (with why). */
export function parseValue(spec: SettingSpec, raw: string): { value?: number | string; reason?: NoteReason } {
  const text = raw.trim();
  if (spec.kind === 'enum') return spec.options.includes(text) ? { value: text } : { reason: 'invalid' };
  if (spec.allowMax && text === 'max') return { value: 'max' };
  // Number('') is 0 and Number('0x10') is 16: accept only plain decimal notation.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return { reason: 'invalid' };
  const v = Number(text);
  if (!Number.isFinite(v)) return { reason: 'invalid' };
  if (spec.kind === 'int' && !Number.isInteger(v)) return { reason: 'invalid' };
  if (v < spec.min || v > spec.max) return { reason: 'range' };
  return { value: v === 0 ? 0 : v };
}

/** Writes a value as the URL does (shortest round-trip decimal; 'max' for the speed's max). */
export function formatValue(value: number | string): string {
  return typeof value === 'number' ? String(value) : value;
}

/**
 * Reads lab settings from a query string (`?lr=0.5&opt=adam`). Never throws: unknown keys and
 * unusable values are ignored (the default is used) and reported in `notes`. Keys in
 * {@link FOREIGN_KEYS} are left alone.
 */
export function parseLabSettings(search: string): { settings: LabSettings; notes: SettingsNote[] } {
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const notes: SettingsNote[] = [];
  const seen = new Set<string>();
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(typeof search === 'string' ? search : '');
  } catch {
    return { settings: { ...DEFAULT_SETTINGS }, notes };
  }
  for (const [key, raw] of params) {
    if (FOREIGN_KEYS.has(key)) continue;
    const cut = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
    // The first occurrence of a key wins; repeats (known or not) add no further note, so a
    // URL with the same junk key a thousand times gives one line, not a thousand.
    if (seen.has(key)) continue;
    seen.add(key);
    const spec = BY_KEY.get(key);
    if (!spec) {
      notes.push({ key: key.slice(0, 40), raw: cut, reason: 'unknown' });
      continue;
    }
    const { value, reason } = parseValue(spec, raw);
    if (value === undefined) notes.push({ key, raw: cut, reason: reason!, used: formatValue(spec.default) });
    else settings[key] = value;
  }
  const s = settings as unknown as LabSettings;
  const n = dataSize(s);
  if (s.batch > n) {
    notes.push({ key: 'batch', raw: String(s.batch), reason: 'batch', used: String(n) });
    s.batch = n;
  }
  return { settings: s, notes };
}

/** Number of samples in the spiral data: points per class × classes. */
export function dataSize(s: Pick<LabSettings, 'points' | 'classes'>): number {
  return s.points * s.classes;
}

/**
 * The query string for `settings` (without `?`): only values that differ from the defaults, in
 * schema order. Never throws; values the schema would reject are left out.
 */
export function serializeLabSettings(settings: Partial<LabSettings>): string {
  const parts: string[] = [];
  for (const spec of LAB_SCHEMA) {
    const v = (settings as Record<string, unknown> | null | undefined)?.[spec.key];
    if (v === undefined || v === spec.default) continue;
    if (typeof v !== 'number' && typeof v !== 'string') continue;
    const text = formatValue(v);
    if (parseValue(spec, text).value === undefined) continue;
    parts.push(`${encodeURIComponent(spec.key)}=${encodeURIComponent(text)}`);
  }
  return parts.join('&');
}

/** The settings that start a new run when they change (the rest only change the view). */
export function runKey(s: LabSettings): string {
  return LAB_SCHEMA.filter((spec) => spec.effect === 'restart')
    .map((spec) => `${spec.key}=${formatValue(s[spec.key])}`)
    .join('&');
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

// ---- labels and notes, in both languages ------------------------------------------------------

/** Each setting's label, in both languages (the keys are the schema's `label`). */
export const settingLabels: Record<Lang, Record<SettingKey, string>> = {
  ja: {
    seed: '乱数シード',
    points: 'クラスごとの点数',
    classes: 'クラス数',
    noise: 'ノイズ',
    hidden: '隠れ層のニューロン数',
    lr: '学習率',
    batch: 'バッチサイズ',
    epochs: 'エポック数',
    opt: '最適化手法',
    sampling: 'ミニバッチの選び方',
    speed: '速さ(1フレームあたりの反復数)',
    view: '決定境界の描き方',
    h: 'グリッドの間隔 h',
    eval: 'eval_interval',
    maxgrad: 'max_grad(0 = 勾配クリッピングなし)',
  },
  en: {
    seed: 'Random seed',
    points: 'Points per class',
    classes: 'Classes',
    noise: 'Noise',
    hidden: 'Hidden neurons',
    lr: 'Learning rate',
    batch: 'Batch size',
    epochs: 'Epochs',
    opt: 'Optimizer',
    sampling: 'Minibatch sampling',
    speed: 'Speed (iterations per frame)',
    view: 'Boundary view',
    h: 'Grid spacing h',
    eval: 'eval_interval',
    maxgrad: 'max_grad (0 = no gradient clipping)',
  },
};

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
    }
  }
  switch (note.reason) {
    case 'unknown': return `The URL setting ${k} does not exist and was ignored.`;
    case 'invalid': return `The URL value ${raw} for ${k} could not be read; using the default ${note.used}.`;
    case 'range': return `The URL value ${raw} for ${k} is out of range; using the default ${note.used}.`;
    case 'batch': return `Batch size ${note.raw} is larger than the data; using the data size ${note.used}.`;
  }
}

// ---- the store, mirrored in the URL ------------------------------------------------------------

interface LabSettingsState {
  settings: LabSettings;
  notes: SettingsNote[];
  /** Changes some settings (already valid values, e.g. from a slider) and writes the URL. */
  set: (patch: Partial<LabSettings>) => void;
  /** Back to the book's settings (every default). */
  reset: (keys?: SettingKey[]) => void;
  dismissNotes: () => void;
}

function initial(): { settings: LabSettings; notes: SettingsNote[] } {
  if (typeof window === 'undefined') return { settings: { ...DEFAULT_SETTINGS }, notes: [] };
  return parseLabSettings(window.location.search);
}

/** Writes the settings into the address bar, keeping foreign keys (`lang`) and the #anchor. */
function writeUrl(settings: LabSettings): void {
  if (typeof window === 'undefined') return;
  const url = new URL(window.location.href);
  const keep = [...url.searchParams].filter(([k]) => FOREIGN_KEYS.has(k));
  const query = [...keep.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`), serializeLabSettings(settings)]
    .filter(Boolean)
    .join('&');
  const next = `${url.pathname}${query ? `?${query}` : ''}${url.hash}`;
  window.history.replaceState(window.history.state, '', next);
}

function withBatchFit(s: LabSettings): LabSettings {
  const n = dataSize(s);
  return s.batch > n ? { ...s, batch: n } : s;
}

/** The lab's settings store (one per page load; the URL query is its mirror). */
export const useLabSettings = create<LabSettingsState>((set, get) => ({
  ...initial(),
  set: (patch) => {
    const settings = withBatchFit({ ...get().settings, ...patch });
    writeUrl(settings);
    set({ settings });
  },
  reset: (keys) => {
    const cur = get().settings;
    const settings = keys ? { ...cur, ...Object.fromEntries(keys.map((k) => [k, DEFAULT_SETTINGS[k]])) } : { ...DEFAULT_SETTINGS };
    writeUrl(settings as LabSettings);
    set({ settings: settings as LabSettings });
  },
  dismissNotes: () => set({ notes: [] }),
}));

/** Re-reads the URL (a page that mounts the lab after navigation calls this once). */
export function syncLabSettingsFromUrl(): void {
  if (typeof window === 'undefined') return;
  const parsed = parseLabSettings(window.location.search);
  useLabSettings.setState(parsed);
}
