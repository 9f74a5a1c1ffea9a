import { useEffect, useRef, useState } from 'react';
import { defineStrings, useStrings } from './i18n';
import './UpdatePrompt.css';

const S = defineStrings({
  ja: {
    newVersion: '新しい版が公開されています。再読み込みすると切り替わります（学習中の結果は消えます）。',
    reload: '再読み込み',
    later: 'あとで',
    offlineReady: 'このサイトはオフラインでも読めるようになりました。',
    close: '閉じる',
  },
  en: {
    newVersion: 'A new version has been published. Reload to switch to it (a running training will be lost).',
    reload: 'Reload',
    later: 'Later',
    offlineReady: 'This site now works offline too.',
    close: 'Close',
  },
});

type Update = (reloadPage?: boolean) => Promise<void>;

/**
 * Lets the waiting build take over; workbox reloads the page once it controls it. If that
 * signal never comes (a page the old worker did not control), reload anyway after a moment.
 */
function reloadInto(update: Update | null) {
  void update?.(true);
  window.setTimeout(() => window.location.reload(), 3000);
}

/**
 * Registers the service worker (production builds only: main.tsx renders this only then) and
 * tells the reader when a new build is waiting. The new build never takes over by itself, so
 * a training run in progress is not cut off; the reader chooses when to reload.
 */
export function UpdatePrompt() {
  const s = useStrings(S);
  const [update, setUpdate] = useState<Update | null>(null);
  const [needRefresh, setNeedRefresh] = useState(false);
  const [offlineReady, setOfflineReady] = useState(false);
  // "Later" holds for the rest of this visit: the same waiting build can be announced more
  // than once (an update check right after the first), and the reader has already answered.
  const postponed = useRef(false);

  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    let alive = true;
    import('virtual:pwa-register')
      .then(({ registerSW }) => {
        if (!alive) return;
        const updateSW = registerSW({
          immediate: true,
          onNeedRefresh: () => alive && !postponed.current && setNeedRefresh(true),
          onOfflineReady: () => alive && setOfflineReady(true),
        });
        setUpdate(() => updateSW);
      })
      .catch(() => {
        // No service worker: the site still works online; nothing to tell the reader.
      });
    return () => {
      alive = false;
    };
  }, []);

  if (needRefresh) {
    return (
      <div className="update-prompt" role="alert" data-testid="update-prompt">
        <span>{s.newVersion}</span>
        <div className="update-prompt-actions">
          <button type="button" className="primary" onClick={() => reloadInto(update)} data-testid="update-reload">
            {s.reload}
          </button>
          <button
            type="button"
            onClick={() => {
              postponed.current = true;
              setNeedRefresh(false);
            }}
          >
            {s.later}
          </button>
        </div>
      </div>
    );
  }
  if (offlineReady) {
    // A quiet line under the footer, not a floating card: it must never cover a control.
    return (
      <p className="offline-ready" role="status" data-testid="offline-ready">
        {s.offlineReady}{' '}
        <button type="button" onClick={() => setOfflineReady(false)}>
          {s.close}
        </button>
      </p>
    );
  }
  return null;
}
