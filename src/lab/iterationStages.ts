/**
 * The iteration stepper's stages (§1.3.5): one traced iteration (src/nn/iterationTrace.ts) cut
 * into the steps the book's code takes — forward through Affine, Sigmoid, Affine, Softmax and the
 * loss, backward through SoftmaxWithLoss, Affine, Sigmoid, Affine, then the optimizer's update —
 * each with the arrays it reads and writes and a formula with the shapes. Pure data for a view.
 */
import type { IterationTrace } from '../nn/iterationTrace';
import type { Mat } from '../nn/matrix';
import { formatShape } from '../nn/ndarray';
import type { OptimizerName } from '../nn/optimizers';

export const STAGE_NAMES = [
  'batch', 'affine1', 'sigmoid', 'affine2', 'softmax', 'loss',
  'loss-backward', 'affine2-backward', 'sigmoid-backward', 'affine1-backward', 'update',
] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** The graph's nodes, in forward order (the diagram's boxes). */
export const NODES = ['x', 'Affine1', 'Sigmoid', 'Affine2', 'Softmax', 'Loss'] as const;
export type NodeName = (typeof NODES)[number];

/** What an array is to its stage: read, a parameter, written, or a gradient written. */
export type ArrayRole = 'in' | 'param' | 'out' | 'grad';

export interface StageArray {
  /** The name the formula uses (x, W1, a, dW1, …). */
  name: string;
  /** NumPy's shape: [rows, cols], [n] for vectors, [] for a scalar. */
  shape: number[];
  /** Row-major values (a vector is one row). */
  data: ArrayLike<number>;
  role: ArrayRole;
  /** For the update stage: which version of a parameter ('before' or 'after' the update). */
  when?: 'before' | 'after';
}

export interface Stage {
  name: StageName;
  phase: 'forward' | 'backward' | 'update';
  /** The diagram node the stage works on (the update touches every parameter). */
  node: NodeName | 'all';
  /** The book's class that computes it. */
  layer: string;
  /** The computation with the shapes, e.g. `a = x·W1 + b1   (30, 2)·(2, 10) + (10,) → (30, 10)`. */
  formula: string;
  arrays: StageArray[];
}

const shapeOf = (m: Mat) => [m.rows, m.cols];
const vecShape = (m: Mat) => [m.cols];
const arr = (name: string, m: Mat, role: ArrayRole): StageArray => ({ name, shape: shapeOf(m), data: m.data, role });
const vec = (name: string, m: Mat, role: ArrayRole): StageArray => ({ name, shape: vecShape(m), data: m.data, role });
const f = (m: Mat) => formatShape(shapeOf(m));
const fv = (m: Mat) => formatShape(vecShape(m));

const OPTIMIZER_CLASS: Record<OptimizerName, string> = {
  sgd: 'SGD', momentum: 'Momentum', nesterov: 'Nesterov', adagrad: 'AdaGrad', rmsprop: 'RMSprop', adam: 'Adam',
};

/** The update rule as a formula: SGD's in full, the others by name (§1.3.6 shows them). */
function updateFormula(opt: OptimizerName, lr: number): string {
  return opt === 'sgd' ? `W ← W − lr·dW   (lr = ${lr})   W1, b1, W2, b2` : `${OPTIMIZER_CLASS[opt]}.update(params, grads)   (lr = ${lr})   W1, b1, W2, b2`;
}

