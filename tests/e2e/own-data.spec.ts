import { test, expect, openPage } from './fixtures';
import type { Page } from '@playwright/test';

// The page loads Plotly and starts a worker; on a busy 2-core machine that can take a while.
test.describe.configure({ timeout: 120_000 });

const pad = (page: Page) => page.getByTestId('draw-pad');

/** Clicks the draw pad at plane coordinates (x, y) (the pad shows ±1.5 when no point lies further out). */
async function clickAt(page: Page, x: number, y: number, ext = 1.5) {
  const box = (await pad(page).boundingBox())!;
  await page.mouse.click(box.x + ((x + ext) / (2 * ext)) * box.width, box.y + ((ext - y) / (2 * ext)) * box.height);
}

/** Three points of two classes, (0, 0) and (1, 1) of class 0 and (−1, 0.5) of class 1, as a URL code. */
const THREE = 'AQIAAgABgAgAvovoQYn0';

test.describe('the reader’s own data (§1.4.1)', () => {
  test('drawing points: add, remove, and the lab trains on them; a reload keeps them', async ({ page }) => {
    await openPage(page, '/ch01/1-4', 'en');
    await page.getByRole('radio', { name: 'my own points' }).check();
    await expect(page).toHaveURL(/data=drawn/);
    await expect(page).toHaveURL(/pts=/);
    // it starts from the points on screen (the spiral, 300 points); clear them and draw our own
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-n', '300');
    await page.getByTestId('draw-clear').click();
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-n', '0');
    await clickAt(page, -0.5, 0.5);
    await clickAt(page, -0.6, 0.4);
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-n', '2');
    // class 1 and 2 have no points yet: a note, and the lab is not given the set
    await expect(page.getByTestId('draw-empty-class')).toContainText('Class 1 has no points');
    await page.getByRole('radio', { name: /^class 1/ }).check();
    await clickAt(page, 0.5, -0.5);
    await page.getByTestId('draw-fewer').click(); // 2 classes: every class has a point now
    await expect(page.getByTestId('draw-empty-class')).toHaveCount(0);
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-committed', '3');
    // clicking a point removes it
    await clickAt(page, -0.6, 0.4);
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-n', '2');
    await clickAt(page, -0.6, 0.45);
    await clickAt(page, 0.6, -0.45);
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-committed', '4');
    const url = page.url();
    // the lab trains on exactly these 4 points
    await expect(page.getByTestId('data-summary')).toHaveAttribute('data-n', '4');
    await page.reload();
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-n', '4');
    expect(page.url()).toBe(url);
  });

  test('a shared link opens the same points; a malformed one gets a note and the spiral', async ({ page }) => {
    await openPage(page, `/ch01/1-4?data=drawn&pts=${THREE}`, 'en');
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-n', '3');
    await expect(page.getByTestId('data-summary')).toHaveAttribute('data-x-last', '0.5');
    await openPage(page, '/ch01/1-4?data=drawn&pts=AQIAAgABgAgAvovo', 'en');
    await expect(page.getByTestId('settings-note')).toContainText('cannot be used');
    await expect(page.getByTestId('data-summary')).toHaveAttribute('data-source', 'spiral');
    await expect(page.getByTestId('data-summary')).toHaveAttribute('data-n', '300');
  });

  test('keyboard drawing: arrows move the cross, Enter adds, Delete removes', async ({ page }) => {
    await openPage(page, `/ch01/1-4?data=drawn&pts=${THREE}`, 'ja');
    await pad(page).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-n', '4');
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-n', '3');
  });
});
