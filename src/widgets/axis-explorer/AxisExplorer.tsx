import { useState } from 'react';
import axesSrc from '../../nn/axes.ts?raw';
import { broadcastShapes, formatShape, formatValue, parseArrayLiteral, type NDArray } from '../../nn/ndarray';
import type { Axis } from '../../nn/axes';
import { defineStrings, useStrings } from '../../app/i18n';
import { useColon } from '../../app/punctuation';
import { ArrayGrid } from '../ui/ArrayGrid';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { ShowCode } from '../ui/ShowCode';
import { Slider } from '../ui/Slider';
import { TextField } from '../ui/TextField';
import { Widget } from '../ui/Widget';
import { describeParseError, parseErrorStrings } from '../ui/parseMessages';
import { drawable } from '../broadcasting/broadcastModel';
import { AXIS_CHOICES, AXIS_OPS, callText, cellExpression, isReduction, runQuery, sourcesOf, type AxisOp, type AxisQuery } from './axisModel';
import '../ui/controls.css';
import './AxisExplorer.css';

const S = defineStrings({
  ja: {
    title: '軸にそって計算する：sum、keepdims、.T、repeat',
    array: '配列 x',
    op: '演算',
    axis: 'axis',
    keepdims: '（つぶした軸を長さ 1 で残す）',
    repeats: 'くり返す回数',
    tooBig: 'このウィジェットで描けるのは 3 次元まで、各軸 6 個までの配列です。',
    input: (shape: string) => `x（形状 ${shape}）`,
    shapeOf: (shape: string) => `（形状 ${shape}）`,
    cell: (idx: string, v: string) => `結果[${idx}] = ${v}`,
    expr: (idx: string, e: string) => `${idx === '' ? '結果' : `結果[${idx}]`}：${e}`,
    hint: '結果のマスにマウスを乗せるか Tab で選ぶと、それを作る x のマスが光ります。',
    back: 'x とブロードキャストすると',
    backKeep: 'keepdims=True で残した長さ 1 の軸が、x に合わせて引き伸ばされます。本の softmax が x から x.max(axis=1, keepdims=True) を引けるのはこのためです。',
    backDrop: 'keepdims がないと、和をとった軸は消えます。右端からそろえ直すので、長さが合わなくなることがあります。',
  },
  en: {
    title: 'Working along an axis: sum, keepdims, .T, repeat',
    array: 'Array x',
    op: 'Operation',
    axis: 'axis',
    keepdims: '(keep the reduced axis, with length 1)',
    repeats: 'Repeats',
    tooBig: 'This widget draws arrays of up to 3 dimensions with at most 6 per axis.',
    input: (shape: string) => `x (shape ${shape})`,
    shapeOf: (shape: string) => ` (shape ${shape})`,
    cell: (idx: string, v: string) => `result[${idx}] = ${v}`,
    expr: (idx: string, e: string) => `${idx === '' ? 'result' : `result[${idx}]`}: ${e}`,
    hint: 'Point at a result cell, or Tab to it, to light up the cells of x it is made from.',
    back: 'Broadcast against x',
    backKeep: 'The length-1 axis kept by keepdims=True stretches to match x. This is why the book’s softmax can subtract x.max(axis=1, keepdims=True) from x.',
    backDrop: 'Without keepdims the reduced axis disappears; lined up again from the right, the lengths may no longer fit.',
  },
});

const OP_LABELS: Record<AxisOp, string> = { sum: 'x.sum', max: 'x.max', argmax: 'x.argmax', T: 'x.T', repeat: 'np.repeat' };
const axisKey = (a: Axis) => (a === null ? 'None' : String(a));
const sameIdx = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * §1.1 (used from §1.3 on): sum / max / argmax over an axis with and without keepdims, `.T` and
 * `np.repeat` on a small array; the shapes that come out, the cells each result cell is made
 * from, and whether the result broadcasts back against x.
 */
