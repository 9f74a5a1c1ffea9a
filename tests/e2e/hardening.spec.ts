import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test, expect, openPage } from './fixtures';
import { contentSecurityPolicy } from '../../src/sw/csp';
import { devServer, pages, recordViolations, settle } from './hardening-helpers';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

const metaPolicy = (html: string) =>
  /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1].replaceAll('&#39;', "'");

test.describe('nothing leaves the site, nothing breaks the policy', () => {
  for (const path of pages) {
    test(`${path} loads every part with no off-site request and no CSP violation`, async ({ page, baseURL }) => {
      const ours = new URL(baseURL!).host;
      const offsite: string[] = [];
      let ownRequests = 0;
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.protocol === 'data:' || u.protocol === 'blob:') return;
        if (u.host === ours) ownRequests++;
        else offsite.push(r.url());
      });
      const violations = await recordViolations(page);
      await openPage(page, path, 'ja');
      await settle(page);
      expect(offsite).toEqual([]);
      expect(await violations()).toEqual([]);
      expect(ownRequests).toBeGreaterThan(2); // the page really loaded its scripts and styles
    });
  }
});

test.describe('the policy is in force', () => {
  test.use({ allowConsoleErrors: [/CSP violation: script-src|unsafe-eval|Refused to (evaluate|execute)|Executing inline script violates|Loading the script 'https:\/\/example\.com/] });

  test('code from strings (eval, string timers) is refused in the page and the refusal is reported', async ({ page }) => {
    const violations = await recordViolations(page);
    await openPage(page, '/ch01/1-1', 'en');
    await expect(page.locator('h1')).toBeVisible();
    // Playwright's own evaluate() is exempt from the policy (DevTools may eval), so the strings
    // are handed to the page's timers: they are compiled later, as the page's own code.
    await page.evaluate(() => {
      const w = window as unknown as { setTimeout: (code: string, ms: number) => number };
      w.setTimeout('window.__evalRan = true', 0);
      w.setTimeout('window.__fnRan = new Function("return 1")()', 0);
    });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => [window as unknown as Record<string, unknown>].map((w) => [w.__evalRan, w.__fnRan]))).toEqual([[undefined, undefined]]);
    await expect.poll(violations).toContainEqual(expect.stringMatching(/^script-src/));
  });

  test('an inline script and a remote script are refused', async ({ page }) => {
    test.skip(devServer, 'the dev server allows inline scripts for its React refresh preamble');
    const violations = await recordViolations(page);
    await openPage(page, '/', 'en');
    await expect(page.locator('h1')).toBeVisible();
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.appendChild(s);
    });
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    await expect.poll(violations).toContainEqual(expect.stringMatching(/^script-src(-elem)? inline/));
    // A remote script is refused before any request is made (the fixture would see one).
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.src = 'https://example.com/remote.js';
      document.head.appendChild(s);
    });
    await expect.poll(violations).toContainEqual(expect.stringMatching(/^script-src(-elem)? https:\/\/example\.com/));
  });
});

test.describe('every emitted page carries the policy', () => {
  test.skip(devServer, 'the <meta> is added by the production build only');

  test('each HTML file in dist/ has the CSP <meta> as the first element of <head>', async () => {
    const files = htmlFiles(resolve(process.env.E2E_DIST ?? 'dist'));
    // index.html, one copy per section route and 404.html
    expect(files.length).toBeGreaterThanOrEqual(pages.length + 1);
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      expect(metaPolicy(html), f).toBe(contentSecurityPolicy('meta'));
      expect(html.indexOf('Content-Security-Policy'), f).toBeLessThan(html.indexOf('<script'));
    }
  });

  test('each route is served with the <meta> and with the policy as an HTTP header', async ({ request }) => {
    for (const path of [...pages, '/ch01/9-9']) {
      const res = await request.get(path);
      expect(res.headers()['content-security-policy'], path).toBe(contentSecurityPolicy('header'));
      expect(metaPolicy(await res.text()), path).toBe(contentSecurityPolicy('meta'));
    }
  });
});
