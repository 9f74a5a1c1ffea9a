/**
 * The axis widget's pure logic (§1.1): one operation on one small array, as NumPy writes it,
 * its result, and which input cells make each output cell. The arithmetic is src/nn/axes.ts.
 */
import { reduce, reductionSources, repeat, repeatSource, transpose, type Axis } from '../../nn/axes';
import { formatValue, ravel, type NDArray, type Result } from '../../nn/ndarray';

export type AxisOp = 'sum' | 'max' | 'argmax' | 'T' | 'repeat';
export const AXIS_OPS: readonly AxisOp[] = ['sum', 'max', 'argmax', 'T', 'repeat'];
/** The axis choices offered; NumPy's error answers the ones an array does not have. */
export const AXIS_CHOICES: readonly Axis[] = [null, 0, 1, 2, -1];

export interface AxisQuery {
  op: AxisOp;
  axis: Axis;
  keepdims: boolean;
  repeats: number;
}

export const isReduction = (op: AxisOp): op is 'sum' | 'max' | 'argmax' => op === 'sum' || op === 'max' || op === 'argmax';

const pyAxis = (axis: Axis) => (axis === null ? 'None' : String(axis));

/** The call as a reader would type it: `x.sum(axis=0, keepdims=True)`, `x.T`, `np.repeat(x, 2, axis=1)`. */
export function callText(q: AxisQuery): string {
  if (q.op === 'T') return 'x.T';
  if (q.op === 'repeat') return q.axis === null ? `np.repeat(x, ${q.repeats})` : `np.repeat(x, ${q.repeats}, axis=${q.axis})`;
  const args = [`axis=${pyAxis(q.axis)}`, ...(q.keepdims ? ['keepdims=True'] : [])];
  return `x.${q.op}(${args.join(', ')})`;
}

/** The result of the query on `x`, or NumPy's error text. */
export function runQuery(x: NDArray, q: AxisQuery): Result<NDArray> {
  if (q.op === 'T') return { ok: true, value: transpose(x) };
  if (q.op === 'repeat') return repeat(x, q.repeats, q.axis);
  return reduce(q.op, x, q.axis, q.keepdims);
}

/** The input cells (multi-indices) that output cell `outIdx` is made from. */
export function sourcesOf(x: NDArray, q: AxisQuery, outIdx: readonly number[]): number[][] {
  if (q.op === 'T') return [[...outIdx].reverse()];
  if (q.op === 'repeat') return [repeatSource(x.shape, q.repeats, q.axis, outIdx)];
  return reductionSources(x.shape, q.axis, q.keepdims, outIdx);
}

const cell = (idx: readonly number[]) => `x[${idx.join(', ')}]`;

/**
 * How output cell `outIdx` is computed, written out: `x[0, 2] + x[1, 2] = 3 + 6 = 9`,
 * `max(3, 6) = 6`, `argmax(3, 6) = 1`, `x[0, 2] = 3`.
 */
export function cellExpression(x: NDArray, q: AxisQuery, outIdx: readonly number[], out: NDArray): string {
  const src = sourcesOf(x, q, outIdx);
  const v = (idx: readonly number[]) => formatValue(x.data[ravel(idx, x.shape)], x.dtype);
  const result = formatValue(out.data[ravel(outIdx, out.shape)], out.dtype);
  if (!isReduction(q.op)) return `${cell(src[0])} = ${result}`;
  const values = src.map(v);
  if (q.op === 'sum') return src.length <= 6 ? `${src.map(cell).join(' + ')} = ${values.join(' + ')} = ${result}` : `${values.join(' + ')} = ${result}`;
  return `${q.op}(${values.join(', ')}) = ${result}`;
}
