import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHAPTERS, allPages, chapterLabel, chaptersLabel, findPage, neighbours, pageHeading, type Chapter } from '../../../chapters/index';
import { ch01 } from '../../../chapters/ch01/index';
import { fixtureChapter } from '../../fixtures/chapters/ch02/index';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const withFixture: Chapter[] = [ch01, fixtureChapter];

describe('chapter registry', () => {
  it('a normal build registers chapter 1 only (the fixture chapter is test-only)', () => {
    expect(CHAPTERS.map((c) => c.id)).toEqual(['ch01']);
  });

  it('lists every page of every chapter in reading order, at /<chapter>/<page>', () => {
    expect(allPages(withFixture).map((r) => r.path)).toEqual([
      '/ch01/1-1', '/ch01/1-2', '/ch01/1-3', '/ch01/1-4', '/ch01/1-5', '/ch01/1-6', '/ch01/glossary', '/ch02/2-1', '/ch02/fixture-notes',
    ]);
  });

  it('finds a page by chapter and page id, and nothing for unknown or mismatched ids', () => {
    expect(findPage('ch02', '2-1', withFixture)?.page.title.en).toBe('A fixture section');
    expect(findPage('ch02', '2-1', CHAPTERS)).toBeUndefined();
    expect(findPage('ch01', '2-1', withFixture)).toBeUndefined();
    expect(findPage('ch01', '9-9', withFixture)).toBeUndefined();
    expect(findPage(undefined, undefined, withFixture)).toBeUndefined();
  });

  it('previous and next links run across the end of a chapter', () => {
    const last = findPage('ch01', 'glossary', withFixture)!;
    expect(neighbours(last, withFixture).next?.path).toBe('/ch02/2-1');
    expect(neighbours(last, CHAPTERS).next).toBeUndefined();
    const first = findPage('ch02', '2-1', withFixture)!;
    expect(neighbours(first, withFixture).prev?.path).toBe('/ch01/glossary');
    expect(neighbours(findPage('ch01', '1-1')!).prev).toBeUndefined();
  });

  it('headings carry the book number, except for a page that is not a section', () => {
    expect(pageHeading(ch01.pages[3], 'en')).toBe('1.4 Solving a problem with a neural network');
    expect(pageHeading(ch01.pages[3], 'ja')).toBe('1.4 ニューラルネットワークで問題を解く');
    expect(pageHeading(fixtureChapter.pages[1], 'en')).toBe('Fixture notes');
  });

  it('names one chapter or several in both languages', () => {
    expect(chapterLabel(ch01)).toEqual({ ja: '第 1 章', en: 'Chapter 1' });
    expect(chaptersLabel([ch01])).toEqual({ ja: '第 1 章', en: 'Chapter 1' });
    expect(chaptersLabel(withFixture)).toEqual({ ja: '第 1・2 章', en: 'Chapters 1 and 2' });
    expect(chaptersLabel([{ number: '1' }, { number: '2' }, { number: '3' }]).en).toBe('Chapters 1, 2 and 3');
  });
});

describe('every registered page has its prose', () => {
  const folders: [Chapter, string][] = [
    [ch01, 'chapters/ch01'],
    [fixtureChapter, 'tests/fixtures/chapters/ch02'],
  ];
  for (const [chapter, dir] of folders) {
    it(`${chapter.id}: an MDX file per page and language, and its <Sub> headings are the page's subsections`, () => {
      const ids = new Set<string>();
      for (const page of chapter.pages) {
        expect(ids.has(page.id), `page id ${page.id} is unique`).toBe(false);
        ids.add(page.id);
        for (const lang of ['ja', 'en']) {
          const file = join(root, dir, `${page.id}.${lang}.mdx`);
          expect(existsSync(file), file).toBe(true);
          const used = [...readFileSync(file, 'utf8').matchAll(/<Sub id="([^"]+)"/g)].map((m) => m[1]);
          // every heading the page uses is registered, and every registered one is used, in order
          expect(used, `${page.id}.${lang}.mdx`).toEqual(page.subsections.map((s) => s.id));
        }
      }
    });
  }
});
