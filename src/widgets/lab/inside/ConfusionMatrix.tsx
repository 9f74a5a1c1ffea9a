import { forwardRef, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import { useStrings } from '../../../app/i18n';
import { useTheme } from '../../../state/theme';
import { perClassAccuracy } from '../../../nn/confusion';
import { insideStrings } from './strings';
import { readColours, type ViewColours } from './colours';
import './inside.css';

export interface ConfusionHandle {
  /** Shows a confusion matrix (true class × predicted, row-major counts). */
  draw(counts: Int32Array, classes: number): void;
}

interface Cells {
  counts: HTMLElement[];
  acc: HTMLElement[];
}

/**
 * Per-class results beside the lab's accuracy: the confusion matrix of the training data and
 * each class's accuracy. React builds the table for the number of classes; the counts are
 * written into its cells at the lab's pace (only the cells that changed).
 */
export const ConfusionMatrix = forwardRef<ConfusionHandle>(function ConfusionMatrix(_, ref) {
  const s = useStrings(insideStrings);
  const theme = useTheme((t) => t.theme);
  const [classes, setClasses] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const total = useRef<HTMLParagraphElement>(null);
  const cells = useRef<Cells>({ counts: [], acc: [] });
  const last = useRef<{ counts: Int32Array; classes: number } | null>(null);
  const colours = useRef<ViewColours | null>(null);
  const classesRef = useRef(classes);
  classesRef.current = classes;
  const sRef = useRef(s);
  sRef.current = s;

  const write = () => {
    const el = root.current, l = last.current;
    if (!el || !l || l.classes !== classesRef.current) return;
    const { counts, classes: C } = l;
    const c = (colours.current ??= readColours(el));
    const acc = perClassAccuracy({ classes: C, counts });
    let n = 0;
    for (let t = 0; t < C; t++) {
      let row = 0;
      for (let p = 0; p < C; p++) row += counts[t * C + p];
      n += row;
      for (let p = 0; p < C; p++) {
        const cell = cells.current.counts[t * C + p];
        const v = String(counts[t * C + p]);
        if (!cell || cell.textContent === v) continue;
        cell.textContent = v;
        // shade by the share of the row: the diagonal (right) in blue, mistakes in vermilion;
        // at most 38 % opaque, so the text keeps a 4.5:1 contrast in both themes
        const share = row > 0 ? counts[t * C + p] / row : 0;
        const [r, g, b] = t === p ? c.pos : c.neg;
        cell.style.background = share > 0 ? `rgba(${r}, ${g}, ${b}, ${(0.06 + 0.32 * share).toFixed(3)})` : '';
      }
      const text = Number.isFinite(acc[t]) ? `${(acc[t] * 100).toFixed(1)} %` : '—';
      const a = cells.current.acc[t];
      if (a && a.textContent !== text) a.textContent = text;
    }
    const foot = sRef.current.cmTotal(n);
    if (total.current && total.current.textContent !== foot) total.current.textContent = foot;
    if (el.dataset.total !== String(n)) el.dataset.total = String(n);
  };
  const writeRef = useRef(write);
  writeRef.current = write;

  useImperativeHandle(ref, () => ({
    draw(counts, C) {
      last.current = { counts, classes: C };
      if (C !== classesRef.current) setClasses(C);
      else writeRef.current();
    },
  }), []);

  // a new table (classes or language changed) or theme: find the cells and write everything again
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    colours.current = null;
    const C = classes;
    const counts: HTMLElement[] = [];
    const acc: HTMLElement[] = [];
    for (let t = 0; t < C; t++) {
      for (let p = 0; p < C; p++) counts.push(el.querySelector<HTMLElement>(`[data-testid="cm-${t}-${p}"]`)!);
      acc.push(el.querySelector<HTMLElement>(`[data-testid="cm-acc-${t}"]`)!);
    }
    for (const cell of counts) cell.textContent = '';
    cells.current = { counts, acc };
    write();
  }, [classes, theme, s]);

  const range = Array.from({ length: classes }, (_, k) => k);
  return (
    <div className="confusion" data-testid="confusion-matrix" ref={root} data-classes={classes}>
      {classes > 0 && (
        <table>
          <caption>{s.cmTitle}</caption>
          <thead>
            <tr>
              <th scope="col" className="cm-corner">{s.cmCorner}</th>
              {range.map((p) => <th key={p} scope="col" aria-label={s.cmPred(p)}>{p}</th>)}
              <th scope="col">{s.cmAcc}</th>
            </tr>
          </thead>
          <tbody>
            {range.map((t) => (
              <tr key={t}>
                <th scope="row" aria-label={s.cmTrue(t)}>{t}</th>
                {range.map((p) => <td key={p} className={t === p ? 'hit' : undefined} data-testid={`cm-${t}-${p}`} />)}
                <td data-testid={`cm-acc-${t}`} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="cm-total" ref={total} />
    </div>
  );
});
