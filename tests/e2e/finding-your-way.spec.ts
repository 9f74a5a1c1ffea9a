import { test, expect, openPage } from './fixtures';

/**
 * Finding one's way on a long page: a contents button in the header on phones (wherever the
 * reader is), the sidebar marking the subsection being read, and the training lab named in the
 * contents.
 */
test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const [lang, labName] of [['ja', 'トレーニング・ラボ'], ['en', 'Training lab']] as const) {
    test(`the contents stay one tap away deep in 1-4 and lead to the lab (${lang})`, async ({ page }) => {
      await openPage(page, '/ch01/1-4#trainer', lang);
      await expect(page.locator('#trainer')).toBeInViewport();
      const button = page.getByTestId('contents-button');
      await expect(button).toBeInViewport();
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      await button.click();
      const panel = page.getByTestId('contents-panel');
      await expect(panel).toBeVisible();
      // the subsection being read is marked
      await expect(panel.locator('a[aria-current="location"]')).toContainText('1.4.4');
      // Escape closes it and gives the focus back to the button
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
      await expect(button).toBeFocused();
      await button.click();
      await panel.getByRole('link', { name: labName }).click();
      await expect(panel).toBeHidden();
      await expect(page.locator('#widget-training-lab')).toBeInViewport();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  }
});

test('the sidebar marks the subsection being read, and names the training lab', async ({ page }) => {
  await openPage(page, '/ch01/1-4', 'en');
  const side = page.locator('.sidebar');
  await expect(side.getByRole('link', { name: 'Training lab' })).toHaveAttribute('href', '#widget-training-lab');
  await expect(page.getByTestId('contents-button')).toBeHidden();
  await page.locator('#network').scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    const el = document.getElementById('network')!;
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 70);
  });
  await expect(side.locator('a[aria-current="location"]')).toHaveText(/1\.4\.2/);
  await page.evaluate(() => {
    const el = document.getElementById('widget-training-lab')!;
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 70);
  });
  await expect(side.locator('a[aria-current="location"]')).toHaveText('Training lab');
  await expect(side.locator('a[aria-current="location"]')).toHaveCount(1);
});
