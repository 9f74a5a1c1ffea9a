/**
 * The comments of the exported Python script (pythonScript.ts), in both languages. Each entry
 * is one or more comment lines (without the leading `# `).
 */
import type { Lang } from '../../state/lang';

export interface ScriptText {
  header: string[];
  matplotlib: string[];
  settings: string;
  dataBook: string;
  dataSpiral: string[];
  dataPoints: string[];
  model: string;
  loopPermutation: string[];
  loopChoice: string[];
  trainer: string[];
  trainerChoice: string[];
  noReport: string[];
  results: string;
}

export const scriptText: Record<Lang, ScriptText> = {
  ja: {
    header: [
      'DLFS2 コンパニオンの学習ラボと同じ学習を、本のコードそのもので実行するスクリプトです。',
      '本のリポジトリ （deep-learning-from-scratch-2） の ch01/ フォルダにこのファイルを置き、',
      'そこで実行してください：  python3 lab_run.py',
      '必要なのは Python 3 と NumPy だけです（matplotlib は不要）。',
      '最後の 2 行に、最後に報告された平均損失とラボと同じ訓練データでの正解率を出力します。',
    ],
    matplotlib: [
      'common/trainer.py は先頭で matplotlib を import します。このスクリプトは図を描かないので、',
      'matplotlib が入っていないときは中身のない代わりのモジュールを登録しておきます。',
    ],
    settings: 'ラボの設定',
    dataBook: '本のスパイラルデータ（1 クラス 100 点、3 クラス、ノイズ 0.2）をラボのシードで作ります',
    dataSpiral: [
      'ラボの点数・クラス数・ノイズでスパイラルデータを作ります。本の load_data はシードしか',
      '変えられないので、同じ計算を同じ順の乱数でここに書き出しています。',
    ],
    dataPoints: [
      'ラボで使ったデータそのもの（x：座標、labels：各点のクラス）。重みの初期値とミニバッチは、',
      'ラボのシードで初期化した NumPy の乱数から取り出します。',
    ],
    model: 'モデルとオプティマイザ（本の既定値をそのまま書き出しています）',
    loopPermutation: [
      '本の train_custom_loop.py と同じ学習ループです。エポックごとに permutation でデータを並べ替え、',
      '10 イテレーションごとに平均損失を出力します。',
    ],
    loopChoice: [
      '前作（1 冊目）と同じミニバッチの選び方です。バッチごとに np.random.choice で選び直すので、',
      '1 エポックの中で同じサンプルが重なったり、使われないサンプルが出たりします。',
      '平均損失は本のスクリプトと同じく 10 イテレーションごとに出力します。',
    ],
    trainer: ['本の Trainer で学習します。fit は eval_interval イテレーションごと（各区切りの最初のイテレーション）に経過を出力します。'],
    trainerChoice: [
      '本の Trainer はいつも permutation で並べ替えるので、Trainer.fit と同じループを前作の',
      'np.random.choice で書き出しています。max_grad で勾配をクリップし、iters % eval_interval == 0 のときに報告します。',
    ],
    noReport: [
      '1 エポックのイテレーション数（データ数 // バッチサイズ）が 10 未満なので、このループは一度も損失を報告しません。',
      'ラボと同じく各エポックのミニバッチの損失の平均を epoch_means に記録し、その最後を final_loss とします（本のスクリプトにはない値です）。',
    ],
    results: '結果：最後に報告された平均損失と、訓練データ全体での正解率',
  },
  en: {
    header: [
      "The training of the DLFS2 Companion's lab, run on the book's own code.",
      "Save this file in the ch01/ folder of the book's repository (deep-learning-from-scratch-2)",
      'and run it there:  python3 lab_run.py',
      'It needs Python 3 and NumPy only (no matplotlib).',
      'The last two lines printed are the last reported average loss and the training accuracy, as the lab shows them.',
    ],
    matplotlib: [
      'common/trainer.py imports matplotlib at the top. This script draws nothing, so when',
      'matplotlib is not installed an empty stand-in module takes its place.',
    ],
    settings: "The lab's settings",
    dataBook: "The book's spiral data (100 points per class, 3 classes, noise 0.2) with the lab's seed",
    dataSpiral: [
      "The spiral data with the lab's points per class, classes and noise. The book's load_data",
      'only takes a seed, so the same computation is written out here, with the same random draws in the same order.',
    ],
    dataPoints: [
      "The lab's own data (x: coordinates, labels: the class of each point). The initial weights",
      "and the mini-batches draw from NumPy's generator, seeded with the lab's seed.",
    ],
    model: "The model and the optimizer (the book's default values written out)",
    loopPermutation: [
      "The training loop of the book's train_custom_loop.py: every epoch reorders the data with one",
      'permutation, and every 10 iterations the average loss is printed.',
    ],
    loopChoice: [
      "Mini-batches chosen as in the first book: each batch is drawn anew with np.random.choice, so within",
      'an epoch some samples repeat and others are never used. The average loss is printed every 10',
      "iterations, as the book's script does.",
    ],
    trainer: ["Training with the book's Trainer: fit prints its progress every eval_interval iterations (at the first of each block)."],
    trainerChoice: [
      "The book's Trainer always reorders with a permutation, so Trainer.fit's loop is written out here with",
      "the first book's np.random.choice: gradients clipped with max_grad, a report when iters % eval_interval == 0.",
    ],
    noReport: [
      'An epoch has fewer than 10 iterations (data size // batch size), so this loop never reports a loss.',
      "As the lab does, epoch_means records each epoch's mean mini-batch loss and final_loss is the last of them (the book's script has no such value).",
    ],
    results: 'Results: the last reported average loss, and the accuracy on all the training data',
  },
};
