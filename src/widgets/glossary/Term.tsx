import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { pagePath } from '../../../chapters/index';
import { glossaryEntry, GLOSSARY_PAGE_ID } from '../../../chapters/ch01/glossary';
import { ch01 } from '../../../chapters/ch01/index';
import { useLang } from '../../state/lang';
import './glossary.css';

/**
 * A term's first use on a page, linked to its glossary entry: `<Term id="broadcasting">ブロード
 * キャスト</Term>`. The words stay the page's own (any inflection, bold inside); the link's
 * title gives the one-line meaning. Only the first use on a page is wrapped (a unit test checks
 * every page), so the prose is not a sea of links. Until the chapter lists its glossary page,
 * the words are shown without a link (never a link to a missing page).
 */
export function Term({ id, children }: { id: string; children: ReactNode }) {
  const lang = useLang((s) => s.lang);
  const entry = glossaryEntry(id);
  if (!entry) throw new Error(`Unknown glossary term "${id}" (add it to chapters/ch01/glossary.ts)`);
  if (!ch01.pages.some((p) => p.id === GLOSSARY_PAGE_ID)) return <>{children}</>;
  return (
    <Link to={`${pagePath(ch01, { id: GLOSSARY_PAGE_ID })}#${id}`} className="term" title={entry.meaning[lang].replaceAll('`', '')} data-term={id}>
      {children}
    </Link>
  );
}
