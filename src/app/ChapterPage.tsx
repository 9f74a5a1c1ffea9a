import { lazy, Suspense, useEffect, useLayoutEffect, type ComponentType } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { MDXProvider } from '@mdx-js/react';
import { sections, sectionPath, findSection } from '../../chapters/ch01/index';
import { useLang, type Lang } from '../state/lang';
import { ErrorBoundary } from './ErrorBoundary';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { mdxComponents } from './mdxComponents';
import { shellStrings, useBilingual, useStrings } from './i18n';

// One lazily loaded module per section and language: a page downloads only its own prose and
// the widgets it imports (Plotly stays out of pages that chart nothing).
const mdxModules = import.meta.glob<{ default: ComponentType }>('../../chapters/ch01/*.mdx');
const lazyPages = new Map<string, ComponentType>();

function pageComponent(id: string, lang: Lang): ComponentType | undefined {
  const key = `../../chapters/ch01/${id}.${lang}.mdx`;
  const load = mdxModules[key];
  if (!load) return undefined;
  let page = lazyPages.get(key);
  if (!page) {
    page = lazy(load);
    lazyPages.set(key, page);
  }
  return page;
}

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

export function ChapterPage() {
  const { section: id } = useParams();
  const lang = useLang((s) => s.lang);
  const s = useStrings(shellStrings);
  const pick = useBilingual();
  const section = findSection(id);
  useEffect(() => {
    if (section) document.title = `${section.number} ${pick(section.title)} — ${s.siteTitle}`;
  });
  if (!section) return <NotFound />;
  const Page = pageComponent(section.id, lang);
  const index = sections.indexOf(section);
  const prev = sections[index - 1];
  const next = sections[index + 1];
  return (
    <Layout section={section.id}>
      <article className="chapter-page" data-section={section.id}>
        <h1>
          <span className="sec-number">{section.number}</span> {pick(section.title)}
        </h1>
        <ErrorBoundary
          key={`${section.id}.${lang}`}
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
            <MDXProvider components={mdxComponents}>{Page ? <Page /> : null}</MDXProvider>
            <ScrollToHash />
          </Suspense>
        </ErrorBoundary>
      </article>
      <nav className="prev-next" aria-label={`${s.previous} / ${s.next}`}>
        {prev ? (
          <Link to={sectionPath(prev.id)} rel="prev" className="prev">
            ← {s.previous}: {prev.number} {pick(prev.title)}
          </Link>
        ) : (
          <Link to="/" rel="prev" className="prev">
            ← {s.home}
          </Link>
        )}
        {next && (
          <Link to={sectionPath(next.id)} rel="next" className="next">
            {s.next}: {next.number} {pick(next.title)} →
          </Link>
        )}
      </nav>
    </Layout>
  );
}
