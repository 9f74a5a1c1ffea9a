/**
 * Edits of the reader's own data set, as pure functions returning a new set: add a point (snapped
 * to the 0.001 grid, placed at the end of its class so the set stays class by class), remove one,
 * find the point under the pointer, change the number of classes. Limits are the caller's to
 * check (pointsProblem) — an edit never throws for a set that breaks one, so the draft can pass
 * through states the lab cannot train on yet (an empty class) with a note.
 */
import { mat } from '../nn/matrix';
import type { PointSet } from '../nn/datasets';
import { snap } from './pointsCodec';

/** An empty set of `classes` classes. */
export function emptySet(classes: number): PointSet {
  return { x: mat(0, 2), labels: new Int32Array(0), classes };
}

/** The set with a point of class `cls` at (x, y), snapped, after the last point of its class. */
export function addPoint(s: PointSet, x: number, y: number, cls: number): PointSet {
  const n = s.labels.length;
  let at = 0;
  while (at < n && s.labels[at] <= cls) at++;
  const data = new Float64Array(2 * (n + 1));
  data.set(s.x.data.subarray(0, 2 * at));
  data[2 * at] = snap(x);
  data[2 * at + 1] = snap(y);
  data.set(s.x.data.subarray(2 * at), 2 * at + 2);
  const labels = new Int32Array(n + 1);
  labels.set(s.labels.subarray(0, at));
  labels[at] = cls;
  labels.set(s.labels.subarray(at), at + 1);
  return { x: mat(n + 1, 2, data), labels, classes: Math.max(s.classes, cls + 1) };
}

/** The set without point `i`. */
export function removePoint(s: PointSet, i: number): PointSet {
  const n = s.labels.length;
  if (!(i >= 0 && i < n)) return s;
  const data = new Float64Array(2 * (n - 1));
  data.set(s.x.data.subarray(0, 2 * i));
  data.set(s.x.data.subarray(2 * i + 2), 2 * i);
  const labels = new Int32Array(n - 1);
  labels.set(s.labels.subarray(0, i));
  labels.set(s.labels.subarray(i + 1), i);
  return { x: mat(n - 1, 2, data), labels, classes: s.classes };
}

/** Index of the point nearest to (x, y) within `radius` (plane units), or −1. The last drawn wins a tie. */
export function pointAt(s: PointSet, x: number, y: number, radius: number): number {
  let best = -1, bestD = radius * radius;
  for (let i = 0; i < s.labels.length; i++) {
    const d = (s.x.data[2 * i] - x) ** 2 + (s.x.data[2 * i + 1] - y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** The set with `classes` classes: points of classes that no longer exist are dropped. */
export function withClasses(s: PointSet, classes: number): PointSet {
  if (classes >= s.classes) return { ...s, classes };
  let keep = 0;
  while (keep < s.labels.length && s.labels[keep] < classes) keep++; // the set is class by class
  return { x: mat(keep, 2, s.x.data.slice(0, 2 * keep)), labels: s.labels.slice(0, keep), classes };
}
