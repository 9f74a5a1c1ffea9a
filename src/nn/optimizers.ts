/**
 * The book's optimizers (§1.3.6 and common/optimizer.py). Each `update(params, grads)` changes
 * the parameter arrays in place; state (velocities, squared-gradient sums) is created on the
 * first call, sized like the parameters, exactly as the book's `if self.v is None` does.
 * The arithmetic follows the book's expressions operation by operation, so results match NumPy's;
 * where WebAssembly SIMD runs (src/nn/simd.ts) each update runs there, same operations, same order.
 */
import { pairwiseSum } from './matrix';
import { kernelArray, simd } from './simd';

/** Anything that updates parameters from gradients in place. */
export interface Optimizer {
  update(params: Float64Array[], grads: Float64Array[]): void;
}

/** The optimizers the book provides, by the names the CLI and the lab use. */
export type OptimizerName = 'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam';

/** All optimizer names, in the book's order. */
export const OPTIMIZER_NAMES: readonly OptimizerName[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'];

function checkPairs(params: Float64Array[], grads: Float64Array[]): void {
  if (params.length !== grads.length) throw new Error(`update: ${params.length} params but ${grads.length} grads`);
  for (let i = 0; i < params.length; i++) {
    if (params[i].length !== grads[i].length) {
      throw new Error(`update: param ${i} has ${params[i].length} values, its grad ${grads[i].length}`);
    }
  }
}

/** Zeroed state arrays shaped like `params`, or the existing ones if they still fit. */
function stateLike(state: Float64Array[] | undefined, params: Float64Array[]): Float64Array[] {
  if (state && state.length === params.length && state.every((s, i) => s.length === params[i].length)) return state;
  if (state) throw new Error('update: parameters changed shape since the first update');
  return params.map((p) => kernelArray(p.length));
}

/** Stochastic gradient descent: W ← W − lr·∂L/∂W (§1.3.6). */
export class SGD implements Optimizer {
  constructor(readonly lr = 0.01) {}
  update(params: Float64Array[], grads: Float64Array[]): void {
    checkPairs(params, grads);
    const lr = this.lr;
    const fast = simd();
    for (let i = 0; i < params.length; i++) {
      const p = params[i], g = grads[i];
      if (fast?.sgd(p, g, lr)) continue;
      for (let k = 0; k < p.length; k++) p[k] -= lr * g[k];
    }
  }
}

/** Momentum: v ← μ·v − lr·g; W ← W + v. */
export class Momentum implements Optimizer {
  private v?: Float64Array[];
  constructor(
    readonly lr = 0.01,
    readonly momentum = 0.9,
  ) {}
  update(params: Float64Array[], grads: Float64Array[]): void {
    checkPairs(params, grads);
    const v = (this.v = stateLike(this.v, params));
    const { lr, momentum } = this;
    const fast = simd();
    for (let i = 0; i < params.length; i++) {
      const p = params[i], g = grads[i], vi = v[i];
      if (fast?.update('momentum', p, g, [vi], [lr, momentum])) continue;
      for (let k = 0; k < p.length; k++) {
        vi[k] = momentum * vi[k] - lr * g[k];
        p[k] += vi[k];
      }
    }
  }
}

/**
 * Nesterov's accelerated gradient in the book's rearranged form (not the paper's):
 * v ← μ·v; v ← v − lr·g; W ← W + μ²·v; W ← W − (1 + μ)·lr·g.
 */
export class Nesterov implements Optimizer {
  private v?: Float64Array[];
  constructor(
    readonly lr = 0.01,
    readonly momentum = 0.9,
  ) {}
  update(params: Float64Array[], grads: Float64Array[]): void {
    checkPairs(params, grads);
    const v = (this.v = stateLike(this.v, params));
    const { lr, momentum } = this;
    const mu2 = momentum * momentum;
    const gradStep = (1 + momentum) * lr;
    const fast = simd();
    for (let i = 0; i < params.length; i++) {
      const p = params[i], g = grads[i], vi = v[i];
      if (fast?.update('nesterov', p, g, [vi], [lr, momentum, mu2, gradStep])) continue;
      for (let k = 0; k < p.length; k++) {
        vi[k] *= momentum;
        vi[k] -= lr * g[k];
        p[k] += mu2 * vi[k];
        p[k] -= gradStep * g[k];
      }
    }
  }
}

/** AdaGrad: h ← h + g²; W ← W − lr·g / (√h + 1e-7) (ε outside the root). */
export class AdaGrad implements Optimizer {
  private h?: Float64Array[];
  constructor(readonly lr = 0.01) {}
  update(params: Float64Array[], grads: Float64Array[]): void {
    checkPairs(params, grads);
    const h = (this.h = stateLike(this.h, params));
    const lr = this.lr;
    const fast = simd();
    for (let i = 0; i < params.length; i++) {
      const p = params[i], g = grads[i], hi = h[i];
      if (fast?.update('adagrad', p, g, [hi], [lr])) continue;
      for (let k = 0; k < p.length; k++) {
        hi[k] += g[k] * g[k];
        p[k] -= (lr * g[k]) / (Math.sqrt(hi[k]) + 1e-7);
      }
    }
  }
}

/** RMSprop: h ← ρ·h + (1 − ρ)·g²; W ← W − lr·g / (√h + 1e-7). */
export class RMSprop implements Optimizer {
  private h?: Float64Array[];
  constructor(
    readonly lr = 0.01,
    readonly decayRate = 0.99,
  ) {}
  update(params: Float64Array[], grads: Float64Array[]): void {
    checkPairs(params, grads);
    const h = (this.h = stateLike(this.h, params));
    const { lr, decayRate } = this;
    const keep = 1 - decayRate;
    const fast = simd();
    for (let i = 0; i < params.length; i++) {
      const p = params[i], g = grads[i], hi = h[i];
      if (fast?.update('rmsprop', p, g, [hi], [lr, decayRate, keep])) continue;
      for (let k = 0; k < p.length; k++) {
        hi[k] *= decayRate;
        hi[k] += keep * g[k] * g[k];
        p[k] -= (lr * g[k]) / (Math.sqrt(hi[k]) + 1e-7);
      }
    }
  }
}

/**
 * Adam as the book writes it: the bias correction is folded into the step size,
 * lr_t = lr·√(1 − β2ᵗ)/(1 − β1ᵗ) with t counted from 1; m ← m + (1 − β1)(g − m);
 * v ← v + (1 − β2)(g² − v); W ← W − lr_t·m / (√v + 1e-7).
 */
export class Adam implements Optimizer {
  private m?: Float64Array[];
  private v?: Float64Array[];
  /** Number of updates so far (the book's `self.iter`). */
  iter = 0;
  constructor(
    readonly lr = 0.001,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
  ) {}
  update(params: Float64Array[], grads: Float64Array[]): void {
    checkPairs(params, grads);
    const m = (this.m = stateLike(this.m, params));
    const v = (this.v = stateLike(this.v, params));
    this.iter += 1;
    const { lr, beta1, beta2 } = this;
    const lrT = (lr * Math.sqrt(1 - beta2 ** this.iter)) / (1 - beta1 ** this.iter);
    const a1 = 1 - beta1, a2 = 1 - beta2;
    const fast = simd();
    for (let i = 0; i < params.length; i++) {
      const p = params[i], g = grads[i], mi = m[i], vi = v[i];
      if (fast?.update('adam', p, g, [mi, vi], [lrT, a1, a2])) continue;
      for (let k = 0; k < p.length; k++) {
        mi[k] += a1 * (g[k] - mi[k]);
        vi[k] += a2 * (g[k] * g[k] - vi[k]);
        p[k] -= (lrT * mi[k]) / (Math.sqrt(vi[k]) + 1e-7);
      }
    }
  }
}

/** True if `name` is one of {@link OPTIMIZER_NAMES}. */
export function isOptimizerName(name: string): name is OptimizerName {
  return (OPTIMIZER_NAMES as readonly string[]).includes(name);
}

/** Builds an optimizer by name with learning rate `lr` and the book's other defaults. */
export function makeOptimizer(name: OptimizerName, lr: number): Optimizer {
  switch (name) {
    case 'sgd': return new SGD(lr);
    case 'momentum': return new Momentum(lr);
    case 'nesterov': return new Nesterov(lr);
    case 'adagrad': return new AdaGrad(lr);
    case 'rmsprop': return new RMSprop(lr);
    case 'adam': return new Adam(lr);
    default: throw new Error(`unknown optimizer '${String(name)}' (expected one of ${OPTIMIZER_NAMES.join(', ')})`);
  }
}

/**
 * Gradient clipping as the book's `clip_grads` (common/util.py): if the global L2 norm of all
 * gradients exceeds `maxNorm`, scale every gradient by maxNorm / (norm + 1e-6), in place.
 * Returns the norm before clipping.
 */
export function clipGrads(grads: Float64Array[], maxNorm: number): number {
  let total = 0;
  for (const g of grads) total += sumOfSquares(g);
  const norm = Math.sqrt(total);
  const rate = maxNorm / (norm + 1e-6);
  if (rate < 1) {
    for (const g of grads) for (let k = 0; k < g.length; k++) g[k] *= rate;
  }
  return norm;
}

let squares = new Float64Array(64);

/** np.sum(g ** 2) in NumPy's summation order, reusing one scratch array. */
function sumOfSquares(g: Float64Array): number {
  if (squares.length < g.length) squares = new Float64Array(g.length);
  for (let k = 0; k < g.length; k++) squares[k] = g[k] * g[k];
  return pairwiseSum(squares, g.length);
}
