/**
 * The lab engine's three seams. A training run (engine.ts `LabRun`) is put together from
 * - a **Dataset**: what it learns from. Providers are listed in datasets.ts (the book's spiral);
 *   a new source of data (the reader's drawn points, a corpus) is one more provider there.
 * - a **Model** with the book's shape (models.ts lists them: TwoLayerNet). Any object with one
 *   flat `params` list, `grads` of the same shapes written in place by `backward`, `forward`
 *   returning the mean loss, and `predict` returning scores, trains in the lab unchanged.
 * - a **Task**: what is reported and what is drawn of the model (tasks/classify2d.ts: accuracy
 *   and the confusion matrix, the decision boundary as a class grid over the data's plane, and
 *   on request what each unit draws).
 * plus the training settings of the book's drivers (runner.ts: the custom loop or Trainer.fit,
 * the optimizer, batches and epochs). createRun.ts turns a serialisable `RunSettings` into
 * these parts, drawing from one generator in the book's order (data, then weights, then
 * shuffles), so a run reproduces the book's numbers.
 *
 * A later chapter's lab (word2vec, say) adds its dataset provider, its model (anything of the
 * shape below), and a task with its own report and picture; the engine, the runner, the worker's
 * slicing and the client stay as they are. This module depends on src/nn only.
 */
import type { Bounds } from '../nn/boundary';
import type { Mat } from '../nn/matrix';
import type { TrainableModel } from '../nn/trainer';

/** A rectangle of the input plane (the core's). */
export type { Bounds };

/** A labelled dataset (classification): N samples, one row each. */
export interface Dataset {
  /** (N, D) inputs. */
  x: Mat;
  /** (N, C) one-hot targets, the book's `t`. */
  t: Mat;
  /** The class of each row (the argmax of `t`). */
  labels: Int32Array;
  /** C, the number of classes. */
  classes: number;
  /** The plane the views draw (for 2-D inputs, the book pads the data's range by 0.1). */
  bounds: Bounds;
}

/** A model in the book's shape (TwoLayerNet is one). */
export interface Model extends TrainableModel {
  /** Scores (before softmax) for each row of x. */
  predict(x: Mat): Mat;
  /** The shape of each array of `params` (e.g. [[2, H], [H], [H, C], [C]]), for export and import. */
  paramShapes(): number[][];
}

/** A task's evaluation of a model on its data. */
export interface Evaluation {
  /** The fraction of the data predicted right (the training accuracy). */
  accuracy: number;
  /** Classification: counts of (true class, predicted class), row-major C × C (sums to N). */
  confusion?: Int32Array;
}

/**
 * What a run reports and draws. `Options` are the picture's options (for classify2d: the grid's
 * spacing and whether to include confidence), `Picture` what is drawn (a class grid).
 */
export interface Task<Options, Picture> {
  /**
   * The loss of a model that has learnt nothing (ln C for C classes): the divergence rule counts a
   * run whose mean loss stays far above it as blown up (engine.ts).
   */
  chanceLoss(data: Dataset): number;
  /** What is reported with each progress message: the fraction of the data predicted right, and more. */
  evaluate(model: Model, data: Dataset): Evaluation;
  /** The picture of the current model the page draws. */
  picture(model: Model, data: Dataset, opts: Options): Picture;
}
