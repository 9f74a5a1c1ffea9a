import { useEffect, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useNavigationType } from 'react-router';
import type { PageRef } from '../../chapters/index';
import { Contents, ContentsButton } from './Contents';
import { isLang, useLang } from '../state/lang';
import { switchLanguage } from './langSwitch';
import { useTheme } from '../state/theme';
import { shellStrings, useStrings } from './i18n';

function LangSwitch({ current }: { current?: PageRef }) {
  const s = useStrings(shellStrings);
  const lang = useLang((st) => st.lang);
  const location = useLocation();
  const navigate = useNavigate();
  const onClick = async () => {
    const next = lang === 'ja' ? 'en' : 'ja';
    await switchLanguage(next, current);
    // ?lang= wins over the remembered choice on load, so drop it once the reader chooses (older
    // history entries keep theirs: Back and Forward show them in their language).
    const params = new URLSearchParams(window.location.search);
    if (params.has('lang')) {
      params.delete('lang');
      const q = params.toString();
      navigate({ pathname: location.pathname, search: q ? `?${q}` : '', hash: location.hash }, { replace: true });
    }
  };
  return (
    <button type="button" className="lang-switch" onClick={() => void onClick()} aria-label={s.switchToLabel} lang={lang === 'ja' ? 'en' : 'ja'} data-testid="lang-switch">
      {s.switchTo}
    </button>
  );
}

/** Back and Forward to an address with ?lang show it in that language (keeping the reader's place). */
function useLangFromHistory(current?: PageRef): void {
  const location = useLocation();
  const navType = useNavigationType();
  useEffect(() => {
    if (navType !== 'POP') return;
    const wanted = new URLSearchParams(location.search).get('lang');
    if (isLang(wanted)) void switchLanguage(wanted, current);
    // only a new history entry matters, not a new page object
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.key, navType]);
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

export function Layout({ children, current }: { children: ReactNode; current?: PageRef }) {
  const s = useStrings(shellStrings);
  const location = useLocation();
  useLangFromHistory(current);
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
          <ContentsButton current={current} />
          <LangSwitch current={current} />
          <ThemeToggle />
        </div>
      </header>
      <div className="site-body">
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
