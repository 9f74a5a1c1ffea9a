import { useMemo, type ReactNode } from 'react';
import hljs from 'highlight.js/lib/core';
import typescript from 'highlight.js/lib/languages/typescript';
import { defineStrings, useStrings } from '../../app/i18n';
import { extractDeclaration } from './source';

hljs.registerLanguage('typescript', typescript);

const S = defineStrings({
  ja: { show: 'このウィジェットが実行しているコードを見る', book: '本の Python では：', file: 'ファイル' },
  en: { show: 'Show the code this widget runs', book: 'In the book’s Python:', file: 'File' },
});

interface Props {
  /** The file's text, imported with `?raw` so it is the code that runs. */
  source: string;
  /** Path shown to the reader, e.g. `src/nn/layers.ts`. */
  path: string;
  /** Declarations to show (in order); all of the file when omitted. */
  names?: string[];
  /** The book's Python counterpart, e.g. `common/layers.py: class Affine`. */
  book: ReactNode;
  /** Added to the summary when a widget has more than one (e.g. `SGD`), so readers can tell them apart. */
  what?: string;
}

/**
 * "Show the code": reveals the TypeScript a widget runs from src/nn, highlighted, with a note
 * naming the book's Python counterpart. Collapsed by default, so it costs nothing until opened.
 */
export function ShowCode({ source, path, names, book, what }: Props) {
  const s = useStrings(S);
  const html = useMemo(() => {
    const parts = names ? names.map((n) => extractDeclaration(source, n) ?? `// ${n}: not found in ${path}`) : [source];
    return hljs.highlight(parts.join('\n\n'), { language: 'typescript' }).value;
  }, [source, names, path]);
  return (
    <details className="show-code">
      <summary>
        {s.show}
        {what && <>: <code>{what}</code></>}
      </summary>
      <p className="book-counterpart">
        {s.book} {book}
      </p>
      <div className="code-path">
        {s.file}: <code>{path}</code>
      </div>
      {/* highlight.js escapes the source text; the HTML it returns holds only its own spans */}
      <pre>
        <code className="hljs language-typescript" dangerouslySetInnerHTML={{ __html: html }} />
      </pre>
    </details>
  );
}
