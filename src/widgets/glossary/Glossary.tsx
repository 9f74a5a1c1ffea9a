import { Link, useLocation } from 'react-router';
import { GLOSSARY, type GlossaryEntry } from '../../../chapters/ch01/glossary';
import { pagePath } from '../../../chapters/index';
import { ch01 } from '../../../chapters/ch01/index';
import { defineStrings, useStrings } from '../../app/i18n';
import { useColon } from '../../app/punctuation';
import { useLang, type Lang } from '../../state/lang';
import { InlineCode } from '../ui/InlineCode';
import './glossary.css';

const S = defineStrings({
  ja: { explained: '説明', code: 'コードでは' },
  en: { explained: 'Explained in', code: 'In code' },
});

/** "1.1.3 Broadcasting" for an entry's anchor (or the subsection it sits in), else the page's own heading. */
function whereLabel(e: GlossaryEntry, lang: Lang): string {
  const section = ch01.pages.find((s) => s.id === e.where.section);
  if (!section) return e.where.section;
  const sub = section.subsections.find((s) => s.id === (e.where.under ?? e.where.anchor));
  return sub ? `${sub.number} ${sub.title[lang]}` : `${section.number ?? ''} ${section.title[lang]}`.trim();
}

/**
 * The glossary page's body: every term of the chapter, grouped by the section that first
 * explains it, in the page's language with the other language beside it, a one-line meaning
 * and a link to the explanation. Each entry's id is the anchor `<Term>` links to.
 */
export function Glossary() {
  const s = useStrings(S);
  const colon = useColon();
  const lang = useLang((st) => st.lang);
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  // The entry a <Term> link led to is marked (CSS :target misses elements rendered after load).
  const current = decodeURIComponent(useLocation().hash.slice(1));
  const groups = ch01.pages.filter((sec) => GLOSSARY.some((e) => e.where.section === sec.id));
  return (
    <div className="glossary" data-testid="glossary">
      {groups.map((sec) => (
        <section key={sec.id} className="glossary-group" aria-labelledby={`glossary-${sec.id}`}>
          <h2 id={`glossary-${sec.id}`}>
            {sec.number} {sec.title[lang]}
          </h2>
          <dl className="glossary-list">
            {GLOSSARY.filter((e) => e.where.section === sec.id).map((e) => (
              <div key={e.id} id={e.id} className={e.id === current ? 'glossary-entry current' : 'glossary-entry'} data-entry={e.id}>
                <dt>
                  <span lang={lang}>{e.term[lang]}</span>
                  {e.term[other] !== e.term[lang] && (
                    <span className="glossary-other" lang={other}>
                      {e.term[other]}
                    </span>
                  )}
                  {e.code && (
                    <span className="glossary-code">
                      <span className="visually-hidden">{s.code}{colon}</span>
                      <code>{e.code}</code>
                    </span>
                  )}
                </dt>
                <dd>
                  <InlineCode text={e.meaning[lang]} />{' '}
                  <Link className="glossary-where" to={`${pagePath(ch01, { id: e.where.section })}#${e.where.anchor}`}>
                    <span aria-hidden="true">→ </span>
                    <span className="visually-hidden">{s.explained}{colon}</span>
                    {whereLabel(e, lang)}
                  </Link>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
