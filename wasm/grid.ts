/**
 * The class grid of §1.4.3 (classGrid in src/nn/boundary.ts): for every meshgrid cell, the
 * first argmax of Affine → Sigmoid → Affine, and optionally the top softmax probability.
 * Two grid rows run side by side, one per f64x2 lane, and each lane performs exactly the
 * TypeScript kernel's operations for its row, so classes and confidences are the same bits.
 *
 * Both of the TypeScript kernel's modes are here:
 * - stepped: along a row exp(−a) is carried by one multiplication per cell and re-seeded
 *   exactly every STEP_RESEED cells; a cell whose top two scores are within `bound` is
 *   recomputed the direct way;
 * - direct (bound < 0): every cell with its own exp.
 *
 * Weights: W1 (2×H; row 0 multiplies x, row 1 multiplies y), b1 (H), W2p (H×Op: W2 with zero
 * columns up to a multiple of 3) and b2p (Op: b2 padded with −∞). Output rows are written to
 * `classes` (u8) and, when `conf` ≠ 0, `conf` (f32), row-major, `rows` × `cols`.
 */
import { expScalar, expV } from './exp';
import { CONSTS, C_ONE } from './consts';

/** Cells between exact re-seeds of exp(−a); equal to STEP_RESEED in src/nn/boundary.ts. */
const STEP_RESEED: i32 = 64;

// @ts-ignore: decorator
@inline function at(p: usize, i: i32): usize {
  return p + (<usize>i << 3);
}
// @ts-ignore: decorator
@inline function lane(p: usize, i: i32): usize {
  return p + (<usize>i << 4);
}

/** Bytes of scratch {@link gridRows} needs for H hidden units and Op score columns. */
export function gridScratchBytes(h: i32, op: i32): i32 {
  return (4 * h + op) * 16 + (h + op) * 8;
}

// Weights and sizes of the current call (set once per call; the kernels below read them).
let W1: usize = 0, B1: usize = 0, W2P: usize = 0, B2P: usize = 0;
let H: i32 = 0, O: i32 = 0, OP: i32 = 0;
// Scratch: per-lane (v128) y·W1[1, j], exp(−a), exp(−d·W1[0, j]), hidden values and scores;
// then one cell's hidden values and scores as doubles (for a direct recomputation).
let Y_PART: usize = 0, EXP_NEG: usize = 0, RATIO: usize = 0, HIDDEN: usize = 0, SCORES: usize = 0, HS: usize = 0, SS: usize = 0;

/** 1 / Σ_k exp(s_k − top), summed from +0 over the O real classes (scores as doubles). */
function topProbability(ss: usize, top: f64): f64 {
  let sum = 0.0;
  for (let k = 0; k < O; k++) sum += expScalar(load<f64>(at(ss, k)) - top);
  return 1.0 / sum;
}

/**
 * One cell the direct way (classifyDirect): a = x·W1[0, j] + yPart_j + b1[j], h = 1/(1 + e^−a),
 * scores = h·W2 + b2 summed over j in order, first argmax; writes class and confidence.
 */
function direct(x: f64, laneOffset: usize, cell: usize, classes: usize, conf: usize): void {
  const hs = HS, ss = SS;
  for (let j = 0; j < H; j++) {
    const a = x * load<f64>(at(W1, j)) + load<f64>(lane(Y_PART, j) + laneOffset) + load<f64>(at(B1, j));
    store<f64>(at(hs, j), 1.0 / (1.0 + expScalar(-a)));
  }
  let best = 0;
  for (let k = 0; k < O; k++) {
    let acc = 0.0;
    for (let j = 0; j < H; j++) acc += load<f64>(at(hs, j)) * load<f64>(at(W2P, j * OP + k));
    acc += load<f64>(at(B2P, k));
    store<f64>(at(ss, k), acc);
    if (k == 0 || acc > load<f64>(at(ss, best))) best = k;
  }
  store<u8>(classes + cell, <u8>best);
  if (conf) store<f32>(conf + (cell << 2), <f32>topProbability(ss, load<f64>(at(ss, best))));
}

