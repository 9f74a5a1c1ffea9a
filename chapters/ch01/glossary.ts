/**
 * The chapter's glossary: one entry per idea, in Japanese and English, with a one-line meaning
 * and the place where the chapter first explains it. The Japanese term is the one the book's
 * Japanese edition uses, and the pages use exactly that word for the idea (イテレーション, not
 * 反復; オプティマイザ, not 最適化手法; レイヤ, パラメータ). `<Term id="…">` in the MDX pages links
 * a term's first use on each page to its entry here.
 */
import type { Bilingual, Lang } from '../../src/state/lang';

export interface GlossaryEntry {
  /** Anchor on the glossary page (`#broadcasting`) and the `id` of `<Term>`. */
  id: string;
  term: Bilingual;
  /** The name in NumPy or in the book's code, when it has one (shown in code type). */
  code?: string;
  meaning: Bilingual;
  /**
   * Where the chapter first explains it: section id (route segment), an anchor on that page, and
   * the subsection the anchor sits in when the anchor is not a subsection heading itself.
   */
  where: { section: string; anchor: string; under?: string };
  /**
   * Languages in which the word also names something else (English "layer" is both a class and a
   * layer of neurons; 軸 is also a chart's axis), so the pages link it by hand and the first-use
   * check skips it there.
   */
  ambiguousIn?: readonly Lang[];
}

/** The glossary page's id in the chapter's page list; `<Term>` links to `#<entry id>` on it. */
export const GLOSSARY_PAGE_ID = 'glossary';

