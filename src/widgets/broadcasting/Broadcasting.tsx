import { useId, useState } from 'react';
import {
  broadcastShapes,
  elementwise,
  formatShape,
  formatValue,
  isBroadcastCopy,
  parseArrayLiteral,
  parseShape,
  ravel,
  sourceIndex,
  OPS,
  type NDArray,
  type Op,
  type Shape,
} from '../../nn/ndarray';
import ndarraySrc from '../../nn/ndarray.ts?raw';
import { defineStrings, useStrings } from '../../app/i18n';
import { ArrayGrid } from '../ui/ArrayGrid';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { ShowCode } from '../ui/ShowCode';
import { TextField } from '../ui/TextField';
import { Widget } from '../ui/Widget';
import { describeParseError, parseErrorStrings } from '../ui/parseMessages';
import { alignAxes, drawable, makeOperand, MAX_DIM, MAX_DIMS, type Operand, type OperandResult } from './broadcastModel';
import '../ui/controls.css';
import './Broadcasting.css';

const S = defineStrings({
  ja: {
    title: 'ブロードキャスト・エクスプローラ',
    shapeA: 'A の形状',
    shapeB: 'B の形状',
    valuesA: 'A の値（省略可）',
    valuesB: 'B の値（省略可）',
    auto: '空欄なら自動',
    op: '演算',
    presets: 'プリセット：',
    presetScalar: '行列 × スカラー',
    presetVector: '行列 × ベクトル',
    presetColumn: '列 × 行',
    presetBad: '形状が合わない例',
    presetDocs: '4 次元（NumPy の例）',
    axes: '右端の軸からそろえて比べます',
    axis: '軸',
    result: '結果',
    fits: '一致',
    one: '1 を伸ばす',
    missing: '長さ 1 の軸を補う',
    clash: '不一致',
    stretchedA: (shape: string) => `A を ${shape} に伸ばしたもの`,
    stretchedB: (shape: string) => `B を ${shape} に伸ばしたもの`,
    resultGrid: (shape: string) => `結果（形状 ${shape}）`,
    legend: '点線のマスはコピー（実際にはメモリ上に作られません）、実線のマスが元の値です。',
    resultShape: '結果の形状',
    copyOf: (v: string) => `コピー（${v}）`,
    errorHelp: '右端からそろえた軸の長さが、どちらも 1 でなく、しかも違っています。',
    noDrawing: `この形状は絵にしません（描けるのは ${MAX_DIMS} 次元まで、各軸 ${MAX_DIM} 個まで）。結果の形状とエラーは、どんな形状でも NumPy と同じ規則で求めています。`,
    tooManyAxes: 'NumPy の配列の軸は 32 個までです（NumPy 2 では 64 個まで）。',
    valuesShape: (s: string) => `値の形状 ${s} が、指定した形状と違います（形状の欄を直すか、値を消してください）。`,
  },
  en: {
    title: 'Broadcasting explorer',
    shapeA: 'Shape of A',
    shapeB: 'Shape of B',
    valuesA: 'Values of A (optional)',
    valuesB: 'Values of B (optional)',
    auto: 'auto if empty',
    op: 'Operation',
    presets: 'Presets:',
    presetScalar: 'matrix × scalar',
    presetVector: 'matrix × vector',
    presetColumn: 'column × row',
    presetBad: 'shapes that don’t fit',
    presetDocs: '4-D (NumPy’s example)',
    axes: 'NumPy lines the shapes up at the right and compares axis by axis',
    axis: 'axis',
    result: 'result',
    fits: 'same',
    one: 'stretch the 1',
    missing: 'length-1 axis added',
    clash: 'mismatch',
    stretchedA: (shape: string) => `A stretched to ${shape}`,
    stretchedB: (shape: string) => `B stretched to ${shape}`,
    resultGrid: (shape: string) => `Result (shape ${shape})`,
    legend: 'Dashed cells are copies (NumPy never actually makes them in memory); solid cells hold the original values.',
    resultShape: 'Result shape',
    copyOf: (v: string) => `copy (${v})`,
    errorHelp: 'On some axis, lined up from the right, the two lengths differ and neither is 1.',
    noDrawing: `Not drawn: the widget draws up to ${MAX_DIMS} dimensions with at most ${MAX_DIM} per axis. The result shape and the error follow NumPy’s rule for any shape.`,
    tooManyAxes: 'A NumPy array has at most 32 axes (64 from NumPy 2).',
    valuesShape: (s: string) => `The values have shape ${s}, not the shape typed above (fix the shape or clear the values).`,
  },
});

