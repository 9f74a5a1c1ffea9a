import type { StageArray } from '../../lab/iterationStages';
import { formatShape } from '../../nn/ndarray';
import { fmt } from '../graph-nodes/parseArray';
import { stepperStrings } from './strings';

/** Rows shown before "show all rows"; columns shown at most (hidden sizes go up to 100). */
export const FIRST_ROWS = 4;
export const MAX_COLS = 12;

type S = (typeof stepperStrings)['en'];

/** `W1-before`, `dW1`, `y-i-t_i-1e-7`: a stable test id from an array's name. */
export function arraySlug(a: StageArray): string {
  const base = a.name.replace(/[^A-Za-z0-9_]+/g, '-').replace(/^-|-$/g, '');
  return a.when ? `${base}-${a.when}` : base;
}

/**
 * One array of a stage as NumPy would hold it: a scalar in full precision, a vector as one row,
 * a matrix as its first rows (all rows on request) and at most MAX_COLS columns. Every cell
 * carries its exact value in `data-value`; the text rounds to 5 significant digits.
 */
export function StageArrayView({ a, s, allRows }: { a: StageArray; s: S; allRows: boolean }) {
  const slug = arraySlug(a);
  const caption = (
    <figcaption className="is-caption">
      <code className="is-name">{a.name}</code> <code>{formatShape(a.shape)}</code>{' '}
      <span className={`is-role is-role-${a.role}`}>{a.when ? s[a.when] : s.role[a.role]}</span>
    </figcaption>
  );
  if (a.shape.length === 0) {
    const v = a.data[0];
    return (
      <figure className="is-array is-scalar" data-testid={`stepper-array-${slug}`}>
        {caption}
        <output className="is-scalar-value" data-testid={`stepper-value-${slug}`} data-value={String(v)}>
          {String(v)}
        </output>
      </figure>
    );
  }
  const rows = a.shape.length === 1 ? 1 : a.shape[0];
  const cols = a.shape.length === 1 ? a.shape[0] : a.shape[1];
  const shownRows = a.shape.length === 1 || allRows ? rows : Math.min(rows, FIRST_ROWS);
  const shownCols = Math.min(cols, MAX_COLS);
  const isInt = a.data instanceof Int32Array;
  const body = [];
  for (let r = 0; r < shownRows; r++) {
    const cells = [];
    for (let c = 0; c < shownCols; c++) {
      const v = a.data[r * cols + c];
      cells.push(
        <td key={c} data-value={String(v)}>
          {isInt ? String(v) : fmt(v, 5)}
        </td>,
      );
    }
    body.push(
      <tr key={r}>
        {a.shape.length === 2 && <th scope="row">{r}</th>}
        {cells}
      </tr>,
    );
  }
  const notes = [shownRows < rows ? s.rowsNote(shownRows, rows) : '', shownCols < cols ? s.colsNote(shownCols, cols) : ''].filter(Boolean);
  return (
    <figure className="is-array" data-testid={`stepper-array-${slug}`} data-shape={a.shape.join(',')}>
      {caption}
      <div className="is-scroll" tabIndex={0} role="group" aria-label={`${a.name} ${formatShape(a.shape)}`}>
        <table className="is-table">
          <tbody>{body}</tbody>
        </table>
      </div>
      {notes.length > 0 && <div className="is-more">{notes.join(' · ')}</div>}
    </figure>
  );
}
