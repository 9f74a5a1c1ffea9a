import AxeBuilder from '@axe-core/playwright';
import { test, expect, openPage } from './fixtures';

// Automated accessibility check of the §1.1–§1.2 widgets (labels, names, roles, contrast).
for (const path of ['/ch01/1-1', '/ch01/1-2']) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${path} widgets have no axe violations (${theme} theme)`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('dlfs2.theme', t), theme);
      await openPage(page, path, 'ja');
      await expect(page.locator('[data-widget]').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).include('[data-widget]').analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      expect(summary, summary.join('\n')).toEqual([]);
    });
  }
}
