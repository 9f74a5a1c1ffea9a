/**
 * The lab's first visit as a reader meets it: a fresh browser context (nothing cached, no service
 * worker), /ch01/1-4 at speed=max, Play clicked as soon as it is enabled. A probe installed
 * before the page's own scripts records, in the page's clock (0 = navigation start):
 * - `interactive`: the Play button is in the page and enabled;
 * - `click`: the click's own time stamp (so a busy main thread's delay in handling it counts);
 * - `done`: the run is done with its final boundary drawn (the lab's data-* contract).
 */
import type { Browser } from '@playwright/test';

export interface FirstVisit {
  interactive: number;
  click: number;
  done: number;
}

/** Installed before the page's scripts (also defines the __name helper tsx's evaluate callbacks call). */
export const FIRST_VISIT_PROBE = `
globalThis.__name = (f) => f;
globalThis.__lab = {};
const mo = new MutationObserver(() => {
  if (!globalThis.__lab.interactive && document.querySelector('[data-testid=lab-play]:not([disabled])')) { globalThis.__lab.interactive = performance.now(); mo.disconnect(); }
});
document.addEventListener('DOMContentLoaded', () => mo.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] }));
document.addEventListener('click', (e) => {
  const t = e.target;
  if (!(t instanceof HTMLElement) || t.dataset.testid !== 'lab-play' || globalThis.__lab.click) return;
  globalThis.__lab.click = e.timeStamp;
  const lab = document.querySelector('[data-testid=training-lab]');
  const ok = () => lab.dataset.status === 'done' && lab.dataset.boundaryStill === 'true' && lab.dataset.boundaryIter === lab.dataset.iter && lab.dataset.boundaryRun === lab.dataset.run;
  const o = new MutationObserver(() => { if (ok()) { globalThis.__lab.done = performance.now(); o.disconnect(); } });
  o.observe(lab, { attributes: true });
}, true);
`;

/**
 * One cold first visit in a fresh context; `during` runs between the navigation and the click
 * (e.g. to start a trace) and `after` once the run is done. Rejects after `timeoutMs`.
 */
export async function firstVisit(browser: Browser, url: string, hooks: { onPage?: (p: import('@playwright/test').Page) => Promise<void>; after?: (p: import('@playwright/test').Page) => Promise<void> } = {}, timeoutMs = 60_000): Promise<FirstVisit> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  try {
    const page = await ctx.newPage();
    await page.addInitScript(FIRST_VISIT_PROBE);
    await hooks.onPage?.(page);
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByTestId('lab-play').click({ timeout: timeoutMs });
    await page.waitForFunction(() => (globalThis as unknown as { __lab: { done?: number } }).__lab.done !== undefined, undefined, { timeout: timeoutMs });
    const r = await page.evaluate(() => (globalThis as unknown as { __lab: FirstVisit }).__lab);
    await hooks.after?.(page);
    return { interactive: r.interactive, click: r.click, done: r.done };
  } finally {
    await ctx.close();
  }
}
