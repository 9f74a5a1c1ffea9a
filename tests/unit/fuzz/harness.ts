import fc from 'fast-check';

/** Slowest call we accept for one small input: far above any honest parse, far below a hang. */
const HANG_MS = 2000;

export interface FuzzTally {
  tried: number;
  /** outcome label → count (e.g. 'ok', 'error:bad-header') */
  outcomes: Map<string, number>;
  slowestMs: number;
}

/**
 * Feeds `numRuns` generated inputs to `call`, checks each outcome with `check` (which throws on
 * a bad outcome; an exception escaping `call` fails the property too), measures the slowest
 * call, and prints one line of counts. fast-check shrinks a failure and prints its seed.
 */
export function fuzz<T, R>(
  name: string,
  arb: fc.Arbitrary<T>,
  call: (input: T) => R,
  check: (result: R, input: T) => string,
  numRuns: number,
): FuzzTally {
  const tally: FuzzTally = { tried: 0, outcomes: new Map(), slowestMs: 0 };
  fc.assert(
    fc.property(arb, (input) => {
      const t0 = performance.now();
      const result = call(input);
      const ms = performance.now() - t0;
      tally.slowestMs = Math.max(tally.slowestMs, ms);
      if (ms > HANG_MS) throw new Error(`${name} took ${ms.toFixed(0)} ms on one input`);
      const label = check(result, input);
      tally.tried++;
      tally.outcomes.set(label, (tally.outcomes.get(label) ?? 0) + 1);
    }),
    { numRuns },
  );
  report(name, tally);
  return tally;
}

export function report(name: string, t: FuzzTally): void {
  const parts = [...t.outcomes.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`);
  console.log(`[fuzz] ${name}: ${t.tried} inputs, 0 escaped exceptions, slowest ${t.slowestMs.toFixed(2)} ms — ${parts.join(', ')}`);
}

/** Strings a reader (or an attacker) might paste into a field or a URL. */
const nastyStrings = [
  '', ' ', '\t\n', 'abc', 'NaN', 'nan', '-NaN', 'Infinity', '-Infinity', 'inf', '1e9', '1e309', '-1e309', '1e-400',
  '-5', '-0', '0', '00', '0x10', '0b1', '0o7', '1_000', '1,000', '1.', '.5', '+.5e-3', '１２３', '٣', '½', '1e', 'e5',
  '--1', '+-1', '1..2', '9'.repeat(400), '1'.repeat(20), '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')", '%3Cscript%3E', '%', '%%', '%E0%A4%A', '\u0000', '\uFFFF', '\uD800', '😀', 'null', 'undefined',
  'true', '[]', '{}', '__proto__', 'constructor', 'toString', 'max', 'MAX', ' max ', '1/0', '()', '(,)', '[[', ']]',
];

export const nasty = fc.constantFrom(...nastyStrings);
/** Any text: nasty samples, printable strings, raw code units (lone surrogates included). */
export const anyText = fc.oneof(
  nasty,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'[](),.-+eE0123456789 \t'.split('')), maxLength: 60 }),
);

/** A cheap assertion for hot fuzz loops (vitest's expect costs far more per call). */
export function must(cond: unknown, what: string): asserts cond {
  if (!cond) throw new Error(`fuzz check failed: ${what}`);
}
