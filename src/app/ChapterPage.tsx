import { Suspense, useEffect, useLayoutEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { MDXProvider } from '@mdx-js/react';
import { findPage, neighbours, pageHeading } from '../../chapters/index';
import { useLang } from '../state/lang';
import { ErrorBoundary } from './ErrorBoundary';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { NumberedTitle } from './NumberedTitle';
import { mdxComponents } from './mdxComponents';
import { CurrentPage, pageComponents, pageKey } from './pageContent';
import { shellStrings, useStrings } from './i18n';

/** After the prose has rendered, bring the heading named in the address into view. */
function ScrollToHash() {
  const { hash } = useLocation();
  useLayoutEffect(() => {
    if (!hash) return;
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    el?.scrollIntoView();
  }, [hash]);
  return null;
}

/** One page of a registered chapter (`/<chapterId>/:page`), or the 404 for an unknown page. */
export function ChapterPage({ chapterId }: { chapterId: string }) {
  const { page: pageId } = useParams();
  const lang = useLang((s) => s.lang);
  const s = useStrings(shellStrings);
  const ref = findPage(chapterId, pageId);
  useEffect(() => {
    if (ref) document.title = `${pageHeading(ref.page, lang)} — ${s.siteTitle}`;
  });
  if (!ref) return <NotFound />;
  const { page } = ref;
  const Page = pageComponents[pageKey(ref, lang)];
  const { prev, next } = neighbours(ref);
  return (
    <Layout current={ref}>
      <article className="chapter-page" data-chapter={ref.chapter.id} data-section={page.id}>
        <h1>
          <NumberedTitle item={page} />
        </h1>
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
            <CurrentPage.Provider value={ref}>
              <MDXProvider components={mdxComponents}>{Page ? <Page /> : null}</MDXProvider>
            </CurrentPage.Provider>
            <ScrollToHash />
          </Suspense>
        </ErrorBoundary>
      </article>
      <nav className="prev-next" aria-label={`${s.previous} / ${s.next}`}>
        {prev ? (
          <Link to={prev.path} rel="prev" className="prev">
            ← {s.previous}: {pageHeading(prev.page, lang)}
          </Link>
        ) : (
          <Link to="/" rel="prev" className="prev">
            ← {s.home}
          </Link>
        )}
        {next && (
          <Link to={next.path} rel="next" className="next">
            {s.next}: {pageHeading(next.page, lang)} →
          </Link>
        )}
      </nav>
    </Layout>
  );
}
