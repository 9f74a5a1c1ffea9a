/**
 * §1.3.1: softmax and the cross-entropy loss for one sample, plus the naive softmax the book
 * warns about. The stable softmax and the loss are the core's own (layers.ts), so the widget
 * shows what training computes. Pure.
 */
import { crossEntropyError, softmax } from '../../nn/layers';
import { mat } from '../../nn/matrix';

/** Softmax the way the core (and the book) computes it: subtract the maximum first. */
export function stableSoftmax(scores: readonly number[]): number[] {
  return Array.from(softmax(mat(1, scores.length, scores)).data);
}

/**
 * exp(s) / Σ exp(s) without subtracting the maximum: exp(1000) is Infinity in float64, and
 * Infinity / Infinity is NaN. Kept only to show why the book subtracts the maximum.
 */
export function naiveSoftmax(scores: readonly number[]): number[] {
  const e = scores.map(Math.exp);
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** −log(p[t] + 1e-7): the book's cross-entropy error for one sample, via the core. */
export function crossEntropy(scores: readonly number[], t: number): number {
  return crossEntropyError(softmax(mat(1, scores.length, scores)), Int32Array.of(t));
}

/** Writes a number the way a reader expects, and Infinity/NaN as JavaScript prints them. */
export function showNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e6)) return x.toExponential(digits - 1);
  return x.toFixed(digits);
}
