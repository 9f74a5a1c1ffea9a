import { lazy, Suspense, useEffect, useRef, useState, type ComponentType, type Ref } from 'react';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { defineStrings, useStrings } from '../../app/i18n';

const S = defineStrings({
  ja: { failed: 'このウィジェットを読み込めませんでした。接続を確認して、ページを再読み込みしてください。', reload: '再読み込み' },
  en: { failed: 'This widget could not be loaded. Check the connection and reload the page.', reload: 'Reload' },
});

/** How far from the screen a widget's place is when its code starts to download. */
const AHEAD = '600px';

/**
 * A widget whose code downloads only when its place on the page comes near the screen, so that
 * a page's first load carries what the reader sees first (the first-load budgets in
 * tests/e2e/budgets.spec.ts). Until then an empty frame of about the widget's height holds its
 * place and its anchor (`#widget-<name>`): a link to the widget scrolls there, which starts the
 * download. A failed download says so, with a reload (the browser keeps a failed module's
 * address as failed until the page reloads; the settings live in the address, so nothing is
 * lost). `minHeight`: about the widget's height at
 * 1280 px, so that little moves when it arrives.
 */
export function loadNear(name: string, minHeight: number, load: () => Promise<ComponentType>): ComponentType {
  const Loaded = lazy(async () => ({ default: await load() }));
  const placeholder = (ref?: Ref<HTMLElement>) => (
    <section ref={ref} className="widget" id={`widget-${name}`} data-widget-pending={name} aria-busy="true" style={{ minHeight }} />
  );

  function Failed() {
    const s = useStrings(S);
    return (
      <section className="widget" id={`widget-${name}`}>
        <p className="error-msg" role="alert">
          {s.failed}{' '}
          <button type="button" onClick={() => window.location.reload()}>
            {s.reload}
          </button>
        </p>
      </section>
    );
  }

  return function NearScreen() {
    const [near, setNear] = useState(false);
    const place = useRef<HTMLElement>(null);
    useEffect(() => {
      const node = place.current;
      if (near || !node) return;
      const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: AHEAD });
      observer.observe(node);
      return () => observer.disconnect();
    }, [near]);
    if (!near) return placeholder(place);
    return (
      <ErrorBoundary fallback={() => <Failed />}>
        <Suspense fallback={placeholder()}>
          <Loaded />
        </Suspense>
      </ErrorBoundary>
    );
  };
}
