import { useEffect } from 'react';
import { Link } from 'react-router';
import { chapter, sections, sectionPath } from '../../chapters/ch01/index';
import { Layout } from './Layout';
import { shellStrings, useBilingual, useStrings } from './i18n';

export function Home() {
  const s = useStrings(shellStrings);
  const pick = useBilingual();
  useEffect(() => {
    document.title = `${s.siteTitle} — ${s.chapter} ${pick(chapter.title)}`;
  });
  return (
    <Layout>
      <h1>{s.siteTitle}</h1>
      <p className="lead">{s.siteSubtitle}</p>
      <p>{s.homeIntro}</p>
      <h2>
        {s.chapter} {pick(chapter.title)}
      </h2>
      <ol className="outline" data-testid="outline">
        {sections.map((sec) => (
          <li key={sec.id}>
            <Link to={sectionPath(sec.id)} className="outline-section">
              <span className="sec-number">{sec.number}</span> {pick(sec.title)}
            </Link>
            <ul>
              {sec.subsections.map((sub) => (
                <li key={sub.id}>
                  <Link to={`${sectionPath(sec.id)}#${sub.id}`}>
                    <span className="sec-number">{sub.number}</span> {pick(sub.title)}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </Layout>
  );
}
