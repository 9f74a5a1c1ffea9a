/**
 * The registry of chapters: the one list the shell and the build read. Routes
 * (`/<chapter>/<page>`), MDX loading, the table of contents, the home outline, previous/next
 * links, page titles, the route pages the build writes (one index.html per page), the 404 and
 * the offline precache all follow from it.
 *
 * Adding chapter 2: create `chapters/ch02/index.ts` exporting a {@link Chapter} (its pages with
 * their titles and subsection anchors), write `2-1.ja.mdx`, `2-1.en.mdx`, … beside it, and add
 * it to {@link CHAPTERS}. Nothing in src/app or vite.config.ts changes.
 * Adding a page that is not a book section (a glossary): one entry without `number` in the
 * chapter's `pages` (see {@link Page}) and its two MDX files.
 */
import type { Bilingual, Lang } from '../src/state/lang';
import type { Chapter, Page } from './types';
import { ch01 } from './ch01/index';
import { fixtureChapter } from '../tests/fixtures/chapters/ch02/index';

export type { Chapter, Landmark, Page, Subsection } from './types';

/**
 * Every chapter, in the book's order. `__CHAPTER_FIXTURE__` (src/env.d.ts) is true only in a
 * test build made with CHAPTER_FIXTURE=1, which also registers the fixture chapter of
 * tests/fixtures/chapters/ch02; a normal build folds it to false and ships no trace of it.
 */
export const CHAPTERS: readonly Chapter[] = __CHAPTER_FIXTURE__ ? [ch01, fixtureChapter] : [ch01];

/** A page together with its chapter and its address. */
export interface PageRef {
  chapter: Chapter;
  page: Page;
  /** `/ch01/1-4` (without the site's base path). */
  path: string;
}

/** `/<chapter id>/<page id>`. */
export function pagePath(chapter: Pick<Chapter, 'id'>, page: Pick<Page, 'id'>): string {
  return `/${chapter.id}/${page.id}`;
}

/** Every page of every chapter, in reading order. */
export function allPages(chapters: readonly Chapter[] = CHAPTERS): PageRef[] {
  return chapters.flatMap((chapter) => chapter.pages.map((page) => ({ chapter, page, path: pagePath(chapter, page) })));
}

/** The page at /<chapterId>/<pageId>, if there is one. */
export function findPage(chapterId: string | undefined, pageId: string | undefined, chapters: readonly Chapter[] = CHAPTERS): PageRef | undefined {
  return allPages(chapters).find((r) => r.chapter.id === chapterId && r.page.id === pageId);
}

/** The pages before and after `ref` in reading order (across chapter ends). */
export function neighbours(ref: PageRef, chapters: readonly Chapter[] = CHAPTERS): { prev?: PageRef; next?: PageRef } {
  const pages = allPages(chapters);
  const i = pages.findIndex((r) => r.path === ref.path);
  return { prev: i > 0 ? pages[i - 1] : undefined, next: i >= 0 ? pages[i + 1] : undefined };
}

/** A page's heading in one language: `1.4 Solving a problem…`, or the title alone for a page without a number. */
export function pageHeading(page: Page, lang: Lang): string {
  return page.number ? `${page.number} ${page.title[lang]}` : page.title[lang];
}

/** `第 1 章` / `Chapter 1` (a space between Japanese and a digit, as in all the Japanese text). */
export function chapterLabel(chapter: Pick<Chapter, 'number'>): Bilingual {
  return { ja: `第 ${chapter.number} 章`, en: `Chapter ${chapter.number}` };
}

/** The chapters a site covers, named: `第 1 章` / `Chapter 1`, `第 1・2 章` / `Chapters 1 and 2`. */
export function chaptersLabel(chapters: readonly Pick<Chapter, 'number'>[] = CHAPTERS): Bilingual {
  const n = chapters.map((c) => c.number);
  if (n.length === 1) return chapterLabel(chapters[0]);
  return { ja: `第 ${n.join('・')} 章`, en: `Chapters ${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}` };
}
