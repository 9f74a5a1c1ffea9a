import { test, expect, openPage } from './fixtures';
import { GLOSSARY } from '../../chapters/ch01/glossary';

test.describe('glossary', () => {
  test('ja: a term’s first use links to its glossary entry, and the entry links back to where it is explained', async ({ page }) => {
    await openPage(page, '/ch01/1-1', 'ja');
    const link = page.locator('article a.term[data-term="broadcasting"]');
    await expect(link).toHaveCount(1);
    await expect(link).toHaveText('ブロードキャスト');
    await expect(link).toHaveAttribute('title', /長さ 1 の軸を引き伸ばして/);
    await link.click();
    await expect(page).toHaveURL(/\/ch01\/glossary.*#broadcasting$/);
    const entry = page.locator('[data-entry="broadcasting"]');
    await expect(entry).toBeInViewport();
    await expect(entry).toHaveClass(/current/);
    await expect(entry.locator('dt')).toContainText('ブロードキャスト');
    await expect(entry.locator('dt')).toContainText('broadcasting');
    await entry.getByRole('link', { name: /1\.1\.3 ブロードキャスト/ }).click();
    await expect(page).toHaveURL(/\/ch01\/1-1.*#broadcasting$/);
    await expect(page.locator('#broadcasting')).toBeInViewport();
  });

  test('en: terms link on every page, once per term, and the glossary lists every entry in both languages', async ({ page }) => {
    for (const id of ['1-1', '1-2', '1-3', '1-4', '1-5', '1-6']) {
      await openPage(page, `/ch01/${id}`, 'en');
      const terms = page.locator('article a.term');
      await expect(terms.first()).toBeVisible();
      const ids = await terms.evaluateAll((els) => els.map((e) => e.getAttribute('data-term')));
      expect(ids.length, `${id} has glossary links`).toBeGreaterThan(4);
      expect(new Set(ids).size, `${id}: one link per term`).toBe(ids.length);
    }
    await openPage(page, '/ch01/1-3', 'en');
    await page.locator('article a.term[data-term="chain-rule"]').click();
    await expect(page).toHaveURL(/\/ch01\/glossary.*#chain-rule$/);
    await expect(page.locator('[data-entry="chain-rule"] dt')).toContainText('chain rule');
    await expect(page.locator('[data-entry="chain-rule"] dt')).toContainText('チェインルール');
    await expect(page.locator('[data-entry]')).toHaveCount(GLOSSARY.length);
    await expect(page.locator('h1')).toHaveText('Glossary');
    // the glossary is a page of the chapter: in the contents, and after 1.6 in reading order
    await expect(page.locator('.sidebar a[href$="/ch01/glossary"]')).toBeVisible();
    await expect(page.getByRole('link', { name: /Previous: 1\.6/ })).toBeVisible();
  });
});
