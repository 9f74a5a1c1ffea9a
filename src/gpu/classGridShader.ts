/**
 * The WGSL compute shader behind the GPU class grid (§1.5.2). It runs the book's
 * `TwoLayerNet.predict` — Affine → Sigmoid → Affine — for every meshgrid point at once, and keeps
 * the index of the largest score, as `np.argmax(score, axis=1)` does (the first on ties). The
 * softmax is skipped, as in the book's boundary plot: it never changes which score is largest.
 *
 * Everything is float32 (WGSL has no float64), so the few points that lie on a boundary within
 * float32 rounding may get the other class; the rest match the CPU's float64 exactly.
 */

/** The largest number of classes the shader's score array holds. */
export const MAX_GPU_CLASSES = 8;
/** Points computed by one invocation (one u32 of output holds four 8-bit classes). */
export const POINTS_PER_WORD = 4;
export const WORKGROUP_SIZE = 64;

export const CLASS_GRID_WGSL = /* wgsl */ `
struct Grid {
  rows: u32,
  cols: u32,
  hidden: u32,
  classes: u32,
  xMin: f32,
  yMin: f32,
  xStep: f32,
  yStep: f32,
  total: u32,    // rows * cols
  words: u32,    // ceil(total / 4)
  perRow: u32,   // invocations per row of the 2-D dispatch
  pad: u32,
}

@group(0) @binding(0) var<uniform> grid: Grid;
// W1 (2·H, row-major) | b1 (H) | W2 (H·C, row-major) | b2 (C)
@group(0) @binding(1) var<storage, read> p: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<u32>;

// predict(x): h = sigmoid([x, y]·W1 + b1); score = h·W2 + b2; return argmax(score)
fn classify(x: f32, y: f32) -> u32 {
  let H = grid.hidden;
  let C = grid.classes;
  let b1 = 2u * H;
  let w2 = 3u * H;
  let b2 = w2 + H * C;
  var score: array<f32, ${MAX_GPU_CLASSES}>;
  for (var k = 0u; k < C; k++) { score[k] = p[b2 + k]; }
  for (var j = 0u; j < H; j++) {
    let a = x * p[j] + y * p[H + j] + p[b1 + j];
    let h = 1.0 / (1.0 + exp(-a));
    for (var k = 0u; k < C; k++) { score[k] += h * p[w2 + j * C + k]; }
  }
  var best = 0u;
  for (var k = 1u; k < C; k++) {
    if (score[k] > score[best]) { best = k; }
  }
  return best;
}

@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let word = gid.y * grid.perRow + gid.x;
  if (word >= grid.words) { return; }
  var packed = 0u;
  for (var k = 0u; k < ${POINTS_PER_WORD}u; k++) {
    let i = word * ${POINTS_PER_WORD}u + k;
    if (i >= grid.total) { break; }
    let r = i / grid.cols;
    let c = i % grid.cols;
    // np.meshgrid(np.arange(x_min, x_max, h), np.arange(y_min, y_max, h)): row r is y, column c is x
    let x = grid.xMin + f32(c) * grid.xStep;
    let y = grid.yMin + f32(r) * grid.yStep;
    packed |= classify(x, y) << (8u * k);
  }
  out[word] = packed;
}
`;
