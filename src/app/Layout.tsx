import { useEffect, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { CHAPTERS, chapterLabel, pagePath, type Chapter, type PageRef } from '../../chapters/index';
import { useLang } from '../state/lang';
import { useTheme } from '../state/theme';
import { NumberedTitle } from './NumberedTitle';
import { shellStrings, useStrings } from './i18n';

function LangSwitch() {
  const s = useStrings(shellStrings);
  const lang = useLang((st) => st.lang);
  const setLang = useLang((st) => st.setLang);
  const location = useLocation();
  const navigate = useNavigate();
  const onClick = () => {
    setLang(lang === 'ja' ? 'en' : 'ja');
    // ?lang= wins over the remembered choice on load, so drop it once the reader chooses.
    const params = new URLSearchParams(location.search);
    if (params.has('lang')) {
      params.delete('lang');
      const q = params.toString();
      navigate({ pathname: location.pathname, search: q ? `?${q}` : '', hash: location.hash }, { replace: true });
    }
  };
  return (
    <button type="button" className="lang-switch" onClick={onClick} aria-label={s.switchToLabel} lang={lang === 'ja' ? 'en' : 'ja'} data-testid="lang-switch">
      {s.switchTo}
    </button>
  );
}

function ThemeToggle() {
  const s = useStrings(shellStrings);
  const theme = useTheme((st) => st.theme);
  const toggle = useTheme((st) => st.toggle);
  return (
    <button type="button" className="theme-toggle" onClick={toggle} aria-label={theme === 'dark' ? s.themeLight : s.themeDark} data-testid="theme-toggle">
      {theme === 'dark' ? '☀' : '☾'}
    </button>
  );
}

/**
 * The contents: every registered chapter with its pages, and the current page's subsections.
 * Only the current page's chapter is opened out (all chapters on pages outside any chapter).
 */
export function Contents({ current }: { current?: PageRef }) {
  const s = useStrings(shellStrings);
  const lang = useLang((st) => st.lang);
  const open = (ch: Chapter) => !current || current.chapter.id === ch.id;
  return (
    <nav className="contents" aria-label={s.contents}>
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
                          <a href={`#${sub.id}`}>
                            <NumberedTitle item={sub} />
                          </a>
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

export function Layout({ children, current }: { children: ReactNode; current?: PageRef }) {
  const s = useStrings(shellStrings);
  const location = useLocation();
  // A new page starts at its top unless the address names a heading.
  useEffect(() => {
    if (!location.hash) window.scrollTo(0, 0);
  }, [location.pathname, location.hash]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {s.skipToContent}
      </a>
      <header className="site-header">
        <Link to="/" className="site-title">
          {s.siteTitle}
        </Link>
        <div className="header-tools">
          <LangSwitch />
          <ThemeToggle />
        </div>
      </header>
      <div className="site-body">
        <details className="contents-mobile">
          <summary>{s.contents}</summary>
          <Contents current={current} />
        </details>
        <aside className="sidebar">
          <Contents current={current} />
        </aside>
        <main id="main" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="site-footer">{s.footer}</footer>
    </div>
  );
}
