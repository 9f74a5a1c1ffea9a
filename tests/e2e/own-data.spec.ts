import { test, expect, openPage } from './fixtures';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';

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
    // the lab trains on exactly these 4 points: the same worker and views as the spiral
    await expect(page.getByTestId('data-summary')).toHaveAttribute('data-n', '4');
    await expect(page.getByTestId('lab-batch')).toHaveValue('4'); // the batch fits the data
    await page.getByTestId('lab-play').click();
    await expect(page.getByTestId('training-lab')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(page.getByTestId('confusion-matrix')).toHaveAttribute('data-total', '4');
    await expect(page.getByTestId('confusion-matrix')).toHaveAttribute('data-classes', '2');
    await expect(page.getByTestId('network-view')).toHaveAttribute('data-outputs', '2');
    await page.reload();
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-n', '4');
    expect(page.url()).toBe(url);
  });

  test('a shared link opens the same points; a malformed one gets a note and the spiral', async ({ page }) => {
    await openPage(page, `/ch01/1-4?data=drawn&pts=${THREE}`, 'en');
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-n', '3');
    await expect(page.getByTestId('data-summary')).toHaveAttribute('data-x-last', '0.5');
    await expect(page.getByTestId('confusion-matrix')).toHaveAttribute('data-total', '3', { timeout: 60_000 });
    await page.getByTestId('draw-share').click();
    await expect(page.getByTestId('draw-link')).toHaveValue(new RegExp(`pts=${THREE}`));
    await openPage(page, '/ch01/1-4?data=drawn&pts=AQIAAgABgAgAvovo', 'en');
    await expect(page.getByTestId('settings-note')).toContainText('cannot be used');
    await expect(page.getByTestId('data-summary')).toHaveAttribute('data-source', 'spiral');
    await expect(page.getByTestId('data-summary')).toHaveAttribute('data-n', '300');
    await expect(page.getByTestId('confusion-matrix')).toHaveAttribute('data-total', '300', { timeout: 60_000 });
    // a link that asks for a drawn set without its points (one too large for a link) and none saved here
    await openPage(page, '/ch01/1-4?data=drawn', 'ja');
    await expect(page.getByTestId('settings-note')).toContainText('リンクに入りきらなかったデータ');
    await expect(page.getByTestId('data-summary')).toHaveAttribute('data-source', 'spiral');
  });

  test('a set too large for a link says so and goes out and back in as a JSON file; a bad file is refused', async ({ page }, info) => {
    await openPage(page, '/ch01/1-4', 'en');
    await page.getByRole('radio', { name: 'four blobs' }).check();
    await expect(page.getByTestId('data-summary')).toHaveAttribute('data-n', '200');
    await page.getByTestId('data-edit').click();
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-n', '200');
    // 1,100 points: more than a link holds (4 characters a point, 4,000 at most)
    const big = { format: 'dlfs2-points', version: 1, classes: 3, points: Array.from({ length: 1100 }, (_, i) => [((i * 37) % 2000) / 1000 - 1, ((i * 91) % 2000) / 1000 - 1, i % 3]) };
    const file = info.outputPath('big.json');
    (await import('node:fs')).writeFileSync(file, JSON.stringify(big));
    await page.getByTestId('draw-upload').setInputFiles(file);
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-n', '1100');
    await expect(page.getByTestId('draw-too-long')).toContainText('Save it as a JSON file');
    await expect(page.getByTestId('draw-share')).toBeDisabled();
    await expect(page).not.toHaveURL(/pts=/);
    await expect(page).toHaveURL(/data=drawn/);
    const download = page.waitForEvent('download');
    await page.getByTestId('draw-download').click();
    const saved = JSON.parse((await import('node:fs')).readFileSync(await (await download).path(), 'utf8'));
    expect(saved.points).toHaveLength(1100);
    expect(saved.classes).toBe(3);
    // a reload keeps it (saved in this browser), and the lab trains on it
    await page.reload();
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-n', '1100');
    await expect(page.getByTestId('confusion-matrix')).toHaveAttribute('data-total', '1100', { timeout: 60_000 });
    // a broken file changes nothing and says why
    const bad = info.outputPath('bad.json');
    (await import('node:fs')).writeFileSync(bad, '{"format":"dlfs2-points","version":1,"classes":2,"points":[[0,0,0]]}');
    await page.getByTestId('draw-upload').setInputFiles(bad);
    await expect(page.getByTestId('draw-note-error')).toContainText('a class has no points');
    await expect(page.getByTestId('own-data')).toHaveAttribute('data-n', '1100');
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

  test('drawing mode and the inside views have no serious or critical axe violation, light and dark', async ({ page }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await openPage(page, `/ch01/1-4?data=drawn&pts=${THREE}&hidden=2`, scheme === 'light' ? 'en' : 'ja');
      await expect(page.getByTestId('hidden-space')).toHaveAttribute('data-mode', 'direct', { timeout: 60_000 });
      await page.getByTestId('unit-map-h1').focus();
      const found = await seriousViolations(page);
      expect(found, `${scheme}:\n${found.join('\n')}`).toEqual([]);
    }
  });
});
