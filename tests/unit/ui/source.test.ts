import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractDeclaration } from '../../../src/widgets/ui/source';

const sample = `/** File header. */
import { x } from './x';

/** First doc. */
export function first(a: number): number {
  return a + 1; // a } in a comment
}

/** The second one, with a brace in a string: "}" */
export class Second {
  run() { return '}'; }
}

export const third = (v: number) => {
  return { v };
};

export type Pair = { a: number; b: number };
`;

describe('extractDeclaration (the code a widget shows)', () => {
  it('cuts one function with its own doc comment only, not the file header or earlier docs', () => {
    const got = extractDeclaration(sample, 'Second')!;
    expect(got.startsWith('/** The second one')).toBe(true);
    expect(got).not.toContain('First doc');
    expect(got.endsWith('}')).toBe(true);
    expect(got).toContain("run() { return '}'; }");
  });
  it('ignores braces in comments and strings', () => {
    expect(extractDeclaration(sample, 'first')).toBe(`/** First doc. */
export function first(a: number): number {
  return a + 1; // a } in a comment
}`);
  });
  it('includes the semicolon of arrow functions and type aliases', () => {
    expect(extractDeclaration(sample, 'third')!.endsWith('};')).toBe(true);
    expect(extractDeclaration(sample, 'Pair')).toBe('export type Pair = { a: number; b: number };');
  });
  it('returns undefined for a name that is not declared', () => {
    expect(extractDeclaration(sample, 'missing')).toBeUndefined();
  });
  it('finds the real Affine layer in src/nn/layers.ts and stops at its end', () => {
    const src = readFileSync('src/nn/layers.ts', 'utf8');
    const got = extractDeclaration(src, 'Affine')!;
    expect(got).toMatch(/class Affine/);
    expect(got).not.toMatch(/class Sigmoid/);
    expect(got.length).toBeLessThan(src.length / 2);
  });
});
