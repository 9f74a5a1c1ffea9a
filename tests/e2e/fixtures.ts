import { test as base, expect, type Page, type Request } from '@playwright/test';

/**
 * Every e2e test gets a page that fails the test on:
 * - a console error or an uncaught exception,
 * - any request to a host other than our own server (nothing may leave the site),
 * - a Content-Security-Policy violation (a blocked eval inside try/catch logs nothing).
 * Tests that provoke an error on purpose list the expected text in `allowConsoleErrors`.
 * Give ONE pattern (`[/a|b/]`): Playwright reads a two-element array in `test.use` as
 * `[value, options]`, so `[/a/, /b/]` would silently become `/a/` with bad options.
 */
export const test = base.extend<{ allowConsoleErrors: RegExp[]; guard: void }>({
  allowConsoleErrors: [[], { option: true }],
  guard: [
    async ({ page, baseURL, allowConsoleErrors }, use) => {
      const problems: string[] = [];
      const ours = new URL(baseURL!).host;
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (allowConsoleErrors.some((re) => re.test(text))) return;
        problems.push(`console error: ${text}`);
      });
      page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
      const offsite = new Set<Request>();
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (url.protocol === 'data:' || url.protocol === 'blob:') return;
        if (url.host !== ours) offsite.add(req);
      });
      // A request the CSP stopped never left; the violation itself is reported below.
      page.on('requestfailed', (req) => {
        if (/^(csp|net::ERR_BLOCKED_BY_CSP)$/.test(req.failure()?.errorText ?? '')) offsite.delete(req);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      await use();
      for (const req of offsite) problems.push(`request left the site: ${req.url()}`);
      expect(problems, problems.join('\n')).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a page in the given language (`?lang=` wins over the browser's preference). */
export async function openPage(page: Page, path: string, lang: 'ja' | 'en' = 'ja') {
  const sep = path.includes('?') ? '&' : '?';
  const [p, hash] = path.split('#');
  await page.goto(`${p}${sep}lang=${lang}${hash ? `#${hash}` : ''}`);
}

/**
 * Widgets far down a page load when they come near the screen (src/widgets/ui/loadNear.tsx):
 * scrolls to each one still waiting and returns once every widget on the page is there.
 */
export async function loadEveryWidget(page: Page) {
  const pending = page.locator('[data-widget-pending]');
  for (let n = await pending.count(); n > 0; n = await pending.count()) {
    await pending.first().scrollIntoViewIfNeeded();
    await expect.poll(() => pending.count(), { timeout: 30_000 }).toBeLessThan(n);
  }
}
