/**
 * First-load JavaScript of a chart-free page (issue 4: at most ~150 KB gzip).
 *
 * Builds the site into a temporary directory (dist/ is shared with others), serves it with
 * `vite preview`, opens /ch01/1-1 and /ch01/1-2 in Debian's Chromium with an empty cache and
 * service workers blocked (so only what the page itself needs to render is counted, not the
 * offline precache), and sums the gzip size (zlib level 9, as a static server would send it) of
 * every JavaScript file the page downloaded. It also says whether Plotly was among them.
 *
 *   npx tsx bench/bundle.ts            # build + measure
 *   npx tsx bench/bundle.ts --no-build # measure the last bench build again
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';

export const BUDGET_KB = 150;
const PORT = Number(process.env.BENCH_PORT ?? 4502);
const OUT = join(tmpdir(), 'dlfs2-bundle-bench');
/** Every route a reader can open first: home, each registered page, and an unknown path (the 404 page). */
async function routes(): Promise<string[]> {
  // The chapter registry reads its test-only switch when it loads: off, as in a normal build.
  Object.assign(globalThis, { __CHAPTER_FIXTURE__: false });
  const { allPages } = await import('../chapters/index');
  return ['/', ...allPages().map((r) => r.path), '/no-such-page'];
}

export interface FirstLoad {
  route: string;
  lang: string;
  files: { name: string; raw: number; gzip: number }[];
  rawKB: number;
  gzipKB: number;
  plotly: boolean;
}

function build(): void {
  mkdirSync(OUT, { recursive: true });
  execFileSync('npx', ['vite', 'build', '--outDir', OUT, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
}

async function waitForServer(url: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`preview server did not start on ${url}`);
}

/** Measures every route in both languages against a running server. */
export async function measure(base: string): Promise<FirstLoad[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  const results: FirstLoad[] = [];
  try {
    for (const route of await routes()) {
      for (const lang of ['ja', 'en']) {
        const context = await browser.newContext({ serviceWorkers: 'block' });
        const page = await context.newPage();
        const files: FirstLoad['files'] = [];
        const pending: Promise<void>[] = [];
        page.on('response', (res) => {
          const url = new URL(res.url());
          if (!url.pathname.endsWith('.js') && !url.pathname.endsWith('.mjs')) return;
          pending.push(
            res.body().then(
              (body) => void files.push({ name: url.pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
              () => undefined,
            ),
          );
        });
        await page.goto(`${base}${route}?lang=${lang}`, { waitUntil: 'networkidle' });
        await page.waitForSelector('main h1', { timeout: 30_000 });
        // prose, widgets and lazily loaded charts: wait until no "loading…" placeholder is left
        await page.waitForFunction(() => !document.querySelector('.loading'), undefined, { timeout: 60_000 });
        await page.waitForLoadState('networkidle');
        await Promise.all(pending);
        const sum = (k: 'raw' | 'gzip') => files.reduce((a, f) => a + f[k], 0) / 1024;
        results.push({ route, lang, files, rawKB: sum('raw'), gzipKB: sum('gzip'), plotly: files.some((f) => /plotly/i.test(f.name)) });
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** Build, serve, measure, stop the server; prints one line per page and returns the figures. */
export async function bundleBench(opts: { build?: boolean } = {}): Promise<FirstLoad[]> {
  if (opts.build !== false) build();
  const server = spawn('npx', ['vite', 'preview', '--outDir', OUT, '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`);
    const results = await measure(`http://127.0.0.1:${PORT}`);
    for (const r of results) {
      const verdict = r.gzipKB <= BUDGET_KB ? 'within' : 'OVER';
      console.log(
        `bundle: first load of ${r.route}?lang=${r.lang}: ${r.gzipKB.toFixed(1)} KB gzip JS (${r.rawKB.toFixed(1)} KB raw, ${r.files.length} files), ${verdict} the ${BUDGET_KB} KB budget; Plotly ${r.plotly ? 'LOADED' : 'not loaded'}`,
      );
    }
    const largest = results[0]?.files.slice().sort((a, b) => b.gzip - a.gzip).slice(0, 5) ?? [];
    for (const f of largest) console.log(`bundle:   ${(f.gzip / 1024).toFixed(1).padStart(6)} KB gzip  ${f.name}`);
    return results;
  } finally {
    // the preview server runs in its own process group: stop exactly that group
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

/** `npm run bench -- bundle [--no-build]` (bench/index.ts). */
export async function run(args: string[]): Promise<void> {
  await bundleBench({ build: !args.includes('--no-build') });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  bundleBench({ build: !process.argv.includes('--no-build') }).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
