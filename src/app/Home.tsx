import { useEffect } from 'react';
import { Link } from 'react-router';
import { CHAPTERS, chapterLabel, chaptersLabel, pagePath } from '../../chapters/index';
import { useLang } from '../state/lang';
import { Layout } from './Layout';
import { NumberedTitle } from './NumberedTitle';
import { shellStrings, useStrings } from './i18n';

/** The home page: what the companion is, and every registered chapter's outline. */
export function Home() {
  const s = useStrings(shellStrings);
  const lang = useLang((st) => st.lang);
  const covered = chaptersLabel()[lang];
  useEffect(() => {
    document.title = `${s.siteTitle} — ${covered}`;
  });
  return (
    <Layout>
      <h1>{s.siteTitle}</h1>
      <p className="lead">{s.siteSubtitle(covered)}</p>
      <p>{s.homeIntro}</p>
      <div data-testid="outline">
        {CHAPTERS.map((ch) => (
          <section key={ch.id} data-chapter={ch.id}>
            <h2>
              {chapterLabel(ch)[lang]} {ch.title[lang]}
            </h2>
            <ol className="outline">
              {ch.pages.map((page) => (
                <li key={page.id}>
                  <Link to={pagePath(ch, page)} className="outline-section">
                    <NumberedTitle item={page} />
                  </Link>
                  {page.subsections.length > 0 && (
                    <ul>
                      {page.subsections.map((sub) => (
                        <li key={sub.id}>
                          <Link to={`${pagePath(ch, page)}#${sub.id}`}>
                            <NumberedTitle item={sub} />
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </Layout>
  );
}
