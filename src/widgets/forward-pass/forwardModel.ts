/**
 * The book's ch01/forward_net.py network (§1.2.1), 2 → 4 → 3, from the core's forward-only net
 * (src/nn/forwardNet.ts): x = randn(10, 2) is drawn first, then W1, b1, W2, b2 (plain randn).
 */
import { forwardNetExample, type ForwardNetExample } from '../../nn/forwardNet';
import { RandomState } from '../../nn/random';

export const SIZES = { input: 2, hidden: 4, output: 3, batch: 10 } as const;

/** forward_net.py after `np.random.seed(seed)`: the minibatch x (10, 2), the net, its intermediates. */
export function makeForwardExample(seed: number): ForwardNetExample {
  const { input, hidden, output, batch } = SIZES;
  return forwardNetExample(new RandomState(seed), batch, input, hidden, output);
}

/** Seeds accepted by np.random.seed: whole numbers in [0, 2³²). */
export function parseSeed(text: string): number | undefined {
  if (!/^\s*\d{1,10}\s*$/.test(text)) return undefined;
  const v = Number(text);
  return v <= 0xffffffff ? v : undefined;
}
