import { test, expect, openPage } from './fixtures';

/**
 * A page owns at most one training worker: §1.5's widgets (the precision lab, its h = 0.001
 * comparison and the GPU benchmark) share one, and the training lab of §1.4 serves its Trainer
 * view from its own. Counted with the browser's own list of the page's workers.
 */
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
    expect(page.workers()).toHaveLength(1);
  });

  test('§1.4: the lab and its Trainer view run on one worker', async ({ page }) => {
    await openPage(page, '/ch01/1-4?epochs=3&speed=max', 'en');
    await expect(page.getByTestId('trainer-view')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await page.getByTestId('lab-play').click();
    await expect(page.getByTestId('training-lab')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    expect(page.workers()).toHaveLength(1);
  });
});