interface Preset {
  key: 'presetScalar' | 'presetVector' | 'presetColumn' | 'presetBad' | 'presetDocs';
  a: [string, string];
  b: [string, string];
  op: Op;
}

// §1.1.3: the book's two examples (matrix × scalar, matrix × vector), plus one that stretches
// both operands, one that fails, and NumPy's documentation example, too big to draw.
const PRESETS: Preset[] = [
  { key: 'presetScalar', a: ['(2, 2)', '[[1, 2], [3, 4]]'], b: ['()', '10'], op: '*' },
  { key: 'presetVector', a: ['(2, 2)', '[[1, 2], [3, 4]]'], b: ['(2,)', '[10, 20]'], op: '*' },
  { key: 'presetColumn', a: ['(3, 1)', ''], b: ['(4,)', ''], op: '+' },
  { key: 'presetBad', a: ['(2, 3)', ''], b: ['(2,)', ''], op: '+' },
  { key: 'presetDocs', a: ['(8, 1, 6, 1)', ''], b: ['(7, 1, 5)', ''], op: '+' },
];

/**
 * §1.1.3: two arrays, the result shape or NumPy's error for any shapes, and for arrays of 0–3
 * dimensions (at most 6 per axis) how NumPy stretches each, cell by cell.
 */
export function Broadcasting() {
  const s = useStrings(S);
  const pe = useStrings(parseErrorStrings);
  const [a, setA] = useState<[string, string]>(PRESETS[1].a);
  const [b, setB] = useState<[string, string]>(PRESETS[1].b);
  const [op, setOp] = useState<Op>('*');
  const opA = makeOperand(a[0], a[1], 1, 1);
  const opB = makeOperand(b[0], b[1], 10, 10);

  const fieldError = (r: OperandResult, field: 'shape' | 'values', text: string): string | undefined => {
    if (r.ok || r.field !== field) return undefined;
    if (field === 'shape' && r.code === 'too-deep') return s.tooManyAxes;
    if (r.code === 'values-shape') return s.valuesShape(shapeOfValues(text) ?? '?');
    return describeParseError(pe, { ...r, code: r.code }, text, field === 'shape');
  };

  const apply = (p: Preset) => {
    setA(p.a);
    setB(p.b);
    setOp(p.op);
  };

  return (
    <Widget name="broadcasting" title={s.title}>
      <div className="presets">
        <span className="field-label">{s.presets}</span>
        {PRESETS.map((p) => (
          <button key={p.key} type="button" onClick={() => apply(p)} data-testid={`broadcast-preset-${p.key.slice(6).toLowerCase()}`}>
            {s[p.key]}
          </button>
        ))}
      </div>
      <div className="widget-controls bc-controls">
        <div className="bc-operand">
          <TextField label={s.shapeA} value={a[0]} size={13} testId="broadcast-shape-a" error={fieldError(opA, 'shape', a[0])} onChange={(t) => setA([t, fitsValues(t, a[1]) ? a[1] : ''])} />
          <TextField label={s.valuesA} value={a[1]} placeholder={s.auto} testId="broadcast-values-a" error={fieldError(opA, 'values', a[1])} onChange={(t) => setA([shapeOfValues(t) ?? a[0], t])} />
        </div>
        <ChoiceGroup label={s.op} value={op} options={OPS.map((o) => ({ value: o, label: o }))} onChange={setOp} testId="broadcast-op" />
        <div className="bc-operand">
          <TextField label={s.shapeB} value={b[0]} size={13} testId="broadcast-shape-b" error={fieldError(opB, 'shape', b[0])} onChange={(t) => setB([t, fitsValues(t, b[1]) ? b[1] : ''])} />
          <TextField label={s.valuesB} value={b[1]} placeholder={s.auto} testId="broadcast-values-b" error={fieldError(opB, 'values', b[1])} onChange={(t) => setB([shapeOfValues(t) ?? b[0], t])} />
        </div>
      </div>
      {opA.ok && opB.ok && <Outcome A={opA.value} B={opB.value} op={op} />}
      <ShowCode source={ndarraySrc} path="src/nn/ndarray.ts" names={['broadcastShapes', 'sourceIndex', 'elementwise']} book={<code>NumPy: a + b, a * b（broadcasting）</code>} />
    </Widget>
  );
}

