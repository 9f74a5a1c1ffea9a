import { defineStrings, useStrings } from './i18n';

/**
 * The colon between a label and its value, in the page's language: full-width in Japanese
 * (「損失：0.11」), a colon and a space in English ("Loss: 0.11"). Widgets that build
 * "label: value" out of separate pieces use this instead of a literal ": ".
 */
const PUNCTUATION = defineStrings({ ja: { colon: '：' }, en: { colon: ': ' } });

export function useColon(): string {
  return useStrings(PUNCTUATION).colon;
}
