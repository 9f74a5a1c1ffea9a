import { useState } from 'react';
import { elementwise, formatShape, formatValue, parseArrayLiteral, ravel, sourceIndex, OPS, type NDArray, type Op } from '../../nn/ndarray';
import ndarraySrc from '../../nn/ndarray.ts?raw';
import { defineStrings, useStrings } from '../../app/i18n';
import { ArrayGrid } from '../ui/ArrayGrid';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { ShowCode } from '../ui/ShowCode';
import { TextField } from '../ui/TextField';
import { Widget } from '../ui/Widget';
import { describeParseError, parseErrorStrings } from '../ui/parseMessages';
import '../ui/controls.css';
import './ArrayInspector.css';

const S = defineStrings({
  ja: {
    title: '配列インスペクタ',
    a: '配列 a（np.array に渡すリスト）',
    b: '配列 b',
    op: '要素ごとの演算',
    gridA: 'a の中身',
    gridB: 'b の中身',
    result: (op: string) => `a ${op} b の結果`,
    cellHint: '結果のマスにマウスを乗せるか Tab で選ぶと、どの要素どうしの計算かが表示されます。',
    tooBig: 'このウィジェットで描けるのは 3 次元まで、各軸 8 個までです。',
    calc: (ia: string, ib: string, expr: string) => `a[${ia}] と b[${ib}]：${expr}`,
    cell: (idx: string, v: string) => `結果[${idx}] = ${v}`,
  },
  en: {
    title: 'Array inspector',
    a: 'Array a (the list you pass to np.array)',
    b: 'Array b',
    op: 'Element-wise operation',
    gridA: 'Contents of a',
    gridB: 'Contents of b',
    result: (op: string) => `Result of a ${op} b`,
    cellHint: 'Point at a result cell, or reach it with Tab, to see which elements made it.',
    tooBig: 'This widget draws up to 3 dimensions with at most 8 per axis.',
    calc: (ia: string, ib: string, expr: string) => `a[${ia}] with b[${ib}]: ${expr}`,
    cell: (idx: string, v: string) => `result[${idx}] = ${v}`,
  },
});

const drawable = (a: NDArray) => a.shape.length <= 3 && a.shape.every((d) => d <= 8);

/** §1.1.1–1.1.2: type an array, see its grid, shape, ndim and dtype; then a op b, cell by cell. */
export function ArrayInspector() {
  const s = useStrings(S);
  const pe = useStrings(parseErrorStrings);
  const [textA, setTextA] = useState('[[1, 2, 3], [4, 5, 6]]');
  const [textB, setTextB] = useState('[[0, 1, 2], [3, 4, 5]]');
  const [op, setOp] = useState<Op>('+');
  const [focus, setFocus] = useState<number[] | null>(null);
  const A = parseArrayLiteral(textA);
  const B = parseArrayLiteral(textB);
  const errorOf = (r: ReturnType<typeof parseArrayLiteral>, text: string) =>
    r.ok ? (drawable(r.value) ? undefined : s.tooBig) : describeParseError(pe, r, text);
  const errA = errorOf(A, textA);
  const errB = errorOf(B, textB);
  const result = A.ok && B.ok && !errA && !errB ? elementwise(op, A.value, B.value) : undefined;
  const out = result?.ok ? result.value : undefined;
  // which source cells make the focused result cell (broadcasting maps several result cells to one)
  const srcA = A.ok && out && focus ? sourceIndex(A.value.shape, out.shape, focus) : undefined;
  const srcB = B.ok && out && focus ? sourceIndex(B.value.shape, out.shape, focus) : undefined;
  const same = (x: number[] | undefined, idx: number[]) => x !== undefined && x.length === idx.length && x.every((v, i) => v === idx[i]);

  return (
    <Widget name="array-inspector" title={s.title}>
      <div className="ai-operands">
        <Operand label={s.a} name="a" text={textA} onText={setTextA} arr={A.ok ? A.value : undefined} error={errA} grid={s.gridA} hl={srcA} same={same} testId="ai-a" />
        <Operand label={s.b} name="b" text={textB} onText={setTextB} arr={B.ok ? B.value : undefined} error={errB} grid={s.gridB} hl={srcB} same={same} testId="ai-b" />
      </div>
      <ChoiceGroup label={s.op} value={op} options={OPS.map((o) => ({ value: o, label: `a ${o} b` }))} onChange={setOp} testId="ai-op" />
      <div className="ai-result" data-testid="ai-result" aria-live="polite">
        {result && !result.ok && <div className="error-msg">ValueError: {result.error}</div>}
        {(errA || errB) && <div className="error-msg">{errA ?? errB}</div>}
        {out && (
          <>
            <ArrayGrid
              shape={out.shape}
              label={s.result(op)}
              caption={
                <>
                  {s.result(op)} — <code>shape {formatShape(out.shape)}</code>
                </>
              }
              text={(c) => formatValue(out.data[c.flat], out.dtype)}
              cellClass={(c) => (same(focus ?? undefined, c.idx) ? 'hl hl-strong' : undefined)}
              cellProps={(c) => ({
                tabIndex: 0,
                onMouseEnter: () => setFocus(c.idx),
                onFocus: () => setFocus(c.idx),
                'aria-label': s.cell(c.idx.join(', '), formatValue(out.data[c.flat], out.dtype)),
              })}
              testId="ai-result-grid"
            />
            <p className="readout ai-calc" data-testid="ai-calc">
              {focus && A.ok && B.ok && srcA && srcB && focus.length === out.shape.length
                ? s.calc(
                    srcA.join(', '),
                    srcB.join(', '),
                    `${formatValue(A.value.data[ravel(srcA, A.value.shape)], A.value.dtype)} ${op} ${formatValue(B.value.data[ravel(srcB, B.value.shape)], B.value.dtype)} = ${formatValue(out.data[ravel(focus, out.shape)], out.dtype)}`,
                  )
                : s.cellHint}
            </p>
          </>
        )}
      </div>
      <ShowCode source={ndarraySrc} path="src/nn/ndarray.ts" names={['parseArrayLiteral', 'elementwise']} book={<code>np.array([[1, 2], [3, 4]]), A.shape, A.ndim, A + B</code>} />
    </Widget>
  );
}

interface OperandProps {
  label: string;
  name: string;
  text: string;
  onText: (t: string) => void;
  arr?: NDArray;
  error?: string;
  grid: string;
  hl?: number[];
  same: (x: number[] | undefined, idx: number[]) => boolean;
  testId: string;
}

function Operand({ label, name, text, onText, arr, error, grid, hl, same, testId }: OperandProps) {
  return (
    <div className="ai-operand">
      <TextField label={label} value={text} onChange={onText} error={error} testId={`${testId}-input`} size={26} />
      {arr && !error && (
        <>
          <ArrayGrid shape={arr.shape} label={grid} text={(c) => formatValue(arr.data[c.flat], arr.dtype)} cellClass={(c) => (same(hl, c.idx) ? 'hl' : undefined)} testId={`${testId}-grid`} />
          <dl className="ai-props readout" data-testid={`${testId}-props`}>
            <div>
              <dt>{name}.shape</dt>
              <dd>{formatShape(arr.shape)}</dd>
            </div>
            <div>
              <dt>{name}.ndim</dt>
              <dd>{arr.shape.length}</dd>
            </div>
            <div>
              <dt>{name}.dtype</dt>
              <dd>{arr.dtype}</dd>
            </div>
          </dl>
        </>
      )}
    </div>
  );
}
