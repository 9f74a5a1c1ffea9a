/**
 * Chapter 1 in the registry: its pages (the book's sections 1.1–1.6), their titles in both
 * languages and the subsection anchors each page's headings use. The titles follow the book's
 * headings so a reader can find the same place in the book. Each page's prose is
 * `<page id>.<lang>.mdx` in this folder.
 */
import type { Chapter } from '../types';

export const ch01: Chapter = {
  id: 'ch01',
  number: '1',
  title: { ja: 'ニューラルネットワークの復習', en: 'Neural network review' },
  pages: [
    {
      id: '1-1',
      number: '1.1',
      title: { ja: '数学と Python の復習', en: 'Math and Python review' },
      subsections: [
        { id: 'vectors-and-matrices', number: '1.1.1', title: { ja: 'ベクトルと行列', en: 'Vectors and matrices' } },
        { id: 'elementwise', number: '1.1.2', title: { ja: '行列の要素ごとの演算', en: 'Element-wise operations' } },
        { id: 'broadcasting', number: '1.1.3', title: { ja: 'ブロードキャスト', en: 'Broadcasting' } },
        { id: 'products', number: '1.1.4', title: { ja: 'ベクトルの内積と行列の積', en: 'Inner products and matrix products' } },
        { id: 'shape-check', number: '1.1.5', title: { ja: '行列の形状チェック', en: 'Checking matrix shapes' } },
      ],
    },
    {
      id: '1-2',
      number: '1.2',
      title: { ja: 'ニューラルネットワークの推論', en: 'Inference with a neural network' },
      subsections: [
        { id: 'forward-pass', number: '1.2.1', title: { ja: '推論の全体図', en: 'The whole picture of inference' } },
        { id: 'layers-as-classes', number: '1.2.2', title: { ja: 'レイヤとしてのクラス化と順伝播', en: 'Layers as classes, and the forward pass' } },
      ],
    },
    {
      id: '1-3',
      number: '1.3',
      title: { ja: 'ニューラルネットワークの学習', en: 'Training a neural network' },
      subsections: [
        { id: 'loss', number: '1.3.1', title: { ja: '損失関数', en: 'Loss functions' } },
        { id: 'derivative', number: '1.3.2', title: { ja: '微分と勾配', en: 'Derivatives and gradients' } },
        { id: 'chain-rule', number: '1.3.3', title: { ja: 'チェインルール', en: 'The chain rule' } },
        { id: 'graph', number: '1.3.4', title: { ja: '計算グラフ', en: 'Computational graphs' } },
        { id: 'backward', number: '1.3.5', title: { ja: '勾配の導出と逆伝播の実装', en: 'Deriving gradients and implementing backward' }, landmarks: [{ id: 'widget-iteration-stepper', title: { ja: '1 イテレーションをノードごとに', en: 'One iteration, node by node' } }] },
        { id: 'update', number: '1.3.6', title: { ja: '重みの更新', en: 'Updating the weights' } },
      ],
    },
    {
      id: '1-4',
      number: '1.4',
      title: { ja: 'ニューラルネットワークで問題を解く', en: 'Solving a problem with a neural network' },
      subsections: [
        { id: 'spiral', number: '1.4.1', title: { ja: 'スパイラル・データセット', en: 'The spiral dataset' } },
        { id: 'network', number: '1.4.2', title: { ja: 'ニューラルネットワークの実装', en: 'Implementing the network' } },
        { id: 'training', number: '1.4.3', title: { ja: '学習用のソースコード', en: 'The training code' }, landmarks: [{ id: 'widget-training-lab', title: { ja: 'トレーニング・ラボ', en: 'Training lab' } }] },
        { id: 'trainer', number: '1.4.4', title: { ja: 'Trainer クラス', en: 'The Trainer class' } },
      ],
    },
    {
      id: '1-5',
      number: '1.5',
      title: { ja: '計算の高速化', en: 'Faster computation' },
      subsections: [
        { id: 'bit-precision', number: '1.5.1', title: { ja: 'ビット精度', en: 'Bit precision' } },
        { id: 'gpu', number: '1.5.2', title: { ja: 'GPU（CuPy）', en: 'GPU (CuPy)' } },
      ],
    },
    {
      id: '1-6',
      number: '1.6',
      title: { ja: 'まとめ', en: 'Summary' },
      subsections: [
        { id: 'checklist', number: '1.6.1', title: { ja: 'この章のチェックリスト', en: 'Checklist of the chapter' } },
        { id: 'compact-lab', number: '1.6.2', title: { ja: 'もう一度、学習させてみる', en: 'Train it once more' } },
      ],
    },
    // A page of our own, not a section of the book: every term of the chapter (chapters/ch01/glossary.ts).
    { id: 'glossary', title: { ja: '用語集', en: 'Glossary' }, subsections: [] },
  ],
};
