/**
 * The broadcasting explorer's pure logic (§1.1.3): turn what the reader typed into operands,
 * and line the two shapes up axis by axis the way NumPy compares them.
 */
import { filled, parseArrayLiteral, parseShape, type ErrorCode, type NDArray, type Shape } from '../../nn/ndarray';

/** Drawing limits: up to 3 dimensions and 6 cells per axis stay readable on a phone. */
export const MAX_DIMS = 3;
export const MAX_DIM = 6;

/**
 * An operand: its shape always (any shape NumPy allows, so the result shape or NumPy's error can
 * be given for shapes too big to draw), its values when it can be drawn or the reader typed them.
 */
export interface Operand {
  shape: Shape;
  array?: NDArray;
}

export type OperandResult = { ok: true; value: Operand } | { ok: false; code: ErrorCode | 'values-shape'; error: string; pos?: number; field: 'shape' | 'values' };

/**
 * An operand from its shape field and optional values field. With no values, a drawable shape is
 * filled with `start, start + step, …` so cells can be told apart; typed values must have the
 * typed shape.
 */
export function makeOperand(shapeText: string, valuesText: string, start: number, step: number): OperandResult {
  const shape = parseShape(shapeText);
  if (!shape.ok) return { ...shape, field: 'shape' };
  if (valuesText.trim() === '') return { ok: true, value: { shape: shape.value, array: drawable(shape.value) ? filled(shape.value, start, step) : undefined } };
  const values = parseArrayLiteral(valuesText);
  if (!values.ok) return { ...values, field: 'values' };
  if (!sameShape(values.value.shape, shape.value)) return { ok: false, code: 'values-shape', error: 'values do not have the typed shape', field: 'values' };
  return { ok: true, value: { shape: shape.value, array: values.value } };
}

export function drawable(shape: Shape): boolean {
  return shape.length <= MAX_DIMS && shape.every((d) => d <= MAX_DIM);
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** One axis of the comparison, counted from the right as NumPy does (-1 is the last axis). */
export interface AxisRow {
  axis: number;
  a?: number;
  b?: number;
  /** The result's length on this axis, or undefined when the two lengths clash. */
  out?: number;
  /** Which side gets stretched on this axis (its length is 1 or it has no such axis). */
  stretched: 'a' | 'b' | 'none';
}

/** The shapes aligned at the right, with the outcome on each axis. */
export function alignAxes(a: Shape, b: Shape): AxisRow[] {
  const n = Math.max(a.length, b.length);
  const rows: AxisRow[] = [];
  for (let i = n; i >= 1; i--) {
    const da = i <= a.length ? a[a.length - i] : undefined;
    const db = i <= b.length ? b[b.length - i] : undefined;
    const ea = da ?? 1;
    const eb = db ?? 1;
    const fits = ea === eb || ea === 1 || eb === 1;
    const out = fits ? (ea === 1 ? eb : ea) : undefined;
    const stretched = !fits || ea === eb ? 'none' : ea === 1 ? 'a' : 'b';
    rows.push({ axis: -i, a: da, b: db, out, stretched });
  }
  return rows;
}
