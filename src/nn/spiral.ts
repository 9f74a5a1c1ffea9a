/**
 * The spiral dataset of §1.4.1 (the book's dataset/spiral.py `load_data`): `classes` arms of
 * `pointsPerClass` points each, point i of arm j at radius i/N and angle
 * 4j + 4·i/N + noise·randn (radians), stored as (r·sin θ, r·cos θ).
 */
import { type Mat, mat } from './matrix';
import { BOOK } from './book';
import { RandomState } from './random';

/** Options of {@link loadSpiral}; the defaults are the book's. */
export interface SpiralOptions {
  /** Seed passed to `rng.seed` (the book's `load_data(seed=1984)`). */
  seed?: number;
  /** Points per class (the book's N = 100). */
  pointsPerClass?: number;
  /** Number of arms / classes (the book's CLS_NUM = 3). */
  classes?: number;
  /** Standard deviation of the angle noise in radians (the book's 0.2). */
  noise?: number;
}

/** The dataset: inputs, one-hot targets, the same targets as labels, and the generator used. */
export interface Spiral {
  /** (N·C, 2) inputs; point i of class j is row N·j + i. Radius 0 gives (−0, 0) for some angles. */
  x: Mat;
  /** (N·C, C) one-hot targets (the book stores them as int; here they are 0/1 doubles). */
  t: Mat;
  /** Class of each row. */
  labels: Int32Array;
  /** The generator, after the data's draws: the book keeps drawing from it for weights and shuffles. */
  rng: RandomState;
}

/**
 * `spiral.load_data()`: seeds `rng` (like the book's `np.random.seed(seed)`), then draws one
 * normal per point, class by class. Pass the same `rng` on to the net and the trainer to get
 * the book's numbers.
 */
export function loadSpiral(opts: SpiralOptions = {}, rng: RandomState = new RandomState(opts.seed ?? BOOK.seed)): Spiral {
  const { seed = BOOK.seed, pointsPerClass: N = BOOK.pointsPerClass, classes: C = BOOK.classes, noise = BOOK.noise } = opts;
  if (!Number.isInteger(N) || N < 1) throw new Error(`pointsPerClass must be a positive integer, got ${N}`);
  if (!Number.isInteger(C) || C < 1) throw new Error(`classes must be a positive integer, got ${C}`);
  if (!Number.isFinite(noise)) throw new Error(`noise must be a finite number, got ${noise}`);
  rng.seed(seed);
  const x = mat(N * C, 2);
  const t = mat(N * C, C);
  const labels = new Int32Array(N * C);
  for (let j = 0; j < C; j++) {
    for (let i = 0; i < N; i++) {
      const rate = i / N;
      const radius = 1.0 * rate;
      // same operation order as the book: (j·4 + 4·rate) + randn·noise
      const theta = j * 4.0 + 4.0 * rate + rng.gauss() * noise;
      const ix = N * j + i;
      x.data[2 * ix] = radius * Math.sin(theta);
      x.data[2 * ix + 1] = radius * Math.cos(theta);
      t.data[ix * C + j] = 1;
      labels[ix] = j;
    }
  }
  return { x, t, labels, rng };
}