export function AxisExplorer() {
  const s = useStrings(S);
  const colon = useColon();
  const pe = useStrings(parseErrorStrings);
  const [text, setText] = useState('[[1, 2, 3], [4, 5, 6]]');
  const [q, setQ] = useState<AxisQuery>({ op: 'sum', axis: 0, keepdims: false, repeats: 2 });
  const [focus, setFocus] = useState<number[] | undefined>();
  const update = (patch: Partial<AxisQuery>) => {
    setQ({ ...q, ...patch });
    setFocus(undefined);
  };

  const parsed = parseArrayLiteral(text);
  const inputError = !parsed.ok ? describeParseError(pe, parsed, text, false) : !drawable(parsed.value.shape) ? s.tooBig : undefined;
  const x = parsed.ok && !inputError ? parsed.value : undefined;
  const result = x && runQuery(x, q);
  const out = result?.ok ? result.value : undefined;
  // the first cell is selected until the reader picks one, so the lit cells show from the start
  const selected = out && out.data.length > 0 ? (focus && focus.length === out.shape.length ? focus : out.shape.map(() => 0)) : undefined;
  const lit = x && selected ? sourcesOf(x, q, selected) : [];

  return (
    <Widget name="axis-explorer" title={s.title} data={{ 'data-call': callText(q), 'data-result-shape': out ? formatShape(out.shape) : undefined }}>
      <div className="widget-controls ax-controls">
        <TextField label={s.array} value={text} onChange={(t) => (setText(t), setFocus(undefined))} error={inputError} testId="axis-input" size={26} />
        <ChoiceGroup label={s.op} value={q.op} options={AXIS_OPS.map((o) => ({ value: o, label: OP_LABELS[o] }))} onChange={(op) => update({ op })} testId="axis-op" />
        {q.op !== 'T' && (
          <ChoiceGroup
            label={s.axis}
            value={axisKey(q.axis)}
            options={AXIS_CHOICES.map((a) => ({ value: axisKey(a), label: axisKey(a) }))}
            onChange={(a) => update({ axis: a === 'None' ? null : Number(a) })}
            testId="axis-axis"
          />
        )}
        {isReduction(q.op) && (
          <label className="ax-check">
            <input type="checkbox" checked={q.keepdims} onChange={(e) => update({ keepdims: e.currentTarget.checked })} data-testid="axis-keepdims" />
            <span>
              <code>keepdims=True</code>
              {s.keepdims}
            </span>
          </label>
        )}
        {q.op === 'repeat' && <Slider label={s.repeats} value={q.repeats} min={1} max={3} step={1} onChange={(repeats) => update({ repeats })} testId="axis-repeats" />}
      </div>
      {x && (
        <div className="ax-outcome" aria-live="polite">
          <p className="readout ax-call" data-testid="axis-shapes">
            <code>{callText(q)}</code>{colon}{formatShape(x.shape)} → {out ? <span className="ok">{formatShape(out.shape)}</span> : null}
          </p>
          {result && !result.ok && (
            <div className="error-msg" role="alert" data-testid="axis-error">
              {result.error.startsWith('axis ') ? 'AxisError' : 'ValueError'}: {result.error}
            </div>
          )}
          <div className="ax-grids">
            <ArrayGrid
              shape={x.shape}
              label={s.input(formatShape(x.shape))}
              caption={s.input(formatShape(x.shape))}
              text={(c) => formatValue(x.data[c.flat], x.dtype)}
              cellClass={(c) => (lit.some((idx) => sameIdx(idx, c.idx)) ? 'hl' : undefined)}
              testId="axis-in-grid"
            />
            {out && (
              <>
                <span className="ax-arrow" aria-hidden="true">
                  →
                </span>
                <ArrayGrid
                  shape={out.shape}
                  label={`${callText(q)}${s.shapeOf(formatShape(out.shape))}`}
                  caption={
                    <>
                      <code>{callText(q)}</code>
                      {s.shapeOf(formatShape(out.shape))}
                    </>
                  }
                  text={(c) => formatValue(out.data[c.flat], out.dtype)}
                  cellClass={(c) => (selected && sameIdx(selected, c.idx) ? 'hl hl-strong' : undefined)}
                  cellProps={(c) => ({
                    tabIndex: 0,
                    onMouseEnter: () => setFocus(c.idx),
                    onFocus: () => setFocus(c.idx),
                    'aria-label': s.cell(c.idx.join(', '), formatValue(out.data[c.flat], out.dtype)),
                  })}
                  testId="axis-out-grid"
                />
              </>
            )}
          </div>
          {out && selected && (
            <p className="readout ax-expr" data-testid="axis-cell-expr">
              {s.expr(selected.join(', '), cellExpression(x, q, selected, out))}
            </p>
          )}
          {out && <p className="w-note">{s.hint}</p>}
          {out && (q.op === 'sum' || q.op === 'max') && q.axis !== null && <BroadcastBack x={x} out={out} q={q} />}
        </div>
      )}
      <ShowCode source={axesSrc} path="src/nn/axes.ts" names={['reduce', 'transpose', 'repeat']} book={<code>x.sum(axis=1, keepdims=True), np.sum(dout, axis=0), W.T, np.repeat(x, N, axis=0)</code>} />
    </Widget>
  );
}

/** `x / x.sum(axis, keepdims)` (or `x - x.max(…)`): does the result broadcast back against x? */
function BroadcastBack({ x, out, q }: { x: NDArray; out: NDArray; q: AxisQuery }) {
  const s = useStrings(S);
  const colon = useColon();
  const fit = broadcastShapes(x.shape, out.shape);
  const sign = q.op === 'sum' ? '/' : '-';
  return (
    <div className="ax-back" data-testid="axis-broadcast">
      <p>
        {s.back}{colon}
        <span className="readout">
          <code>{`x ${sign} ${callText(q)}`}</code> → {formatShape(x.shape)} {sign} {formatShape(out.shape)} →{' '}
          {fit.ok ? <span className="ok">{formatShape(fit.value)}</span> : <span className="error-msg">ValueError: {fit.error}</span>}
        </span>
      </p>
      <p className="w-note">{q.keepdims ? s.backKeep : s.backDrop}</p>
    </div>
  );
}

