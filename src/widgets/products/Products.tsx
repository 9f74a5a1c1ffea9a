import { useState, type ReactNode } from 'react';
import { dotShape, formatShape, formatValue, matmul, parseArrayLiteral, productTerms, type NDArray } from '../../nn/ndarray';
import ndarraySrc from '../../nn/ndarray.ts?raw';
import { defineStrings, useStrings } from '../../app/i18n';
import { ArrayGrid } from '../ui/ArrayGrid';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { ShowCode } from '../ui/ShowCode';
import { TextField } from '../ui/TextField';
import { Widget } from '../ui/Widget';
import { describeParseError, parseErrorStrings } from '../ui/parseMessages';
import '../ui/controls.css';
import './Products.css';

const S = defineStrings({
  ja: {
    title: 'ベクトルの内積と行列の積',
    mode: '例',
    vector: 'ベクトルの内積',
    matrix: '行列の積',
    a: (v: boolean): string => (v ? 'x（ベクトル）' : 'A（行列）'),
    b: (v: boolean): string => (v ? 'y（ベクトル）' : 'B（行列）'),
    style: '書き方',
    result: '結果',
    hint: '結果のマスにマウスを乗せるか、Tab で選んでください。そのマスを作る行と列が強調され、積の和が表示されます。',
    tooBig: 'このウィジェットが扱うのは 1 次元と 2 次元の配列です。',
    same: 'どちらの書き方でも、1 次元・2 次元の配列なら結果は同じです。@ 演算子は Python 3.5 から使えます。',
    cellName: (i: string, v: string) => `結果 [${i}] = ${v}`,
  },
  en: {
    title: 'Inner products and matrix products',
    mode: 'Example',
    vector: 'inner product of vectors',
    matrix: 'matrix product',
    a: (v: boolean): string => (v ? 'x (a vector)' : 'A (a matrix)'),
    b: (v: boolean): string => (v ? 'y (a vector)' : 'B (a matrix)'),
    style: 'Written as',
    result: 'Result',
    hint: 'Point at a result cell or reach it with Tab: the row and column that make it light up, with the sum of products.',
    tooBig: 'This widget handles 1-D and 2-D arrays.',
    same: 'For 1-D and 2-D arrays both spellings give the same result. The @ operator exists since Python 3.5.',
    cellName: (i: string, v: string) => `result [${i}] = ${v}`,
  },
});

type Mode = 'vector' | 'matrix';
type Style = 'dot' | 'at';
const DEFAULTS: Record<Mode, [string, string]> = {
  vector: ['[1, 2, 3]', '[4, 5, 6]'],
  matrix: ['[[1, 2], [3, 4]]', '[[5, 6], [7, 8]]'],
};

