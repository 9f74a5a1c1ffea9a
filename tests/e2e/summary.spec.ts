import { test, expect, openPage } from './fixtures';

test.describe('§1.6 summary', () => {
  test('ticks on the checklist count, survive a reload, and can be cleared', async ({ page }) => {
    await openPage(page, '/ch01/1-6', 'en');
    const w = page.locator('[data-widget="checklist"]');
    const total = Number(await w.getAttribute('data-total'));
    expect(total).toBeGreaterThanOrEqual(15);
    await expect(page.getByTestId('checklist-progress')).toHaveText(`0 of ${total}`);
    await w.locator('[data-item="chain"] input').check();
    await w.locator('[data-item="gpu"] label').click();
    await expect(page.getByTestId('checklist-progress')).toHaveText(`2 of ${total}`);
    await page.reload();
    await expect(w.locator('[data-item="chain"] input')).toBeChecked();
    await expect(w.locator('[data-item="gpu"] input')).toBeChecked();
    await expect(w).toHaveAttribute('data-checked', '2');
    // Keyboard: Space toggles a focused box.
    await w.locator('[data-item="gpu"] input').focus();
    await page.keyboard.press('Space');
    await expect(w).toHaveAttribute('data-checked', '1');
    await page.getByRole('button', { name: 'Clear all ticks' }).click();
    await expect(page.getByTestId('checklist-progress')).toHaveText(`0 of ${total}`);
  });

  test('each checklist link leads to its widget on its section page', async ({ page }) => {
    // Leaving a page while Plotly is still drawing its first frame can throw inside Plotly (a
    // race in chart teardown, reported separately), so let every chart on a page finish first.
    const chartsDrawn = async () => {
      await expect(page.locator('.plot').first()).toBeVisible();
      await page.waitForFunction(() => [...document.querySelectorAll('.plot')].every((p) => p.querySelector('.main-svg, .error-msg')));
    };
    await openPage(page, '/ch01/1-6', 'ja');
    await chartsDrawn();
    const item = page.locator('[data-widget="checklist"] [data-item="inplace"]');
    await expect(item).toContainText('grads[0][...] = dW');
    await item.getByRole('link').click();
    await expect(page).toHaveURL(/\/ch01\/1-3.*#widget-write-in-place$/);
    await expect(page.locator('#widget-write-in-place')).toBeVisible(); // §1.3 draws no Plotly chart
    await page.goBack();
    await chartsDrawn();
    await page.locator('[data-widget="checklist"] [data-item="save"]').getByRole('link').click();
    await expect(page).toHaveURL(/\/ch01\/1-5.*#widget-precision-lab$/);
    await expect(page.locator('#widget-precision-lab')).toBeVisible();
  });

  test('the compact lab at the end trains on the lab engine', async ({ page }) => {
    test.setTimeout(90_000);
    await openPage(page, '/ch01/1-6?epochs=20&speed=max', 'en');
    const lab = page.locator('[data-widget="compact-lab"]');
    await expect(lab).toBeVisible();
    await lab.getByTestId('lab-play').click();
    await expect(lab.getByTestId('training-lab')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  });
});
