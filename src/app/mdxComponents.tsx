import type { ReactNode } from 'react';
import { sections, type Subsection } from '../../chapters/ch01/index';
import { useBilingual, defineStrings, useStrings } from './i18n';

const S = defineStrings({
  ja: { bookNote: '本のコードでは', anchor: 'この見出しへのリンク' },
  en: { bookNote: 'In the book’s code', anchor: 'Link to this heading' },
});

function findSub(id: string): Subsection | undefined {
  for (const s of sections) for (const sub of s.subsections) if (sub.id === id) return sub;
  return undefined;
}

/**
 * A subsection heading. Its number, title (in the current language) and anchor id come from
 * chapters/ch01/index.ts, so the page, the table of contents and links like
 * /ch01/1-1#broadcasting always agree.
 */
export function Sub({ id }: { id: string }) {
  const pick = useBilingual();
  const s = useStrings(S);
  const sub = findSub(id);
  if (!sub) throw new Error(`Unknown subsection id "${id}" (add it to chapters/ch01/index.ts)`);
  return (
    <h2 id={sub.id} className="sub-heading">
      <span className="sub-number">{sub.number}</span> {pick(sub.title)}
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

/** A highlighted aside for a stumbling point (★ in PRODUCT.md). */
export function Tip({ children }: { children: ReactNode }) {
  return <div className="tip" role="note">{children}</div>;
}

/** Components every MDX page can use without importing them. */
export const mdxComponents = { Sub, BookNote, Tip };
