/**
 * Build-side hardening, kept out of vite.config.ts so that file stays short:
 * - `cspMeta()`: the Content-Security-Policy as a <meta> in index.html at build time (the
 *   route copies and 404.html are made from it afterwards, so every emitted page has it);
 * - `cspHeaders()`: the same policy as an HTTP header from `vite preview`, and a dev variant
 *   from `vite` (Vite's dev server needs an inline script, so dev gets no <meta>);
 * - `offline()`: the service worker that precaches the build (vite-plugin-pwa, workbox).
 */
import type { Plugin, PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import type { Bilingual } from '../state/lang';
import { contentSecurityPolicy } from './csp';

export function cspMeta(): Plugin {
  return {
    name: 'dlfs2-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy('meta') },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export function cspHeaders(): Plugin {
  return {
    name: 'dlfs2-csp-headers',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        res.setHeader('Content-Security-Policy', contentSecurityPolicy('dev', req.headers.host));
        next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', contentSecurityPolicy('header'));
        next();
      });
    },
  };
}

/**
 * Offline after the first visit: workbox precaches every file of the build (Plotly and the
 * KaTeX woff2 fonts included) and answers every navigation with the app shell, so each route
 * opens without a network (the route pages of every registered chapter are files of the build,
 * so they are precached too). `chapters` names the chapters in the web manifest.
 * `registerType: 'prompt'`: a new build waits until the reader chooses to reload
 * (src/app/UpdatePrompt.tsx), so a training run is never cut off.
 * Registration happens only in production builds (src/main.tsx imports the prompt only then).
 */
export function offline(chapters: Bilingual): PluginOption {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    filename: 'sw.js',
    manifest: {
      name: `DLFS2 Companion — ゼロから作るDeep Learning ❷ ${chapters.ja}`,
      short_name: 'DLFS2',
      description: `An interactive companion to ${chapters.en.toLowerCase()} of Deep Learning from Scratch 2`,
      lang: 'ja',
      theme_color: '#1f4e79',
      background_color: '#ffffff',
      display: 'standalone',
      icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      // woff2 only: every browser that runs the lab reads woff2, so the woff/ttf copies KaTeX's
      // CSS also lists are never fetched and need not be stored.
      globPatterns: ['**/*.{js,css,html,svg,woff2,webmanifest,json,png,ico}'],
      // Plotly is one ~1.5 MB chunk; the default 2 MiB limit is too close for comfort.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      navigateFallback: 'index.html',
      // The first visit's page is taken over at once, so the reader's first page already gets
      // the "new version" flow (workbox reloads on `controlling`) without a manual reload.
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      // Lab settings live in the query: any query still maps to the precached file.
      ignoreURLParametersMatching: [/.*/],
    },
  });
}
