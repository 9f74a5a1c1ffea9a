/**
 * The forward-only network of §1.2.4 (the book's ch01/forward_net.py): Affine → Sigmoid →
 * Affine with no loss and no training. Unlike the trainable TwoLayerNet, its weights are plain
 * `randn` (no 0.01 factor) and its biases are random too; and the script draws the input
 * x = randn(10, 2) *before* building the net.
 */
import { type Mat, addRowInPlace, cloneMat, mat, matmul } from './matrix';
import { sigmoid } from './layers';
import type { RandomState } from './random';
import type { TwoLayerParams } from './twoLayerNet';

/** Every intermediate of one forward pass, for widgets that show them. */
export interface ForwardTrace {
  /** x·W1 + b1, before the sigmoid. */
  preActivation: Mat;
  /** sigmoid(preActivation). */
  hidden: Mat;
  /** hidden·W2 + b2 (the script's `s`). */
  scores: Mat;
}

/** forward_net.py's TwoLayerNet: predict only. */
export class ForwardNet {
  readonly params: TwoLayerParams;

  /** Draws W1, b1, W2, b2 from `rng` in the script's order (all plain randn). */
  static random(inputSize: number, hiddenSize: number, outputSize: number, rng: RandomState): ForwardNet {
    const I = inputSize, H = hiddenSize, O = outputSize;
    const W1 = mat(I, H, rng.randn(I * H));
    const b1 = rng.randn(H);
    const W2 = mat(H, O, rng.randn(H * O));
    const b2 = rng.randn(O);
    return new ForwardNet({ W1, b1, W2, b2 });
  }

  /** Wraps given parameters (not copied: a widget may edit them live). */
  constructor(params: TwoLayerParams) {
    const { W1, b1, W2, b2 } = params;
    if (b1.length !== W1.cols || W2.rows !== W1.cols || b2.length !== W2.cols) {
      throw new Error('ForwardNet: inconsistent parameter shapes');
    }
    this.params = params;
  }

  /** All intermediates for input rows x (new matrices). */
  trace(x: Mat): ForwardTrace {
    const { W1, b1, W2, b2 } = this.params;
    const preActivation = addRowInPlace(matmul(x, W1), b1);
    const hidden = sigmoid(preActivation);
    const scores = addRowInPlace(matmul(hidden, W2), b2);
    return { preActivation: cloneMat(preActivation), hidden, scores };
  }

  /** Scores for input rows x (`model.predict(x)`). */
  predict(x: Mat): Mat {
    return this.trace(x).scores;
  }
}

/** What forward_net.py computes: its input, the net's parameters, hidden values and scores. */
export interface ForwardNetExample extends ForwardTrace {
  x: Mat;
  params: TwoLayerParams;
  net: ForwardNet;
}

/**
 * Runs forward_net.py on `rng` (the script sets no seed; tests/fixtures/numpy/forward_net.json
 * was made after `np.random.seed(0)`): x = randn(10, 2), then TwoLayerNet(2, 4, 3), then predict.
 */
export function forwardNetExample(rng: RandomState, batch = 10, inputSize = 2, hiddenSize = 4, outputSize = 3): ForwardNetExample {
  const x = mat(batch, inputSize, rng.randn(batch * inputSize));
  const net = ForwardNet.random(inputSize, hiddenSize, outputSize, rng);
  return { x, params: net.params, net, ...net.trace(x) };
}
