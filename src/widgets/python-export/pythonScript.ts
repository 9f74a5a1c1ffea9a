/**
 * "Same run in Python": the lab's run as a Python 3 script that runs on the book's own code,
 * from the `ch01/` folder of the book's repository, with NumPy and without matplotlib.
 *
 * Pure: settings + dataset description → script text. The script imports the book's modules as
 * the book's scripts do (`sys.path.append('..')`, `from dataset import spiral`,
 * `from common.optimizer import …`, `from two_layer_net import TwoLayerNet`, and
 * `from common.trainer import Trainer` for Trainer.fit) and writes out only what the book's code
 * cannot do with the lab's settings:
 * - the spiral with other points/classes/noise (the book's `load_data` takes only the seed): the
 *   same formula with the same random draws in the same order;
 * - book 1's `choice` sampling (the book's Trainer always shuffles with a permutation): the
 *   Trainer's loop with one `np.random.choice` per batch, as the core's trainer.ts does;
 * - a `points` dataset (e.g. the reader's own): embedded as arrays, the generator seeded with the
 *   run's seed just before the weights are drawn (as the engine's createRun does).
 * Its last two output lines are `final_loss=<repr>` (the last reported average loss; for a
 * custom loop that never reports, the last epoch's mean mini-batch loss, as the lab shows) and
 * `accuracy=<repr>` (on all the training data).
 */
import { Adam, Momentum, Nesterov, RMSprop, makeOptimizer, type OptimizerName } from '../../nn/optimizers';
import { BOOK } from '../../nn/book';
import type { Lang } from '../../state/lang';
import type { DatasetSpec } from '../../lab/datasets';
import type { RunSettings } from '../../lab/protocol';
import type { TrainSettings } from '../../lab/runner';
import { scriptText, type ScriptText } from './pythonScriptText';

