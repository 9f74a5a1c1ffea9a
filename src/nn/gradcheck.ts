/**
 * Finite-difference gradients (§1.3.2's definition of the derivative, made numeric) to check
 * the layers' analytic backward passes.
 */

/**
 * Central differences (f(p + h) − f(p − h)) / 2h for each element of `param`, changing the
 * element in place and restoring it afterwards. `f` must read `param` (e.g. a closure over a
 * net's forward). Returns a new array shaped like `param`.
 */
export function numericalGradient(f: () => number, param: Float64Array, h = 1e-5): Float64Array {
  const grad = new Float64Array(param.length);
  for (let i = 0; i < param.length; i++) {
    const saved = param[i];
    param[i] = saved + h;
    const fPlus = f();
    param[i] = saved - h;
    const fMinus = f();
    param[i] = saved;
    grad[i] = (fPlus - fMinus) / (2 * h);
  }
  return grad;
}

/** Norm-wise relative error ‖a − b‖ / (‖a‖ + ‖b‖); 0 when both are zero. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`relativeError: lengths ${a.length} and ${b.length}`);
  let diff = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i] - b[i]) ** 2;
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  const denom = Math.sqrt(na) + Math.sqrt(nb);
  return denom === 0 ? 0 : Math.sqrt(diff) / denom;
}
