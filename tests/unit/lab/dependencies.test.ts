import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const lab = join(root, 'src/lab');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** The relative imports of `text` (a file at `file`) that leave src/lab and src/nn. */
function outsideImports(file: string, text: string): string[] {
  return [...text.matchAll(/from '(\.[^']+)'/g)]
    .map((m) => m[1])
    .filter((spec) => !/^(lab|nn)([/\\]|$)/.test(relative(join(root, 'src'), resolve(dirname(file), spec))));
}

describe('the lab engine’s dependencies', () => {
  it('src/lab imports only src/lab and src/nn (never the settings store, widgets or the shell)', () => {
    const outside = sources(lab).flatMap((file) => outsideImports(file, readFileSync(file, 'utf8')).map((spec) => `${relative(root, file)} → ${spec}`));
    expect(outside).toEqual([]);
  });

  it('the check reports a planted import of the settings store, and passes the engine’s own', () => {
    const file = join(lab, 'engine.ts');
    expect(outsideImports(file, "import type { Lang } from '../state/lang';")).toEqual(['../state/lang']);
    expect(outsideImports(file, "import { x } from './seams';\nimport { y } from '../nn/matrix';")).toEqual([]);
  });
});
