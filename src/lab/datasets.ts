/**
 * Dataset providers: each turns a serialisable description (`DatasetSpec`, part of the run's
 * settings) into the engine's {@link Dataset}. A provider draws from the run's generator `rng`
 * (already seeded with the run's seed) and leaves it where the book's code would, because the
 * initial weights and the shuffles continue the same stream.
 *
 * Adding a provider: add its description to `DatasetSpec` and one entry to `DATASETS` that
 * builds `x`, `t`, `labels`, `classes` and `bounds` (`datasetOf` does the last three from `x`
 * and `labels`, as the `points` provider shows). The type checker then asks for nothing else.
 */
import { dataBounds } from '../nn/boundary';
import { mat, type Mat } from '../nn/matrix';
import type { RandomState } from '../nn/random';
import { loadSpiral } from '../nn/spiral';
import type { Dataset } from './seams';

/** What a run trains on. */
export type DatasetSpec =
  /** The book's `spiral.load_data(seed)` (§1.4.1), with points per class, classes and noise free. */
  | { kind: 'spiral'; points: number; classes: number; noise: number }
  /** Points given one by one (e.g. drawn by the reader): `x` is (N, 2) row-major, `labels` 0 … classes − 1. Draws nothing. */
  | { kind: 'points'; x: number[]; labels: number[]; classes: number };

type Provider<S extends DatasetSpec> = (spec: S, seed: number, rng: RandomState) => Dataset;

/** Every provider, by `kind`. */
export const DATASETS: { [K in DatasetSpec['kind']]: Provider<Extract<DatasetSpec, { kind: K }>> } = {
  spiral: (spec, seed, rng) => {
    // load_data seeds the generator itself (np.random.seed(seed)) and draws one normal per point
    const d = loadSpiral({ seed, pointsPerClass: spec.points, classes: spec.classes, noise: spec.noise }, rng);
    return { x: d.x, t: d.t, labels: d.labels, classes: spec.classes, bounds: dataBounds(d.x) };
  },
  points: (spec) => {
    if (spec.x.length !== 2 * spec.labels.length) throw new Error(`points: ${spec.x.length} coordinates for ${spec.labels.length} labels`);
    for (const c of spec.labels) if (!Number.isInteger(c) || c < 0 || c >= spec.classes) throw new Error(`points: label ${c} is not a class of ${spec.classes}`);
    return datasetOf(mat(spec.labels.length, 2, spec.x), Int32Array.from(spec.labels), spec.classes);
  },
};

/** The dataset `spec` describes, drawn from `rng` (seeded with the run's `seed`). */
export function makeDataset(spec: DatasetSpec, seed: number, rng: RandomState): Dataset {
  const provider = DATASETS[spec.kind] as Provider<DatasetSpec> | undefined;
  if (!provider) throw new Error(`unknown dataset kind '${String(spec.kind)}'`);
  return provider(spec, seed, rng);
}

/** A Dataset of 2-D points `x` with class `labels`: one-hot targets and the book's padded bounds. */
export function datasetOf(x: Mat, labels: Int32Array, classes: number): Dataset {
  const t = mat(labels.length, classes);
  for (let i = 0; i < labels.length; i++) t.data[i * classes + labels[i]] = 1;
  return { x, t, labels, classes, bounds: dataBounds(x) };
}
