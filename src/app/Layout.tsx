import { useEffect, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { chapter, sections, sectionPath } from '../../chapters/ch01/index';
import { useLang } from '../state/lang';
import { useTheme } from '../state/theme';
import { shellStrings, useBilingual, useStrings } from './i18n';

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

/** The chapter's contents: every section, and the current section's subsections. */
export function Contents({ current }: { current?: string }) {
  const s = useStrings(shellStrings);
  const pick = useBilingual();
  return (
    <nav className="contents" aria-label={s.contents}>
      <div className="contents-title">
        {s.chapter} {pick(chapter.title)}
      </div>
      <ol>
        {sections.map((sec) => (
          <li key={sec.id}>
            <NavLink to={sectionPath(sec.id)} end>
              <span className="sec-number">{sec.number}</span> {pick(sec.title)}
            </NavLink>
            {sec.id === current && (
              <ol className="contents-subs" aria-label={s.onThisPage}>
                {sec.subsections.map((sub) => (
                  <li key={sub.id}>
                    <a href={`#${sub.id}`}>
                      <span className="sec-number">{sub.number}</span> {pick(sub.title)}
                    </a>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function Layout({ children, section }: { children: ReactNode; section?: string }) {
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
          <Contents current={section} />
        </details>
        <aside className="sidebar">
          <Contents current={section} />
        </aside>
        <main id="main" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="site-footer">{s.footer}</footer>
    </div>
  );
}
