import { describe, expect, it } from 'vitest';
import { sharedPageImports, type ChunkInfo } from '../../../src/app/routePreloads';

// entry → runtime; page ja → lab, ja-only; page en → lab, en-only; lab → nn; nn → runtime
const chunks: ChunkInfo[] = [
  { fileName: 'index.js', imports: ['runtime.js'], facadeModuleId: '/r/index.html', isEntry: true },
  { fileName: 'runtime.js', imports: [], isEntry: false },
  { fileName: 'p.ja.js', imports: ['lab.js', 'ja-only.js'], facadeModuleId: '/r/chapters/ch01/1-4.ja.mdx', isEntry: false },
  { fileName: 'p.en.js', imports: ['lab.js', 'en-only.js'], facadeModuleId: '/r/chapters/ch01/1-4.en.mdx', isEntry: false },
  { fileName: 'lab.js', imports: ['nn.js'], isEntry: false },
  { fileName: 'nn.js', imports: ['runtime.js'], isEntry: false },
  { fileName: 'ja-only.js', imports: [], isEntry: false },
  { fileName: 'en-only.js', imports: [], isEntry: false },
];

describe('sharedPageImports', () => {
  it('is what both languages import, directly or not, minus what the entry loads and the language chunks', () => {
    expect(sharedPageImports(chunks, '/chapters/ch01/1-4')).toEqual(['lab.js', 'nn.js']);
  });

  it('is empty for a page whose chunk is missing (nothing is guessed)', () => {
    expect(sharedPageImports(chunks, '/chapters/ch01/1-9')).toEqual([]);
    expect(sharedPageImports(chunks, '/chapters/ch01/1')).toEqual([]); // 1-4.ja.mdx is not page 1's
  });

  it('one language only: all that page imports beyond the entry', () => {
    expect(sharedPageImports(chunks.filter((c) => c.fileName !== 'p.en.js'), '/chapters/ch01/1-4')).toEqual(['ja-only.js', 'lab.js', 'nn.js']);
  });
});
