/** Geometry of the sigmoid plot (§1.2.1): pure mapping between values and SVG coordinates. */
import { mat } from '../../nn/matrix';
import { sigmoid } from '../../nn/layers';

export const X_MIN = -8;
export const X_MAX = 8;
export const VIEW = { w: 420, h: 220, left: 36, right: 12, top: 12, bottom: 28 } as const;

export function toSvgX(x: number): number {
  return VIEW.left + ((x - X_MIN) / (X_MAX - X_MIN)) * (VIEW.w - VIEW.left - VIEW.right);
}
export function toSvgY(y: number): number {
  return VIEW.top + (1 - y) * (VIEW.h - VIEW.top - VIEW.bottom);
}
/** Inverse of toSvgX, clamped to the plotted range and rounded to the slider's step. */
export function fromSvgX(sx: number, step = 0.1): number {
  const x = X_MIN + ((sx - VIEW.left) / (VIEW.w - VIEW.left - VIEW.right)) * (X_MAX - X_MIN);
  const clamped = Math.min(X_MAX, Math.max(X_MIN, x));
  return Math.round(clamped / step) * step;
}

/** σ(x) for one value, through the core's `sigmoid` (the same function the Sigmoid layer runs). */
export function sigmoidAt(x: number): number {
  return sigmoid(mat(1, 1, [x])).data[0];
}

/** The curve as an SVG path, sampled with the core's `sigmoid` on a row of x values. */
export function curvePath(samples = 161): string {
  const xs = Array.from({ length: samples }, (_, i) => X_MIN + (i * (X_MAX - X_MIN)) / (samples - 1));
  const ys = sigmoid(mat(1, samples, xs)).data;
  return xs.map((x, i) => `${i === 0 ? 'M' : 'L'}${toSvgX(x).toFixed(2)},${toSvgY(ys[i]).toFixed(2)}`).join(' ');
}