/**
 * Finishes one cell of both rows from the top and second scores per lane: a lane whose margin
 * exceeds `bound` keeps its class (and confidence from its stepped scores), the other is
 * recomputed directly.
 */
function finish(x: f64, top: v128, second: v128, best: v128, bound: f64, cell0: usize, cell1: usize, classes: usize, conf: usize, twoRows: bool): void {
  const ok = f64x2.gt(f64x2.sub(top, second), f64x2.splat(bound));
  if (i64x2.extract_lane(ok, 0) != 0) {
    store<u8>(classes + cell0, <u8>i64x2.extract_lane(best, 0));
  } else {
    direct(x, 0, cell0, classes, conf);
  }
  if (twoRows) {
    if (i64x2.extract_lane(ok, 1) != 0) {
      store<u8>(classes + cell1, <u8>i64x2.extract_lane(best, 1));
    } else {
      direct(x, 8, cell1, classes, conf);
    }
  }
  if (conf) {
    // stepped confidence for the lanes that kept their class: 1 / Σ_k exp(s_k − top)
    let sum = f64x2.splat(0);
    for (let k = 0; k < O; k++) sum = f64x2.add(sum, expV(f64x2.sub(v128.load(lane(SCORES, k)), top)));
    const p = f64x2.div(f64x2.splat(1.0), sum);
    if (i64x2.extract_lane(ok, 0) != 0) store<f32>(conf + (cell0 << 2), <f32>f64x2.extract_lane(p, 0));
    if (twoRows && i64x2.extract_lane(ok, 1) != 0) store<f32>(conf + (cell1 << 2), <f32>f64x2.extract_lane(p, 1));
  }
}

/**
 * Scores of both lanes from the hidden values in HIDDEN, three columns at a time as the
 * TypeScript kernel does, with its running top/second/best; stores the real scores in
 * SCORES. Returns [top, second, best] through the globals below.
 */
let TOP: v128 = f64x2.splat(0), SECOND: v128 = f64x2.splat(0), BEST: v128 = i64x2.splat(0);

function scoreBlocks(): void {
  let top = f64x2.splat(-Infinity), second = f64x2.splat(-Infinity), best = i64x2.splat(0);
  for (let kk = 0; kk < OP; kk += 3) {
    let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0);
    for (let j = 0; j < H; j++) {
      const h = v128.load(lane(HIDDEN, j));
      const w = at(W2P, j * OP + kk);
      s0 = f64x2.add(s0, f64x2.mul(h, v128.load64_splat(w)));
      s1 = f64x2.add(s1, f64x2.mul(h, v128.load64_splat(w, 8)));
      s2 = f64x2.add(s2, f64x2.mul(h, v128.load64_splat(w, 16)));
    }
    s0 = f64x2.add(s0, v128.load64_splat(at(B2P, kk)));
    s1 = f64x2.add(s1, v128.load64_splat(at(B2P, kk + 1)));
    s2 = f64x2.add(s2, v128.load64_splat(at(B2P, kk + 2)));
    if (kk < O) v128.store(lane(SCORES, kk), s0);
    if (kk + 1 < O) v128.store(lane(SCORES, kk + 1), s1);
    if (kk + 2 < O) v128.store(lane(SCORES, kk + 2), s2);
    // if (kk === 0 || s0 > top) { second = top; top = s0; best = kk } else if (s0 > second) second = s0; same for s1, s2
    const m0 = kk == 0 ? i64x2.splat(-1) : f64x2.gt(s0, top);
    second = v128.bitselect(top, v128.bitselect(s0, second, f64x2.gt(s0, second)), m0);
    top = v128.bitselect(s0, top, m0);
    best = v128.bitselect(i64x2.splat(kk), best, m0);
    const m1 = f64x2.gt(s1, top);
    second = v128.bitselect(top, v128.bitselect(s1, second, f64x2.gt(s1, second)), m1);
    top = v128.bitselect(s1, top, m1);
    best = v128.bitselect(i64x2.splat(kk + 1), best, m1);
    const m2 = f64x2.gt(s2, top);
    second = v128.bitselect(top, v128.bitselect(s2, second, f64x2.gt(s2, second)), m2);
    top = v128.bitselect(s2, top, m2);
    best = v128.bitselect(i64x2.splat(kk + 2), best, m2);
  }
  TOP = top;
  SECOND = second;
  BEST = best;
}

