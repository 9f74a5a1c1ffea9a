import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openPage } from './fixtures';
import { pages, settle } from './hardening-helpers';

/**
 * axe-core over every page, in both languages and both themes: no serious or critical
 * violation of WCAG 2.2 A/AA (axe's rules tagged wcag2a … wcag22aa, e.g. 2.2's minimum target
 * size). Each failure names the rule, the element and axe's advice.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()} — ${n.html.slice(0, 160)}`));
}

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
