import { useState } from 'react';
import { Link } from 'react-router';
import { defineStrings, useStrings } from '../../app/i18n';
import { useLang } from '../../state/lang';
import { ch01 } from '../../../chapters/ch01/index';
import { InlineCode } from '../ui/InlineCode';
import { Widget } from '../ui/Widget';
import { CHECKLIST, itemHref, loadChecked, saveChecked } from './items';
import './Checklist.css';

const S = defineStrings({
  ja: {
    title: '第 1 章のチェックリスト',
    intro: '印はこのブラウザに保存され、次に開いたときも残っています。',
    progress: (n: number, total: number) => `${total} 項目中 ${n} 項目`,
    tryIt: '試す',
    clear: '印をすべて外す',
    done: 'すべて確認できました。第 2 章（自然言語と単語の分散表現）に進む準備ができています。',
  },
  en: {
    title: 'Checklist for chapter 1',
    intro: 'Your ticks are kept in this browser, so they are still here next time.',
    progress: (n: number, total: number) => `${n} of ${total}`,
    tryIt: 'Try it',
    clear: 'Clear all ticks',
    done: 'All checked: you are ready for chapter 2 (natural language and distributed representations of words).',
  },
});

const storage = () => (typeof window === 'undefined' ? undefined : window.localStorage);

/** §1.6: the chapter's ideas, grouped by section, each with a tick box and a link to its widget. */
export function Checklist() {
  const s = useStrings(S);
  const lang = useLang((st) => st.lang);
  const [checked, setChecked] = useState(() => loadChecked(storage()));

  function toggle(id: string) {
    const next = new Set(checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChecked(next);
    saveChecked(storage(), next);
  }

  function clear() {
    setChecked(new Set());
    saveChecked(storage(), new Set());
  }

  const groups = ch01.pages.filter((sec) => CHECKLIST.some((i) => i.section === sec.id));
  return (
    <Widget name="checklist" title={s.title} data={{ 'data-checked': String(checked.size), 'data-total': String(CHECKLIST.length) }}>
      <p className="w-note">{s.intro}</p>
      <p className="cl-progress" role="status">
        <progress value={checked.size} max={CHECKLIST.length} aria-hidden="true" /> <span data-testid="checklist-progress">{s.progress(checked.size, CHECKLIST.length)}</span>
      </p>
      {groups.map((sec) => (
        <section key={sec.id} className="cl-group" aria-labelledby={`cl-${sec.id}`}>
          <h4 id={`cl-${sec.id}`}>
            {sec.number} {sec.title[lang]}
          </h4>
          <ul className="cl-list">
            {CHECKLIST.filter((i) => i.section === sec.id).map((item) => (
              <li key={item.id} data-item={item.id} className={checked.has(item.id) ? 'on' : undefined}>
                <label>
                  <input type="checkbox" checked={checked.has(item.id)} onChange={() => toggle(item.id)} />
                  <span>
                    <InlineCode text={item.text[lang]} />
                  </span>
                </label>
                <Link className="cl-link" to={itemHref(item)} aria-label={`${s.tryIt}: ${item.text[lang].replaceAll('`', '')}`}>
                  {s.tryIt} →
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {checked.size === CHECKLIST.length && <p className="cl-done">{s.done}</p>}
      <button type="button" onClick={clear} disabled={checked.size === 0}>
        {s.clear}
      </button>
    </Widget>
  );
}