/** The eleven stages of a traced iteration, in the order the book's code runs them. */
export function stagesOf(tr: IterationTrace, opt: OptimizerName = 'sgd', lr = 1): Stage[] {
  const n = tr.x.rows;
  const { W1, b1, W2, b2 } = tr.before;
  const labels = { name: 't', shape: [n], data: tr.labels, role: 'in' as const };
  return [
    { name: 'batch', phase: 'forward', node: 'x', layer: 'batch_x, batch_t', formula: `x ${f(tr.x)}, t ${f(tr.t)}`, arrays: [arr('x', tr.x, 'in'), arr('t', tr.t, 'in')] },
    {
      name: 'affine1', phase: 'forward', node: 'Affine1', layer: 'Affine',
      formula: `a = x·W1 + b1   ${f(tr.x)}·${f(W1)} + ${fv(b1)} → ${f(tr.a)}`,
      arrays: [arr('x', tr.x, 'in'), arr('W1', W1, 'param'), vec('b1', b1, 'param'), arr('a', tr.a, 'out')],
    },
    { name: 'sigmoid', phase: 'forward', node: 'Sigmoid', layer: 'Sigmoid', formula: `h = 1 / (1 + exp(−a))   ${f(tr.a)} → ${f(tr.h)}`, arrays: [arr('a', tr.a, 'in'), arr('h', tr.h, 'out')] },
    {
      name: 'affine2', phase: 'forward', node: 'Affine2', layer: 'Affine',
      formula: `s = h·W2 + b2   ${f(tr.h)}·${f(W2)} + ${fv(b2)} → ${f(tr.score)}`,
      arrays: [arr('h', tr.h, 'in'), arr('W2', W2, 'param'), vec('b2', b2, 'param'), arr('s', tr.score, 'out')],
    },
    { name: 'softmax', phase: 'forward', node: 'Softmax', layer: 'SoftmaxWithLoss (softmax)', formula: `y = exp(s − max) / Σ exp(s − max)   ${f(tr.score)} → ${f(tr.y)}`, arrays: [arr('s', tr.score, 'in'), arr('y', tr.y, 'out')] },
    {
      name: 'loss', phase: 'forward', node: 'Loss', layer: 'SoftmaxWithLoss (cross_entropy_error)',
      formula: `L = −Σ log(y[i, t_i] + 1e-7) / ${n}   ${f(tr.y)} → ()`,
      arrays: [arr('y', tr.y, 'in'), labels, { name: 'y[i, t_i] + 1e-7', shape: [n], data: tr.picked, role: 'in' }, { name: 'L', shape: [], data: [tr.loss], role: 'out' }],
    },
    { name: 'loss-backward', phase: 'backward', node: 'Loss', layer: 'SoftmaxWithLoss.backward', formula: `ds = (y − t) / ${n}   ${f(tr.y)} → ${f(tr.dscore)}`, arrays: [arr('y', tr.y, 'in'), labels, arr('ds', tr.dscore, 'grad')] },
    {
      name: 'affine2-backward', phase: 'backward', node: 'Affine2', layer: 'Affine.backward',
      formula: `dW2 = hᵀ·ds ${f(tr.dW2)},  db2 = Σ ds (axis=0) ${fv(tr.db2)},  dh = ds·W2ᵀ ${f(tr.dh)}`,
      arrays: [arr('ds', tr.dscore, 'in'), arr('h', tr.h, 'in'), arr('dW2', tr.dW2, 'grad'), vec('db2', tr.db2, 'grad'), arr('dh', tr.dh, 'grad')],
    },
    { name: 'sigmoid-backward', phase: 'backward', node: 'Sigmoid', layer: 'Sigmoid.backward', formula: `da = dh · (1 − h) · h   ${f(tr.dh)} → ${f(tr.da)}`, arrays: [arr('dh', tr.dh, 'in'), arr('h', tr.h, 'in'), arr('da', tr.da, 'grad')] },
    {
      name: 'affine1-backward', phase: 'backward', node: 'Affine1', layer: 'Affine.backward',
      formula: `dW1 = xᵀ·da ${f(tr.dW1)},  db1 = Σ da (axis=0) ${fv(tr.db1)},  dx = da·W1ᵀ ${f(tr.dx)}`,
      arrays: [arr('da', tr.da, 'in'), arr('x', tr.x, 'in'), arr('dW1', tr.dW1, 'grad'), vec('db1', tr.db1, 'grad'), arr('dx', tr.dx, 'grad')],
    },
    {
      name: 'update', phase: 'update', node: 'all', layer: `${OPTIMIZER_CLASS[opt]}.update`, formula: updateFormula(opt, lr),
      arrays: (['W1', 'b1', 'W2', 'b2'] as const).flatMap((k): StageArray[] => {
        const make = k.startsWith('W') ? arr : vec;
        return [{ ...make(k, tr.before[k], 'param'), when: 'before' }, make(`d${k}`, tr[`d${k}`], 'grad'), { ...make(k, tr.after[k], 'out'), when: 'after' }];
      }),
    },
  ];
}
