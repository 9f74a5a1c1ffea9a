import { test, expect, openPage } from './fixtures';
import { resolve } from 'node:path';
import { devServer } from './hardening-helpers';
import { ownPort, serveStatic } from './hardening-server';

// The service worker exists only in the production build (CI's default server).
test.skip(devServer, 'no service worker on the dev server');

/** Waits until the service worker has installed (the whole build is precached by then). */
async function waitForOfflineReady(page: import('@playwright/test').Page) {
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe('/');
}

test('after one visit every page opens without a network, lab and deep links included', async ({ page, context }) => {
  await openPage(page, '/', 'ja');
  await waitForOfflineReady(page);
  await context.setOffline(true);

  await page.reload();
  await expect(page.getByTestId('outline')).toBeVisible();
  for (const id of ['1-1', '1-2', '1-3', '1-5', '1-6']) {
    // Full navigations (page.goto), not client-side ones: the service worker must answer them.
    await openPage(page, `/ch01/${id}`, 'en');
    await expect(page.locator('h1')).toContainText(id.replace('-', '.'));
    await expect(page.locator('article .loading')).toHaveCount(0);
  }
  // A shared lab link with settings in the query still opens.
  await openPage(page, '/ch01/1-4?seed=7', 'en');
  await expect(page.locator('h1')).toContainText('1.4');
  await expect(page.locator('article .loading')).toHaveCount(0);
  // The network really was off all along.
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
});

test('the service worker is registered at the site root and controls the page after a reload', async ({ page }) => {
  await openPage(page, '/ch01/1-2', 'ja');
  await waitForOfflineReady(page);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
});

test.describe('a new deploy', () => {
  // Its own static server over the build, so a test can "deploy" a changed sw.js (neither
  // Playwright's routing nor CDP interception sees the browser's service-worker update check).
  test.describe.configure({ mode: 'serial' });
  const server = serveStatic(resolve(process.env.E2E_DIST ?? 'dist'), ownPort(1));
  test.use({ baseURL: server.url });
  test.beforeAll(() => server.start());
  test.afterAll(() => server.stop());
  // One new build per call (the stamp is fixed, so later checks see the same new file).
  const deployNewBuild = () => {
    const stamp = Date.now();
    server.patch('sw.js', (text) => `${text}\n// next build ${stamp}`);
  };

  test('a newly deployed build is announced and loads only when the reader asks', async ({ page }) => {
    server.patch('sw.js', (t) => t);
    await openPage(page, '/ch01/1-1', 'en');
    await waitForOfflineReady(page);
    deployNewBuild();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toContainText('new version');
    // The reader's work is not cut off: nothing reloads until they choose.
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBeUndefined();
    await expect(page.locator('h1')).toContainText('1.1');
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);
  });

  test('the update prompt speaks Japanese to a Japanese reader and can wait', async ({ page }) => {
    server.patch('sw.js', (t) => t);
    await openPage(page, '/', 'ja');
    await waitForOfflineReady(page);
    deployNewBuild();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByTestId('update-prompt')).toContainText('新しい版');
    await page.getByRole('button', { name: 'あとで' }).click();
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);
    await expect(page.getByTestId('outline')).toBeVisible();
  });
});
