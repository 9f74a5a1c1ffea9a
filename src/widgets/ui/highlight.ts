/**
 * highlight.js with TypeScript only, loaded the first time a reader opens "show the code", so
 * pages do not download it up front (about 11 KB gzip).
 */
import hljs from 'highlight.js/lib/core';
import typescript from 'highlight.js/lib/languages/typescript';

hljs.registerLanguage('typescript', typescript);

/** HTML of highlighted TypeScript; highlight.js escapes the source text itself. */
export function highlightTs(code: string): string {
  return hljs.highlight(code, { language: 'typescript' }).value;
}
