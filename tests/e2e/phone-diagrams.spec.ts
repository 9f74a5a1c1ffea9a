import { test, expect, openPage } from './fixtures';
import { pages, settle } from './hardening-helpers';

/**
 * On a 390 px phone no diagram or table of a widget is cut off without a word: whatever is wider
 * than its box sits in a box that scrolls sideways and says so under it.
 */
test.use({ viewport: { width: 390, height: 844 } });

for (const path of pages.filter((p) => p.startsWith('/ch01/'))) {
  test(`${path}: every widget diagram fits its box or shows that it scrolls`, async ({ page }) => {
    test.setTimeout(90_000);
    await openPage(page, path, 'ja');
    await settle(page);
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      for (const w of document.querySelectorAll<HTMLElement>('main [data-widget]')) {
        const ws = getComputedStyle(w);
        const wb = w.getBoundingClientRect();
        const inner = wb.width - parseFloat(ws.paddingLeft) - parseFloat(ws.paddingRight) - parseFloat(ws.borderLeftWidth) - parseFloat(ws.borderRightWidth);
        for (const el of w.querySelectorAll<HTMLElement | SVGElement>('svg, table, canvas, img')) {
          if (el.closest('.plot, .show-code')) continue; // charts size themselves; code scrolls as code
          const b = el.getBoundingClientRect();
          if (b.width === 0) continue;
          let clip: HTMLElement | null = el.parentElement;
          while (clip && clip !== w && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
          const box = clip && clip !== w ? clip.clientWidth : inner;
          if (b.width <= box + 1) continue;
          const sb = el.closest<HTMLElement>('.scroll-box[data-overflow="true"]');
          const cue = sb?.querySelector<HTMLElement>(':scope > .scroll-cue');
          const seen = cue && cue.getBoundingClientRect().height > 0 && getComputedStyle(cue).visibility !== 'hidden';
          if (!seen) out.push(`${w.dataset.widget}: ${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} is ${Math.round(b.width)} px in a ${Math.round(box)} px box, with no scroll cue`);
        }
      }
      return out;
    });
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
}
