import { useContext, type ReactNode } from 'react';
import { NumberedTitle } from './NumberedTitle';
import { CurrentPage } from './pageContent';
import { defineStrings, useStrings } from './i18n';
import { Term } from '../widgets/glossary/Term';

const S = defineStrings({
  ja: { bookNote: '本のコードでは', anchor: 'この見出しへのリンク' },
  en: { bookNote: 'In the book’s code', anchor: 'Link to this heading' },
});

/**
 * A subsection heading. Its number, title (in the current language) and anchor id come from the
 * current page's entry in the chapter registry (chapters/<chapter>/index.ts), so the page, the
 * table of contents and links like /ch01/1-1#broadcasting always agree.
 */
export function Sub({ id }: { id: string }) {
  const s = useStrings(S);
  const ref = useContext(CurrentPage);
  const sub = ref?.page.subsections.find((x) => x.id === id);
  if (!sub) throw new Error(`Unknown subsection id "${id}" (add it to the page's subsections in chapters/${ref?.chapter.id ?? '…'}/index.ts)`);
  return (
    <h2 id={sub.id} className="sub-heading">
      <NumberedTitle item={sub} numberClass="sub-number" />
      <a className="anchor" href={`#${sub.id}`} aria-label={s.anchor}>
        #
      </a>
    </h2>
  );
}

/** "What the book's code does here": names the book's classes and functions, in our words. */
export function BookNote({ children }: { children: ReactNode }) {
  const s = useStrings(S);
  return (
    <div className="book-note" role="note">
      <div className="book-note-title">{s.bookNote}</div>
      {children}
    </div>
  );
}

/** A highlighted aside for a stumbling point (a place readers of the chapter often get stuck, marked ★). */
export function Tip({ children }: { children: ReactNode }) {
  return <div className="tip" role="note">{children}</div>;
}

/** Components every MDX page can use without importing them. */
export const mdxComponents = { Sub, BookNote, Tip, Term };
