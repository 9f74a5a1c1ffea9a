import type { Page } from '@playwright/test';
import { test, expect, openPage } from './fixtures';

/**
 * A page owns at most one training worker: §1.5's widgets (the precision lab, its h = 0.001
 * comparison and the GPU benchmark) share one, and the training lab of §1.4 serves its Trainer
 * view from its own. A big grid (the h = 0.001 one) may add the training worker's one grid helper
 * (the second core). Counted with the browser's own list of the page's workers, by script name.
 */
function workersOf(page: Page): { training: number; helpers: number; other: number } {
  const urls = page.workers().map((w) => w.url());
  const training = urls.filter((u) => /training\.worker/.test(u)).length;
  const helpers = urls.filter((u) => /gridHelper\.worker/.test(u)).length;
  return { training, helpers, other: urls.length - training - helpers };
}

test.describe('one training worker per page', () => {
  test('§1.5: training, the h = 0.001 comparison and the GPU benchmark all run on one worker', async ({ page }) => {
    test.setTimeout(240_000);
    await openPage(page, '/ch01/1-5', 'en');
    const lab = page.locator('[data-widget="precision-lab"]');
    await page.getByTestId('precision-train').click();
    await expect(lab).toHaveAttribute('data-model', 'trained', { timeout: 90_000 });
    // the comparison and the benchmark at the same time: each asks for grids of its own weights
    await page.getByTestId('book-grid-diff-run').click();
    await page.getByTestId('gpu-bench-run').click();
    await expect(page.getByTestId('book-grid-diff')).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
    await expect(page.locator('[data-widget="gpu-bench"]')).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
    const w = workersOf(page);
    expect(w.training).toBe(1);
    expect(w.helpers).toBeLessThanOrEqual(1);
    expect(w.other).toBe(0);
  });

  test('§1.4: the lab and its Trainer view run on one worker', async ({ page }) => {
    await openPage(page, '/ch01/1-4?epochs=3&speed=max', 'en');
    await expect(page.getByTestId('trainer-view')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await page.getByTestId('lab-play').click();
    await expect(page.getByTestId('training-lab')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    // no big grid was asked for: the training worker alone
    expect(workersOf(page)).toEqual({ training: 1, helpers: 0, other: 0 });
  });
});