/** A Python float literal that reads back as the same double (`1.0`, `0.2`, `1e-07`, `-0.0`). */
export function pyFloat(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  if (Object.is(v, -0)) return '-0.0';
  const s = String(v); // shortest round-trip digits, like Python's repr
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

const CLASS_NAMES: Record<OptimizerName, string> = {
  sgd: 'SGD', momentum: 'Momentum', nesterov: 'Nesterov', adagrad: 'AdaGrad', rmsprop: 'RMSprop', adam: 'Adam',
};

/** `Adam(lr=learning_rate, beta1=0.9, beta2=0.999)`: the core's defaults, written out. */
function optimizerCall(name: OptimizerName): string {
  const o = makeOptimizer(name, 1);
  const extra =
    o instanceof Momentum || o instanceof Nesterov ? `, momentum=${pyFloat(o.momentum)}`
    : o instanceof RMSprop ? `, decay_rate=${pyFloat(o.decayRate)}`
    : o instanceof Adam ? `, beta1=${pyFloat(o.beta1)}, beta2=${pyFloat(o.beta2)}`
    : '';
  return `${CLASS_NAMES[name]}(lr=learning_rate${extra})`;
}

function isBookSpiral(d: DatasetSpec): boolean {
  return d.kind === 'spiral' && d.points === BOOK.pointsPerClass && d.classes === BOOK.classes && d.noise === BOOK.noise;
}

function checkInputs(s: RunSettings): number {
  const t = s.train, d = s.data;
  const ints: [string, number][] = [['seed', s.seed], ['hidden', s.model.hidden], ['batch', t.batch], ['epochs', t.epochs], ['eval_interval', t.evalInterval], ['classes', d.classes]];
  for (const [name, v] of ints) if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a non-negative integer, got ${v}`);
  if (!(t.lr > 0 && Number.isFinite(t.lr))) throw new Error(`learning rate must be a positive number, got ${t.lr}`);
  if (d.kind === 'spiral') return d.points * d.classes;
  const n = d.labels.length;
  if (d.x.length !== 2 * n) throw new Error(`points: ${d.x.length} coordinates for ${n} labels`);
  for (let i = 0; i < n; i++) {
    const c = d.labels[i];
    if (!Number.isInteger(c) || c < 0 || c >= d.classes) throw new Error(`points: label ${c} of point ${i} is not a class of ${d.classes}`);
  }
  return n;
}

/** The data section: `x` (N, 2) floats and `t` (N, C) one-hot ints, as load_data returns them. */
function dataLines(d: DatasetSpec, tx: ScriptText): string[] {
  if (d.kind === 'spiral' && isBookSpiral(d)) return [`# ${tx.dataBook}`, 'x, t = spiral.load_data(seed)'];
  if (d.kind === 'spiral') {
    return [
      ...tx.dataSpiral.map((l) => `# ${l}`),
      'def load_spiral(seed, points_per_class, classes, noise):',
      '    np.random.seed(seed)',
      '    x = np.zeros((points_per_class * classes, 2))',
      '    t = np.zeros((points_per_class * classes, classes), dtype=np.int32)',
      '    for j in range(classes):',
      '        for i in range(points_per_class):',
      '            rate = i / points_per_class',
      '            radius = 1.0 * rate',
      '            theta = j * 4.0 + 4.0 * rate + np.random.randn() * noise',
      '            row = points_per_class * j + i',
      '            x[row] = radius * np.sin(theta), radius * np.cos(theta)',
      '            t[row, j] = 1',
      '    return x, t',
      '',
      '',
      `x, t = load_spiral(seed, points_per_class=${d.points}, classes=${d.classes}, noise=${pyFloat(d.noise)})`,
    ];
  }
  const rows: string[] = [];
  for (let i = 0; i < d.labels.length; i += 4) {
    const chunk: string[] = [];
    for (let k = i; k < Math.min(i + 4, d.labels.length); k++) chunk.push(`[${pyFloat(d.x[2 * k])}, ${pyFloat(d.x[2 * k + 1])}]`);
    rows.push(`    ${chunk.join(', ')},`);
  }
  const labels: string[] = [];
  for (let i = 0; i < d.labels.length; i += 30) labels.push(`    ${Array.from({ length: Math.min(30, d.labels.length - i) }, (_, k) => String(d.labels[i + k])).join(', ')},`);
  return [
    ...tx.dataPoints.map((l) => `# ${l}`),
    'x = np.array([', ...rows, '], dtype=np.float64)',
    'labels = np.array([', ...labels, '], dtype=np.int64)',
    `t = np.eye(${d.classes}, dtype=np.int32)[labels]`,
    'np.random.seed(seed)',
  ];
}

/** The report line of the book's custom loop, or of Trainer.fit (with its elapsed time). */
const LOOP_REPORT = "print('| epoch %d |  iter %d / %d | loss %.2f' % (epoch + 1, iters + 1, max_iters, avg_loss))";
const TRAINER_REPORT =
  "print('| epoch %d |  iter %d / %d | time %d[s] | loss %.2f' % (epoch + 1, iters + 1, max_iters, time.time() - start_time, avg_loss))";

/**
 * The training section; afterwards `loss_list` holds the reported average losses. With
 * `epochMeans` (a custom loop that never reports) it also keeps each epoch's mean mini-batch
 * loss in `epoch_means`, as the lab plots it.
 */
function trainingLines(s: TrainSettings, tx: ScriptText, epochMeans = false): string[] {
  const trainer = s.runner === 'trainer';
  if (trainer && s.sampling === 'permutation') {
    return [
      ...tx.trainer.map((l) => `# ${l}`),
      'trainer = Trainer(model, optimizer)',
      'trainer.fit(x, t, max_epoch, batch_size, max_grad=max_grad, eval_interval=eval_interval)',
      'loss_list = trainer.loss_list',
    ];
  }
  const choice = s.sampling === 'choice';
  const comment = trainer ? tx.trainerChoice : choice ? tx.loopChoice : tx.loopPermutation;
  const batch = choice
    ? ['        batch_mask = np.random.choice(data_size, batch_size)', '        batch_x, batch_t = x[batch_mask], t[batch_mask]']
    : [
        '        batch_x = x_train[iters * batch_size:(iters + 1) * batch_size]',
        '        batch_t = t_train[iters * batch_size:(iters + 1) * batch_size]',
      ];
  return [
    ...comment.map((l) => `# ${l}`),
    'data_size = len(x)',
    'max_iters = data_size // batch_size',
    'total_loss, loss_count, loss_list = 0, 0, []',
    ...(epochMeans ? ['epoch_means = []'] : []),
    ...(choice ? [] : ['x_train, t_train = x, t']),
    ...(trainer ? ['start_time = time.time()'] : []),
    'for epoch in range(max_epoch):',
    ...(epochMeans ? ['    epoch_total = 0'] : []),
    ...(choice ? [] : ['    idx = np.random.permutation(data_size)', '    x_train, t_train = x_train[idx], t_train[idx]']),
    '    for iters in range(max_iters):',
    ...batch,
    '        loss = model.forward(batch_x, batch_t)',
    '        model.backward()',
    ...(trainer ? ['        if max_grad is not None:', '            clip_grads(model.grads, max_grad)'] : []),
    '        optimizer.update(model.params, model.grads)',
    '        total_loss += loss',
    '        loss_count += 1',
    ...(epochMeans ? ['        epoch_total += loss'] : []),
    trainer ? '        if iters % eval_interval == 0:' : '        if (iters + 1) % 10 == 0:',
    '            avg_loss = total_loss / loss_count',
    `            ${trainer ? TRAINER_REPORT : LOOP_REPORT}`,
    '            loss_list.append(float(avg_loss))',
    '            total_loss, loss_count = 0, 0',
    ...(epochMeans ? ['    epoch_means.append(float(epoch_total / max_iters))'] : []),
  ];
}

/** The whole script for the run `run` (its data, model and training), its comments in `lang`. */
export function pythonScript(run: RunSettings, lang: Lang = 'en'): string {
  const s = run.train, dataset = run.data, tx = scriptText[lang];
  const n = checkInputs(run);
  const trainer = s.runner === 'trainer';
  const usesTrainer = trainer && s.sampling === 'permutation';
  const maxGrad = trainer && s.maxGrad > 0 ? pyFloat(s.maxGrad) : 'None';
  // the custom loop reports every 10 iterations of an epoch: with fewer it never does
  const noReport = !trainer && Math.floor(n / s.batch) < 10;
  const lines = [
    '# coding: utf-8',
    ...tx.header.map((l) => `# ${l}`),
    'import sys',
    "sys.path.append('..')",
    ...(trainer && !usesTrainer ? ['import time'] : []),
    'import numpy as np',
    ...(usesTrainer
      ? [
          '',
          ...tx.matplotlib.map((l) => `# ${l}`),
          'import importlib.util',
          'import types',
          "if importlib.util.find_spec('matplotlib') is None:",
          "    stand_in = types.ModuleType('matplotlib')",
          "    stand_in.pyplot = types.ModuleType('matplotlib.pyplot')",
          "    sys.modules['matplotlib'] = stand_in",
          "    sys.modules['matplotlib.pyplot'] = stand_in.pyplot",
          '',
        ]
      : []),
    ...(isBookSpiral(dataset) ? ['from dataset import spiral'] : []),
    'from common.optimizer import SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam',
    ...(usesTrainer ? ['from common.trainer import Trainer'] : []),
    ...(trainer && !usesTrainer ? ['from common.util import clip_grads'] : []),
    'from two_layer_net import TwoLayerNet',
    '',
    `# ${tx.settings}`,
    `seed = ${run.seed}`,
    `max_epoch = ${s.epochs}`,
    `batch_size = ${s.batch}`,
    `hidden_size = ${run.model.hidden}`,
    `learning_rate = ${pyFloat(s.lr)}`,
    ...(trainer ? [`max_grad = ${maxGrad}`, `eval_interval = ${s.evalInterval}`] : []),
    '',
    ...dataLines(dataset, tx),
    '',
    `# ${tx.model}`,
    `model = TwoLayerNet(input_size=2, hidden_size=hidden_size, output_size=${dataset.classes})`,
    `optimizer = ${optimizerCall(s.opt)}`,
    '',
    ...trainingLines(s, tx, noReport),
    '',
    ...(noReport ? [...tx.noReport.map((l) => `# ${l}`)] : []),
    `# ${tx.results}`,
    noReport ? 'final_loss = epoch_means[-1] if epoch_means else None' : 'final_loss = float(loss_list[-1]) if loss_list else None',
    'accuracy = float(np.mean(np.argmax(model.predict(x), axis=1) == np.argmax(t, axis=1)))',
    "print('final_loss=' + repr(final_loss))",
    "print('accuracy=' + repr(accuracy))",
  ];
  return `${lines.join('\n')}\n`;
}
