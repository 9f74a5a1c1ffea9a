import { useMemo } from 'react';
import katex from 'katex';

/**
 * A formula typeset by KaTeX inside a widget (MDX prose uses $…$ instead). KaTeX builds plain
 * HTML from our own constant TeX strings; throwOnError is off so a typo shows as red text,
 * never a crashed widget.
 */
export function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const html = useMemo(() => katex.renderToString(tex, { throwOnError: false, displayMode: display }), [tex, display]);
  return <span className="tex" dangerouslySetInnerHTML={{ __html: html }} />;
}
