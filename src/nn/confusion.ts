/**
 * Per-class results of a classifier (§1.4, beside the lab's accuracy): the confusion matrix
 * (row = true class, column = predicted class, as scikit-learn's `confusion_matrix` lays it out)
 * and each class's accuracy (the share of its points predicted as that class, i.e. its recall).
 */

/** Counts of (true, predicted) pairs: `counts[t * classes + p]`. */
export interface Confusion {
  classes: number;
  counts: Int32Array;
}

/** The confusion matrix of `predicted` against `labels` (class numbers 0 … classes − 1). */
export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number, out?: Int32Array): Confusion {
  if (labels.length !== predicted.length) throw new Error(`confusionMatrix: ${labels.length} labels for ${predicted.length} predictions`);
  if (!Number.isInteger(classes) || classes < 1) throw new Error(`confusionMatrix: classes must be a positive integer, got ${classes}`);
  const counts = out && out.length === classes * classes ? out.fill(0) : new Int32Array(classes * classes);
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i], p = predicted[i];
    if (!(t >= 0 && t < classes && p >= 0 && p < classes)) throw new Error(`confusionMatrix: point ${i} has class ${t} → ${p}, outside 0…${classes - 1}`);
    counts[t * classes + p]++;
  }
  return { classes, counts };
}

/** Accuracy of each true class (correct / points of that class); NaN for a class with no points. */
export function perClassAccuracy(m: Confusion): number[] {
  const { classes, counts } = m;
  const out: number[] = [];
  for (let t = 0; t < classes; t++) {
    let row = 0;
    for (let p = 0; p < classes; p++) row += counts[t * classes + p];
    out.push(row === 0 ? Number.NaN : counts[t * classes + t] / row);
  }
  return out;
}

/** Overall accuracy: the diagonal's share of all points (NaN when there are none). */
export function overallAccuracy(m: Confusion): number {
  let hit = 0, all = 0;
  for (let t = 0; t < m.classes; t++) {
    for (let p = 0; p < m.classes; p++) {
      const v = m.counts[t * m.classes + p];
      all += v;
      if (t === p) hit += v;
    }
  }
  return all === 0 ? Number.NaN : hit / all;
}