/**
 * Classes (and confidences) of `rows` grid rows: row r has y = ys[r], column c has x = xs[c].
 * `d` is xs[1] − xs[0]; `bound` < 0 selects the direct mode.
 */
export function gridRows(
  xs: usize, cols: i32, ys: usize, rows: i32,
  w1: usize, b1: usize, w2p: usize, b2p: usize, h: i32, o: i32, op: i32,
  bound: f64, classes: usize, conf: usize, scratch: usize,
): void {
  W1 = w1; B1 = b1; W2P = w2p; B2P = b2p; H = h; O = o; OP = op;
  Y_PART = scratch;
  EXP_NEG = lane(Y_PART, H);
  RATIO = lane(EXP_NEG, H);
  HIDDEN = lane(RATIO, H);
  SCORES = lane(HIDDEN, H);
  HS = lane(SCORES, OP);
  SS = at(HS, H);
  const d = cols > 1 ? load<f64>(at(xs, 1)) - load<f64>(xs) : 0.0;
  for (let j = 0; j < H; j++) v128.store(lane(RATIO, j), f64x2.splat(expScalar(-(d * load<f64>(at(W1, j))))));
  for (let r = 0; r < rows; r += 2) {
    const twoRows = r + 1 < rows;
    const yv = f64x2.replace_lane(f64x2.splat(load<f64>(at(ys, r))), 1, load<f64>(at(ys, twoRows ? r + 1 : r)));
    for (let j = 0; j < H; j++) v128.store(lane(Y_PART, j), f64x2.mul(yv, v128.load64_splat(at(W1, H + j))));
    const row0 = <usize>r * cols, row1 = <usize>(r + 1) * cols;
    if (bound < 0) directRows(xs, cols, row0, row1, classes, conf, twoRows);
    else steppedRows(xs, cols, bound, row0, row1, classes, conf, twoRows);
  }
}

/** Two rows in the direct mode: every cell its own exp; argmax over all scores, first on ties. */
function directRows(xs: usize, cols: i32, row0: usize, row1: usize, classes: usize, conf: usize, twoRows: bool): void {
  for (let c = 0; c < cols; c++) {
    const x = load<f64>(at(xs, c));
    const xv = f64x2.splat(x);
    for (let j = 0; j < H; j++) {
      const a = f64x2.add(f64x2.add(f64x2.mul(xv, v128.load64_splat(at(W1, j))), v128.load(lane(Y_PART, j))), v128.load64_splat(at(B1, j)));
      v128.store(lane(HIDDEN, j), f64x2.div(v128.load(CONSTS, C_ONE), f64x2.add(v128.load(CONSTS, C_ONE), expV(f64x2.neg(a)))));
    }
    // scoreAndArgmax: acc = Σ_j h_j·W2[j, k] + b2[k]; best = first k with the largest score
    let top = f64x2.splat(0), best = i64x2.splat(0);
    for (let k = 0; k < O; k++) {
      let acc = f64x2.splat(0);
      for (let j = 0; j < H; j++) acc = f64x2.add(acc, f64x2.mul(v128.load(lane(HIDDEN, j)), v128.load64_splat(at(W2P, j * OP + k))));
      acc = f64x2.add(acc, v128.load64_splat(at(B2P, k)));
      v128.store(lane(SCORES, k), acc);
      const m = k == 0 ? i64x2.splat(-1) : f64x2.gt(acc, top);
      top = v128.bitselect(acc, top, m);
      best = v128.bitselect(i64x2.splat(k), best, m);
    }
    const c0 = row0 + c, c1 = row1 + c;
    store<u8>(classes + c0, <u8>i64x2.extract_lane(best, 0));
    if (twoRows) store<u8>(classes + c1, <u8>i64x2.extract_lane(best, 1));
    if (conf) {
      let sum = f64x2.splat(0);
      for (let k = 0; k < O; k++) sum = f64x2.add(sum, expV(f64x2.sub(v128.load(lane(SCORES, k)), top)));
      const p = f64x2.div(v128.load(CONSTS, C_ONE), sum);
      store<f32>(conf + (c0 << 2), <f32>f64x2.extract_lane(p, 0));
      if (twoRows) store<f32>(conf + (c1 << 2), <f32>f64x2.extract_lane(p, 1));
    }
  }
}

