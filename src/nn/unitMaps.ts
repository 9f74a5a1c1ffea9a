/**
 * What each unit of the two-layer net draws over the input plane (§1.4, "inside the network"):
 * every hidden unit's output σ(x·W1[:, j] + b1[j]) — a soft half-plane whose σ = 0.5 line is
 * w₁x₁ + w₂x₂ + b = 0 — and every output unit's score (h·W2 + b2)[k] and softmax probability,
 * on a coarse square grid over the same extent as the decision boundary.
 *
 * Cell (r, c) of an S × S map sits at the centre of its cell:
 * x = xMin + (c + ½)·(xMax − xMin)/S, y = yMin + (r + ½)·(yMax − yMin)/S, row 0 at yMin (the
 * meshgrid's orientation: rows run upwards). Maps are stored unit after unit, each row-major.
 */
import type { Bounds } from './boundary';
import type { TwoLayerParams } from './twoLayerNet';

/** The extent and resolution of the maps. */
export interface MapGrid extends Bounds {
  /** Cells per side (the maps are size × size). */
  size: number;
}

/** Every unit's map: hidden outputs, output scores and output probabilities. */
export interface UnitMaps {
  size: number;
  hiddenUnits: number;
  outputUnits: number;
  /** σ of each hidden unit, H maps of size² values in (0, 1). */
  hidden: Float32Array;
  /** Score (before softmax) of each output unit, O maps. */
  scores: Float32Array;
  /** Softmax probability of each output unit, O maps (they sum to 1 per cell). */
  probs: Float32Array;
}

/** The input-plane coordinate of column c (or row r) of an S-cell axis from lo to hi. */
export function cellCentre(lo: number, hi: number, size: number, i: number): number {
  return lo + ((i + 0.5) * (hi - lo)) / size;
}

/**
 * Computes every unit's map for the parameters `p` (W1 must be (2, H)). Allocates the three
 * arrays unless `out` has the right sizes (the worker reuses them while H and O stay the same).
 */
export function unitMaps(p: TwoLayerParams, g: MapGrid, out?: UnitMaps): UnitMaps {
  if (p.W1.rows !== 2) throw new Error(`unitMaps: the net must take 2 inputs, W1 is (${p.W1.rows}, ${p.W1.cols})`);
  const S = g.size;
  if (!Number.isInteger(S) || S < 1 || S > 512) throw new Error(`unitMaps: size must be an integer in 1…512, got ${S}`);
  const H = p.W1.cols, O = p.W2.cols, n = S * S;
  const maps = out && out.size === S && out.hiddenUnits === H && out.outputUnits === O ? out : allocate(S, H, O);
  const W1 = p.W1.data, b1 = p.b1, W2 = p.W2.data, b2 = p.b2;
  const h = new Float64Array(H);
  const s = new Float64Array(O);
  const e = new Float64Array(O);
  for (let r = 0; r < S; r++) {
    const y = cellCentre(g.yMin, g.yMax, S, r);
    for (let c = 0; c < S; c++) {
      const x = cellCentre(g.xMin, g.xMax, S, c);
      const cell = r * S + c;
      // the Affine then the Sigmoid of the book's net (np.dot(x, W1) + b1, then 1 / (1 + exp(−a)))
      for (let j = 0; j < H; j++) {
        h[j] = 1 / (1 + Math.exp(-(x * W1[j] + y * W1[H + j] + b1[j])));
        maps.hidden[j * n + cell] = h[j];
      }
      let max = -Infinity;
      for (let k = 0; k < O; k++) {
        let acc = 0;
        for (let j = 0; j < H; j++) acc += h[j] * W2[j * O + k];
        s[k] = acc + b2[k];
        if (s[k] > max) max = s[k];
      }
      // softmax with the maximum subtracted first, as the book's softmax does (§1.3.1)
      let sum = 0;
      for (let k = 0; k < O; k++) sum += e[k] = Math.exp(s[k] - max);
      for (let k = 0; k < O; k++) {
        maps.scores[k * n + cell] = s[k];
        maps.probs[k * n + cell] = e[k] / sum;
      }
    }
  }
  return maps;
}

function allocate(size: number, H: number, O: number): UnitMaps {
  const n = size * size;
  return { size, hiddenUnits: H, outputUnits: O, hidden: new Float32Array(H * n), scores: new Float32Array(O * n), probs: new Float32Array(O * n) };
}

/**
 * The segment of the line w₁x₁ + w₂x₂ + b = 0 (where the hidden unit's σ is 0.5) inside the box,
 * or null when the line misses it (or w₁ = w₂ = 0: σ is the same everywhere). The unit's output
 * is above 0.5 on the side the vector (w₁, w₂) points to.
 */
export function halfLineSegment(
  w1: number,
  w2: number,
  b: number,
  box: Bounds,
): [number, number, number, number] | null {
  if (!(Number.isFinite(w1) && Number.isFinite(w2) && Number.isFinite(b)) || (w1 === 0 && w2 === 0)) return null;
  const pts: [number, number][] = [];
  const add = (x: number, y: number) => {
    const eps = 1e-12 * (1 + Math.abs(box.xMax - box.xMin) + Math.abs(box.yMax - box.yMin));
    if (x < box.xMin - eps || x > box.xMax + eps || y < box.yMin - eps || y > box.yMax + eps) return;
    if (pts.some(([px, py]) => Math.abs(px - x) <= eps && Math.abs(py - y) <= eps)) return;
    pts.push([x, y]);
  };
  if (w2 !== 0) {
    add(box.xMin, -(w1 * box.xMin + b) / w2);
    add(box.xMax, -(w1 * box.xMax + b) / w2);
  }
  if (w1 !== 0) {
    add(-(w2 * box.yMin + b) / w1, box.yMin);
    add(-(w2 * box.yMax + b) / w1, box.yMax);
  }
  if (pts.length < 2) return null;
  return [pts[0][0], pts[0][1], pts[1][0], pts[1][1]];
}
