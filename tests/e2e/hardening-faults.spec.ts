import type { Page } from '@playwright/test';
import { test, expect, openPage } from './fixtures';
import { WATCHDOG_MS } from '../../src/lab/renderCadence';
import { LAB_SCHEMA } from '../../src/state/labSettings';

const lab = (page: Page) => page.getByTestId('training-lab').first();
const iter = async (page: Page) => Number(await lab(page).getAttribute('data-iter'));

/** Restart after an error; the new worker trains again (playing at once if the run was playing). */
async function restartAndTrain(page: Page) {
  await page.getByTestId('lab-restart').click();
  await expect(page.getByTestId('lab-error')).toHaveCount(0);
  await expect(lab(page)).not.toHaveAttribute('data-status', 'error');
  const play = page.getByTestId('lab-play');
  // The restarted run may already be playing (Play disabled): then there is nothing to click.
  if (await play.isEnabled()) await play.click({ timeout: 3_000 }).catch(() => {});
  await expect.poll(() => iter(page), { timeout: 30_000 }).toBeGreaterThan(1);
  await expect(lab(page)).toHaveAttribute('data-status', 'running');
}

/** The book's settings as the lab's controls show them. */
async function expectBookDefaults(page: Page) {
  for (const [key, text] of [['hidden', '10'], ['lr', '1'], ['batch', '30'], ['epochs', '300'], ['seed', '1984'], ['speed', '10']]) {
    await expect(page.getByTestId(`lab-${key}`), key).toHaveAttribute('aria-valuetext', text);
  }
  await expect(page.getByTestId('lab-opt')).toHaveValue('sgd');
  await expect(page.getByTestId('lab-sampling')).toHaveValue('permutation');
}

/** The page wrote no markup from the URL: no injected element, no script ran. */
async function expectNothingInjected(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"], #xss')).toHaveCount(0);
}

