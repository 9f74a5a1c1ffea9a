import type { HTMLAttributes, ReactNode } from 'react';
import { sizeOf, type Shape } from '../../nn/ndarray';
import './ArrayGrid.css';

export interface CellInfo {
  /** Flat (C-order) position. */
  flat: number;
  /** Multi-index, e.g. [1, 2]. */
  idx: number[];
}

interface Props {
  shape: Shape;
  /** The text of a cell. */
  text: (cell: CellInfo) => string;
  /** Extra classes for a cell (e.g. `ghost`, `hl`). */
  cellClass?: (cell: CellInfo) => string | undefined;
  /** Extra attributes for a cell (tabIndex, handlers, aria-label…). */
  cellProps?: (cell: CellInfo) => HTMLAttributes<HTMLTableCellElement>;
  /** Accessible name of the whole grid. */
  label: string;
  testId?: string;
  caption?: ReactNode;
}

/**
 * Draws a 0–3-d array as NumPy prints it, but as boxes: a 0-d array is one box, a 1-d array one
 * row, a 2-d array rows × columns, a 3-d array a row of 2-d blocks labelled [0], [1], ….
 * Wide arrays scroll inside their own box, never the page.
 */
export function ArrayGrid({ shape, text, cellClass, cellProps, label, testId, caption }: Props) {
  const nd = shape.length;
  const blocks = nd === 3 ? shape[0] : 1;
  const rows = nd >= 2 ? shape[nd - 2] : 1;
  const cols = nd >= 1 ? shape[nd - 1] : 1;
  const total = sizeOf(shape);
  const block = (b: number) => {
    const body = [];
    for (let r = 0; r < rows; r++) {
      const cells = [];
      for (let c = 0; c < cols; c++) {
        const flat = (b * rows + r) * cols + c;
        const idx = nd === 0 ? [] : nd === 1 ? [c] : nd === 2 ? [r, c] : [b, r, c];
        const cell = { flat, idx };
        cells.push(
          <td key={c} className={`ag-cell ${cellClass?.(cell) ?? ''}`} data-idx={idx.join(',')} {...cellProps?.(cell)}>
            {text(cell)}
          </td>,
        );
      }
      body.push(<tr key={r}>{cells}</tr>);
    }
    return (
      <div className="ag-block" key={b}>
        {nd === 3 && <div className="ag-block-label">[{b}]</div>}
        <table className={`ag-table ag-${nd}d`}>
          <tbody>{body}</tbody>
        </table>
      </div>
    );
  };
  return (
    <figure className="ag" role="group" aria-label={label} data-testid={testId} data-shape={shape.join(',')}>
      {caption && <figcaption className="ag-caption">{caption}</figcaption>}
      <div className="ag-scroll">
        {total === 0 ? <span className="ag-empty">[ ]</span> : Array.from({ length: blocks }, (_, b) => block(b))}
      </div>
    </figure>
  );
}
