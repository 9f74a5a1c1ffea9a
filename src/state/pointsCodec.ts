/**
 * The reader's own data set as text: a compact code for the URL (so a drawn set can be shared
 * as a link) and a JSON file (for sets too large for a link). Pure; never throws anything but a
 * {@link PointsError}, whose `reason` the page turns into a note in the reader's language.
 *
 * URL code (base64url, no padding) of these bytes:
 *   [1] version, [1] classes C, C × [2] points of class c (big-endian), then per point, class
 *   by class, [3] = x and y as 12-bit integers q + 2048, where q = round(1000·v), |v| ≤ 2.
 * So a point costs 4 characters; coordinates are kept to 0.001 (drawn points are snapped to that
 * on input, so a set survives the round trip exactly). Points of a set are always kept class by
 * class (class 0 first): the order the code writes them, and the order training sees them in.
 */
import { mat, type Mat } from '../nn/matrix';
import type { PointSet } from '../nn/datasets';
import type { Lang } from './lang';

/** Limits of a reader's set, checked on every way in (drawing, URL, file); the lab's are in its settings schema. */
export interface PointLimits {
  maxPoints: number;
  minClasses: number;
  maxClasses: number;
  /** Largest |coordinate| (at most 2.047: what the code's 12 bits at a step of 0.001 hold). */
  maxAbs: number;
  /** Longest code put in a URL (4 characters a point); a longer set is shared as a file. */
  maxUrlChars: number;
}

/** The largest |coordinate| the URL code can hold. */
const CODE_MAX_ABS = 2.047;

export type PointsProblem =
  /** Not base64url, or not JSON. */
  | 'syntax'
  | 'version'
  | 'classes'
  /** Fewer or more bytes (or JSON entries) than the header says. */
  | 'length'
  | 'too-many'
  | 'empty-class'
  | 'range'
  | 'no-points';

/** Each problem in a sentence fragment, in both languages (the settings note and the data view use them). */
const PROBLEM_TEXT: Record<Lang, Record<PointsProblem | 'too-long' | 'missing', string>> = {
  ja: {
    syntax: '形式が正しくありません',
    version: '知らない版の形式です',
    classes: 'クラス数が 2〜6 の範囲外です',
    length: 'データが途中で切れているか、余分があります',
    'too-many': '点が多すぎます',
    'empty-class': '点が 1 つもないクラスがあります',
    range: '座標が ±2 の範囲外の点があります',
    'no-points': '点がありません',
    'too-long': 'URL に入れるには長すぎます',
    missing: 'リンクに入りきらなかったデータで、このブラウザーには保存されていません',
  },
  en: {
    syntax: 'it is not in the expected format',
    version: 'its format version is unknown',
    classes: 'the number of classes is not within 2–6',
    length: 'it is cut short or has extra data',
    'too-many': 'it has too many points',
    'empty-class': 'a class has no points',
    range: 'a point lies outside ±2',
    'no-points': 'it has no points',
    'too-long': 'it is too long for a URL',
    missing: 'the set was too large for the link and is not saved in this browser',
  },
};

/** A problem code (PointsProblem, 'too-long' or 'missing') as words in `lang`. */
export function pointsProblemText(problem: string | undefined, lang: Lang): string {
  const t = PROBLEM_TEXT[lang] as Record<string, string>;
  return t[problem ?? ''] ?? t.syntax;
}

export class PointsError extends Error {
  constructor(readonly reason: PointsProblem, detail: string) {
    super(`points: ${detail}`);
    this.name = 'PointsError';
  }
}

/** A coordinate snapped to the code's 0.001 step. */
export function snap(v: number): number {
  return fromQ(Math.round(v * 1000));
}

/** The first limit a set breaks, or null (the set is usable as it is). */
export function pointsProblem(s: PointSet, L: PointLimits): { reason: PointsProblem; detail: string } | null {
  const n = s.labels.length;
  if (!Number.isInteger(s.classes) || s.classes < L.minClasses || s.classes > L.maxClasses) {
    return { reason: 'classes', detail: `${s.classes} classes (allowed ${L.minClasses}–${L.maxClasses})` };
  }
  if (n === 0) return { reason: 'no-points', detail: 'no points' };
  if (n > L.maxPoints) return { reason: 'too-many', detail: `${n} points (at most ${L.maxPoints})` };
  if (s.x.rows !== n || s.x.cols !== 2) return { reason: 'length', detail: `${s.x.rows} coordinates for ${n} labels` };
  const per = countPerClass(s);
  if (per === null) return { reason: 'classes', detail: 'a label outside the classes' };
  const empty = per.indexOf(0);
  if (empty >= 0) return { reason: 'empty-class', detail: `class ${empty} has no point` };
  for (const v of s.x.data) {
    if (!(Math.abs(v) <= L.maxAbs)) return { reason: 'range', detail: `coordinate ${v} outside ±${L.maxAbs}` };
  }
  return null;
}

