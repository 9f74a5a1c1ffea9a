import { useMemo, useState } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { Widget } from '../ui/Widget';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { ShowCode } from '../ui/ShowCode';
import { RandomState } from '../../nn/random';
import layersSrc from '../../nn/layers.ts?raw';
import gradcheckSrc from '../../nn/gradcheck.ts?raw';
import { type LossForm, type ScoreScale, checkAffine, checkSigmoid, checkSoftmaxWithLoss, checkTwoLayerNet } from './layerChecks';
import { CheckCard } from './CheckCard';
import '../ui/controls.css';
import './layer-backward.css';

const S = defineStrings({
  ja: {
    title: 'レイヤの逆伝播を数値微分で確かめる',
    gradBook: '前作の common/gradient.py: numerical_gradient',
    epsHint: 'ずれの原因は損失の中の 1e-7 です。「1e-7 なし」に切り替えると、同じ入力のまま一致します。',
    reseed: '入力を引き直す（シード変更）',
    seed: (n: number) => `シード ${n}`,
    form: '数値微分する損失',
    book: '本の損失 −log(y+1e-7)',
    noEps: '1e-7 なし −log(y)',
    scale: 'SoftmaxWithLoss に入れるスコア',
    bookScale: '本の規模（0.01·randn）',
    large: '大きめ（3·randn）',
    rel: '相対誤差は ‖a − n‖ / (‖a‖ + ‖n‖)。a は逆伝播、n は中心差分（h = 1e-5）の勾配で、ノルムは全要素についてとります。1e-6 未満なら ✓ です。',
    cards: {
      sigmoid: { title: 'Sigmoid', formula: 'dx = dout \\odot y\\,(1 - y)', inputs: 'x: (3,4) randn, dout: (3,4) randn' },
      affine: { title: 'Affine', formula: 'dx = dout\\,W^{\\top},\\ dW = x^{\\top} dout,\\ db = \\textstyle\\sum_n dout_n', inputs: 'x: (3,4) randn, W: (4,3) 0.01·randn, b: (3,) 0.01·randn' },
      softmax: { title: 'Softmax with Loss', formula: 'dx = (y - t) / N', inputs: 'x：(4,3) のスコア、t：4 個のラベル' },
      net: { title: 'TwoLayerNet(2, 5, 3) 全体', formula: 'dW_1, db_1, dW_2, db_2', inputs: 'x：(4,2) randn、W：0.01·randn（本と同じ初期化）' },
    },
  },
  en: {
    title: 'Checking the layers’ backward with numerical gradients',
    gradBook: 'the first book’s common/gradient.py: numerical_gradient',
    epsHint: 'The gap comes from the 1e-7 inside the loss. Switch to “without 1e-7”: with the very same inputs, the two agree.',
    reseed: 'Draw new inputs (new seed)',
    seed: (n: number) => `seed ${n}`,
    form: 'Loss to differentiate numerically',
    book: 'book’s loss −log(y+1e-7)',
    noEps: 'without 1e-7: −log(y)',
    scale: 'Scores fed to SoftmaxWithLoss',
    bookScale: 'book scale (0.01·randn)',
    large: 'large (3·randn)',
    rel: 'Relative error is ‖a − n‖ / (‖a‖ + ‖n‖), with a from backprop, n from central differences (h = 1e-5), norms taken over all elements. Below 1e-6 earns a ✓.',
    cards: {
      sigmoid: { title: 'Sigmoid', formula: 'dx = dout \\odot y\\,(1 - y)', inputs: 'x: (3,4) randn, dout: (3,4) randn' },
      affine: { title: 'Affine', formula: 'dx = dout\\,W^{\\top},\\ dW = x^{\\top} dout,\\ db = \\textstyle\\sum_n dout_n', inputs: 'x: (3,4) randn, W: (4,3) 0.01·randn, b: (3,) 0.01·randn' },
      softmax: { title: 'Softmax with Loss', formula: 'dx = (y - t) / N', inputs: 'x: (4,3) scores, t: 4 labels' },
      net: { title: 'The whole TwoLayerNet(2, 5, 3)', formula: 'dW_1, db_1, dW_2, db_2', inputs: 'x: (4,2) randn, W: 0.01·randn (the book’s initialisation)' },
    },
  },
});

function newSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0] % 100000;
}

/** §1.3.5: Sigmoid, Affine, SoftmaxWithLoss and the whole TwoLayerNet, backprop beside finite differences. */
export function LayerBackward() {
  const s = useStrings(S);
  const [seed, setSeed] = useState(1984);
  const [form, setForm] = useState<LossForm>('book');
  const [scale, setScale] = useState<ScoreScale>('book');
  // one generator per check, so switching the loss form keeps the very same inputs
  const checks = useMemo(() => {
    const rng = (k: number) => new RandomState((seed * 4 + k) >>> 0);
    return {
      sigmoid: checkSigmoid(rng(0)),
      affine: checkAffine(rng(1)),
      'softmax-with-loss': checkSoftmaxWithLoss(rng(2), form, scale),
      'two-layer-net': checkTwoLayerNet(rng(3), form),
    };
  }, [seed, form, scale]);
  const card = { sigmoid: s.cards.sigmoid, affine: s.cards.affine, 'softmax-with-loss': s.cards.softmax, 'two-layer-net': s.cards.net };
  return (
    <Widget name="layer-backward" title={s.title}>
      <div className="widget-controls">
        <button type="button" data-testid="layer-backward-reseed" onClick={() => setSeed(newSeed())}>
          {s.reseed}
        </button>
        <span className="readout" data-testid="layer-backward-seed">{s.seed(seed)}</span>
        <ChoiceGroup label={s.form} value={form} options={[{ value: 'book', label: s.book }, { value: 'noEps', label: s.noEps }]} onChange={setForm} testId="layer-backward-form" />
        <ChoiceGroup label={s.scale} value={scale} options={[{ value: 'book', label: s.bookScale }, { value: 'large', label: s.large }]} onChange={setScale} testId="layer-backward-scale" />
      </div>
      <p className="w-note">{s.rel}</p>
      <div className="lb-cards">
        {(Object.keys(checks) as (keyof typeof checks)[]).map((k) => (
          <CheckCard
            key={k}
            id={k}
            check={checks[k]}
            title={card[k].title}
            formula={card[k].formula}
            inputs={k === 'softmax-with-loss' ? `${card[k].inputs} (${scale === 'book' ? '0.01·randn' : '3·randn'})` : card[k].inputs}
            hint={form === 'book' && checks[k].relError >= 1e-6 ? s.epsHint : undefined}
          />
        ))}
      </div>
      <ShowCode
        source={`${layersSrc}\n${gradcheckSrc}`}
        path="src/nn/layers.ts, src/nn/gradcheck.ts"
        names={['Sigmoid', 'Affine', 'SoftmaxWithLoss', 'numericalGradient', 'relativeError']}
        book={<code>common/layers.py: Sigmoid, Affine, SoftmaxWithLoss; {s.gradBook}</code>}
      />
    </Widget>
  );
}
