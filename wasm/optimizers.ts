/**
 * The book's optimizer updates (common/optimizer.py) on one parameter array of n doubles, in
 * place, with the operations of src/nn/optimizers.ts in the same order (√ is IEEE-exact in both).
 */

// @ts-ignore: decorator
@inline function at(p: usize, i: i32): usize {
  return p + (<usize>i << 3);
}

import { CONSTS, C_EPS } from './consts';

const EPS: f64 = 1e-7;

/** SGD: p −= lr·g. */
export function sgd(p: usize, g: usize, n: i32, lr: f64): void {
  const vlr = f64x2.splat(lr);
  let i = 0;
  for (; i + 1 < n; i += 2) v128.store(at(p, i), f64x2.sub(v128.load(at(p, i)), f64x2.mul(vlr, v128.load(at(g, i)))));
  if (i < n) store<f64>(at(p, i), load<f64>(at(p, i)) - lr * load<f64>(at(g, i)));
}

/** Momentum: v = μ·v − lr·g; p += v. */
export function momentum(p: usize, g: usize, v: usize, n: i32, lr: f64, mu: f64): void {
  const vlr = f64x2.splat(lr), vmu = f64x2.splat(mu);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const vv = f64x2.sub(f64x2.mul(vmu, v128.load(at(v, i))), f64x2.mul(vlr, v128.load(at(g, i))));
    v128.store(at(v, i), vv);
    v128.store(at(p, i), f64x2.add(v128.load(at(p, i)), vv));
  }
  if (i < n) {
    const vv = mu * load<f64>(at(v, i)) - lr * load<f64>(at(g, i));
    store<f64>(at(v, i), vv);
    store<f64>(at(p, i), load<f64>(at(p, i)) + vv);
  }
}

/** The book's Nesterov: v ·= μ; v −= lr·g; p += μ²·v; p −= (1 + μ)·lr·g. */
export function nesterov(p: usize, g: usize, v: usize, n: i32, lr: f64, mu: f64, mu2: f64, gradStep: f64): void {
  const vlr = f64x2.splat(lr), vmu = f64x2.splat(mu), vmu2 = f64x2.splat(mu2), vstep = f64x2.splat(gradStep);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const gv = v128.load(at(g, i));
    let vv = f64x2.mul(v128.load(at(v, i)), vmu);
    vv = f64x2.sub(vv, f64x2.mul(vlr, gv));
    v128.store(at(v, i), vv);
    let pv = f64x2.add(v128.load(at(p, i)), f64x2.mul(vmu2, vv));
    pv = f64x2.sub(pv, f64x2.mul(vstep, gv));
    v128.store(at(p, i), pv);
  }
  if (i < n) {
    const gs = load<f64>(at(g, i));
    let vs = load<f64>(at(v, i)) * mu;
    vs = vs - lr * gs;
    store<f64>(at(v, i), vs);
    let ps = load<f64>(at(p, i)) + mu2 * vs;
    ps = ps - gradStep * gs;
    store<f64>(at(p, i), ps);
  }
}

/** AdaGrad: h += g·g; p −= lr·g / (√h + 1e-7). */
export function adagrad(p: usize, g: usize, h: usize, n: i32, lr: f64): void {
  const vlr = f64x2.splat(lr);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const gv = v128.load(at(g, i));
    const hv = f64x2.add(v128.load(at(h, i)), f64x2.mul(gv, gv));
    v128.store(at(h, i), hv);
    v128.store(at(p, i), f64x2.sub(v128.load(at(p, i)), f64x2.div(f64x2.mul(vlr, gv), f64x2.add(f64x2.sqrt(hv), v128.load(CONSTS, C_EPS)))));
  }
  if (i < n) {
    const gs = load<f64>(at(g, i));
    const hs = load<f64>(at(h, i)) + gs * gs;
    store<f64>(at(h, i), hs);
    store<f64>(at(p, i), load<f64>(at(p, i)) - (lr * gs) / (Math.sqrt(hs) + EPS));
  }
}

/** RMSprop: h ·= ρ; h += (1 − ρ)·g·g; p −= lr·g / (√h + 1e-7). */
export function rmsprop(p: usize, g: usize, h: usize, n: i32, lr: f64, decay: f64, keep: f64): void {
  const vlr = f64x2.splat(lr), vdecay = f64x2.splat(decay), vkeep = f64x2.splat(keep);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const gv = v128.load(at(g, i));
    let hv = f64x2.mul(v128.load(at(h, i)), vdecay);
    hv = f64x2.add(hv, f64x2.mul(f64x2.mul(vkeep, gv), gv));
    v128.store(at(h, i), hv);
    v128.store(at(p, i), f64x2.sub(v128.load(at(p, i)), f64x2.div(f64x2.mul(vlr, gv), f64x2.add(f64x2.sqrt(hv), v128.load(CONSTS, C_EPS)))));
  }
  if (i < n) {
    const gs = load<f64>(at(g, i));
    let hs = load<f64>(at(h, i)) * decay;
    hs = hs + keep * gs * gs;
    store<f64>(at(h, i), hs);
    store<f64>(at(p, i), load<f64>(at(p, i)) - (lr * gs) / (Math.sqrt(hs) + EPS));
  }
}

/** Adam as the book writes it: m += (1 − β1)(g − m); v += (1 − β2)(g² − v); p −= lr_t·m / (√v + 1e-7). */
export function adam(p: usize, g: usize, m: usize, v: usize, n: i32, lrT: f64, a1: f64, a2: f64): void {
  const vlr = f64x2.splat(lrT), va1 = f64x2.splat(a1), va2 = f64x2.splat(a2);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const gv = v128.load(at(g, i));
    const mv = f64x2.add(v128.load(at(m, i)), f64x2.mul(va1, f64x2.sub(gv, v128.load(at(m, i)))));
    const vv = f64x2.add(v128.load(at(v, i)), f64x2.mul(va2, f64x2.sub(f64x2.mul(gv, gv), v128.load(at(v, i)))));
    v128.store(at(m, i), mv);
    v128.store(at(v, i), vv);
    v128.store(at(p, i), f64x2.sub(v128.load(at(p, i)), f64x2.div(f64x2.mul(vlr, mv), f64x2.add(f64x2.sqrt(vv), v128.load(CONSTS, C_EPS)))));
  }
  if (i < n) {
    const gs = load<f64>(at(g, i));
    const ms = load<f64>(at(m, i)) + a1 * (gs - load<f64>(at(m, i)));
    const vs = load<f64>(at(v, i)) + a2 * (gs * gs - load<f64>(at(v, i)));
    store<f64>(at(m, i), ms);
    store<f64>(at(v, i), vs);
    store<f64>(at(p, i), load<f64>(at(p, i)) - (lrT * ms) / (Math.sqrt(vs) + EPS));
  }
}