test.describe('bad URLs', () => {
  const junk = '/ch01/1-4?lr=abc&hidden=-5&batch=1e9&seed=-1&speed=zzz&opt=%3Cscript%3E&epochs=NaN';

  for (const lang of ['en', 'ja'] as const) {
    test(`a URL with a junk value for seven settings shows the lab with a note and the book’s defaults, and still trains (${lang})`, async ({ page }) => {
      await openPage(page, junk, lang);
      const note = page.getByTestId('settings-note');
      await expect(note).toBeVisible();
      for (const key of ['lr', 'hidden', 'batch', 'seed', 'speed', 'opt', 'epochs']) {
        await expect(note.locator(`li[data-key="${key}"]`), key).toContainText(key);
      }
      await expect(note).toContainText(lang === 'ja' ? '既定値' : 'default');
      await expectBookDefaults(page);
      await page.getByTestId('lab-play').click();
      await expect.poll(() => iter(page), { timeout: 30_000 }).toBeGreaterThan(20);
      expect(Number.isFinite(Number(await lab(page).getAttribute('data-loss')))).toBe(true);
      await page.getByTestId('lab-pause').click();
      await expect(lab(page)).toHaveAttribute('data-status', 'paused');
      await expectNothingInjected(page);
    });
  }

  // Every key of the schema, each kind of bad value; the first occurrence of a key wins, so
  // "repeated" puts the junk first and a valid value after it.
  const keys = LAB_SCHEMA.map((e) => e.key);
  const kinds: Record<string, (k: string) => string> = {
    huge: (k) => `${k}=1e308`,
    negative: (k) => `${k}=-5`,
    nan: (k) => `${k}=NaN`,
    empty: (k) => `${k}=`,
    repeated: (k) => `${k}=zzz&${k}=2`,
    script: (k) => `${k}=${encodeURIComponent('<script>window.__xss=1</script><img src=x onerror="window.__xss=2">')}`,
    'no value': (k) => k,
  };
  for (const [kind, make] of Object.entries(kinds)) {
    test(`${kind} values for every lab key are refused with a note, and the lab still works`, async ({ page }) => {
      await openPage(page, `/ch01/1-4?${keys.map(make).join('&')}&lr=oops`, 'en');
      const note = page.getByTestId('settings-note');
      await expect(note).toBeVisible();
      // Every key is named (lr at least once; keys whose junk parses, e.g. seed=2, may not be).
      const named = await note.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-key')));
      expect(named).toContain('lr');
      expect(new Set(named).size).toBeGreaterThanOrEqual(kind === 'repeated' ? keys.length - 1 : keys.length - 2);
      await expect(page.getByTestId('lab-lr')).toHaveAttribute('aria-valuetext', '1');
      await expectNothingInjected(page);
      await page.getByTestId('lab-step').click();
      await expect.poll(() => iter(page)).toBe(1);
      await expect(lab(page)).toHaveAttribute('data-status', 'paused');
    });
  }

  test('a very long query (near the 8 KB a server accepts) is refused quietly, not a frozen tab', async ({ page }) => {
    await page.goto(`/ch01/1-4?lang=en&lr=${'9'.repeat(3000)}&${'x=&'.repeat(1300)}seed=${'1'.repeat(500)}`);
    const note = page.getByTestId('settings-note');
    await expect(note).toBeVisible();
    // The 3000-digit value is cut short in the note.
    await expect(note.locator('li[data-key="lr"]')).not.toContainText('9'.repeat(100));
    const t0 = Date.now();
    await page.getByTestId('lab-step').click();
    await expect.poll(() => iter(page)).toBe(1);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

test.describe('faults', () => {
  test('a worker that freezes (an endless loop) is noticed, explained, and Restart brings the lab back', async ({ page }) => {
    await openPage(page, '/ch01/1-4?speed=1&epochs=10000', 'en');
    await expect(lab(page)).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
    await page.getByTestId('lab-play').click();
    await expect.poll(() => iter(page)).toBeGreaterThan(0);
    // Block the worker's thread as a runaway computation would (never returns, so not awaited).
    // The newest training worker (in dev, StrictMode's first mount leaves an ended one behind).
    const worker = page.workers().filter((w) => /training/.test(w.url())).at(-1);
    expect(worker, 'the training worker').toBeDefined();
    void worker!.evaluate(() => {
      for (;;) {
        /* spin */
      }
    }).catch(() => {});
    await expect(lab(page)).toHaveAttribute('data-status', 'error', { timeout: 20_000 });
    await expect(page.getByTestId('lab-error')).toContainText('stopped responding');
    await restartAndTrain(page);
  });

  test('a worker the browser terminates is noticed, explained, and Restart brings the lab back', async ({ page }) => {
    await openPage(page, '/ch01/1-4?speed=1&epochs=10000', 'en');
    await expect(lab(page)).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
    await page.getByTestId('lab-play').click();
    await expect.poll(() => iter(page)).toBeGreaterThan(0);
    // The browser ends the worker's thread (as under memory pressure): no error event, no message.
    const cdp = await page.context().newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.filter((t) => t.type === 'worker' && /training/.test(t.url)).at(-1);
    expect(target, 'the training worker target').toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: target!.targetId }).catch(async () => {
      // Older Chromium cannot close worker targets; ending the thread from inside is equivalent.
      await page.workers().filter((w) => /training/.test(w.url())).at(-1)!.evaluate(() => (self as unknown as { close(): void }).close());
    });
    await expect(lab(page)).toHaveAttribute('data-status', 'error', { timeout: 20_000 });
    await restartAndTrain(page);
  });

  test('a tab hidden (frozen) for longer than the watchdog and shown again carries on training', async ({ page }) => {
    await openPage(page, '/ch01/1-4?speed=1&epochs=10000', 'en');
    await expect(lab(page)).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
    await page.getByTestId('lab-play').click();
    await expect.poll(() => iter(page)).toBeGreaterThan(0);
    const cdp = await page.context().newCDPSession(page);
    // Hidden, then frozen as Chromium freezes background tabs: timers, frames and the page stop.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
    await page.waitForTimeout(WATCHDOG_MS + 4_000); // overdue timers (the watchdog's) fire on resume
    await cdp.send('Page.setWebLifecycleState', { state: 'active' });
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const after = await iter(page);
    await expect.poll(() => iter(page), { timeout: 20_000 }).toBeGreaterThan(after + 10);
    await expect(lab(page)).toHaveAttribute('data-status', 'running');
    await expect(page.getByTestId('lab-error')).toHaveCount(0);
  });

  test.describe('Plotly', () => {
    // A first visit: no service worker (once one controls the page it answers Plotly from its
    // precache, where page.route cannot block it; the lab asks for Plotly seconds after the load).
    test.use({ serviceWorkers: 'block', allowConsoleErrors: [/Failed to load resource|Failed to fetch dynamically imported module|ERR_FAILED|error loading dynamically imported module|Importing a module script failed/] });
    test('when the charting library cannot be downloaded the lab says so, keeps training, and the chart comes back on retry', async ({ page }) => {
      let blocked = 0;
      await page.route(/plotly.*basic/i, (route) => {
        blocked++;
        return route.abort('internetdisconnected');
      });
      await openPage(page, '/ch01/1-4?speed=max&epochs=3', 'en');
      await expect(page.getByTestId('lab-loss-chart')).toContainText('could not be loaded');
      expect(blocked).toBeGreaterThan(0);
      // Only the library itself was blocked, not our small wrapper chunk.
      // Training does not need the chart: readouts and log still move.
      await page.getByTestId('lab-play').click();
      await expect(lab(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
      await expect(page.getByTestId('lab-log')).toContainText('epoch');
      // The network is back: Try again draws the chart.
      await page.unroute(/plotly.*basic/i);
      await page.getByTestId('lab-loss-chart').getByRole('button', { name: 'Try again' }).click();
      await expect(page.getByTestId('lab-loss-chart').locator('.main-svg').first()).toBeAttached({ timeout: 30_000 });
      await expect(page.getByTestId('lab-loss-chart')).not.toContainText('could not be loaded');
    });
  });
});
