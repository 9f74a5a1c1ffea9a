import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { devServer } from './hardening-helpers';
import { ownPort, serveStatic } from './hardening-server';

/**
 * A project page on a static host: the same build, served from /dlfs2/ instead of the root.
 * Built here with BASE_PATH and served by a plain static server that knows nothing of the app.
 */
test.describe('deployed under a sub-path', () => {
  test.skip(devServer, 'builds the site; run against the production build');
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  const base = '/dlfs2/';
  const out = mkdtempSync(join(tmpdir(), 'dlfs2-subpath-'));
  const server = serveStatic(out, ownPort(2), base);
  test.use({ baseURL: server.url });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
      env: { ...process.env, BASE_PATH: base, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: 'pipe',
    });
    await server.start();
  });
  test.afterAll(async () => {
    await server.stop();
    rmSync(out, { recursive: true, force: true });
  });

  test('every URL in the built HTML and manifest points inside the sub-path', () => {
    const html = readFileSync(join(out, 'ch01/1-4/index.html'), 'utf8');
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(2);
    for (const u of urls) expect(u.startsWith(base), u).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.webmanifest'), 'utf8'));
    expect(manifest.scope).toBe(base);
    expect(manifest.start_url).toBe(base);
  });

  test('a section opened directly renders, and the router keeps the sub-path when moving on', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${base}ch01/1-3?lang=en`);
    await expect(page.locator('h1')).toContainText('1.3');
    await expect(page).toHaveTitle(/1\.3/);
    await page.locator('.sidebar').getByRole('link', { name: /1\.4/ }).click();
    await expect(page).toHaveURL(new RegExp(`${base}ch01/1-4`));
    await expect(page.locator('h1')).toContainText('1.4');
    await page.getByRole('link', { name: 'DLFS2 Companion' }).first().click();
    await expect(page).toHaveURL(new RegExp(`${base}$`));
    await expect(page.getByTestId('outline')).toBeVisible();
    expect(requests.filter((p) => !p.startsWith(base))).toEqual([]);
  });

  test('the lab trains from the sub-path (its worker chunk is found there)', async ({ page }) => {
    await page.goto(`${base}ch01/1-4?lang=en&epochs=2`);
    const lab = page.getByTestId('training-lab').first();
    await lab.getByTestId('lab-play').click();
    await expect(lab).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    expect(Number(await lab.getAttribute('data-iter'))).toBeGreaterThan(0);
  });

  test('the service worker is scoped to the sub-path and serves it offline', async ({ page, context }) => {
    await page.goto(`${base}?lang=ja`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe(base);
    await context.setOffline(true);
    await page.goto(`${base}ch01/1-2?lang=ja`);
    await expect(page.locator('h1')).toContainText('1.2');
  });

  test.describe(() => {
    // The host answers 404 (as it should); Chromium logs that status as a console error.
    test.use({ allowConsoleErrors: [/status of 404/] });
    test('an unknown path under the sub-path shows the app’s not-found page', async ({ page }) => {
      const res = await page.goto(`${base}ch01/9-9?lang=en`);
      expect(res?.status()).toBe(404);
      await expect(page.locator('h1')).toHaveText('Page not found');
    });
  });
});
