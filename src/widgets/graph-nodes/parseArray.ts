/**
 * Reads a small array the reader typed: a number (`3`), a row (`[1, 2, 3]` or `1 2 3`) or a
 * matrix (`[[1, 2], [3, 4]]`). A row and a number become one-row matrices, as the nodes expect.
 * Returns a message key instead of throwing, so the widget can say what is wrong. Pure.
 */
import { type Mat, fromRows } from '../../nn/matrix';

export type ParseResult = { ok: true; value: Mat } | { ok: false; error: 'syntax' | 'ragged' | 'empty' | 'tooBig' };

const MAX_CELLS = 64;

export function parseArray(text: string): ParseResult {
  const t = text.trim();
  if (t === '') return { ok: false, error: 'empty' };
  let v: unknown;
  if (t.startsWith('[')) {
    try {
      v = JSON.parse(t.replace(/,\s*]/g, ']'));
    } catch {
      return { ok: false, error: 'syntax' };
    }
  } else {
    const parts = t.split(/[\s,]+/).filter(Boolean);
    v = parts.length === 1 ? Number(parts[0]) : parts.map(Number);
  }
  let rows: unknown[];
  if (typeof v === 'number') rows = [[v]];
  else if (Array.isArray(v) && v.length > 0 && v.every((e) => typeof e === 'number')) rows = [v];
  else if (Array.isArray(v) && v.length > 0 && v.every((e) => Array.isArray(e))) rows = v;
  else return { ok: false, error: Array.isArray(v) && v.length === 0 ? 'empty' : 'syntax' };
  const cols = (rows[0] as unknown[]).length;
  if (cols === 0) return { ok: false, error: 'empty' };
  for (const r of rows as unknown[][]) {
    if (r.length !== cols) return { ok: false, error: 'ragged' };
    if (!r.every((e) => typeof e === 'number' && Number.isFinite(e))) return { ok: false, error: 'syntax' };
  }
  if (rows.length * cols > MAX_CELLS) return { ok: false, error: 'tooBig' };
  return { ok: true, value: fromRows(rows as number[][]) };
}

/** Writes a matrix back in the form parseArray reads (a number, a row, or nested rows). */
export function formatArray(m: Mat, digits = 4): string {
  const f = (x: number) => fmt(x, digits);
  if (m.rows === 1 && m.cols === 1) return f(m.data[0]);
  const rows: string[] = [];
  for (let i = 0; i < m.rows; i++) rows.push(`[${Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols), f).join(', ')}]`);
  return m.rows === 1 ? rows[0] : `[${rows.join(', ')}]`;
}

/** Short, exact-looking numbers: integers as integers, others with up to `digits` significant digits. */
export function fmt(x: number, digits = 4): string {
  if (Object.is(x, -0)) return '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e6) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(digits)));
}
