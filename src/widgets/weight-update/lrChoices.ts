/** Learning rates the sliders step through: readable values, dense where the regimes change. */
export const LR_CHOICES: readonly number[] = [0.001, 0.003, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1, 1.05, 1.1, 1.5, 2, 3];

/** Nearest choice to a learning rate (for defaults that are not on the list). */
export function nearestIndex(lr: number): number {
  let best = 0;
  LR_CHOICES.forEach((v, i) => {
    if (Math.abs(Math.log(v / lr)) < Math.abs(Math.log(LR_CHOICES[best] / lr))) best = i;
  });
  return best;
}

/** A point as (x, y), in exponent form once it is far away (a diverging run). */
export function showPoint(x: number, y: number): string {
  const f = (v: number) => (Math.abs(v) >= 1e4 ? v.toExponential(2) : v.toFixed(3));
  return `(${f(x)}, ${f(y)})`;
}
