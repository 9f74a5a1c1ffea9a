/** Comparing the GPU's class grid with the CPU's (§1.5.2). */

/** Fraction of cells whose class is the same in both grids (1 when both are empty). */
export function agreement(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new Error(`agreement: grids of ${a.length} and ${b.length} cells`);
  if (a.length === 0) return 1;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Milliseconds `f` takes (performance.now), with its result. */
export async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t0 };
}
