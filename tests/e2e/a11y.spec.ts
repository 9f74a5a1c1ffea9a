import { test, expect, openPage } from './fixtures';
import { pages, settle } from './hardening-helpers';
import { seriousViolations } from './axe';

/**
 * axe-core over every page, in both languages and both themes: no serious or critical
 * violation of WCAG 2.2 A/AA (axe's rules tagged wcag2a … wcag22aa, e.g. 2.2's minimum target
 * size). Each failure names the rule, the element and axe's advice.
 */

for (const path of pages) {
  for (const lang of ['ja', 'en'] as const) {
    test(`${path} in ${lang} has no serious or critical axe violation, light and dark`, async ({ page }) => {
      test.setTimeout(120_000);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await openPage(page, path, lang);
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        await settle(page);
        const found = await seriousViolations(page);
        expect(found, `${scheme}:\n${found.join('\n')}`).toEqual([]);
      }
    });
  }
}
