import { useLang, type Bilingual } from '../state/lang';

/** A page's or subsection's title in the reader's language, after its book number when it has one. */
export function NumberedTitle({ item, numberClass = 'sec-number' }: { item: { number?: string; title: Bilingual }; numberClass?: string }) {
  const lang = useLang((s) => s.lang);
  return (
    <>
      {item.number && <span className={numberClass}>{item.number}</span>}
      {item.number && ' '}
      {item.title[lang]}
    </>
  );
}
