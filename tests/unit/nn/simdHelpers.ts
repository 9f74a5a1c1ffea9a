/** Running the same computation on each kernel path and comparing the results bit for bit. */
import { expect } from 'vitest';
import { RandomState } from '../../../src/nn/random';
import { type KernelPath, kernelArray, kernelPath, setKernelPath, setResidentArrays } from '../../../src/nn/simd';

/** The TypeScript kernels; WebAssembly with operands copied per call; WebAssembly on arrays in its memory. */
export const PATHS = ['ts', 'wasm-copied', 'wasm-resident'] as const;
export type Path = (typeof PATHS)[number];

/**
 * Runs `fn` on `path`. `keep(a)` gives the array as the path would hold it: for
 * 'wasm-resident' a copy inside the kernels' memory, else `a` itself.
 */
export function on<T>(path: Path, fn: (keep: (a: Float64Array) => Float64Array) => T): T {
  const before: KernelPath = kernelPath();
  setKernelPath(path === 'ts' ? 'ts' : 'wasm');
  setResidentArrays(path === 'wasm-resident');
  try {
    return fn((a) => {
      const k = kernelArray(a.length);
      k.set(a);
      return k;
    });
  } finally {
    setResidentArrays(true);
    setKernelPath(before);
  }
}

/** The result of `fn` on every path (as plain copies of its arrays). */
export function onEveryPath<T>(fn: (keep: (a: Float64Array) => Float64Array) => T): Record<Path, T> {
  return Object.fromEntries(PATHS.map((p) => [p, on(p, fn)])) as Record<Path, T>;
}

/** Fails with the first differing element, if any (NaN equals NaN, +0 differs from −0). */
export function expectSameBits(got: ArrayLike<number>, want: ArrayLike<number>, what: string): void {
  expect(got.length, `${what}: length`).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    if (!Object.is(got[i], want[i])) expect.fail(`${what}: element ${i} is ${got[i]}, the TypeScript kernels give ${want[i]}`);
  }
}

/** Every path's arrays equal the TypeScript path's, bit for bit. */
export function expectAllPathsEqual(results: Record<Path, ArrayLike<number>[]>, what: string): void {
  for (const p of PATHS) {
    results[p].forEach((arr, i) => expectSameBits(arr, results.ts[i], `${what} [${p}] array ${i}`));
  }
}

/**
 * Random doubles from a seeded generator: normal values times `scale`, with a few exact +0,
 * −0 and repeated values mixed in (they exercise signed zeros and ties).
 */
export function values(rng: RandomState, n: number, scale = 1): Float64Array {
  const a = rng.randn(n);
  for (let i = 0; i < n; i++) {
    a[i] *= scale;
    const u = rng.randomSample();
    if (u < 0.03) a[i] = 0;
    else if (u < 0.06) a[i] = -0;
    else if (u < 0.08 && i > 0) a[i] = a[i - 1];
  }
  return a;
}
