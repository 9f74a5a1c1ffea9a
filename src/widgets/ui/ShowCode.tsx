import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { extractDeclaration } from './source';
import { useColon } from '../../app/punctuation';

type Highlighter = (code: string) => string;
let highlighter: Promise<Highlighter> | undefined;
/** The highlighter module, fetched once on first use (a failed fetch is retried next time). */
function loadHighlighter(): Promise<Highlighter> {
  highlighter ??= import('./highlight').then(
    (m) => m.highlightTs,
    (e: unknown) => {
      highlighter = undefined;
      throw e;
    },
  );
  return highlighter;
}

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
  const colon = useColon();
  const code = useMemo(() => {
    const parts = names ? names.map((n) => extractDeclaration(source, n) ?? `// ${n}: not found in ${path}`) : [source];
    return parts.join('\n\n');
  }, [source, names, path]);
  const [open, setOpen] = useState(false);
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    // until (or if never) the highlighter arrives, the plain text is shown
    loadHighlighter().then(
      (highlight) => live && setHtml(highlight(code)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [open, code]);
  return (
    <details className="show-code" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {s.show}
        {what && <>{colon}<code>{what}</code></>}
      </summary>
      <p className="book-counterpart">
        {s.book} {book}
      </p>
      <div className="code-path">
        {s.file}{colon}<code>{path}</code>
      </div>
      {/* highlight.js escapes the source text; the HTML it returns holds only its own spans */}
      <pre>
        {html === null ? <code className="language-typescript">{code}</code> : <code className="hljs language-typescript" dangerouslySetInnerHTML={{ __html: html }} />}
      </pre>
    </details>
  );
}
