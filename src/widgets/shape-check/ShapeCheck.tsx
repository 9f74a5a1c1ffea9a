import { useId, useState } from 'react';
import { dotShape, formatShape, matmulShape, type Shape } from '../../nn/ndarray';
import ndarraySrc from '../../nn/ndarray.ts?raw';
import { defineStrings, useStrings } from '../../app/i18n';
import { ShowCode } from '../ui/ShowCode';
import { Widget } from '../ui/Widget';
import '../ui/controls.css';
import './ShapeCheck.css';

const S = defineStrings({
  ja: {
    title: '形状チェック',
    ndim: (n: string) => `${n} の次元数`,
    dim: (n: string, k: number) => `${n} の軸 ${k} の長さ`,
    rule: '行列の積では、A の最後の軸の長さと、B の「行」の軸の長さ（B が 2 次元なら最初の軸、1 次元ならその唯一の軸、3 次元以上なら最後から 2 番目の軸）が一致していなければなりません。',
    match: '対応する次元が一致しています',
    mismatch: '対応する次元が一致しません',
    vec: '1（ベクトル）',
    mat: '2（行列）',
    ten: '3（行列を重ねたもの）',
  },
  en: {
    title: 'Shape check',
    ndim: (n: string) => `Dimensions of ${n}`,
    dim: (n: string, k: number) => `Length of ${n} along axis ${k}`,
    rule: 'In a matrix product, the length of A’s last axis must equal the length of B’s “row” axis: its first axis when B is 2-D, its only axis when B is 1-D, its second-to-last axis when B has 3 or more dimensions.',
    match: 'the corresponding dimensions match',
    mismatch: 'the corresponding dimensions do not match',
    vec: '1 (vector)',
    mat: '2 (matrix)',
    ten: '3 (a stack of matrices)',
  },
});

/** The axes that must agree: A's last and B's first (1-D) or second-to-last. */
function coreAxes(a: Shape, b: Shape): [number, number] {
  return [a.length - 1, b.length === 1 ? 0 : b.length - 2];
}

/** §1.1.5: pick the shapes of A and B; see `(N, D) @ (D, H) → (N, H)` or NumPy's mismatch error. */
export function ShapeCheck() {
  const s = useStrings(S);
  const [a, setA] = useState<number[]>([2, 3]);
  const [b, setB] = useState<number[]>([3, 4]);
  const [ka, kb] = coreAxes(a, b);
  const ok = a[ka] === b[kb];
  const mm = matmulShape(a, b);
  const dt = dotShape(a, b);
  return (
    <Widget name="shape-check" title={s.title}>
      <div className="widget-controls sc-controls">
        <ShapePicker name="A" shape={a} onChange={setA} core={ka} ok={ok} />
        <ShapePicker name="B" shape={b} onChange={setB} core={kb} ok={ok} />
      </div>
      <p className="sc-symbolic">
        <code>(N, D) @ (D, H) → (N, H)</code>
      </p>
      <p className="sc-formula" aria-hidden="true">
        <Dims shape={a} core={ka} ok={ok} /> <span className="sc-at">@</span> <Dims shape={b} core={kb} ok={ok} /> <span className="sc-arrow">→</span>{' '}
        {mm.ok ? <span className="ok">{formatShape(mm.value)}</span> : <span className="sc-bad">✗</span>}
      </p>
      <p className="visually-hidden">{ok ? s.match : s.mismatch}</p>
      <div className="sc-lines">
        <Line code={`A @ B`} r={mm} testId="shape-check-matmul" />
        <Line code={`np.dot(A, B)`} r={dt} testId="shape-check-dot" />
      </div>
      <p className="w-note">{s.rule}</p>
      <ShowCode source={ndarraySrc} path="src/nn/ndarray.ts" names={['matmulShape', 'dotShape']} book={<code>np.dot(x, W)</code>} />
    </Widget>
  );
}

function Line({ code, r, testId }: { code: string; r: ReturnType<typeof matmulShape>; testId: string }) {
  return (
    <div className="sc-line" data-testid={testId} aria-live="polite">
      <code className="sc-code">{`>>> (${code}).shape`}</code>
      {r.ok ? <div className="sc-out ok">{formatShape(r.value)}</div> : <div className="error-msg">ValueError: {r.error}</div>}
    </div>
  );
}

function Dims({ shape, core, ok }: { shape: number[]; core: number; ok: boolean }) {
  if (shape.length === 1) return <span className="sc-dims">({<b className={ok ? 'sc-match' : 'sc-clash'}>{shape[0]}</b>},)</span>;
  return (
    <span className="sc-dims">
      (
      {shape.map((d, k) => (
        <span key={k}>
          {k > 0 && ', '}
          {k === core ? <b className={ok ? 'sc-match' : 'sc-clash'}>{d}</b> : d}
        </span>
      ))}
      )
    </span>
  );
}

function ShapePicker({ name, shape, onChange, core, ok }: { name: string; shape: number[]; onChange: (s: number[]) => void; core: number; ok: boolean }) {
  const s = useStrings(S);
  const id = useId();
  // Keep the axis that must match (A's last, B's first or second-to-last) when the ndim changes.
  const setNdim = (n: number) => {
    if (name === 'B' && n === 1) return onChange([shape[core]]);
    if (name === 'B' && shape.length === 1) return onChange(n === 2 ? [shape[0], 2] : [2, shape[0], 2]);
    const next = shape.slice(-n);
    while (next.length < n) next.unshift(2);
    onChange(next);
  };
  return (
    <fieldset className="sc-picker" data-testid={`shape-check-${name.toLowerCase()}`}>
      <legend>{name}</legend>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-nd`}>
          {s.ndim(name)}
        </label>
        <select id={`${id}-nd`} value={shape.length} onChange={(e) => setNdim(Number(e.currentTarget.value))} data-testid={`shape-check-${name.toLowerCase()}-ndim`}>
          <option value={1}>{s.vec}</option>
          <option value={2}>{s.mat}</option>
          <option value={3}>{s.ten}</option>
        </select>
      </div>
      <div className="sc-dim-inputs">
        (
        {shape.map((d, k) => (
          <span key={k} className="sc-dim">
            {k > 0 && ','}
            <input
              type="number"
              min={1}
              max={9}
              value={d}
              aria-label={s.dim(name, k)}
              className={k === core ? (ok ? 'sc-match' : 'sc-clash') : undefined}
              data-testid={`shape-check-${name.toLowerCase()}-${k}`}
              onChange={(e) => {
                const v = Math.round(Number(e.currentTarget.value));
                if (!Number.isFinite(v) || v < 1) return;
                onChange(shape.map((x, i) => (i === k ? Math.min(9, v) : x)));
              }}
            />
          </span>
        ))}
        {shape.length === 1 && ','})
      </div>
    </fieldset>
  );
}
