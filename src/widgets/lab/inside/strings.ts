import { defineStrings } from '../../../app/i18n';

const fmt = (v: number) => (Number.isFinite(v) ? (v < 0 ? `−${Math.abs(v).toFixed(3)}` : v.toFixed(3)) : '—');

/** Reader-visible text of the "inside the network" views, in both languages. */
export const insideStrings = defineStrings({
  ja: {
    netTitle: 'ネットワークの中：各ニューロンが描くもの',
    netLabel: (h: number, o: number) => `入力 2、隠れ層 ${h}、出力 ${o} のネットワーク図。各ニューロンを入力平面上の小さな地図として描いています。`,
    input: (i: number) => `入力 x${i === 0 ? '₁' : '₂'}`,
    hiddenUnit: (j: number) => `隠れ層のニューロン h${j + 1}`,
    outputUnit: (k: number) => `出力のニューロン s${k + 1}（クラス ${k}）`,
    outputMode: '出力の地図',
    modeScore: 'スコア',
    modeProb: 'ソフトマックス確率',
    legendHidden: '隠れ層：σ の値（0 = 朱、0.5 = 背景色、1 = 青）',
    legendScore: '出力：スコア（負 = 朱、0 = 背景色、正 = 青）',
    legendProb: '出力：そのクラスの確率（0 = 背景色、1 = クラスの色）',
    legendEdges: '線：重み（青の実線 = 正、朱の破線 = 負、太さ = 大きさ）',
    detailHint: 'ニューロンにマウスを乗せるか、Tab で選ぶ（矢印キーで移動）と、ここに大きく表示します。',
    detailHidden: (j: number, w1: number, w2: number, b: number) =>
      `h${j + 1} = σ(w₁x₁ + w₂x₂ + b)、w₁ = ${fmt(w1)}、w₂ = ${fmt(w2)}、b = ${fmt(b)}。`,
    detailLine: '破線は w₁x₁ + w₂x₂ + b = 0、つまり σ = 0.5 になる直線です。矢印の向き（(w₁, w₂) の向き）の側で σ は 0.5 より大きくなります。',
    detailNoLine: 'σ = 0.5 の直線はこの範囲の外にあります（この範囲ではほぼ一定の値です）。',
    detailOutput: (k: number, b: number) => `s${k + 1} = h₁W2[0, ${k}] + … + b、b = ${fmt(b)}。このスコアがいちばん大きい点がクラス ${k} に分類されます。`,
    detailTop: '重みの大きい隠れニューロン：',
    weight: (j: number, w: number) => `h${j + 1}: ${fmt(w)}`,
    hiddenTitle: '隠れ層の空間',
    hiddenDirect: (h: number): string =>
      h === 1
        ? '隠れニューロンが 1 個なので、各点は 0〜1 の数直線上の 1 点になります（縦はクラスごとにずらしてあります）。'
        : h === 2
          ? '各点を (h₁, h₂) に置いた図です。灰色の線は入力平面の格子を同じ写像で移したもの。背景は出力層がこの空間をどう分けているか（境界は直線）を示します。'
          : '各点を (h₁, h₂, h₃) に置き、立方体を斜めから見た図です。灰色の線は入力平面の格子を同じ写像で移したもの。',
    hiddenPca: (h: number, share: number) =>
      `隠れニューロンが ${h} 個あるので、隠れ層の値そのものは描けません。主成分分析（PCA）で 2 次元に射影した図です（分散の ${share.toFixed(0)} % を保持）。`,
    hiddenLabel: '隠れ層の空間に写したデータ点と格子',
    turn: '回転',
    cmTitle: '混同行列（行 = 正解、列 = 予測）',
    cmCorner: '正解＼予測',
    cmTrue: (k: number) => `正解がクラス ${k}`,
    cmPred: (k: number) => `クラス ${k} と予測`,
    cmAcc: '正解率',
    cmTotal: (n: number) => `合計 ${n} 点`,
  },
  en: {
    netTitle: 'Inside the network: what each neuron draws',
    netLabel: (h: number, o: number) => `Diagram of the network with 2 inputs, ${h} hidden and ${o} output neurons, each neuron drawn as a small map over the input plane.`,
    input: (i: number) => `input x${i === 0 ? '₁' : '₂'}`,
    hiddenUnit: (j: number) => `hidden neuron h${j + 1}`,
    outputUnit: (k: number) => `output neuron s${k + 1} (class ${k})`,
    outputMode: 'Output maps',
    modeScore: 'Score',
    modeProb: 'Softmax probability',
    legendHidden: 'Hidden: σ (0 = vermilion, 0.5 = background, 1 = blue)',
    legendScore: 'Output: score (negative = vermilion, 0 = background, positive = blue)',
    legendProb: 'Output: probability of its class (0 = background, 1 = the class colour)',
    legendEdges: 'Lines: weights (solid blue = positive, dashed vermilion = negative, width = size)',
    detailHint: 'Point at a neuron, or reach it with Tab (arrow keys move between neurons), to see it large here.',
    detailHidden: (j: number, w1: number, w2: number, b: number) =>
      `h${j + 1} = σ(w₁x₁ + w₂x₂ + b) with w₁ = ${fmt(w1)}, w₂ = ${fmt(w2)}, b = ${fmt(b)}.`,
    detailLine: 'The dashed line is w₁x₁ + w₂x₂ + b = 0, where σ = 0.5. On the side the arrow (the direction of (w₁, w₂)) points to, σ is above 0.5.',
    detailNoLine: 'The σ = 0.5 line lies outside this area (the neuron is nearly constant here).',
    detailOutput: (k: number, b: number) => `s${k + 1} = h₁W2[0, ${k}] + … + b with b = ${fmt(b)}. Points where this score is the largest are classified as class ${k}.`,
    detailTop: 'Largest weights from the hidden neurons:',
    weight: (j: number, w: number) => `h${j + 1}: ${fmt(w)}`,
    hiddenTitle: 'The hidden space',
    hiddenDirect: (h: number): string =>
      h === 1
        ? 'With one hidden neuron, each point becomes a number between 0 and 1 (the classes are drawn at different heights).'
        : h === 2
          ? 'Each point placed at (h₁, h₂). The grey lines are the input plane’s grid sent through the same map; the background shows how the output layer divides this space — with straight lines.'
          : 'Each point placed at (h₁, h₂, h₃), the cube seen at an angle. The grey lines are the input plane’s grid sent through the same map.',
    hiddenPca: (h: number, share: number) =>
      `With ${h} hidden neurons the hidden vectors cannot be drawn directly: this is their projection onto 2 dimensions by principal component analysis (PCA), keeping ${share.toFixed(0)} % of the variance.`,
    hiddenLabel: 'The data points and grid mapped into the hidden space',
    turn: 'Turn',
    cmTitle: 'Confusion matrix (rows: true class, columns: predicted)',
    cmCorner: 'true \\ pred.',
    cmTrue: (k: number) => `true class ${k}`,
    cmPred: (k: number) => `predicted as class ${k}`,
    cmAcc: 'accuracy',
    cmTotal: (n: number) => `${n} points in all`,
  },
});
