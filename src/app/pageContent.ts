/**
 * The prose of every registered page: one lazily loaded MDX module per page and language, found
 * by one glob over all chapter folders (`chapters/<chapter>/<page>.<lang>.mdx`). A page downloads
 * only its own prose and the widgets it imports (Plotly stays out of pages that chart nothing).
 *
 * Each module is fetched once, through one promise per page and language that React's `use`
 * reads: the first visit suspends until it arrives; a module fetched beforehand (the other
 * language, just before the reader switches) renders at once, so the switch never shows a
 * loading state and the page keeps its height and place.
 */
import { createContext, type ComponentType } from 'react';
import type { PageRef } from '../../chapters/index';
import type { Lang } from '../state/lang';

type Loader = () => Promise<{ default: ComponentType }>;

const modules: Record<string, Loader> = {
  ...import.meta.glob<{ default: ComponentType }>('/chapters/*/*.mdx'),
  // Test-only fixture chapter (a CHAPTER_FIXTURE=1 build); a normal build drops this branch.
  ...(__CHAPTER_FIXTURE__ ? import.meta.glob<{ default: ComponentType }>('/tests/fixtures/chapters/*/*.mdx') : {}),
};

/** `ch01/1-4.en` → that page's loader (the last folder is the chapter id). */
const loaders = new Map<string, Loader>(
  Object.entries(modules).map(([path, load]) => {
    const [dir, file] = path.split('/').slice(-2);
    return [`${dir}/${file.replace(/\.mdx$/, '')}`, load];
  }),
);

/** A promise that says whether it has settled, the way React's `use` reads it. */
type Tracked<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };
const prose = new Map<string, Tracked<ComponentType>>();

/** The key of a page's prose in `lang` (absent from the glob when the MDX file is missing). */
function pageKey(ref: PageRef, lang: Lang): string {
  return `${ref.chapter.id}/${ref.page.id}.${lang}`;
}

/**
 * The page's prose component in `lang`, as a promise made once (a failed fetch is forgotten, so
 * the next render tries again). Undefined when there is no such MDX file.
 */
export function proseOf(ref: PageRef, lang: Lang): Promise<ComponentType> | undefined {
  const key = pageKey(ref, lang);
  const cached = prose.get(key);
  if (cached) return cached;
  const load = loaders.get(key);
  if (!load) return undefined;
  const p: Tracked<ComponentType> = load().then((m) => m.default);
  p.status = 'pending';
  p.then(
    (v) => Object.assign(p, { status: 'fulfilled', value: v }),
    (e: unknown) => {
      Object.assign(p, { status: 'rejected', reason: e });
      prose.delete(key);
    },
  );
  prose.set(key, p);
  return p;
}

/** The page being shown (its subsection headings look their titles up here). */
export const CurrentPage = createContext<PageRef | undefined>(undefined);
