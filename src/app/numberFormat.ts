import type { Lang } from '../state/lang';

/**
 * Whole numbers with digit grouping in the page's language (4,323,264), never in the browser's
 * own locale: a German browser would print 4.323.264 on an English page, and a page's numbers
 * should read the same for every reader of that page. Japanese and English both group by
 * thousands with a comma; keeping one formatter per language leaves room for one that differs.
 */
const GROUPED: Record<Lang, Intl.NumberFormat> = {
  ja: new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
};

/** `n` with thousands grouped for `lang`, e.g. `groupDigits(4323264, 'en')` → `4,323,264`. */
export function groupDigits(n: number, lang: Lang): string {
  return GROUPED[lang].format(n);
}
