/**
 * The chapter-1 training lab's settings (§1.4), declared once in {@link LAB_SCHEMA}; the
 * settings type, the URL codec, validation, the notes and the sliders derive from it (see
 * settings.ts). Adding a setting touches this schema, its label below, and the code that uses
 * it — nothing else. Its URL keys have no prefix (`/ch01/1-4?lr=0.5&opt=adam`); a later
 * chapter's lab makes its own schema and codec with a prefix of its own.
 */
import { BOOK } from '../nn/book';
import { OPTIMIZER_NAMES } from '../nn/optimizers';
import { SAMPLINGS } from '../nn/trainer';
import { CLASSIC_SETS, classicSet, type ClassicSet } from '../nn/datasets';
import { createSettingsCodec, createSettingsStore, type LabelsOf, type Schema, type SettingsNote, type SettingsOf } from './settings';
import type { Lang } from './lang';
import { pointsCodeProblem, pointsInCode, type PointLimits } from './pointsCodec';

/** How the decision boundary is drawn: class map, confidence map, or the meshgrid points themselves. */
export const VIEWS = ['class', 'confidence', 'grid'] as const;

/** Where the lab's data comes from: the book's spiral, a classic 2-D set, or the reader's own points. */
export const DATA_SOURCES = ['spiral', ...CLASSIC_SETS, 'drawn'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

/**
 * Limits of the reader's own data set, checked on every way in (drawing, link, file). 2,000
 * points train at the lab's pace (a 2,000-point accuracy and confusion matrix per frame cost
 * well under a millisecond); 6 classes is the class palette's size; 4,000 characters of URL
 * code hold about 1,000 points — longer links are cut by some mail and chat apps, so a larger
 * set is shared as a JSON file.
 */
export const DRAWN_LIMITS: Readonly<PointLimits> = Object.freeze({ maxPoints: 2000, minClasses: 2, maxClasses: 6, maxAbs: 2, maxUrlChars: 4000 });

/**
 * THE schema. Defaults are the book's (src/nn/book.ts): `ch01/train_custom_loop.py`'s
 * hyperparameters, `spiral.load_data(seed=1984)` and `ch01/train.py`'s eval_interval.
 */
export const LAB_SCHEMA = [
  { key: 'seed', effect: 'restart', kind: 'int', default: BOOK.seed, min: 0, max: 9999, step: 1, scale: 'linear' },
  { key: 'points', effect: 'restart', kind: 'int', default: BOOK.pointsPerClass, min: 10, max: 300, step: 1, scale: 'linear' },
  { key: 'classes', effect: 'restart', kind: 'int', default: BOOK.classes, min: 2, max: 6, step: 1, scale: 'linear' },
  { key: 'noise', effect: 'restart', kind: 'float', default: BOOK.noise, min: 0, max: 1, step: 0.01, scale: 'linear' },
  { key: 'hidden', effect: 'restart', kind: 'int', default: BOOK.hiddenSize, min: 1, max: 100, step: 1, scale: 'linear' },
  { key: 'lr', effect: 'restart', kind: 'float', default: BOOK.learningRate, min: 0.001, max: 100, step: 0.05, scale: 'log', digits: 3 },
  { key: 'batch', effect: 'restart', kind: 'int', default: BOOK.batchSize, min: 1, max: 300, step: 1, scale: 'linear' },
  { key: 'epochs', effect: 'restart', kind: 'int', default: BOOK.maxEpoch, min: 1, max: 10000, step: 1, scale: 'linear' },
  { key: 'opt', effect: 'restart', kind: 'enum', default: 'sgd', options: OPTIMIZER_NAMES },
  { key: 'sampling', effect: 'restart', kind: 'enum', default: 'permutation', options: SAMPLINGS },
  /** Iterations per animation frame, or 'max' (as fast as the worker can go). */
  { key: 'speed', effect: 'redraw', kind: 'int', default: 10, min: 1, max: 100, step: 1, scale: 'linear', allowMax: true },
  { key: 'view', effect: 'redraw', kind: 'enum', default: 'class', options: VIEWS },
  /** Meshgrid spacing for "show the grid" (the book uses 0.001); 0.04 draws about 3,000 dots on the spiral's plane, within MAX_GRID_MARKERS. */
  { key: 'h', effect: 'redraw', kind: 'float', default: 0.04, min: 0.001, max: 0.1, step: 0.1, scale: 'log', digits: 1 },
  /** Trainer.fit's eval_interval (§1.4.4). */
  { key: 'eval', effect: 'reevaluate', kind: 'int', default: BOOK.evalInterval, min: 1, max: 100, step: 1, scale: 'linear' },
  /** Trainer.fit's max_grad; 0 = no clipping (the book's None). */
  { key: 'maxgrad', effect: 'reevaluate', kind: 'float', default: 0, min: 0, max: 10, step: 0.1, scale: 'linear' },
  /** The data: the spiral of seed/points/classes/noise above, a classic set (its own seed), or `pts`. */
  { key: 'data', effect: 'restart', kind: 'enum', default: 'spiral', options: DATA_SOURCES },
  /** The reader's own points (used when data = drawn), as a URL code within DRAWN_LIMITS. */
  { key: 'pts', effect: 'restart', kind: 'text', default: '', maxLength: DRAWN_LIMITS.maxUrlChars, check: (code: string) => pointsCodeProblem(code, DRAWN_LIMITS) },
] as const satisfies Schema;

/** The lab's settings as the app uses them (already validated). */
export type LabSettings = SettingsOf<typeof LAB_SCHEMA>;
export type SettingKey = keyof LabSettings;

const OPTIMIZER_LABELS = { sgd: 'SGD', momentum: 'Momentum', nesterov: 'Nesterov', adagrad: 'AdaGrad', rmsprop: 'RMSprop', adam: 'Adam' };

/** Each setting's label (and each option's), in both languages. */
const LAB_LABELS: Record<Lang, LabelsOf<typeof LAB_SCHEMA>> = {
  ja: {
    seed: '乱数シード',
    points: 'クラスごとの点数',
    classes: 'クラス数',
    noise: 'ノイズ',
    hidden: '隠れ層のニューロン数',
    lr: '学習率',
    batch: 'バッチサイズ',
    epochs: 'エポック数',
    opt: { label: 'オプティマイザ', options: OPTIMIZER_LABELS },
    sampling: { label: 'ミニバッチの選び方（エポックごとの並べ替え／バッチごとの抽出）', options: { permutation: 'permutation（本書 ❷）', choice: 'choice（前作）' } },
    speed: '速さ（1 フレームあたりのイテレーション数）',
    view: { label: '決定境界の描き方', options: { class: 'クラスで塗り分け', confidence: '確信度（濃さ = 最大確率）', grid: 'グリッドの点を見せる' } },
    h: 'グリッドの間隔 h',
    eval: 'eval_interval',
    maxgrad: 'max_grad（0 = 勾配クリッピングなし）',
    data: { label: 'データ', options: { spiral: '本のスパイラル', circles: '2 つの円', moons: '2 つの三日月', xor: 'XOR', blobs: '4 つの塊', drawn: '自分で描いた点' } },
    pts: '自分で描いた点',
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
    opt: { label: 'Optimizer', options: OPTIMIZER_LABELS },
    sampling: { label: 'Mini-batch sampling (shuffle each epoch / draw each batch)', options: { permutation: 'permutation (book 2)', choice: 'choice (book 1)' } },
    speed: 'Speed (iterations per frame)',
    view: { label: 'Boundary view', options: { class: 'class map', confidence: 'confidence (shade = top probability)', grid: 'show the grid points' } },
    h: 'Grid spacing h',
    eval: 'eval_interval',
    maxgrad: 'max_grad (0 = no gradient clipping)',
    data: { label: 'Data', options: { spiral: 'the book’s spiral', circles: 'two circles', moons: 'two moons', xor: 'XOR', blobs: 'four blobs', drawn: 'my own points' } },
    pts: 'My own points',
  },
};

const classicSizes = new Map<ClassicSet, number>();

/** Number of samples of the settings' data: points per class × classes for the spiral. */
export function dataSize(s: Pick<LabSettings, 'points' | 'classes' | 'data' | 'pts'>): number {
  if (s.data === 'spiral') return s.points * s.classes;
  if (s.data === 'drawn') return pointsInCode(s.pts);
  let n = classicSizes.get(s.data);
  if (n === undefined) classicSizes.set(s.data, (n = classicSet(s.data).labels.length));
  return n;
}

/** Where the last drawn set is kept, so it survives a reload even when it is too long for the URL. */
export const DRAWN_STORAGE_KEY = 'dlfs2.drawn';

/** The drawn set saved in this browser (a usable URL code), or ''. */
export function savedDrawnSet(): string {
  try {
    const code = typeof localStorage === 'undefined' ? null : localStorage.getItem(DRAWN_STORAGE_KEY);
    return code && !pointsCodeProblem(code, DRAWN_LIMITS) ? code : '';
  } catch {
    return ''; // storage disabled
  }
}

/**
 * The lab's cross-setting rules: drawn data needs its points (a link to a set too long for a URL
 * carries only `data=drawn`: the set saved in this browser is used, or the spiral with a note);
 * the batch cannot exceed the data (the book's `max_iters = N // batch_size` would be 0).
 */
function constrain(s: LabSettings): { settings: LabSettings; note?: SettingsNote } {
  let note: SettingsNote | undefined;
  if (s.data === 'drawn' && s.pts === '') {
    const saved = savedDrawnSet();
    if (saved) s = { ...s, pts: saved };
    else {
      s = { ...s, data: 'spiral' };
      note = { key: 'data', raw: 'drawn', reason: 'data', detail: 'missing', used: 'spiral' };
    }
  }
  const n = dataSize(s);
  if (s.batch <= n) return { settings: s, note };
  return { settings: { ...s, batch: n }, note: note ?? { key: 'batch', raw: String(s.batch), reason: 'batch', used: String(n) } };
}

/** The chapter-1 lab's URL codec (no key prefix, so existing links keep working). */
export const labCodec = createSettingsCodec<typeof LAB_SCHEMA, LabSettings>(LAB_SCHEMA, { labels: LAB_LABELS, constrain });

/** The chapter-1 lab's settings store (§1.4's widgets and the §1.6 compact lab share it). */
export const useLabSettings = createSettingsStore(labCodec);

// The drawn set is saved whenever it changes, in this browser only (never sent anywhere).
useLabSettings.subscribe((st, prev) => {
  const code = st.settings.pts;
  if (st.settings.data !== 'drawn' || !code || code === prev.settings.pts) return;
  try {
    localStorage.setItem(DRAWN_STORAGE_KEY, code);
  } catch {
    /* storage disabled or full: the set lives in the URL and this visit only */
  }
});
