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

/**
 * `ch01/1-4.en` → that page's prose as a lazy component (the last folder is the chapter id).
 * Made once, here, so a render never creates a component; nothing downloads until one renders.
 */
export const pageComponents: Partial<Record<string, ComponentType>> = Object.fromEntries(
  Object.entries(modules).map(([path, load]) => {
    const [dir, file] = path.split('/').slice(-2);
    return [`${dir}/${file.replace(/\.mdx$/, '')}`, lazy(load)];
  }),
);

/** The key of a page's prose in `lang` in {@link pageComponents} (absent when the MDX file is missing). */
export function pageKey(ref: PageRef, lang: Lang): string {
  return `${ref.chapter.id}/${ref.page.id}.${lang}`;
}

/** The page being shown (its subsection headings look their titles up here). */
export const CurrentPage = createContext<PageRef | undefined>(undefined);
