/**
 * §1.3.2: derivatives by their definition, made numeric. The central difference
 * (f(x+h) − f(x−h)) / 2h has a truncation error ∝ h², the forward difference ∝ h; both suffer
 * rounding error ∝ ε/h as h shrinks (ε ≈ 2.2e-16), so there is a best h in between. Pure.
 */

export interface Fn1 {
  id: 'cube' | 'sin' | 'exp';
  f: (x: number) => number;
  df: (x: number) => number;
  tex: string;
  dtex: string;
}

export const FUNCTIONS: readonly Fn1[] = [
  { id: 'cube', f: (x) => x * x * x - 2 * x, df: (x) => 3 * x * x - 2, tex: 'f(x) = x^3 - 2x', dtex: "f'(x) = 3x^2 - 2" },
  { id: 'sin', f: Math.sin, df: Math.cos, tex: 'f(x) = \\sin x', dtex: "f'(x) = \\cos x" },
  { id: 'exp', f: Math.exp, df: Math.exp, tex: 'f(x) = e^x', dtex: "f'(x) = e^x" },
];

export function centralDiff(f: (x: number) => number, x: number, h: number): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

export function forwardDiff(f: (x: number) => number, x: number, h: number): number {
  return (f(x + h) - f(x)) / h;
}

/** h = 10^e for e = −1, −1.5, …, −15 (the sweep the error plot draws). */
export function hGrid(from = -1, to = -15, step = 0.5): number[] {
  const out: number[] = [];
  for (let e = from; e >= to - 1e-9; e -= step) out.push(10 ** e);
  return out;
}

export interface ErrorSweep {
  h: number[];
  /** |numeric − analytic|, or null when it is exactly 0 (a log axis cannot show 0). */
  central: (number | null)[];
  forward: (number | null)[];
  /** The h with the smallest central-difference error. */
  bestH: number;
}

export function errorSweep(fn: Fn1, x: number, hs = hGrid()): ErrorSweep {
  const exact = fn.df(x);
  const err = (v: number) => {
    const e = Math.abs(v - exact);
    return e === 0 ? null : e;
  };
  const central = hs.map((h) => err(centralDiff(fn.f, x, h)));
  const forward = hs.map((h) => err(forwardDiff(fn.f, x, h)));
  let best = 0;
  central.forEach((e, i) => {
    const cur = central[best] ?? 0;
    if ((e ?? 0) < cur) best = i;
  });
  return { h: hs, central, forward, bestH: hs[best] };
}
