import { useState } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { showNumber } from './softmaxMath';

const S = defineStrings({
  ja: {
    add: 'すべてのスコアに 1000 を足す',
    scores: '入力スコア',
    naive: 'そのまま exp(s) / Σexp(s)',
    stable: '最大値を引いてから（本の実装）',
    exp: 'exp(s)',
    explainBig:
      'exp(1000) は float64 で表せる最大値（約 1.8e308）を超えて Infinity になり、Infinity / Infinity は NaN です。最大値を先に引くと指数の中身が 0 以下になるので、あふれません。確率そのものは同じ値のままです。',
    explainSmall: 'スコアが小さいうちはどちらの計算でも同じ確率になります。1000 を足して比べてみてください。',
  },
  en: {
    add: 'Add 1000 to every score',
    scores: 'Scores',
    naive: 'As written: exp(s) / Σexp(s)',
    stable: 'Subtract the maximum first (the book’s way)',
    exp: 'exp(s)',
    explainBig:
      'exp(1000) is past the largest float64 (about 1.8e308), so it becomes Infinity, and Infinity / Infinity is NaN. Subtracting the maximum first makes every exponent 0 or less, so nothing overflows, and the probabilities stay exactly the same.',
    explainSmall: 'With small scores both ways give the same probabilities. Add 1000 and compare.',
  },
});

interface Props {
  scores: number[];
  naive: (s: readonly number[]) => number[];
  stable: (s: readonly number[]) => number[];
}

/** Why softmax subtracts the maximum: the same scores shifted by 1000, computed both ways. */
export function OverflowDemo({ scores, naive, stable }: Props) {
  const s = useStrings(S);
  const [big, setBig] = useState(false);
  const shifted = scores.map((v) => (big ? v + 1000 : v));
  const list = (xs: number[]) => `[${xs.map((x) => showNumber(x)).join(', ')}]`;
  return (
    <div className="sl-overflow">
      <label className="sl-check">
        <input type="checkbox" checked={big} onChange={(e) => setBig(e.currentTarget.checked)} data-testid="softmax-add-1000" /> {s.add}
      </label>
      <dl className="sl-compare">
        <dt>{s.scores}</dt>
        <dd className="readout">{list(shifted)}</dd>
        <dt>{s.exp}</dt>
        <dd className="readout">{list(shifted.map(Math.exp))}</dd>
        <dt>{s.naive}</dt>
        <dd className="readout" data-testid="softmax-naive">{list(naive(shifted))}</dd>
        <dt>{s.stable}</dt>
        <dd className="readout" data-testid="softmax-stable">{list(stable(shifted))}</dd>
      </dl>
      <p className="w-note">{big ? s.explainBig : s.explainSmall}</p>
    </div>
  );
}
