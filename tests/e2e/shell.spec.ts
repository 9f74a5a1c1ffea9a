import { test, expect, openPage } from './fixtures';

test('home page lists the six sections and the glossary in Japanese and links to each route', async ({ page }) => {
  await openPage(page, '/', 'ja');
  const outline = page.getByTestId('outline');
  await expect(outline.locator('a.outline-section')).toHaveCount(7);
  await expect(outline.locator('a.outline-section').last()).toHaveText('用語集');
  await expect(outline).toContainText('1.4 ニューラルネットワークで問題を解く');
  await outline.getByRole('link', { name: /1\.3 ニューラルネットワークの学習/ }).click();
  await expect(page).toHaveURL(/\/ch01\/1-3/);
  await expect(page.locator('h1')).toContainText('1.3');
  await expect(page).toHaveTitle(/1\.3/);
});

test('the language switch changes every word, sets <html lang> and is remembered', async ({ page }) => {
  await openPage(page, '/', 'ja');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('outline')).toContainText('Solving a problem with a neural network');
  await expect(page).not.toHaveURL(/lang=/);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a route opened directly (not through the home page) is served and its anchor scrolls', async ({ page }) => {
  await page.goto('/ch01/1-1?lang=ja#vectors-and-matrices');
  await expect(page.locator('#vectors-and-matrices')).toBeVisible();
  await expect(page.locator('#vectors-and-matrices')).toContainText('1.1.1');
});

test('an unknown page says so and links home', async ({ page }) => {
  await openPage(page, '/ch01/9-9', 'en');
  await expect(page.locator('h1')).toHaveText('Page not found');
});