/** Two rows in the stepped mode (classifyRowStepped). */
function steppedRows(xs: usize, cols: i32, bound: f64, row0: usize, row1: usize, classes: usize, conf: usize, twoRows: bool): void {
  for (let c0 = 0; c0 < cols; c0 += STEP_RESEED) {
    const x0 = f64x2.splat(load<f64>(at(xs, c0)));
    for (let j = 0; j < H; j++) {
      const a = f64x2.add(f64x2.add(f64x2.mul(x0, v128.load64_splat(at(W1, j))), v128.load(lane(Y_PART, j))), v128.load64_splat(at(B1, j)));
      v128.store(lane(EXP_NEG, j), expV(f64x2.neg(a)));
    }
    const end = min(cols, c0 + STEP_RESEED);
    for (let c = c0; c < end; c++) {
      if (c > c0) {
        for (let j = 0; j < H; j++) v128.store(lane(EXP_NEG, j), f64x2.mul(v128.load(lane(EXP_NEG, j)), v128.load(lane(RATIO, j))));
      }
      let top: v128, second: v128, best: v128;
      if (OP == 3) {
        // ≤ 3 classes: sigmoid and scores in one pass
        let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0);
        for (let j = 0; j < H; j++) {
          const hv = f64x2.div(v128.load(CONSTS, C_ONE), f64x2.add(v128.load(CONSTS, C_ONE), v128.load(lane(EXP_NEG, j))));
          const w = at(W2P, j * 3);
          s0 = f64x2.add(s0, f64x2.mul(hv, v128.load64_splat(w)));
          s1 = f64x2.add(s1, f64x2.mul(hv, v128.load64_splat(w, 8)));
          s2 = f64x2.add(s2, f64x2.mul(hv, v128.load64_splat(w, 16)));
        }
        s0 = f64x2.add(s0, v128.load64_splat(B2P));
        s1 = f64x2.add(s1, v128.load64_splat(B2P, 8));
        s2 = f64x2.add(s2, v128.load64_splat(B2P, 16));
        v128.store(SCORES, s0);
        if (O > 1) v128.store(lane(SCORES, 1), s1);
        if (O > 2) v128.store(lane(SCORES, 2), s2);
        // top = s0; if (s1 > top) { second = top; top = s1; best = 1 } else second = s1;
        // if (s2 > top) { second = top; top = s2; best = 2 } else if (s2 > second) second = s2;
        const m1 = f64x2.gt(s1, s0);
        second = v128.bitselect(s0, s1, m1);
        top = v128.bitselect(s1, s0, m1);
        best = v128.and(i64x2.splat(1), m1);
        const m2 = f64x2.gt(s2, top);
        second = v128.bitselect(top, v128.bitselect(s2, second, f64x2.gt(s2, second)), m2);
        top = v128.bitselect(s2, top, m2);
        best = v128.bitselect(i64x2.splat(2), best, m2);
      } else {
        for (let j = 0; j < H; j++) v128.store(lane(HIDDEN, j), f64x2.div(v128.load(CONSTS, C_ONE), f64x2.add(v128.load(CONSTS, C_ONE), v128.load(lane(EXP_NEG, j)))));
        scoreBlocks();
        top = TOP;
        second = SECOND;
        best = BEST;
      }
      finish(load<f64>(at(xs, c)), top, second, best, bound, row0 + c, row1 + c, classes, conf, twoRows);
    }
  }
}