export const GLOSSARY: readonly GlossaryEntry[] = [
  // §1.1
  { id: 'vector', term: { ja: 'ベクトル', en: 'vector' }, meaning: { ja: '数を一列に並べたもの。NumPy では 1 次元の配列。', en: 'Numbers in one line; in NumPy, a 1-D array.' }, where: { section: '1-1', anchor: 'vectors-and-matrices' } },
  { id: 'matrix', term: { ja: '行列', en: 'matrix' }, meaning: { ja: '数を行と列の二方向に並べたもの。NumPy では 2 次元の配列。', en: 'Numbers laid out in rows and columns; in NumPy, a 2-D array.' }, where: { section: '1-1', anchor: 'vectors-and-matrices' } },
  { id: 'shape', term: { ja: '形状', en: 'shape' }, code: 'shape', meaning: { ja: '各軸の長さを並べたタプル。2 行 3 列の行列なら `(2, 3)`。', en: 'The tuple of the lengths of the axes: `(2, 3)` for a matrix with 2 rows and 3 columns.' }, where: { section: '1-1', anchor: 'vectors-and-matrices' } },
  { id: 'ndim', term: { ja: '次元数', en: 'number of dimensions' }, code: 'ndim', meaning: { ja: '配列の軸の数。形状のタプルの長さと同じ。', en: 'How many axes an array has: the length of its shape.' }, where: { section: '1-1', anchor: 'vectors-and-matrices' } },
  { id: 'elementwise', term: { ja: '要素ごとの演算', en: 'element-wise operation' }, meaning: { ja: '同じ位置の要素どうしを計算する演算。NumPy の + − * / はこれ。', en: 'An operation on the elements in the same position; NumPy’s + − * / work this way.' }, where: { section: '1-1', anchor: 'elementwise' } },
  { id: 'broadcasting', term: { ja: 'ブロードキャスト', en: 'broadcasting' }, meaning: { ja: '形状の違う配列どうしの演算で、長さ 1 の軸を引き伸ばして形状をそろえる NumPy の規則。', en: 'NumPy’s rule for operating on arrays of different shapes: axes of length 1 are stretched until the shapes match.' }, where: { section: '1-1', anchor: 'broadcasting' } },
  { id: 'axis', term: { ja: '軸', en: 'axis' }, code: 'axis', meaning: { ja: '配列の次元の 1 つ。2 次元の配列では `axis=0` が行の番号、`axis=1` が列の番号の向き。`x.sum(axis=0)` は行をまたいで縦に足す。', en: 'One of an array’s dimensions; in a 2-D array `axis=0` counts the rows and `axis=1` the columns, so `x.sum(axis=0)` adds down the rows.' }, where: { section: '1-1', anchor: 'axis', under: 'broadcasting' }, ambiguousIn: ['ja'] },
  { id: 'keepdims', term: { ja: 'keepdims', en: 'keepdims' }, code: 'keepdims=True', meaning: { ja: '和や最大値をとった軸を長さ 1 で残す指定。結果を元の配列とそのままブロードキャストできる。', en: 'Keeps a summed (or maxed) axis as length 1, so the result broadcasts straight back against the original array.' }, where: { section: '1-1', anchor: 'axis', under: 'broadcasting' } },
  { id: 'transpose', term: { ja: '転置', en: 'transpose' }, code: '.T', meaning: { ja: '軸の順番を逆にすること。行列なら行と列が入れ替わる。', en: 'Reversing the order of the axes; for a matrix, rows become columns.' }, where: { section: '1-1', anchor: 'axis', under: 'broadcasting' } },
  { id: 'inner-product', term: { ja: '内積', en: 'inner product' }, meaning: { ja: '2 つのベクトルの対応する要素の積をすべて足したもの。', en: 'The sum of the products of two vectors’ matching elements.' }, where: { section: '1-1', anchor: 'products' } },
  { id: 'matrix-product', term: { ja: '行列の積', en: 'matrix product' }, code: 'np.dot(A, B), A @ B', meaning: { ja: '(i, j) 要素が A の i 行目と B の j 列目の内積になる積。A の列数と B の行数がそろっている必要がある。', en: 'The product whose element (i, j) is the inner product of row i of A and column j of B; A’s columns must match B’s rows.' }, where: { section: '1-1', anchor: 'products' } },
  // §1.2
  { id: 'inference', term: { ja: '推論', en: 'inference' }, meaning: { ja: '重みの決まったネットワークに入力を与えて答えを出すこと。', en: 'Feeding an input to a network whose weights are fixed and reading off its answer.' }, where: { section: '1-2', anchor: 'forward-pass' } },
  { id: 'neuron', term: { ja: 'ニューロン', en: 'neuron' }, meaning: { ja: 'ネットワークの図の 1 つの丸。入力の重み付き和にバイアスを足し、活性化関数を通した値を持つ。', en: 'One circle in a network diagram: a weighted sum of its inputs plus a bias, passed through an activation function.' }, where: { section: '1-2', anchor: 'forward-pass' } },
  { id: 'hidden-layer', term: { ja: '隠れ層', en: 'hidden layer' }, meaning: { ja: '入力層と出力層のあいだの層。外からは値が見えない。', en: 'A layer between the input layer and the output layer, not seen from outside.' }, where: { section: '1-2', anchor: 'forward-pass' } },
  { id: 'weight', term: { ja: '重み', en: 'weight' }, code: 'W', meaning: { ja: 'ニューロンどうしのつながりの強さ。学習で調整するパラメータ。', en: 'The strength of a connection between neurons; a parameter that learning adjusts.' }, where: { section: '1-2', anchor: 'forward-pass' } },
  { id: 'bias', term: { ja: 'バイアス', en: 'bias' }, code: 'b', meaning: { ja: '重み付き和に足す定数。これも学習で調整するパラメータ。', en: 'A constant added to the weighted sum; also a parameter that learning adjusts.' }, where: { section: '1-2', anchor: 'forward-pass' } },
  { id: 'fully-connected', term: { ja: '全結合層', en: 'fully connected layer' }, code: 'Affine', meaning: { ja: '前の層のすべてのニューロンが次の層のすべてのニューロンとつながる層。計算は `x·W + b`。', en: 'A layer in which every neuron of one layer connects to every neuron of the next; it computes `x·W + b`.' }, where: { section: '1-2', anchor: 'forward-pass' } },
  { id: 'activation', term: { ja: '活性化関数', en: 'activation function' }, meaning: { ja: '重み付き和のあとに通す非線形の関数。これがないと、何層重ねても 1 層ぶんの計算と変わらない。', en: 'A non-linear function applied after the weighted sum; without it, a stack of layers computes no more than a single layer.' }, where: { section: '1-2', anchor: 'forward-pass' } },
  { id: 'sigmoid', term: { ja: 'シグモイド関数', en: 'sigmoid function' }, code: 'Sigmoid', meaning: { ja: '`σ(x) = 1 / (1 + exp(−x))`。どんな実数も 0 と 1 のあいだに移す。', en: '`σ(x) = 1 / (1 + exp(−x))`, which maps any real number into the interval between 0 and 1.' }, where: { section: '1-2', anchor: 'forward-pass' } },
  { id: 'score', term: { ja: 'スコア', en: 'score' }, meaning: { ja: 'ソフトマックス関数に入る前の出力層の値。いちばん大きいクラスが予測になる。', en: 'An output-layer value before softmax; the class with the largest score is the prediction.' }, where: { section: '1-2', anchor: 'forward-pass' } },
  { id: 'mini-batch', term: { ja: 'ミニバッチ', en: 'mini-batch' }, meaning: { ja: 'まとめて一度に計算する何個かのデータ。N 個なら x の形状は `(N, D)` になる（D は入力の数）。', en: 'A few samples computed together; for N of them x has shape `(N, D)` (D inputs each).' }, where: { section: '1-2', anchor: 'forward-pass' } },
  { id: 'layer', term: { ja: 'レイヤ', en: 'layer' }, meaning: { ja: 'ネットワークの部品を表すクラス。`forward` と `backward`、`params` と `grads` を持つ。', en: 'A class for one building block of the network, with `forward` and `backward`, `params` and `grads`.' }, where: { section: '1-2', anchor: 'layers-as-classes' }, ambiguousIn: ['en'] },
  { id: 'params', term: { ja: 'パラメータ', en: 'parameters' }, code: 'params, grads', meaning: { ja: '学習で調整する重みとバイアス。本ではレイヤごとのリスト `params` に入れ、同じ並びの `grads` に勾配を入れる。', en: 'The weights and biases that learning adjusts; the book keeps them in each layer’s list `params`, with their gradients in `grads` in the same order.' }, where: { section: '1-2', anchor: 'layers-as-classes' } },
  { id: 'forward', term: { ja: '順伝播', en: 'forward pass' }, code: 'forward', meaning: { ja: '入力から出力へ向かって、レイヤの順に値を計算すること。', en: 'Computing values layer by layer from the input to the output.' }, where: { section: '1-2', anchor: 'layers-as-classes' } },
  // §1.3
  { id: 'loss', term: { ja: '損失関数', en: 'loss function' }, meaning: { ja: 'ネットワークの出力が正解からどれだけ外れているかを 1 つの数で表す関数。学習はこれを小さくする。', en: 'A function that says in one number how far the network’s output is from the answer; learning makes it small.' }, where: { section: '1-3', anchor: 'loss' } },
  { id: 'softmax', term: { ja: 'ソフトマックス関数', en: 'softmax function' }, code: 'softmax', meaning: { ja: 'スコアを、正で合計が 1 になる確率に変える関数。', en: 'Turns scores into probabilities that are positive and add up to 1.' }, where: { section: '1-3', anchor: 'loss' } },
  { id: 'cross-entropy', term: { ja: '交差エントロピー誤差', en: 'cross-entropy error' }, code: 'cross_entropy_error', meaning: { ja: '正解クラスの確率 p について −log p。ミニバッチでは N 個の平均をとる。', en: '−log p for the probability p of the true class, averaged over the N samples of a mini-batch.' }, where: { section: '1-3', anchor: 'loss' } },
  { id: 'one-hot', term: { ja: 'one-hot 表現', en: 'one-hot vector' }, meaning: { ja: '正解クラスの位置だけが 1 で、ほかが 0 のベクトル。', en: 'A vector that is 1 at the true class and 0 everywhere else.' }, where: { section: '1-3', anchor: 'loss' } },
  { id: 'gradient', term: { ja: '勾配', en: 'gradient' }, meaning: { ja: '損失を各パラメータで偏微分した値を、パラメータと同じ形状に並べたもの。', en: 'The partial derivatives of the loss with respect to each parameter, in an array of the parameter’s shape.' }, where: { section: '1-3', anchor: 'derivative' } },
  { id: 'numerical-diff', term: { ja: '数値微分', en: 'numerical differentiation' }, meaning: { ja: '小さな h で `(f(x+h) − f(x−h)) / 2h` のように差から微分を近似すること。逆伝播の検算に使う。', en: 'Approximating a derivative by a difference with a small h, such as `(f(x+h) − f(x−h)) / 2h`; used to check backward passes.' }, where: { section: '1-3', anchor: 'derivative' } },
  { id: 'chain-rule', term: { ja: 'チェインルール', en: 'chain rule' }, meaning: { ja: '合成関数の微分は、それぞれの関数の局所的な微分の積になるという規則。', en: 'The derivative of a composite function is the product of the local derivatives of its parts.' }, where: { section: '1-3', anchor: 'chain-rule' } },
  { id: 'graph', term: { ja: '計算グラフ', en: 'computational graph' }, meaning: { ja: '計算をノード（演算）とエッジ（値）で描いた図。逆伝播は右から左へ勾配を流す。', en: 'A calculation drawn as nodes (operations) and edges (values); backward carries gradients from right to left.' }, where: { section: '1-3', anchor: 'graph' } },
  { id: 'backprop', term: { ja: '誤差逆伝播法', en: 'backpropagation' }, code: 'backward', meaning: { ja: '出力側から入力側へ、チェインルールで勾配を順に求める方法。', en: 'Computing all the gradients from the output back to the input with the chain rule.' }, where: { section: '1-3', anchor: 'graph' } },
  { id: 'view', term: { ja: 'ビュー', en: 'view' }, meaning: { ja: '別の配列と同じメモリを指す配列。a[:] のように右辺で切り出すとできる。', en: 'An array that shares another array’s memory, made for example by slicing a[:] on the right of =.' }, where: { section: '1-3', anchor: 'graph' } },
  { id: 'learning-rate', term: { ja: '学習率', en: 'learning rate' }, code: 'lr', meaning: { ja: '1 回の更新で、勾配の何倍だけ重みを動かすかを決める数 η。', en: 'The number η that says how far one update moves the weights, as a multiple of the gradient.' }, where: { section: '1-3', anchor: 'update' } },
  { id: 'sgd', term: { ja: '確率的勾配降下法', en: 'stochastic gradient descent' }, code: 'SGD', meaning: { ja: 'ランダムに選んだミニバッチの勾配で、重みを勾配と逆向きに動かす方法。', en: 'Moving the weights against the gradient computed on randomly chosen mini-batches.' }, where: { section: '1-3', anchor: 'update' } },
  { id: 'optimizer', term: { ja: 'オプティマイザ', en: 'optimizer' }, code: 'optimizer.update(params, grads)', meaning: { ja: '勾配を使ってパラメータを更新するクラス。SGD、Momentum、AdaGrad、Adam など。', en: 'A class that updates the parameters from their gradients: SGD, Momentum, AdaGrad, Adam, ….' }, where: { section: '1-3', anchor: 'update' } },
  // §1.4
  { id: 'spiral', term: { ja: 'スパイラル・データセット', en: 'spiral dataset' }, code: 'spiral.load_data()', meaning: { ja: '渦巻き状の 3 本の腕に並んだ 300 個の点。直線では分けられない。', en: '300 points along three spiral arms; no straight line separates them.' }, where: { section: '1-4', anchor: 'spiral' } },
  { id: 'epoch', term: { ja: 'エポック', en: 'epoch' }, meaning: { ja: '学習データをひととおり使い切る単位。本では 300 個 ÷ 30 個 = 10 イテレーション。', en: 'One pass over the training data; in the book, 300 samples ÷ 30 per batch = 10 iterations.' }, where: { section: '1-4', anchor: 'training' } },
  { id: 'iteration', term: { ja: 'イテレーション', en: 'iteration' }, meaning: { ja: 'ミニバッチ 1 つぶんの学習（順伝播、逆伝播、更新）を 1 回行うこと。', en: 'One round of learning on one mini-batch: forward, backward, update.' }, where: { section: '1-4', anchor: 'training' } },
  { id: 'decision-boundary', term: { ja: '決定境界', en: 'decision boundary' }, meaning: { ja: '予測されるクラスが切り替わる境目。本では格子の全点を予測して塗り分ける。', en: 'Where the predicted class changes; the book finds it by predicting every point of a grid.' }, where: { section: '1-4', anchor: 'training' } },
  { id: 'gradient-clipping', term: { ja: '勾配クリッピング', en: 'gradient clipping' }, code: 'max_grad', meaning: { ja: '全パラメータの勾配をまとめた L2 ノルムが `max_grad` を超えたときだけ、勾配全体を縮める処理。', en: 'Scaling the whole gradient down, only when its L2 norm over all parameters exceeds `max_grad`.' }, where: { section: '1-4', anchor: 'trainer' } },
  // §1.5
  { id: 'bit-precision', term: { ja: 'ビット精度', en: 'bit precision' }, meaning: { ja: '1 つの数を何ビットで表すか。float64、float32、float16 など。', en: 'How many bits each number gets: float64, float32, float16, ….' }, where: { section: '1-5', anchor: 'bit-precision' } },
  { id: 'float', term: { ja: '浮動小数点数', en: 'floating-point number' }, meaning: { ja: '符号、指数部、仮数部で表す数。ビット数が少ないほど範囲も桁も狭い。', en: 'A number stored as sign, exponent and fraction; fewer bits mean less range and fewer digits.' }, where: { section: '1-5', anchor: 'bit-precision' } },
  { id: 'gpu', term: { ja: 'GPU', en: 'GPU' }, meaning: { ja: '同じ演算を大量の数に並列で行うのが得意なプロセッサ。', en: 'A processor built to apply the same operation to many numbers in parallel.' }, where: { section: '1-5', anchor: 'gpu' } },
  { id: 'cupy', term: { ja: 'CuPy', en: 'CuPy' }, code: 'import cupy as np', meaning: { ja: 'NumPy とほぼ同じ API で NVIDIA の GPU（CUDA）を使うライブラリ。', en: 'A library with nearly NumPy’s API that computes on NVIDIA GPUs (CUDA).' }, where: { section: '1-5', anchor: 'gpu' } },
];

/** An entry by id (undefined for an unknown id). */
export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return GLOSSARY.find((e) => e.id === id);
}
