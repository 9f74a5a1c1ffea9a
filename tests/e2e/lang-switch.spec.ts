import { test, expect, openPage } from './fixtures';
import type { Page } from '@playwright/test';
import { pages, settle } from './hardening-helpers';

/**
 * The language switch keeps the reader's place and work: the same section stays on screen, only
 * the text changes, a running lab keeps running, widgets keep their results, and Back/Forward
 * to an address with ?lang shows it in that language.
 */
test.describe.configure({ timeout: 120_000 });

const top = (page: Page, sel: string) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().top);

test('switching mid-run on 1-4 keeps the run going, the curve, and the lab on screen', async ({ page }) => {
  await openPage(page, '/ch01/1-4?epochs=3000', 'en');
  const lab = page.getByTestId('training-lab');
  await expect(lab).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
  await page.locator('[data-widget="training-lab"]').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 120));
  await page.getByTestId('lab-play').click();
  await expect.poll(async () => Number(await lab.getAttribute('data-iter'))).toBeGreaterThan(200);
  const run = await lab.getAttribute('data-run');
  const before = await top(page, '[data-widget="training-lab"]');
  const curve = page.getByTestId('lab-loss-chart').locator('.scatterlayer .trace path.js-line').last();
  await expect(curve).toHaveAttribute('d', /L/);

  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('#training')).toContainText('学習用のソースコード');
  await expect(page.locator('[data-widget="training-lab"] .widget-title')).toContainText('トレーニング・ラボ');
  // the same run, still running, still advancing
  await expect(lab).toHaveAttribute('data-status', 'running');
  expect(await lab.getAttribute('data-run')).toBe(run);
  const iter = Number(await lab.getAttribute('data-iter'));
  await expect.poll(async () => Number(await lab.getAttribute('data-iter'))).toBeGreaterThan(iter);
  // the reader is where they were (within a few pixels; certainly within one viewport)
  const after = await top(page, '[data-widget="training-lab"]');
  expect(Math.abs(after - before)).toBeLessThan(8);
  await expect(curve).toHaveAttribute('d', /L/);
});

test('1-3: the write-in-place result survives the switch, in the new language', async ({ page }) => {
  await openPage(page, '/ch01/1-3#widget-write-in-place', 'ja');
  const w = page.locator('[data-widget="write-in-place"]');
  await w.getByTestId('step-in-place').click();
  await expect(w).toHaveAttribute('data-updated', 'true');
  const before = await top(page, '[data-widget="write-in-place"]');
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(w).toHaveAttribute('data-updated', 'true');
  await expect(w.getByTestId('write-in-place-verdict')).toContainText('the weights changed');
  expect(Math.abs((await top(page, '[data-widget="write-in-place"]')) - before)).toBeLessThan(8);
});

test('Back and Forward follow ?lang: an entry that names its language is shown in it', async ({ page }) => {
  await openPage(page, '/ch01/1-3', 'ja');
  await expect(page.locator('h1')).toContainText('ニューラルネットワークの学習');
  await page.locator('a[rel=next]').click();
  await expect(page).toHaveURL(/\/ch01\/1-4$/);
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('h1')).toContainText('Solving a problem');
  await page.goBack();
  await expect(page).toHaveURL(/\/ch01\/1-3\?lang=ja/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('h1')).toContainText('ニューラルネットワークの学習');
  await page.goForward();
  await expect(page).toHaveURL(/\/ch01\/1-4$/);
  await expect(page.locator('h1')).toContainText('ニューラルネットワークで問題を解く');
});

/** Each widget's visible text (and its charts' SVG text), by widget name. */
async function widgetTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const w of document.querySelectorAll<HTMLElement>('main [data-widget]')) {
      const svg = [...w.querySelectorAll('svg text')].map((t) => t.textContent).join('|');
      out[w.dataset.widget!] = `${w.innerText}\n${svg}`;
    }
    return out;
  });
}

// A widget that outlives the switch must redraw every word it shows: after ja → en, each one
// reads exactly as on a fresh English load (text, headings, chart legends and axis titles).
for (const path of pages.filter((p) => p.startsWith('/ch01/') && p !== '/ch01/glossary')) {
  test(`${path}: after switching from Japanese, every widget reads as on a fresh English load`, async ({ page }) => {
    await openPage(page, path, 'ja');
    await settle(page);
    await page.getByTestId('lang-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await settle(page);
    const switched = await widgetTexts(page);
    await openPage(page, path, 'en');
    await settle(page);
    const fresh = await widgetTexts(page);
    expect(Object.keys(switched).sort()).toEqual(Object.keys(fresh).sort());
    for (const name of Object.keys(fresh)) expect(switched[name], name).toBe(fresh[name]);
  });
}
