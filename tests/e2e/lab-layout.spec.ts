import { test, expect, openPage } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/**
 * The lab's layout as a reader meets it: on a 1280 × 800 laptop, ▶, the decision boundary and
 * the loss curve are on one screen; on a 390 px phone nothing scrolls sideways and the boundary
 * stays in view while a slider is dragged. Screenshots of both, in both languages, are written
 * to the test's output folder (test-results/…/lab-*.png) for a person to look at.
 */
test.describe.configure({ timeout: 120_000 });

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

/** Fully inside the viewport, below the sticky header. */
async function expectOnScreen(page: Page, l: Locator, what: string) {
  const b = await box(l);
  const header = await page.locator('.site-header').evaluate((el) => el.getBoundingClientRect().bottom);
  const vp = page.viewportSize()!;
  expect(b.y, `${what} top`).toBeGreaterThanOrEqual(header - 1);
  expect(b.y + b.height, `${what} bottom`).toBeLessThanOrEqual(vp.height + 1);
  expect(b.x + b.width, `${what} right`).toBeLessThanOrEqual(vp.width + 1);
}

async function scrollToLab(page: Page) {
  await page.locator('[data-widget="training-lab"]').evaluate((el) => {
    const header = document.querySelector('.site-header')!.getBoundingClientRect().height;
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - header);
  });
}

for (const lang of ['en', 'ja'] as const) {
  test(`1280 × 800 (${lang}): ▶, the boundary and the loss curve are on one screen`, async ({ page }, info) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openPage(page, '/ch01/1-4?speed=max&epochs=30', lang);
    const lab = page.getByTestId('training-lab');
    await expect(lab).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
    await scrollToLab(page);
    await page.getByTestId('lab-play').click();
    await expect(lab).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expectOnScreen(page, page.getByTestId('lab-play'), '▶');
    await expectOnScreen(page, page.getByTestId('lab-boundary-chart'), 'boundary');
    await expectOnScreen(page, page.getByTestId('lab-loss-chart'), 'loss chart');
    // the loss chart sits beside the boundary, not below it
    const b = await box(page.getByTestId('lab-boundary-chart'));
    const l = await box(page.getByTestId('lab-loss-chart'));
    expect(l.x).toBeGreaterThanOrEqual(b.x + b.width - 1);
    await expect(page.getByTestId('lab-loss-chart').locator('.scatterlayer .trace path').last()).toHaveAttribute('d', /L/);
    await page.screenshot({ path: info.outputPath(`lab-1280-${lang}.png`) });
  });

  test(`390 × 844 phone (${lang}): no sideways scroll; the boundary stays in view while a slider is dragged`, async ({ page }, info) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openPage(page, '/ch01/1-4', lang);
    const lab = page.getByTestId('training-lab');
    await expect(lab).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await scrollToLab(page);
    // scroll on until the epochs slider (fifth control) is under the reader's thumb
    const slider = page.getByTestId('lab-epochs');
    const stageBottom = await page.getByTestId('lab-stage').evaluate((el) => el.getBoundingClientRect().bottom);
    await page.mouse.wheel(0, (await box(slider)).y - stageBottom - 60);
    await expect.poll(async () => (await box(slider)).y).toBeLessThan(844 - 40);
    expect((await box(slider)).y).toBeGreaterThan(stageBottom);
    await expectOnScreen(page, page.getByTestId('lab-boundary-chart'), 'boundary before the drag');
    const s = await box(slider);
    await expectOnScreen(page, slider, 'slider');
    const run = Number(await lab.getAttribute('data-run'));
    await page.mouse.move(s.x + 10, s.y + s.height / 2);
    await page.mouse.down();
    await page.mouse.move(s.x + s.width * 0.3, s.y + s.height / 2, { steps: 8 });
    await expectOnScreen(page, page.getByTestId('lab-boundary-chart'), 'boundary during the drag');
    await page.mouse.up();
    await expect.poll(async () => Number(await lab.getAttribute('data-run'))).toBeGreaterThan(run);
    await expectOnScreen(page, page.getByTestId('lab-boundary-chart'), 'boundary after the drag');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: info.outputPath(`lab-390-${lang}.png`) });
  });
}
