/**
 * The site's Content-Security-Policy, in one place: the build's <meta>, the preview server's
 * header, the dev server's header and public/_headers all come from here (a unit test keeps
 * public/_headers in step).
 *
 * Why each source is there:
 * - script-src 'self': every script is one of our own files; no inline script, no eval
 *   (Plotly's bundle only touches `Function` in fallbacks that never run in a modern browser;
 *   the e2e tests listen for `securitypolicyviolation` to prove it).
 * - script-src 'wasm-unsafe-eval': compiling WebAssembly, and nothing else (JavaScript eval
 *   stays blocked). src/nn's SIMD kernels are a WebAssembly module built from our own sources
 *   and shipped inside our own scripts; without this keyword the browser refuses to compile it
 *   and the kernels fall back to TypeScript (same numbers, slower).
 * - style-src 'unsafe-inline': Plotly and KaTeX set inline styles and Plotly adds a <style>.
 * - img-src data: blob: — Plotly draws heatmaps to a canvas and shows them as data: images.
 * - font-src data: — Vite inlines the smallest KaTeX fonts as data: URLs.
 * - worker-src 'self': the training worker and the service worker are our own files.
 */
export type CspMode = 'meta' | 'header' | 'dev';

const base: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/**
 * The policy text for one delivery:
 * - 'meta': in every HTML file of the build. `frame-ancestors` is left out because browsers
 *   ignore it in a <meta> (and Chromium logs an error saying so).
 * - 'header': the same policy as an HTTP header (vite preview, public/_headers); a header also
 *   governs workers, which a <meta> does not.
 * - 'dev': the dev server's header. Vite's dev server injects an inline script (React refresh
 *   preamble) and talks to the page over a WebSocket on its own host (`devHost`), so it allows
 *   inline scripts and that socket;
 *   eval and remote hosts stay blocked, so most mistakes still show up during development.
 */
export function contentSecurityPolicy(mode: CspMode, devHost?: string): string {
  const d: Record<string, string[]> = { ...base };
  if (mode !== 'meta') d['frame-ancestors'] = ["'self'"];
  if (mode === 'dev') {
    d['script-src'] = ["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'"];
    d['connect-src'] = ["'self'", devHost ? `ws://${devHost}` : 'ws:'];
  }
  return Object.entries(d)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}
