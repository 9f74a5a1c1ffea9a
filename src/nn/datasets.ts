/**
 * Classic 2-D classification sets, besides the book's spiral (§1.4.1), for the reader to train
 * the same net on: two circles, two moons, XOR and blobs. Each has its own fixed seed and draws
 * from NumPy's legacy generator (our bit-compatible RandomState) in a documented order, so a
 * NumPy script with the same calls makes the same points (tests/fixtures/numpy/make_inside.py).
 * Every set lies within about [−1.1, 1.1]², the spiral's scale, and lists its points class by
 * class (class 0 first), the order the lab keeps drawn sets in.
 */
import { type Mat, mat } from './matrix';
import { RandomState } from './random';

/** A labelled set of 2-D points. */
export interface PointSet {
  /** (n, 2) coordinates. */
  x: Mat;
  /** Class of each point, 0 … classes − 1. */
  labels: Int32Array;
  classes: number;
}

/** One-hot targets (n, classes) of a set, as the book's `t`. */
export function oneHot(labels: ArrayLike<number>, classes: number): Mat {
  const t = mat(labels.length, classes);
  for (let i = 0; i < labels.length; i++) t.data[i * classes + labels[i]] = 1;
  return t;
}

/** The names of the classic sets. */
export const CLASSIC_SETS = ['circles', 'moons', 'xor', 'blobs'] as const;
export type ClassicSet = (typeof CLASSIC_SETS)[number];

/** Each set's own seed (a set is the same picture every time; the lab's seed sets the weights). */
export const CLASSIC_SEEDS: Readonly<Record<ClassicSet, number>> = Object.freeze({ circles: 1, moons: 2, xor: 3, blobs: 4 });

/** The classic set `name`, drawn with its own seed (or `seed`). */
export function classicSet(name: ClassicSet, seed: number = CLASSIC_SEEDS[name]): PointSet {
  const rng = new RandomState(seed);
  switch (name) {
    case 'circles': return circles(rng);
    case 'moons': return moons(rng);
    case 'xor': return xor(rng);
    case 'blobs': return blobs(rng);
  }
}

/**
 * Two rings (100 points each), radii 0.3 and 0.8: per ring θ = 2π·rand(100) then
 * r = R + 0.08·randn(100); the point is (r cos θ, r sin θ).
 */
function circles(rng: RandomState): PointSet {
  const N = 100;
  const x = mat(2 * N, 2);
  const labels = new Int32Array(2 * N);
  [0.3, 0.8].forEach((R, c) => {
    const theta = rng.rand(N);
    const r = rng.randn(N);
    for (let i = 0; i < N; i++) {
      const t = 2 * Math.PI * theta[i];
      const rad = R + 0.08 * r[i];
      x.data[2 * (c * N + i)] = rad * Math.cos(t);
      x.data[2 * (c * N + i) + 1] = rad * Math.sin(t);
      labels[c * N + i] = c;
    }
  });
  return { x, labels, classes: 2 };
}

/**
 * Two interleaved half-circles (100 points each): t = π·rand(100) for class 0, then for
 * class 1; class 0 at (cos t, sin t), class 1 at (1 − cos t, 0.5 − sin t); then every point is
 * centred and scaled, ((x − 0.5)·0.7, (y − 0.25)·0.7), and moved by 0.06·randn(200, 2).
 */
function moons(rng: RandomState): PointSet {
  const N = 100;
  const x = mat(2 * N, 2);
  const labels = new Int32Array(2 * N);
  for (let c = 0; c < 2; c++) {
    const t = rng.rand(N);
    for (let i = 0; i < N; i++) {
      const a = Math.PI * t[i];
      const row = c * N + i;
      x.data[2 * row] = c === 0 ? Math.cos(a) : 1 - Math.cos(a);
      x.data[2 * row + 1] = c === 0 ? Math.sin(a) : 0.5 - Math.sin(a);
      labels[row] = c;
    }
  }
  const noise = rng.randn(4 * N);
  for (let i = 0; i < 2 * N; i++) {
    x.data[2 * i] = (x.data[2 * i] - 0.5) * 0.7 + 0.06 * noise[2 * i];
    x.data[2 * i + 1] = (x.data[2 * i + 1] - 0.25) * 0.7 + 0.06 * noise[2 * i + 1];
  }
  return { x, labels, classes: 2 };
}

/**
 * XOR (200 points): u = 2·rand(200, 2) − 1, each coordinate pushed 0.1 away from the axes
 * (0.9·u + 0.1·sign(u)); class 1 where the two coordinates have opposite signs. Points are then
 * listed class 0 first, each class in drawing order.
 */
function xor(rng: RandomState): PointSet {
  const n = 200;
  const u = rng.rand(2 * n);
  const pts: number[] = [];
  const cls: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = 2 * u[2 * i] - 1, b = 2 * u[2 * i + 1] - 1;
    pts.push(0.9 * a + 0.1 * Math.sign(a), 0.9 * b + 0.1 * Math.sign(b));
    cls.push(a * b < 0 ? 1 : 0);
  }
  return byClass(pts, cls, 2);
}

/** Four blobs (50 points each) around centres 0.6·(cos φ, sin φ), φ = π/4 + kπ/2: centre + 0.2·randn(50, 2). */
function blobs(rng: RandomState): PointSet {
  const K = 4, N = 50;
  const x = mat(K * N, 2);
  const labels = new Int32Array(K * N);
  for (let k = 0; k < K; k++) {
    const phi = Math.PI / 4 + (k * Math.PI) / 2;
    const cx = 0.6 * Math.cos(phi), cy = 0.6 * Math.sin(phi);
    const g = rng.randn(2 * N);
    for (let i = 0; i < N; i++) {
      const row = k * N + i;
      x.data[2 * row] = cx + 0.2 * g[2 * i];
      x.data[2 * row + 1] = cy + 0.2 * g[2 * i + 1];
      labels[row] = k;
    }
  }
  return { x, labels, classes: K };
}

/** Points listed class by class (a stable sort by class). */
export function byClass(pts: ArrayLike<number>, cls: ArrayLike<number>, classes: number): PointSet {
  const n = cls.length;
  const x = mat(n, 2);
  const labels = new Int32Array(n);
  let o = 0;
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < n; i++) {
      if (cls[i] !== c) continue;
      x.data[2 * o] = pts[2 * i];
      x.data[2 * o + 1] = pts[2 * i + 1];
      labels[o++] = c;
    }
  }
  if (o !== n) throw new Error(`byClass: ${n - o} points have a class outside 0…${classes - 1}`);
  return { x, labels, classes };
}
