/**
 * §1.3.6: an optimizer's path on a 2-D loss surface. The surface is the elongated bowl
 * f(x, y) = x²/20 + y² that the first book uses to compare optimizers (its curvature is 20
 * times larger along y than along x, so one learning rate cannot suit both directions).
 * The optimizers are the core's own (optimizers.ts), fed the point as `params = [p]` and the
 * gradient as `grads = [g]`, exactly as they update a network. Pure: no DOM.
 */
import { type OptimizerName, makeOptimizer } from './optimizers';

/** The bowl f(x, y) = x²/20 + y², its minimum at (0, 0). */
export function bowl(x: number, y: number): number {
  return (x * x) / 20 + y * y;
}

/** ∇f = (x/10, 2y), written into `out`. */
export function bowlGrad(x: number, y: number, out: Float64Array): Float64Array {
  out[0] = x / 10;
  out[1] = 2 * y;
  return out;
}

/** The first book's starting point for this comparison. */
export const BOWL_START: readonly [number, number] = [-7, 2];

/** Beyond this distance from the minimum a run counts as diverged and stops (no Infinity/NaN). */
export const DIVERGED_AT = 1e6;

export interface OptimizerPath {
  xs: number[];
  ys: number[];
  /** Loss after each step (index 0 is the start). */
  losses: number[];
  /** True when the point left |p| ≤ DIVERGED_AT; the path then ends at the last finite point. */
  diverged: boolean;
}

/** Runs `steps` updates of the named optimizer with learning rate `lr` from `start`. */
export function runPath(name: OptimizerName, lr: number, steps: number, start: readonly [number, number] = BOWL_START): OptimizerPath {
  const opt = makeOptimizer(name, lr);
  const p = Float64Array.from(start);
  const g = new Float64Array(2);
  const xs = [p[0]], ys = [p[1]], losses = [bowl(p[0], p[1])];
  for (let i = 0; i < steps; i++) {
    bowlGrad(p[0], p[1], g);
    opt.update([p], [g]);
    if (!(Math.hypot(p[0], p[1]) <= DIVERGED_AT)) return { xs, ys, losses, diverged: true };
    xs.push(p[0]);
    ys.push(p[1]);
    losses.push(bowl(p[0], p[1]));
  }
  return { xs, ys, losses, diverged: false };
}

export type Regime = 'crawl' | 'converge' | 'oscillate' | 'diverge';

/**
 * What a run did, read from the run itself:
 * diverge — it ran away (or ended higher than it started);
 * oscillate — y changed sign on most of the first steps (a zig-zag across the valley);
 * converge — the loss fell below 1% of its start;
 * crawl — it went downhill but is still far from the minimum.
 */
export function classify(path: OptimizerPath): Regime {
  const { ys, losses, diverged } = path;
  const first = losses[0], last = losses[losses.length - 1];
  if (diverged || last > first) return 'diverge';
  const n = Math.min(10, ys.length - 1);
  let flips = 0;
  for (let i = 1; i <= n; i++) if (Math.sign(ys[i]) !== Math.sign(ys[i - 1]) && ys[i] !== 0) flips++;
  if (n > 0 && flips > n / 2) return 'oscillate';
  return last < 0.01 * first ? 'converge' : 'crawl';
}

/**
 * Learning rates each optimizer uses in the side-by-side comparison. SGD, Momentum, AdaGrad and
 * Adam take the values of the first book's comparison on this bowl (0.95, 0.1, 1.5, 0.3);
 * Nesterov and RMSprop, which it did not draw, get values chosen the same way (a clear path
 * in about 30 steps).
 */
export const GALLERY_LR: Record<OptimizerName, number> = {
  sgd: 0.95,
  momentum: 0.1,
  nesterov: 0.1,
  adagrad: 1.5,
  rmsprop: 0.15,
  adam: 0.3,
};
