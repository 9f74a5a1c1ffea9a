import { expect, type Page } from '@playwright/test';

/** Every page the site has: the home page and one per section. */
export const pages = ['/', '/ch01/1-1', '/ch01/1-2', '/ch01/1-3', '/ch01/1-4', '/ch01/1-5', '/ch01/1-6', '/ch01/glossary'];

/** True when the tests run against the dev server (no CSP meta, no service worker there). */
export const devServer = !!process.env.E2E_DEV;

/**
 * Waits until a page has rendered its prose and every chart on it has either drawn or shown
 * its error, scrolling to the bottom on the way so anything loaded on sight is loaded too.
 */
export async function settle(page: Page) {
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.chapter-page > .loading, article .loading').first()).toHaveCount(0, { timeout: 30_000 }).catch(() => {});
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
  });
  // Widgets that load near the screen have all been passed on the way down.
  await expect(page.locator('[data-widget-pending]')).toHaveCount(0, { timeout: 30_000 });
  // Charts: each .plot ends with Plotly's drawing or with its error message.
  const plots = page.locator('.plot');
  const n = await plots.count();
  for (let i = 0; i < n; i++) {
    await expect(plots.nth(i).locator('.js-plotly-plot, .main-svg, .error-msg').first()).toBeAttached({ timeout: 30_000 });
  }
  // Best effort: a page with a live lab may keep talking to its worker, never to the network,
  // but the dev server's module loading can keep the network busy for a while.
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
}

/** Records CSP violations in the page (a blocked eval inside try/catch logs nothing). */
export async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}