function Outcome({ A, B, op }: { A: Operand; B: Operand; op: Op }) {
  const s = useStrings(S);
  const shape = broadcastShapes(A.shape, B.shape);
  const rows = alignAxes(A.shape, B.shape);
  // Drawn only when both operands have values and the result fits the drawing limits; the shape
  // (or NumPy's error) above is given for any shapes.
  const drawn = shape.ok && A.array && B.array && drawable(shape.value) ? { a: A.array, b: B.array, out: shape.value } : undefined;
  const result = drawn && elementwise(op, drawn.a, drawn.b);
  return (
    <>
      <AxisTable rows={rows} A={A.shape} B={B.shape} />
      <div className="result-line" data-testid="broadcast-result" aria-live="polite">
        {shape.ok ? (
          <>
            <code>
              A {op} B
            </code>{' '}
            → {s.resultShape} <span className="ok">{formatShape(shape.value)}</span>
          </>
        ) : (
          <div className="error-msg" role="alert">
            ValueError: {shape.error}
          </div>
        )}
      </div>
      {!shape.ok && <p className="w-note">{s.errorHelp}</p>}
      {shape.ok && !drawn && (
        <p className="w-note" data-testid="broadcast-not-drawn">
          {s.noDrawing}
        </p>
      )}
      {drawn && result?.ok && (
        <>
          <div className="bc-grids">
            <Stretched arr={drawn.a} out={drawn.out} caption={s.stretchedA(formatShape(drawn.out))} testId="broadcast-stretched-a" />
            <span className="bc-op" aria-hidden="true">
              {op}
            </span>
            <Stretched arr={drawn.b} out={drawn.out} caption={s.stretchedB(formatShape(drawn.out))} testId="broadcast-stretched-b" />
            <span className="bc-op" aria-hidden="true">
              =
            </span>
            <ArrayGrid
              shape={result.value.shape}
              label={s.resultGrid(formatShape(result.value.shape))}
              caption={s.resultGrid(formatShape(result.value.shape))}
              text={(c) => formatValue(result.value.data[c.flat], result.value.dtype)}
              testId="broadcast-result-grid"
            />
          </div>
          <p className="w-note">{s.legend}</p>
        </>
      )}
    </>
  );
}

function Stretched({ arr, out, caption, testId }: { arr: NDArray; out: Shape; caption: string; testId: string }) {
  const s = useStrings(S);
  const value = (idx: number[]) => formatValue(arr.data[ravel(sourceIndex(arr.shape, out, idx), arr.shape)], arr.dtype);
  return (
    <ArrayGrid
      shape={out}
      label={caption}
      caption={caption}
      testId={testId}
      text={(c) => value(c.idx)}
      cellClass={(c) => (isBroadcastCopy(arr.shape, out, c.idx) ? 'ghost' : undefined)}
      cellProps={(c) => (isBroadcastCopy(arr.shape, out, c.idx) ? { 'aria-label': s.copyOf(value(c.idx)) } : {})}
    />
  );
}

function AxisTable({ rows, A, B }: { rows: ReturnType<typeof alignAxes>; A: Shape; B: Shape }) {
  const s = useStrings(S);
  const captionId = useId();
  const note = (r: (typeof rows)[number]) => {
    if (r.out === undefined) return s.clash;
    if (r.stretched === 'none') return s.fits;
    const side = r.stretched === 'a' ? r.a : r.b;
    return side === undefined ? s.missing : s.one;
  };
  return (
    <div className="bc-axes-wrap">
      <p className="bc-axes-caption" id={captionId}>
        {s.axes}
      </p>
      <table className="bc-axes" data-testid="broadcast-axes" aria-labelledby={captionId}>
        <thead>
          <tr>
            <th scope="col">{s.axis}</th>
            {rows.map((r) => (
              <th scope="col" key={r.axis}>
                {r.axis}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">A {formatShape(A)}</th>
            {rows.map((r) => (
              <td key={r.axis} className={r.stretched === 'a' ? 'stretch' : undefined}>
                {r.a ?? '·'}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">B {formatShape(B)}</th>
            {rows.map((r) => (
              <td key={r.axis} className={r.stretched === 'b' ? 'stretch' : undefined}>
                {r.b ?? '·'}
              </td>
            ))}
          </tr>
          <tr className="bc-out">
            <th scope="row">{s.result}</th>
            {rows.map((r) => (
              <td key={r.axis} className={r.out === undefined ? 'clash' : undefined}>
                {r.out ?? '✗'}
                <span className="bc-note">{note(r)}</span>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}


/** The NumPy-printed shape of typed values, if they parse. */
function shapeOfValues(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const r = parseArrayLiteral(text);
  return r.ok ? formatShape(r.value.shape) : undefined;
}

/** Keep typed values while the shape still matches them; a new shape clears them. */
function fitsValues(shapeText: string, valuesText: string): boolean {
  const shape = parseShape(shapeText);
  const v = parseArrayLiteral(valuesText);
  return shape.ok && v.ok && formatShape(shape.value) === formatShape(v.value.shape);
}
