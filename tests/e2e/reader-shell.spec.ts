import { test, expect, openPage } from './fixtures';

test.describe('the language follows an English browser', () => {
  test.use({ locale: 'en-US' });
  test('with no ?lang and nothing remembered, an en-US browser gets English', async ({ page }) => {
    await page.goto('/ch01/1-1');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#broadcasting')).toContainText('Broadcasting');
  });
});

test.describe('the language follows a Japanese browser', () => {
  test.use({ locale: 'ja-JP' });
  test('with no ?lang, a ja-JP browser gets Japanese, and ?lang=en overrides it', async ({ page }) => {
    await page.goto('/ch01/1-2');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.locator('#forward-pass')).toContainText('推論の全体図');
    await page.goto('/ch01/1-2?lang=en');
    await expect(page.locator('#forward-pass')).toContainText('The whole picture of inference');
  });
});

test('a link to a widget (#widget-broadcasting) brings that widget into view', async ({ page }) => {
  await openPage(page, '/ch01/1-1#widget-broadcasting', 'en');
  await expect(page.locator('#widget-broadcasting')).toBeInViewport();
  // not hidden under the sticky header
  const top = await page.locator('#widget-broadcasting').evaluate((el) => el.getBoundingClientRect().top);
  const header = await page.locator('.site-header').evaluate((el) => el.getBoundingClientRect().bottom);
  expect(top).toBeGreaterThanOrEqual(header - 1);
});

test('pages 1.1 and 1.2 never download Plotly; previous/next links walk the chapter', async ({ page }) => {
  const plotly: string[] = [];
  page.on('request', (r) => {
    if (/plotly/i.test(r.url())) plotly.push(r.url());
  });
  await openPage(page, '/ch01/1-1', 'ja');
  await expect(page.locator('[data-widget="shape-check"]')).toBeVisible();
  await page.getByRole('link', { name: /次へ：1\.2/ }).click();
  await expect(page).toHaveURL(/\/ch01\/1-2/);
  await expect(page.locator('[data-widget="layers-as-classes"]')).toBeVisible();
  await expect(page.locator('h1')).toContainText('1.2');
  await page.getByRole('link', { name: /前へ：1\.1/ }).click();
  await expect(page).toHaveURL(/\/ch01\/1-1$/);
  await page.waitForLoadState('networkidle');
  expect(plotly).toEqual([]);
});