/** Points per class, or null when a label is not a class of the set. */
export function countPerClass(s: Pick<PointSet, 'labels' | 'classes'>): number[] | null {
  const per = new Array<number>(s.classes).fill(0);
  for (const c of s.labels) {
    if (!(Number.isInteger(c) && c >= 0 && c < s.classes)) return null;
    per[c]++;
  }
  return per;
}

/** The set listed class by class (stable), with coordinates snapped to 0.001. */
export function canonical(s: PointSet): PointSet {
  const n = s.labels.length;
  const x = mat(n, 2);
  const labels = new Int32Array(n);
  let o = 0;
  for (let c = 0; c < s.classes; c++) {
    for (let i = 0; i < n; i++) {
      if (s.labels[i] !== c) continue;
      x.data[2 * o] = snap(s.x.data[2 * i]);
      x.data[2 * o + 1] = snap(s.x.data[2 * i + 1]);
      labels[o++] = c;
    }
  }
  return { x: o === n ? x : mat(o, 2, x.data.subarray(0, 2 * o)), labels: labels.subarray(0, o), classes: s.classes };
}

// ---- URL code -----------------------------------------------------------------------------------

const VERSION = 1;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The URL code of a set (listed class by class; coordinates snapped to 0.001). Throws a PointsError for a set outside the limits. */
export function encodePoints(set: PointSet, L: PointLimits): string {
  if (L.maxAbs > CODE_MAX_ABS) throw new Error(`encodePoints: the code holds coordinates up to ±${CODE_MAX_ABS}`);
  const s = canonical(set);
  const bad = pointsProblem(s, L);
  if (bad) throw new PointsError(bad.reason, bad.detail);
  const per = countPerClass(s)!;
  const n = s.labels.length;
  const bytes = new Uint8Array(2 + 2 * s.classes + 3 * n);
  bytes[0] = VERSION;
  bytes[1] = s.classes;
  per.forEach((k, c) => {
    bytes[2 + 2 * c] = k >> 8;
    bytes[3 + 2 * c] = k & 255;
  });
  let o = 2 + 2 * s.classes;
  for (let i = 0; i < n; i++) {
    const qx = Math.round(s.x.data[2 * i] * 1000) + 2048;
    const qy = Math.round(s.x.data[2 * i + 1] * 1000) + 2048;
    bytes[o++] = qx >> 4;
    bytes[o++] = ((qx & 15) << 4) | (qy >> 8);
    bytes[o++] = qy & 255;
  }
  return toBase64Url(bytes);
}

/** The set a URL code describes; throws a PointsError saying what is wrong with a malformed one. */
export function decodePoints(code: string, L: PointLimits): PointSet {
  if (typeof code !== 'string' || code.length === 0) throw new PointsError('syntax', 'empty code');
  if (code.length > 4 * ((2 + 2 * L.maxClasses + 3 * L.maxPoints + 2) / 3)) {
    throw new PointsError('too-many', `a code of ${code.length} characters holds more than ${L.maxPoints} points`);
  }
  const bytes = fromBase64Url(code);
  if (bytes.length < 2) throw new PointsError('length', 'the code is cut short');
  if (bytes[0] !== VERSION) throw new PointsError('version', `unknown version ${bytes[0]}`);
  const C = bytes[1];
  if (C < L.minClasses || C > L.maxClasses) throw new PointsError('classes', `${C} classes`);
  const head = 2 + 2 * C;
  if (bytes.length < head) throw new PointsError('length', 'the code is cut short');
  const per: number[] = [];
  for (let c = 0; c < C; c++) per.push((bytes[2 + 2 * c] << 8) | bytes[3 + 2 * c]);
  const n = per.reduce((a, b) => a + b, 0);
  if (n > L.maxPoints) throw new PointsError('too-many', `${n} points`);
  if (bytes.length !== head + 3 * n) throw new PointsError('length', `${bytes.length - head} bytes of points for ${n} points`);
  const x = mat(n, 2);
  const labels = new Int32Array(n);
  let o = head, i = 0;
  for (let c = 0; c < C; c++) {
    for (let k = 0; k < per[c]; k++, i++) {
      const qx = (bytes[o] << 4) | (bytes[o + 1] >> 4);
      const qy = ((bytes[o + 1] & 15) << 8) | bytes[o + 2];
      o += 3;
      x.data[2 * i] = fromQ(qx - 2048);
      x.data[2 * i + 1] = fromQ(qy - 2048);
      labels[i] = c;
    }
  }
  const set = { x, labels, classes: C };
  const bad = pointsProblem(set, L);
  if (bad) throw new PointsError(bad.reason, bad.detail);
  return set;
}

