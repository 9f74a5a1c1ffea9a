import { defineStrings, useStrings } from './i18n';

/**
 * The colon between a label and its value, in the page's language: full-width in Japanese
 * (「損失：0.11」), a colon and a space in English ("Loss: 0.11"). Widgets that build
 * "label: value" out of separate pieces use this instead of a literal ": ".
 */
const PUNCTUATION = defineStrings({
  ja: { colon: '：', open: '（', close: '）' },
  en: { colon: ': ', open: ' (', close: ')' },
});

export function useColon(): string {
  return useStrings(PUNCTUATION).colon;
}

/**
 * Parentheses after a value, in the page's language: full-width and unspaced in Japanese
 * (「0.08（誤差 1e-8）」), a space and ASCII parentheses in English ("0.08 (error 1e-8)").
 * Widgets that put a remark in parentheses after a number use these instead of literal " (".
 */
export function useParens(): { open: string; close: string } {
  const { open, close } = useStrings(PUNCTUATION);
  return { open, close };
}
