import { createElement, Suspense, use, useEffect, useLayoutEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { MDXProvider } from '@mdx-js/react';
import { findPage, neighbours, pageHeading, type PageRef } from '../../chapters/index';
import { useLang } from '../state/lang';
import { ErrorBoundary } from './ErrorBoundary';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { NumberedTitle } from './NumberedTitle';
import { mdxComponents } from './mdxComponents';
import { CurrentPage, proseOf } from './pageContent';
import { WidgetHost } from './KeptWidgets';
import { restoreAnchor } from './langSwitch';
import type { Lang } from '../state/lang';
import { shellStrings, useStrings } from './i18n';
import { useColon } from './punctuation';

/**
 * After the prose has rendered, bring the heading or widget named in the address into view. A
 * frame later: the widgets (KeptWidgets.tsx) render just after the prose that places them.
 */
function ScrollToHash() {
  const { hash } = useLocation();
  useLayoutEffect(() => {
    if (!hash) return;
    const frame = requestAnimationFrame(() => document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView());
    return () => cancelAnimationFrame(frame);
  }, [hash]);
  return null;
}

/** The page's prose in `lang` (suspends on the first visit while it downloads). */
function Prose({ page, lang }: { page: PageRef; lang: Lang }) {
  const promise = proseOf(page, lang);
  // One component per page and language, made once by the module loader (never in a render).
  const Page = promise ? use(promise) : null;
  return Page ? createElement(Page) : null;
}

/** One page of a registered chapter (`/<chapterId>/:page`), or the 404 for an unknown page. */
export function ChapterPage({ chapterId }: { chapterId: string }) {
  const { page: pageId } = useParams();
  const lang = useLang((s) => s.lang);
  const s = useStrings(shellStrings);
  const colon = useColon();
  const ref = findPage(chapterId, pageId);
  useEffect(() => {
    if (ref) document.title = `${pageHeading(ref.page, lang)} — ${s.siteTitle}`;
  });
  // after a language switch, the reader's place (see langSwitch.ts)
  useLayoutEffect(restoreAnchor, [lang]);
  if (!ref) return <NotFound />;
  const { page } = ref;
  const { prev, next } = neighbours(ref);
  return (
    <Layout current={ref}>
      <article className="chapter-page" data-chapter={ref.chapter.id} data-section={page.id}>
        <h1>
          <NumberedTitle item={page} />
        </h1>
        {/* The providers sit above the widget host: kept widgets render there, outside the prose. */}
        <CurrentPage.Provider value={ref}>
          <MDXProvider components={mdxComponents}>
            <WidgetHost key={ref.path}>
              <ErrorBoundary
                key={`${ref.path}.${lang}`}
                fallback={(error) => (
                  <div role="alert" className="page-error">
                    <h2>{s.pageErrorTitle}</h2>
                    <p>{s.pageErrorBody}</p>
                    <pre>{error.message}</pre>
                    <button type="button" onClick={() => window.location.reload()}>
                      {s.reload}
                    </button>
                  </div>
                )}
              >
                <Suspense fallback={<p className="loading">{s.loading}</p>}>
                  <Prose page={ref} lang={lang} />
                  <ScrollToHash />
                </Suspense>
              </ErrorBoundary>
            </WidgetHost>
          </MDXProvider>
        </CurrentPage.Provider>
      </article>
      <nav className="prev-next" aria-label={`${s.previous} / ${s.next}`}>
        {prev ? (
          <Link to={prev.path} rel="prev" className="prev">
            ← {s.previous}{colon}{pageHeading(prev.page, lang)}
          </Link>
        ) : (
          <Link to="/" rel="prev" className="prev">
            ← {s.home}
          </Link>
        )}
        {next && (
          <Link to={next.path} rel="next" className="next">
            {s.next}{colon}{pageHeading(next.page, lang)} →
          </Link>
        )}
      </nav>
    </Layout>
  );
}
