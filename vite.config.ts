import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import mdx from '@mdx-js/rollup';
import remarkMath from 'remark-math';
import remarkGfm from 'remark-gfm';
import rehypeKatex from 'rehype-katex';
import { sections, chapter, sectionPath } from './chapters/ch01/index';
import { cspHeaders, cspMeta, offline } from './src/sw/vitePlugins';

/**
 * Clean paths (/ch01/1-3#graph) on any static file server: after the build, write a copy of
 * index.html at every route with that section's <title>, plus a 404.html. The client router
 * takes over from there.
 */
function routePages(): Plugin {
  return {
    name: 'dlfs2-route-pages',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (!index || index.type !== 'asset') return;
      const html = String(index.source);
      for (const s of sections) {
        const title = `${s.number} ${s.title.ja} / ${s.title.en} — DLFS2 Companion`;
        this.emitFile({
          type: 'asset',
          fileName: `${sectionPath(s.id).slice(1)}/index.html`,
          source: html.replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`),
        });
      }
      this.emitFile({ type: 'asset', fileName: '404.html', source: html });
      void chapter;
    },
  };
}

export default defineConfig({
  // BASE_PATH=/dlfs2-companion/ npm run build  → a site served from a sub-path.
  base: process.env.BASE_PATH ?? '/',
  plugins: [
    {
      enforce: 'pre',
      ...mdx({
        remarkPlugins: [remarkGfm, remarkMath],
        rehypePlugins: [rehypeKatex],
        providerImportSource: '@mdx-js/react',
      }),
    },
    react({ include: /\.(mdx|js|jsx|ts|tsx)$/ }),
    routePages(),
    cspMeta(), // issue 7: CSP <meta> in every emitted page, headers from dev/preview, offline SW
    cspHeaders(),
    offline(),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 5000, // Plotly is one large lazy chunk, loaded only by pages that chart
  },
  server: { port: Number(process.env.PORT ?? 5173) },
  preview: { port: Number(process.env.PORT ?? 4173) },
});
