/**
 * §1.6: the chapter's ideas as a checklist, each pointing at the widget where the reader can try
 * it. `widget` is the widget's `data-widget` name (its frame has id `widget-<name>`).
 */
import { pagePath } from '../../../chapters/index';
import { ch01 } from '../../../chapters/ch01/index';
import type { Bilingual } from '../../state/lang';

export interface ChecklistItem {
  id: string;
  /** Section id (route segment), e.g. '1-3'. */
  section: string;
  widget: string;
  text: Bilingual;
}

export const CHECKLIST: readonly ChecklistItem[] = [
  { id: 'shapes', section: '1-1', widget: 'array-inspector', text: { ja: 'NumPy の配列には形状（shape）と次元数（ndim）があり、ベクトルは 1 次元、行列は 2 次元の配列として扱う。', en: 'A NumPy array has a shape (`shape`) and a number of dimensions (`ndim`); a vector is a 1-D array and a matrix a 2-D one.' } },
  { id: 'broadcast', section: '1-1', widget: 'broadcasting', text: { ja: '形状の違う配列どうしの演算では、ブロードキャストが長さ 1 の軸（どちらの配列の軸でも）を引き伸ばして形状をそろえる。', en: 'When shapes differ, broadcasting stretches axes of length 1, in either array or in both, until the shapes match.' } },
  { id: 'axis', section: '1-1', widget: 'axis-explorer', text: { ja: '`x.sum(axis=…)` は指定した軸をつぶす。`keepdims=True` ならその軸が長さ 1 で残り、そのまま `x` とブロードキャストできる。', en: '`x.sum(axis=…)` collapses the given axis; with `keepdims=True` it stays, with length 1, and broadcasts straight back against `x`.' } },
  { id: 'matmul', section: '1-1', widget: 'shape-check', text: { ja: '行列の積 `(N, D) @ (D, H) → (N, H)` では、内側の次元がそろっていなければならない。', en: 'A matrix product `(N, D) @ (D, H) → (N, H)` needs the inner dimensions to match.' } },
  { id: 'forward', section: '1-2', widget: 'forward-pass', text: { ja: '推論は `x·W1 + b1` → シグモイド → `h·W2 + b2` の順に値を流すだけで、ミニバッチでも同じ式で計算できる。', en: 'Inference flows values through `x·W1 + b1` → sigmoid → `h·W2 + b2`, and a mini-batch uses the very same formula.' } },
  { id: 'layers', section: '1-2', widget: 'layers-as-classes', text: { ja: '各レイヤは `params` と `grads` を持つクラスで、モデルはそれを 1 つのリストにまとめる。', en: 'Each layer is a class holding `params` and `grads`; the model gathers them into one list.' } },
  { id: 'loss', section: '1-3', widget: 'softmax-loss', text: { ja: 'ソフトマックス関数でスコアを確率にし、交差エントロピー誤差 −log p で損失を測る。先に最大値を引いて、`exp` のあふれを防ぐ。', en: 'Softmax turns scores into probabilities and the cross-entropy error −log p measures the loss; subtracting the max first keeps `exp` from overflowing.' } },
  { id: 'gradient', section: '1-3', widget: 'derivative', text: { ja: '勾配は損失を各パラメータで偏微分したもので、数値微分で確かめられる。', en: 'The gradient holds the partial derivatives of the loss; numerical differentiation can check it.' } },
  { id: 'chain', section: '1-3', widget: 'chain-rule', text: { ja: 'チェインルール：合成関数の微分は、局所的な微分の積になる。', en: 'The chain rule: the derivative of a composition is the product of the local derivatives.' } },
  { id: 'graph', section: '1-3', widget: 'graph-nodes', text: { ja: '計算グラフのノード（加算、乗算、分岐、Repeat、Sum、MatMul）ごとに逆伝播の規則がある。', en: 'Each computational-graph node (Add, Multiply, Branch, Repeat, Sum, MatMul) has its own backward rule.' } },
  { id: 'inplace', section: '1-3', widget: 'write-in-place', text: { ja: '勾配は `grads[0][...] = dW` のように既存の配列へ書き込む。名前を付け替えると、新しい値がオプティマイザに届かない。', en: 'Write gradients into the existing arrays (`grads[0][...] = dW`); rebinding the name leaves the optimizer with stale arrays.' } },
  { id: 'backward', section: '1-3', widget: 'layer-backward', text: { ja: 'Sigmoid、Affine、Softmax with Loss の逆伝播を、勾配確認で数値微分と比べられる。', en: 'The backward passes of Sigmoid, Affine and Softmax with Loss can be checked against numerical gradients.' } },
  { id: 'update', section: '1-3', widget: 'weight-update', text: { ja: '重みは勾配と逆向きに、学習率を掛けた分だけ動かす。学習率が大きすぎると発散する。', en: 'Weights move against the gradient, scaled by the learning rate; too large a rate diverges.' } },
  { id: 'spiral', section: '1-4', widget: 'spiral-dataset', text: { ja: 'スパイラル・データセットは直線では分けられない。', en: 'The spiral dataset cannot be separated by straight lines.' } },
  { id: 'training', section: '1-4', widget: 'training-lab', text: { ja: 'エポックごとにデータを並べ替え、ミニバッチで学習すると、決定境界が渦を描くようになる。', en: 'Shuffling each epoch and training on mini-batches bends the decision boundary into spirals.' } },
  { id: 'trainer', section: '1-4', widget: 'trainer', text: { ja: '`Trainer` クラスは同じ学習ループをまとめたもので、`Trainer.fit` の引数で `eval_interval` や `max_grad` を指定できる。', en: 'The `Trainer` class wraps the same loop; `Trainer.fit` takes `eval_interval` and `max_grad`.' } },
  { id: 'bits', section: '1-5', widget: 'bit-precision', text: { ja: 'float16 のメモリは float32 の半分（float64 の 4 分の 1）で済むが、桁と範囲が限られる。本は重みの保存にだけ使う。', en: 'float16 takes half the memory of float32 (a quarter of float64) but has limited digits and range; the book uses it only to save weights.' } },
  { id: 'save', section: '1-5', widget: 'precision-lab', text: { ja: '第 1 章のモデルは float64 で学習する。学習済みの重みを float16 で保存して読み戻しても、正解率はほとんど変わらない。', en: 'Chapter 1’s model trains in float64; saving its trained weights in float16 and loading them back barely changes the accuracy.' } },
  { id: 'gpu', section: '1-5', widget: 'gpu-bench', text: { ja: 'CuPy は NumPy と同じ書き方で NVIDIA の GPU を使う。本で GPU モードを使うのは第 4 章からで、ブラウザでは WebGPU がその役をする。', en: 'CuPy runs NumPy’s API on an NVIDIA GPU; the book’s scripts offer a GPU mode from chapter 4 on, and in the browser WebGPU plays that part.' } },
];

/** Where an item's link goes. */
export function itemHref(item: ChecklistItem): string {
  return `${pagePath(ch01, { id: item.section })}#widget-${item.widget}`;
}

const KEY = 'dlfs2.checklist.v1';

/** The ticked item ids saved in this browser (an empty set if storage is unavailable or damaged). */
export function loadChecked(storage: Pick<Storage, 'getItem'> | undefined): Set<string> {
  try {
    const raw = storage?.getItem(KEY);
    const ids = raw ? (JSON.parse(raw) as unknown) : [];
    return new Set(Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string' && CHECKLIST.some((i) => i.id === x)) : []);
  } catch {
    return new Set();
  }
}

/** Saves the ticked ids; quietly does nothing where storage is unavailable (private mode). */
export function saveChecked(storage: Pick<Storage, 'setItem'> | undefined, ids: Set<string>): void {
  try {
    storage?.setItem(KEY, JSON.stringify([...ids]));
  } catch {
    /* storage full or blocked: the checklist still works for this visit */
  }
}
