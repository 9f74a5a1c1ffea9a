/**
 * The book's ch01/forward_net.py network (§1.2.1), 2 → 4 → 3, from the core's forward-only net
 * (src/nn/forwardNet.ts): x = randn(10, 2) is drawn first, then W1, b1, W2, b2 (plain randn).
 */
import { forwardNetExample, type ForwardNet } from '../../nn/forwardNet';
import type { Mat } from '../../nn/matrix';
import { RandomState } from '../../nn/random';

export const SIZES = { input: 2, hidden: 4, output: 3, batch: 10 } as const;

export interface ForwardExample {
  /** The script's minibatch x (10, 2). */
  x: Mat;
  W1: Mat;
  b1: Float64Array;
  W2: Mat;
  b2: Float64Array;
  net: ForwardNet;
}

export function makeForwardExample(seed: number): ForwardExample {
  const { input, hidden, output, batch } = SIZES;
  const ex = forwardNetExample(new RandomState(seed), batch, input, hidden, output);
  return { x: ex.x, ...ex.params, net: ex.net };
}

/** Every intermediate of the forward pass: a = x·W1 + b1, h = σ(a), s = h·W2 + b2. */
export interface ForwardTrace {
  a: Mat;
  h: Mat;
  s: Mat;
}

export function forwardTrace(ex: ForwardExample, x: Mat): ForwardTrace {
  const t = ex.net.trace(x);
  return { a: t.preActivation, h: t.hidden, s: t.scores };
}

/** Seeds accepted by np.random.seed: whole numbers in [0, 2³²). */
export function parseSeed(text: string): number | undefined {
  if (!/^\s*\d{1,10}\s*$/.test(text)) return undefined;
  const v = Number(text);
  return v <= 0xffffffff ? v : undefined;
}
