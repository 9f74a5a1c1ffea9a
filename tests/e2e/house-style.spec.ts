import { test, expect, openPage } from './fixtures';
import { pages, settle } from './hardening-helpers';

/**
 * The house style as the reader sees it. The unit test checks the MDX and the string tables one
 * string at a time; a widget can still join pieces into half-width punctuation next to Japanese
 * ("0.08 (誤差 1e-8)", "コードを見る: SGD"). This reads every page's rendered text in Japanese,
 * code and formulas left out, once the widgets have drawn their first values.
 */

const JA = '\\u3040-\\u309f\\u30a0-\\u30fa\\u30fc-\\u30ff\\u3400-\\u9fff';
/** "(" touching Japanese or with Japanese inside, or a ":" right after Japanese (a shape after a space, 「形状 (2, 3)」, is code). */
const HALF_WIDTH = new RegExp(`[${JA}]\\(|\\([^()\\n]*[${JA}][^()\\n]*\\)|[${JA}] ?:`, 'g');

test('ja: no half-width parentheses or colons next to Japanese in any page’s rendered text', async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  for (const path of pages) {
    await openPage(page, path, 'ja');
    await settle(page);
    const text = await page.locator('main').evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('pre, code, .katex, details:not([open]) > :not(summary)').forEach((e) => e.remove());
      // innerText needs a rendered element: measure the copy off-screen
      copy.style.position = 'absolute';
      copy.style.left = '-99999px';
      document.body.append(copy);
      const t = copy.innerText;
      copy.remove();
      return t;
    });
    for (const m of text.matchAll(HALF_WIDTH)) problems.push(`${path}: “…${text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12).replace(/\s+/g, ' ')}…”`);
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test('both languages: no Markdown left unrendered (**, $…$) and no formula KaTeX could not typeset', async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  for (const lang of ['ja', 'en'] as const) {
    for (const path of pages) {
      await openPage(page, path, lang);
      await expect(page.locator('main h1')).toBeVisible();
      await expect(page.locator('article .loading')).toHaveCount(0);
      const text = await page.locator('main').innerText();
      for (const m of text.matchAll(/\*\*|\$[^$\n]{1,40}\$/g)) problems.push(`${lang} ${path}: “…${text.slice(Math.max(0, m.index - 20), m.index + 20).replace(/\s+/g, ' ')}…”`);
      const katexErrors = await page.locator('.katex-error').allTextContents();
      for (const e of katexErrors) problems.push(`${lang} ${path}: KaTeX could not typeset “${e}”`);
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});
