import { test, expect } from './fixtures';
import { BUDGET_KB, firstLoadJs, loadsPlotly } from '../../bench/bundle';
import { siteRoutes } from '../../bench/util';

/**
 * First-load budgets: the gzipped JavaScript a reader's browser downloads to show a route, from
 * an empty cache and with the service worker blocked (so the offline precache is not counted).
 * Bytes are behaviour, not timing: they do not depend on the machine. Chart pages (Plotly) may
 * load BUDGET_KB.chart, every other page BUDGET_KB.text (1 KB = 1,000 bytes). bench/bundle.ts
 * prints the same sums for both languages.
 */

/** The routes that draw Plotly charts: the training lab (§1.4, and its compact form in §1.6) and the precision lab's boundaries (§1.5). */
const CHART_ROUTES = ['/ch01/1-4', '/ch01/1-5', '/ch01/1-6'];

test.use({ serviceWorkers: 'block' });

// Home, every page of the chapter registry, and the 404 page; in Japanese, whose prose chunks
// are the larger of the two languages.
for (const route of await siteRoutes()) {
  const chart = CHART_ROUTES.includes(route);
  const budget = chart ? BUDGET_KB.chart : BUDGET_KB.text;
  test(`${route} loads at most ${budget} KB of gzipped JS on a first visit${chart ? ' (a chart page: Plotly included)' : ', and no Plotly'}`, async ({ page }) => {
    test.setTimeout(120_000);
    const files = await firstLoadJs(page, `${route}?lang=ja`);
    const kb = files.reduce((a, f) => a + f.gzip, 0) / 1000;
    const largest = files
      .slice()
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 5)
      .map((f) => `${(f.gzip / 1000).toFixed(1)} KB ${f.name}`);
    expect(loadsPlotly(files), `Plotly loaded: ${largest.join(', ')}`).toBe(chart);
    expect(kb, `${kb.toFixed(1)} KB; largest: ${largest.join(', ')}`).toBeLessThanOrEqual(budget);
  });
}
