/**
 * The book's ch01/forward_net.py network (§1.2.1), 2 → 4 → 3, run by the core's Affine and
 * Sigmoid layers. Random draws follow the script's order: x = randn(10, 2) first, then W1, b1,
 * W2, b2 (all plain randn: the script neither scales the weights nor zeroes the biases).
 */
import { Affine, Sigmoid } from '../../nn/layers';
import { cloneMat, mat, type Mat } from '../../nn/matrix';
import { RandomState } from '../../nn/random';

export const SIZES = { input: 2, hidden: 4, output: 3, batch: 10 } as const;

export interface ForwardExample {
  /** The script's minibatch x (10, 2). */
  x: Mat;
  W1: Mat;
  b1: Float64Array;
  W2: Mat;
  b2: Float64Array;
  /** The layers the forward pass runs: Affine, Sigmoid, Affine (the book's `self.layers`). */
  layers: [Affine, Sigmoid, Affine];
}

export function makeForwardExample(seed: number): ForwardExample {
  const rng = new RandomState(seed);
  const { input: I, hidden: H, output: O, batch: N } = SIZES;
  const x = mat(N, I, rng.randn(N * I));
  const W1 = mat(I, H, rng.randn(I * H));
  const b1 = rng.randn(H);
  const W2 = mat(H, O, rng.randn(H * O));
  const b2 = rng.randn(O);
  return { x, W1, b1, W2, b2, layers: [new Affine(W1, b1), new Sigmoid(), new Affine(W2, b2)] };
}

/** Every intermediate of the forward pass: a = x·W1 + b1, h = σ(a), s = h·W2 + b2 (copies). */
export interface ForwardTrace {
  a: Mat;
  h: Mat;
  s: Mat;
}

export function forwardTrace(ex: ForwardExample, x: Mat): ForwardTrace {
  const [affine1, sigmoid, affine2] = ex.layers;
  const a = cloneMat(affine1.forward(x));
  const h = cloneMat(sigmoid.forward(a));
  const s = cloneMat(affine2.forward(h));
  return { a, h, s };
}

/** Seeds accepted by np.random.seed: whole numbers in [0, 2³²). */
export function parseSeed(text: string): number | undefined {
  if (!/^\s*\d{1,10}\s*$/.test(text)) return undefined;
  const v = Number(text);
  return v <= 0xffffffff ? v : undefined;
}
