/**
 * The prose of every registered page: one lazily loaded MDX module per page and language, found
 * by one glob over all chapter folders (`chapters/<chapter>/<page>.<lang>.mdx`). A page downloads
 * only its own prose and the widgets it imports (Plotly stays out of pages that chart nothing).
 */
import { createContext, lazy, type ComponentType } from 'react';
import type { PageRef } from '../../chapters/index';
import type { Lang } from '../state/lang';

type Loader = () => Promise<{ default: ComponentType }>;

const modules: Record<string, Loader> = {
  ...import.meta.glob<{ default: ComponentType }>('/chapters/*/*.mdx'),
  // Test-only fixture chapter (a CHAPTER_FIXTURE=1 build); a normal build drops this branch.
  ...(__CHAPTER_FIXTURE__ ? import.meta.glob<{ default: ComponentType }>('/tests/fixtures/chapters/*/*.mdx') : {}),
};

/** `ch01/1-4.en` → loader (the last folder is the chapter id). */
const byKey = new Map<string, Loader>(
  Object.entries(modules).map(([path, load]) => {
    const [dir, file] = path.split('/').slice(-2);
    return [`${dir}/${file.replace(/\.mdx$/, '')}`, load];
  }),
);
const components = new Map<string, ComponentType>();

/** The page's prose in `lang` as a lazy component (undefined when the MDX file is missing). */
export function pageComponent(ref: PageRef, lang: Lang): ComponentType | undefined {
  const key = `${ref.chapter.id}/${ref.page.id}.${lang}`;
  const load = byKey.get(key);
  if (!load) return undefined;
  let page = components.get(key);
  if (!page) {
    page = lazy(load);
    components.set(key, page);
  }
  return page;
}

/** The page being shown (its subsection headings look their titles up here). */
export const CurrentPage = createContext<PageRef | undefined>(undefined);
