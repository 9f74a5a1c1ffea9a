/**
 * First-load JavaScript of every route (home, each page, the 404 page) in both languages.
 *
 * Builds the site into a folder of its own, serves it with `vite preview`, opens each route in
 * Debian's Chromium with an empty cache and service workers blocked (so only what the page
 * itself needs to render is counted, not the offline precache), and sums the gzip size (zlib
 * level 9, as a static server would send it) of every JavaScript file the page downloaded. It
 * also says whether Plotly was among them. tests/e2e/budgets.spec.ts checks the same sums
 * against {@link BUDGET_KB}.
 *
 *   npm run --silent bench -- bundle              # build + measure
 *   npm run --silent bench -- bundle --no-build   # measure the last bench build again
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { benchDir, benchPort, buildSite, launchChromium, serveSite, siteRoutes } from './util';

/**
 * Gzipped JS a first load may download, in KB of 1,000 bytes: a page without a chart, and a page
 * with Plotly charts (Plotly's basic bundle alone is about 380 KB; the shell about 95 KB).
 */
export const BUDGET_KB = { text: 150, chart: 600 } as const;

export interface JsFile {
  name: string;
  raw: number;
  gzip: number;
}

export interface FirstLoad {
  route: string;
  lang: string;
  files: JsFile[];
  rawKB: number;
  gzipKB: number;
  plotly: boolean;
}

/**
 * Opens `url` in `page` and collects every JavaScript file it downloads until the page has
 * settled: its heading is shown, no "loading…" placeholder is left (prose, widgets, lazily
 * loaded charts), and the network has been idle.
 */
export async function firstLoadJs(page: Page, url: string): Promise<JsFile[]> {
  const files: JsFile[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (!path.endsWith('.js') && !path.endsWith('.mjs')) return;
    pending.push(
      res.body().then(
        (body) => void files.push({ name: path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
        () => undefined,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForSelector('main h1', { timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  return files;
}

/** True when one of the files is the Plotly bundle. */
export const loadsPlotly = (files: JsFile[]) => files.some((f) => /plotly/i.test(f.name));

/** Measures every route in both languages against a running server. */
export async function measure(browser: Browser, base: string): Promise<FirstLoad[]> {
  const results: FirstLoad[] = [];
  for (const route of await siteRoutes()) {
    for (const lang of ['ja', 'en']) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const files = await firstLoadJs(await context.newPage(), `${base}${route}?lang=${lang}`);
      const sum = (k: 'raw' | 'gzip') => files.reduce((a, f) => a + f[k], 0) / 1000;
      results.push({ route, lang, files, rawKB: sum('raw'), gzipKB: sum('gzip'), plotly: loadsPlotly(files) });
      await context.close();
    }
  }
  return results;
}

/** Build, serve, measure, stop the server; prints one line per page and returns the figures. */
export async function bundleBench(opts: { build?: boolean; port?: number } = {}): Promise<FirstLoad[]> {
  const out = benchDir('bundle');
  if (opts.build !== false) buildSite(out);
  const server = await serveSite(out, opts.port ?? benchPort([], 4502));
  const browser = await launchChromium();
  try {
    const results = await measure(browser, server.base);
    for (const r of results) {
      const budget = r.plotly ? BUDGET_KB.chart : BUDGET_KB.text;
      const verdict = r.gzipKB <= budget ? 'within' : 'OVER';
      console.log(
        `bundle: first load of ${r.route}?lang=${r.lang}: ${r.gzipKB.toFixed(1)} KB gzip JS (${r.rawKB.toFixed(1)} KB raw, ${r.files.length} files), ${verdict} the ${budget} KB budget; Plotly ${r.plotly ? 'LOADED' : 'not loaded'}`,
      );
    }
    const largest = results[0]?.files.slice().sort((a, b) => b.gzip - a.gzip).slice(0, 5) ?? [];
    for (const f of largest) console.log(`bundle:   ${(f.gzip / 1000).toFixed(1).padStart(6)} KB gzip  ${f.name}`);
    return results;
  } finally {
    await browser.close();
    server.stop();
  }
}

/** `npm run bench -- bundle [--no-build] [--port N]` (bench/index.ts). */
export async function run(args: string[]): Promise<void> {
  await bundleBench({ build: !args.includes('--no-build'), port: benchPort(args, 4502) });
}
