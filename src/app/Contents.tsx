import { useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { CHAPTERS, chapterLabel, pagePath, type Chapter, type PageRef } from '../../chapters/index';
import { useLang } from '../state/lang';
import { NumberedTitle } from './NumberedTitle';
import { shellStrings, useStrings } from './i18n';
import { useReading } from './useReading';

/** The current page's anchors in page order: each subsection, then its landmarks. */
function anchorsOf(current?: PageRef): string[] {
  return current ? current.page.subsections.flatMap((sub) => [sub.id, ...(sub.landmarks ?? []).map((l) => l.id)]) : [];
}

/**
 * The contents: every registered chapter with its pages, and the current page's subsections
 * with the places named inside them (the training lab). The subsection being read is marked
 * (aria-current="location"). Only the current page's chapter is opened out (all chapters on
 * pages outside any chapter).
 */
export function Contents({ current, onNavigate }: { current?: PageRef; onNavigate?: () => void }) {
  const s = useStrings(shellStrings);
  const lang = useLang((st) => st.lang);
  const reading = useReading(anchorsOf(current));
  const open = (ch: Chapter) => !current || current.chapter.id === ch.id;
  const mark = (id: string) => (reading === id ? { 'aria-current': 'location' as const, className: 'reading' } : {});
  return (
    <nav className="contents" aria-label={s.contents} onClick={(e) => (e.target as HTMLElement).closest('a') && onNavigate?.()}>
      {CHAPTERS.map((ch) => (
        <div key={ch.id} className="contents-chapter" data-chapter={ch.id}>
          <div className="contents-title">
            {open(ch) ? (
              `${chapterLabel(ch)[lang]} ${ch.title[lang]}`
            ) : (
              <Link to={pagePath(ch, ch.pages[0])}>
                {chapterLabel(ch)[lang]} {ch.title[lang]}
              </Link>
            )}
          </div>
          {open(ch) && (
            <ol>
              {ch.pages.map((page) => (
                <li key={page.id}>
                  <NavLink to={pagePath(ch, page)} end>
                    <NumberedTitle item={page} />
                  </NavLink>
                  {current?.page.id === page.id && page.subsections.length > 0 && (
                    <ol className="contents-subs" aria-label={s.onThisPage}>
                      {page.subsections.map((sub) => (
                        <li key={sub.id}>
                          <a href={`#${sub.id}`} {...mark(sub.id)}>
                            <NumberedTitle item={sub} />
                          </a>
                          {sub.landmarks && (
                            <ul className="contents-landmarks">
                              {sub.landmarks.map((l) => (
                                <li key={l.id}>
                                  <a href={`#${l.id}`} {...mark(l.id)}>
                                    {l.title[lang]}
                                  </a>
                                </li>
                              ))}
                            </ul>
                          )}
                        </li>
                      ))}
                    </ol>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      ))}
    </nav>
  );
}

/**
 * The contents behind a button in the header, for screens without the sidebar: it stays in
 * reach wherever the reader is on a long page. Closes on a link, on Escape, and on the button.
 */
export function ContentsButton({ current }: { current?: PageRef }) {
  const s = useStrings(shellStrings);
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    // a new page closes the panel
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <>
      <button ref={button} type="button" className="contents-button" aria-expanded={open} aria-controls={id} data-testid="contents-button" onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">☰ </span>
        {s.contents}
      </button>
      <div id={id} className="contents-panel" hidden={!open} data-testid="contents-panel">
        <Contents current={current} onNavigate={() => setOpen(false)} />
      </div>
    </>
  );
}