/** Why a URL code is unusable (a PointsProblem), or undefined: the settings schema's check. */
export function pointsCodeProblem(code: string, L: PointLimits): PointsProblem | undefined {
  try {
    decodePoints(code, L);
    return undefined;
  } catch (e) {
    if (e instanceof PointsError) return e.reason;
    throw e;
  }
}

/** Points a URL code says it holds, read from its header alone (0 when there is no header). */
export function pointsInCode(code: string): number {
  try {
    const head = fromBase64Url(code.slice(0, 20)); // 20 characters = 15 bytes ⊇ the longest header (14)
    let n = 0;
    for (let c = 0; c < head[1] && 3 + 2 * c < head.length; c++) n += (head[2 + 2 * c] << 8) | head[3 + 2 * c];
    return n;
  } catch {
    return 0;
  }
}

function fromQ(q: number): number {
  return q === 0 ? 0 : q / 1000;
}

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i], b = bytes[i + 1] ?? 0, c = bytes[i + 2] ?? 0;
    const left = bytes.length - i;
    out += B64[a >> 2] + B64[((a & 3) << 4) | (b >> 4)];
    if (left > 1) out += B64[((b & 15) << 2) | (c >> 6)];
    if (left > 2) out += B64[c & 63];
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new PointsError('syntax', 'not a whole number of bytes');
  const vals = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const v = B64.indexOf(text[i]);
    if (v < 0) throw new PointsError('syntax', `character “${text[i]}” is not allowed`);
    vals[i] = v;
  }
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = vals[i], b = vals[i + 1], c = vals[i + 2] ?? 0, d = vals[i + 3] ?? 0;
    out[o++] = (a << 2) | (b >> 4);
    if (i + 2 < text.length) out[o++] = ((b & 15) << 4) | (c >> 2);
    if (i + 3 < text.length) out[o++] = ((c & 3) << 6) | d;
  }
  return out;
}

// ---- JSON file ----------------------------------------------------------------------------------

/** The `format` field of the JSON file. */
export const POINTS_FORMAT = 'dlfs2-points';

/** The JSON file of a set: `{ format, version, classes, points: [[x, y, class], …] }`. */
export function pointsToJson(set: PointSet): string {
  const s = canonical(set);
  const points: [number, number, number][] = [];
  for (let i = 0; i < s.labels.length; i++) points.push([s.x.data[2 * i], s.x.data[2 * i + 1], s.labels[i]]);
  const head = `"format": ${JSON.stringify(POINTS_FORMAT)}, "version": ${VERSION}, "classes": ${s.classes}`;
  // one point per line: readable, and diffs well
  return `{${head}, "points": [\n${points.map((p) => JSON.stringify(p)).join(',\n')}\n]}\n`;
}

/** The set of a JSON file; throws a PointsError for anything else. */
export function pointsFromJson(text: string, L: PointLimits): PointSet {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new PointsError('syntax', 'not JSON');
  }
  const o = v as { format?: unknown; version?: unknown; classes?: unknown; points?: unknown };
  if (!o || typeof o !== 'object' || o.format !== POINTS_FORMAT) throw new PointsError('syntax', `not a “${POINTS_FORMAT}” file`);
  if (o.version !== VERSION) throw new PointsError('version', `unknown version ${String(o.version)}`);
  const C = o.classes;
  if (typeof C !== 'number' || !Number.isInteger(C) || C < L.minClasses || C > L.maxClasses) {
    throw new PointsError('classes', `${String(C)} classes`);
  }
  if (!Array.isArray(o.points)) throw new PointsError('syntax', 'no list of points');
  if (o.points.length > L.maxPoints) throw new PointsError('too-many', `${o.points.length} points`);
  const n = o.points.length;
  const x: Mat = mat(n, 2);
  const labels = new Int32Array(n);
  o.points.forEach((p: unknown, i: number) => {
    if (!Array.isArray(p) || p.length !== 3 || !p.every((e) => typeof e === 'number')) throw new PointsError('syntax', `point ${i} is not [x, y, class]`);
    const [a, b, c] = p as number[];
    if (!(Math.abs(a) <= L.maxAbs && Math.abs(b) <= L.maxAbs)) throw new PointsError('range', `point ${i} lies outside ±${L.maxAbs}`);
    if (!Number.isInteger(c) || c < 0 || c >= C) throw new PointsError('classes', `point ${i} has class ${c}`);
    x.data[2 * i] = a;
    x.data[2 * i + 1] = b;
    labels[i] = c;
  });
  const set = canonical({ x, labels, classes: C });
  const bad = pointsProblem(set, L);
  if (bad) throw new PointsError(bad.reason, bad.detail);
  return set;
}
