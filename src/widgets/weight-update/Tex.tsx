import { useEffect, useMemo, useRef, useState } from 'react';

type Katex = typeof import('katex').default;

/** Set once KaTeX's JS has arrived: later formulas typeset at once. */
let katexModule: Katex | null = null;
let loading: Promise<Katex> | undefined;

/** KaTeX's JS (about 75 KB gzipped), downloaded once per page; a failed download is tried again by the next formula. */
function loadKatex(): Promise<Katex> {
  loading ??= import('katex').then(
    (m) => (katexModule = m.default),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** How far below the screen a formula starts the download, so it is typeset before it is seen. */
const AHEAD = '300px';

/**
 * A formula typeset by KaTeX inside a widget (MDX prose uses $…$, typeset at build time). The
 * pages load KaTeX's JS only when a formula comes near the screen; until then, and if it cannot
 * be downloaded, the formula shows as its TeX source. KaTeX builds plain HTML from our own
 * constant TeX strings; throwOnError is off so a typo shows as red text, never a crashed widget.
 */
export function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const [katex, setKatex] = useState<Katex | null>(katexModule);
  const pending = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const node = pending.current;
    if (katex || !node) return;
    let alive = true;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        loadKatex().then(
          (k) => alive && setKatex(k),
          () => undefined, // the TeX source stays readable
        );
      },
      { rootMargin: AHEAD },
    );
    observer.observe(node);
    return () => {
      alive = false;
      observer.disconnect();
    };
  }, [katex]);

  const html = useMemo(() => katex?.renderToString(tex, { throwOnError: false, displayMode: display }), [katex, tex, display]);
  if (html === undefined) {
    return (
      <span ref={pending} className="tex tex-source">
        {tex}
      </span>
    );
  }
  return <span className="tex" dangerouslySetInnerHTML={{ __html: html }} />;
}