/** §1.1.4: x·y and A·B; each output cell shows the row and column (and products) that make it. */
export function Products() {
  const s = useStrings(S);
  const pe = useStrings(parseErrorStrings);
  const [mode, setMode] = useState<Mode>('matrix');
  const [texts, setTexts] = useState(DEFAULTS.matrix);
  const [style, setStyle] = useState<Style>('at');
  const [cell, setCell] = useState<[number, number] | null>(null);
  const vec = mode === 'vector';
  const [na, nb] = vec ? ['x', 'y'] : ['A', 'B'];
  const A = parseArrayLiteral(texts[0]);
  const B = parseArrayLiteral(texts[1]);
  const small = (r: typeof A) => (r.ok && r.value.shape.length > 2 ? s.tooBig : undefined);
  const errA = A.ok ? small(A) : describeParseError(pe, A, texts[0]);
  const errB = B.ok ? small(B) : describeParseError(pe, B, texts[1]);
  const call = style === 'dot' ? `np.dot(${na}, ${nb})` : `${na} @ ${nb}`;
  let body: ReactNode = null;
  if (A.ok && B.ok && !errA && !errB) {
    // the error text depends on the spelling: np.dot and @ (np.matmul) word their mismatch differently
    const shape = style === 'dot' ? dotShape(A.value.shape, B.value.shape) : undefined;
    const r = shape && !shape.ok ? shape : matmul(A.value, B.value);
    body = r.ok ? <Result A={A.value} B={B.value} C={r.value} cell={cell} setCell={setCell} names={[na, nb]} /> : <div className="error-msg">ValueError: {r.error}</div>;
  }
  const pick = (m: Mode) => {
    setMode(m);
    setTexts(DEFAULTS[m]);
    setCell(null);
  };
  const hlA = A.ok && cell ? (c: number[]) => A.value.shape.length < 2 || c[0] === cell[0] : undefined;
  const hlB = B.ok && cell ? (c: number[]) => B.value.shape.length < 2 || c[1] === cell[1] : undefined;
  return (
    <Widget name="products" title={s.title}>
      <div className="widget-controls">
        <ChoiceGroup label={s.mode} value={mode} onChange={pick} options={[{ value: 'vector', label: s.vector }, { value: 'matrix', label: s.matrix }]} testId="products-mode" />
        <ChoiceGroup label={s.style} value={style} onChange={setStyle} options={[{ value: 'dot', label: `np.dot(${na}, ${nb})` }, { value: 'at', label: `${na} @ ${nb}` }]} testId="products-style" />
      </div>
      <div className="pr-operands">
        <div className="pr-operand">
          <TextField label={s.a(vec)} value={texts[0]} onChange={(t) => setTexts([t, texts[1]])} error={errA} testId="products-a" size={22} />
          {A.ok && !errA && <ArrayGrid shape={A.value.shape} label={s.a(vec)} text={(c) => formatValue(A.value.data[c.flat], A.value.dtype)} cellClass={(c) => (hlA?.(c.idx) ? 'hl' : undefined)} testId="products-a-grid" />}
        </div>
        <div className="pr-operand">
          <TextField label={s.b(vec)} value={texts[1]} onChange={(t) => setTexts([texts[0], t])} error={errB} testId="products-b" size={22} />
          {B.ok && !errB && (
            <ArrayGrid
              shape={B.value.shape}
              label={s.b(vec)}
              text={(c) => formatValue(B.value.data[c.flat], B.value.dtype)}
              cellClass={(c) => (hlB?.(c.idx.length === 1 ? [c.idx[0], 0] : c.idx) ? 'hl' : undefined)}
              testId="products-b-grid"
            />
          )}
        </div>
      </div>
      <div className="code-line" data-testid="products-code">
        {`>>> ${call}`}
      </div>
      <div className="pr-result" aria-live="polite" data-testid="products-result">
        {body}
      </div>
      <p className="w-note">{s.same}</p>
      <ShowCode source={ndarraySrc} path="src/nn/ndarray.ts" names={['productTerms', 'matmul']} book={<code>np.dot(x, y), np.dot(W, x)</code>} />
    </Widget>
  );
}

interface ResultProps {
  A: NDArray;
  B: NDArray;
  C: NDArray;
  cell: [number, number] | null;
  setCell: (c: [number, number]) => void;
  names: [string, string];
}

function Result({ A, B, C, cell, setCell, names }: ResultProps) {
  const s = useStrings(S);
  const at = (idx: number[]): [number, number] => {
    const i = A.shape.length === 2 ? idx[0] : 0;
    const j = B.shape.length === 2 ? idx[idx.length - 1] : 0;
    return [i, j];
  };
  const terms = cell ? productTerms(A, B, cell[0], cell[1]) : [];
  const dt = A.dtype === 'float64' || B.dtype === 'float64' ? 'float64' : 'int64';
  const f = (v: number) => formatValue(v, dt);
  const sum = terms.reduce((acc, t) => acc + t.a * t.b, 0);
  const rowName = A.shape.length === 2 && cell ? `${names[0]}[${cell[0]}, :]` : names[0];
  const colName = B.shape.length === 2 && cell ? `${names[1]}[:, ${cell[1]}]` : names[1];
  return (
    <div className="pr-out">
      <ArrayGrid
        shape={C.shape}
        label={`${s.result} ${formatShape(C.shape)}`}
        caption={
          <>
            {s.result} — <code>shape {formatShape(C.shape)}</code>
          </>
        }
        text={(c) => f(C.data[c.flat])}
        cellClass={(c) => (cell && at(c.idx).every((v, k) => v === cell[k]) ? 'hl hl-strong' : undefined)}
        cellProps={(c) => ({
          tabIndex: 0,
          onMouseEnter: () => setCell(at(c.idx)),
          onFocus: () => setCell(at(c.idx)),
          'aria-label': s.cellName(c.idx.join(', '), f(C.data[c.flat])),
        })}
        testId="products-result-grid"
      />
      <p className="readout pr-sum" data-testid="products-sum">
        {cell ? (
          <>
            {rowName} · {colName} = {terms.map((t) => `${f(t.a)}×${f(t.b)}`).join(' + ')} = <strong>{f(sum)}</strong>
          </>
        ) : (
          s.hint
        )}
      </p>
    </div>
  );
}
