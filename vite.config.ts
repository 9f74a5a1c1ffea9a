import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import mdx from '@mdx-js/rollup';
import remarkMath from 'remark-math';
import remarkGfm from 'remark-gfm';
import rehypeKatex from 'rehype-katex';
import type { PageRef } from './chapters/index';
import { cspHeaders, cspMeta, offline } from './src/sw/vitePlugins';
import { keptWidgets } from './src/app/keptWidgetsPlugin';
import { sharedPageImports } from './src/app/routePreloads';
import { execFileSync } from 'node:child_process';

// The WebAssembly kernels' module (src/nn/simdModule.generated.ts) is built from wasm/*.ts; a
// no-op when it is up to date. Here too, so `npx vite` and `npx vite build` work straight after a
// checkout whose install skipped the prepare script.
execFileSync(process.execPath, ['scripts/build-wasm.mjs'], { stdio: 'inherit' });

/**
 * Clean paths (/ch01/1-3#graph) on any static file server: after the build, write a copy of
 * index.html at every page of the chapter registry with that page's <title>, plus a 404.html.
 * The client router takes over from there.
 */
function routePages(pages: PageRef[], heading: (ref: PageRef) => string): Plugin {
  let base = '/';
  return {
    name: 'dlfs2-route-pages',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (!index || index.type !== 'asset') return;
      const html = String(index.source);
      const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
      for (const ref of pages) {
        // the page's own chunks (widgets, the lab) download beside the main script (routePreloads.ts)
        const preloads = sharedPageImports(chunks, `/chapters/${ref.chapter.id}/${ref.page.id}`)
          .map((f) => `<link rel="modulepreload" crossorigin href="${base}${f}">`)
          .join('');
        this.emitFile({
          type: 'asset',
          fileName: `${ref.path.slice(1)}/index.html`,
          source: html.replace(/<title>[^<]*<\/title>/, `<title>${heading(ref)} — DLFS2 Companion</title>`).replace('</head>', `${preloads}</head>`),
        });
      }
      this.emitFile({ type: 'asset', fileName: '404.html', source: html });
    },
  };
}

/**
 * `vite preview` answers a page's clean path (/ch01/1-4?lr=0.5) with that page's own index.html,
 * as a static file server does, not with the root one (its SPA fallback): the benchmarks and the
 * browser tests then load pages as readers do, with each page's title and script preloads.
 */
function routePagesPreview(pages: PageRef[]): Plugin {
  return {
    name: 'dlfs2-route-pages-preview',
    configurePreviewServer(server) {
      const base = server.config.base.replace(/\/$/, '');
      const paths = new Set(pages.map((ref) => `${base}${ref.path}`));
      server.middlewares.use((req, _res, next) => {
        const [path, query] = (req.url ?? '').split(/\?(.*)/s, 2);
        if (paths.has(path)) req.url = `${path}/index.html${query ? `?${query}` : ''}`;
        next();
      });
    },
  };
}

export default defineConfig(async (): Promise<UserConfig> => {
  // Test-only: CHAPTER_FIXTURE=1 also registers the fixture chapter (see chapters/index.ts).
  // The registry reads the switch when it loads, so it is set before the registry is imported.
  const chapterFixture = process.env.CHAPTER_FIXTURE === '1';
  Object.assign(globalThis, { __CHAPTER_FIXTURE__: chapterFixture });
  const { allPages, chaptersLabel, pageHeading } = await import('./chapters/index');
  return {
    // BASE_PATH=/dlfs2-companion/ npm run build  → a site served from a sub-path.
    base: process.env.BASE_PATH ?? '/',
    define: { __CHAPTER_FIXTURE__: JSON.stringify(chapterFixture) },
    plugins: [
      keptWidgets(), // every widget a page imports survives the language switch (src/app/KeptWidgets.tsx)
      {
        enforce: 'pre',
        ...mdx({
          remarkPlugins: [remarkGfm, remarkMath],
          rehypePlugins: [rehypeKatex],
          providerImportSource: '@mdx-js/react',
        }),
      },
      react({ include: /\.(mdx|js|jsx|ts|tsx)$/ }),
      routePages(allPages(), (ref) => `${pageHeading(ref.page, 'ja')} / ${pageHeading(ref.page, 'en')}`),
      routePagesPreview(allPages()),
      cspMeta(), // CSP <meta> in every emitted page, headers from dev/preview
      cspHeaders(),
      offline(chaptersLabel()),
    ],
    worker: { format: 'es' },
    build: {
      target: 'es2022',
      // kB of minified JS. One chunk is larger than Vite's default of 500 on purpose: Plotly's
      // basic bundle (1,150 kB as built, about 380 kB gzipped), loaded lazily and only by pages that
      // chart. Just above it, so any other chunk past 1,200 kB still warns.
      chunkSizeWarningLimit: 1200,
    },
    server: { port: Number(process.env.PORT ?? 5173) },
    preview: { port: Number(process.env.PORT ?? 4173) },
  };
});
