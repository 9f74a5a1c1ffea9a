import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect, openPage } from './fixtures';
import { devServer } from './hardening-helpers';
import { ownPort, serveStatic } from './hardening-server';

/**
 * The chapter registry carries a new chapter without touching the shell: a build made with
 * CHAPTER_FIXTURE=1 registers the test-only chapter of tests/fixtures/chapters/ch02 (a section
 * 2-1 with one subsection, and a page without a number), and /ch02/2-1 must then work like a
 * shipped page — both languages, a route page and an offline copy in the build.
 */
test.describe('a chapter added to the registry', () => {
  test.skip(devServer, 'builds the site; run against the production build');
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  const out = mkdtempSync(join(tmpdir(), 'dlfs2-chapter-fixture-'));
  const server = serveStatic(out, ownPort(3));
  test.use({ baseURL: server.url });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
      env: { ...process.env, CHAPTER_FIXTURE: '1', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: 'pipe',
    });
    await server.start();
  });
  test.afterAll(async () => {
    await server.stop();
    rmSync(out, { recursive: true, force: true });
  });

  test('the build writes a titled route page for each new page and precaches it with its prose', () => {
    const html = readFileSync(join(out, 'ch02/2-1/index.html'), 'utf8');
    expect(html).toContain('<title>2.1 フィクスチャの節 / 2.1 A fixture section — DLFS2 Companion</title>');
    expect(readFileSync(join(out, 'ch02/fixture-notes/index.html'), 'utf8')).toContain('<title>フィクスチャの付録 / Fixture notes — DLFS2 Companion</title>');
    const sw = readFileSync(join(out, 'sw.js'), 'utf8');
    expect(sw).toContain('"ch02/2-1/index.html"');
    expect(sw).toContain('"ch02/fixture-notes/index.html"');
    // the English prose of 2-1 is its own lazy chunk, and the service worker stores it too
    const chunk = readdirSync(join(out, 'assets')).find((f) => f.endsWith('.js') && readFileSync(join(out, 'assets', f), 'utf8').includes('chapter-fixture-en'));
    expect(chunk).toBeDefined();
    expect(sw).toContain(`"assets/${chunk}"`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.webmanifest'), 'utf8'));
    expect(manifest.name).toContain('第 1・2 章');
  });

  test('/ch02/2-1 is a working page in Japanese and English, linked from the shell', async ({ page }) => {
    await openPage(page, '/ch02/2-1', 'ja');
    await expect(page.locator('h1')).toHaveText('2.1 フィクスチャの節');
    await expect(page).toHaveTitle('2.1 フィクスチャの節 — DLFS2 コンパニオン');
    await expect(page.getByTestId('fixture-prose')).toContainText('chapter-fixture-ja');
    await expect(page.locator('#fixture-sub')).toContainText('2.1.1 フィクスチャの小見出し');
    await expect(page.locator('.sidebar .contents-title').last()).toHaveText('第 2 章 フィクスチャの章');
    await expect(page.locator('a[rel=prev]')).toContainText('用語集'); // chapter 1 ends with its glossary page
    await expect(page.locator('a[rel=next]')).toContainText('フィクスチャの付録');

    await page.getByTestId('lang-switch').click();
    await expect(page.locator('h1')).toHaveText('2.1 A fixture section');
    await expect(page.getByTestId('fixture-prose')).toContainText('chapter-fixture-en');
    await expect(page.locator('#fixture-sub')).toContainText('2.1.1 A fixture subsection');

    // the page without a number: no number in its heading, reached by "next"
    await page.locator('a[rel=next]').click();
    await expect(page).toHaveURL(/\/ch02\/fixture-notes/);
    await expect(page.locator('h1')).toHaveText('Fixture notes');
    await expect(page.getByTestId('fixture-prose')).toContainText('chapter-fixture-notes-en');

    // the home page outlines both chapters (7 pages of chapter 1 with its glossary, 2 of the fixture) and names them in its subtitle
    await openPage(page, '/', 'en');
    await expect(page.getByTestId('outline').locator('a.outline-section')).toHaveCount(9);
    await expect(page.locator('.lead')).toContainText('Chapters 1 and 2');
    await page.getByTestId('outline').getByRole('link', { name: '2.1 A fixture section' }).click();
    await expect(page.locator('h1')).toHaveText('2.1 A fixture section');
  });

  test.describe('an unknown page of the new chapter', () => {
    // the static host answers with its 404.html and status 404, which Chromium logs
    test.use({ allowConsoleErrors: [/status of 404/] });
    test('is the 404 page, with the contents to pick from', async ({ page }) => {
      await openPage(page, '/ch02/9-9', 'en');
      await expect(page.locator('h1')).toHaveText('Page not found');
      await expect(page.locator('.sidebar .contents-title')).toHaveText(['Chapter 1 Neural network review', 'Chapter 2 A fixture chapter']);
    });
  });

  test('after one visit, the new chapter opens without a network', async ({ page, context }) => {
    await openPage(page, '/', 'en');
    await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    await context.setOffline(true);
    await openPage(page, '/ch02/2-1', 'ja');
    await expect(page.getByTestId('fixture-prose')).toContainText('chapter-fixture-ja');
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  });
});

test('a normal build ships no trace of the fixture chapter', () => {
  test.skip(devServer, 'reads the production build');
  const dist = resolve(process.env.E2E_DIST ?? 'dist');
  expect(existsSync(join(dist, 'ch01/1-1/index.html'))).toBe(true);
  expect(existsSync(join(dist, 'ch02'))).toBe(false);
  const files = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  for (const f of [...files.map((x) => join('assets', x)), 'sw.js']) {
    const text = readFileSync(join(dist, f), 'utf8');
    expect(text.includes('chapter-fixture') || text.includes('フィクスチャ'), f).toBe(false);
  }
});
