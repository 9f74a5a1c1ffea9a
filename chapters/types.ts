/**
 * The shape of a chapter's entry in the registry (chapters/index.ts). A chapter is a folder
 * `chapters/chNN/` holding `index.ts` (one {@link Chapter} value) and one MDX file per page and
 * language, `<page id>.<lang>.mdx` (e.g. `chapters/ch01/1-4.en.mdx`). Pure data: the build
 * (vite.config.ts) reads it in Node as well as the app in the browser.
 */
import type { Bilingual } from '../src/state/lang';

export interface Subsection {
  /** Anchor id on the page, e.g. `broadcasting` → /ch01/1-1#broadcasting */
  id: string;
  /** The book's number, e.g. `1.1.3` */
  number: string;
  title: Bilingual;
  /**
   * Places inside the subsection a reader looks for by name (the training lab), listed under it
   * in the contents. The id is the anchor on the page; a widget's is `widget-<its name>`.
   */
  landmarks?: Landmark[];
}

/** A named place inside a subsection, e.g. `{ id: 'widget-training-lab', title: { ja: 'トレーニング・ラボ', en: 'Training lab' } }`. */
export interface Landmark {
  id: string;
  title: Bilingual;
}

/**
 * One page of a chapter, at `/<chapter id>/<page id>`. A page with a `number` is one of the
 * book's sections (`1.4`); a page without one is a page of our own that belongs to the chapter
 * (a glossary, say: `{ id: 'glossary', title: { ja: '用語集', en: 'Glossary' }, subsections: [] }`),
 * and gets its route, contents entry, previous/next links, title and offline copy the same way.
 */
export interface Page {
  /** Route segment, e.g. `1-1` → /ch01/1-1; also the MDX file's name (`1-1.ja.mdx`). */
  id: string;
  /** The book's section number, e.g. `1.1`; absent for a page that is not a section of the book. */
  number?: string;
  title: Bilingual;
  /** Anchored headings of the page, in order (MDX pages render them with `<Sub id="…" />`). */
  subsections: Subsection[];
}

export interface Chapter {
  /** Route segment and folder name, e.g. `ch01`. */
  id: string;
  /** The book's chapter number, e.g. `1`. */
  number: string;
  title: Bilingual;
  /** Every page, in reading order: the book's sections first, then pages of our own. */
  pages: Page[];
}
