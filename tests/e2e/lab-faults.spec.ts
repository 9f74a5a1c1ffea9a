import { test, expect, openPage } from './fixtures';
import type { Page } from '@playwright/test';

const lab = (page: Page) => page.getByTestId('training-lab');

// The lab loads Plotly and starts a worker; on a busy 2-core machine that can take a while.
test.describe.configure({ timeout: 120_000 });

test.describe('training lab: bad input, divergence and worker faults', () => {
  test('junk URL values fall back to defaults with a note naming each key, in English and Japanese', async ({ page }) => {
    await openPage(page, '/ch01/1-4?lr=banana&hidden=9999&opt=zzz&foo=1&speed=max', 'en');
    const note = page.getByTestId('settings-note');
    await expect(note).toBeVisible();
    for (const key of ['lr', 'hidden', 'opt', 'foo']) await expect(note.locator(`li[data-key="${key}"]`)).toContainText(key);
    await expect(note).toContainText('out of range');
    await expect(page.getByTestId('lab-lr')).toHaveAttribute('aria-valuetext', '1');
    await expect(page.getByTestId('lab-hidden')).toHaveAttribute('aria-valuetext', '10');
    // the lab still trains with the defaults
    await page.getByTestId('lab-play').click();
    await expect(lab(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await openPage(page, '/ch01/1-4?lr=banana', 'ja');
    await expect(page.getByTestId('settings-note')).toContainText('“lr”');
    await expect(page.getByTestId('settings-note')).toContainText('既定値');
  });

  test('a far too large learning rate stops the run as diverged, explains why, and keeps finite values', async ({ page }) => {
    await openPage(page, '/ch01/1-4?lr=100&speed=max', 'en');
    const l = lab(page);
    await page.getByTestId('lab-play').click();
    await expect(l).toHaveAttribute('data-status', 'diverged', { timeout: 30_000 });
    const box = page.getByTestId('lab-diverged');
    await expect(box).toContainText('learning rate');
    await expect(box).toContainText('overshoots');
    await expect(box).not.toContainText('SGD'); // SGD is what diverged: no "switch back to SGD"
    expect(Number(await l.getAttribute('data-iter'))).toBeLessThan(3000);
    expect(Number.isFinite(Number(await l.getAttribute('data-loss')))).toBe(true);
    // lowering the rate starts a fresh run that trains normally
    await page.getByTestId('lab-lr').focus();
    await page.getByTestId('lab-lr').press('Home');
    await expect(page.getByTestId('lab-diverged')).toHaveCount(0);
    await expect(l).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  });

  test('a diverging Adam run is told it may switch back to SGD', async ({ page }) => {
    await openPage(page, '/ch01/1-4?lr=100&opt=adam&speed=max', 'en');
    await page.getByTestId('lab-play').click();
    await expect(lab(page)).toHaveAttribute('data-status', 'diverged', { timeout: 30_000 });
    await expect(page.getByTestId('lab-diverged')).toContainText('switch back to SGD');
  });

  test('a worker that throws shows status error with its message; Restart recovers', async ({ page }) => {
    await openPage(page, '/ch01/1-4?labfault=throw&speed=max', 'en');
    const l = lab(page);
    await expect(l).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
    await page.getByTestId('lab-play').click();
    await expect(l).toHaveAttribute('data-status', 'error');
    await expect(page.getByTestId('lab-error')).toContainText('test fault');
    await expect(page.getByTestId('lab-play')).toBeDisabled();
    await page.getByTestId('lab-restart').click();
    await expect(page.getByTestId('lab-error')).toHaveCount(0);
    await page.getByTestId('lab-play').click();
    await expect(l).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  });

  test.describe('uncaught', () => {
    test.use({ allowConsoleErrors: [/test fault/] });
    test('an uncaught error inside the worker reaches onerror and shows status error', async ({ page }) => {
      await openPage(page, '/ch01/1-4?labfault=uncaught', 'en');
      const l = lab(page);
      await expect(l).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
      await page.getByTestId('lab-play').click();
      await expect(l).toHaveAttribute('data-status', 'error');
      await expect(page.getByTestId('lab-error')).toContainText('test fault');
      await page.getByTestId('lab-restart').click();
      await expect(l).not.toHaveAttribute('data-status', 'error');
    });
  });

  test('a worker that disappears (closed) is noticed by the watchdog and can be restarted', async ({ page }) => {
    await openPage(page, '/ch01/1-4?labfault=close', 'en');
    const l = lab(page);
    await expect(l).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
    await page.getByTestId('lab-play').click();
    await expect(l).toHaveAttribute('data-status', 'error', { timeout: 30_000 });
    await expect(page.getByTestId('lab-error')).toContainText('stopped responding');
    await page.getByTestId('lab-restart').click();
    await page.getByTestId('lab-play').click();
    await expect.poll(async () => Number(await l.getAttribute('data-iter'))).toBeGreaterThan(0);
  });

  test('the page reads in Japanese: headings, controls and status', async ({ page }) => {
    await openPage(page, '/ch01/1-4', 'ja');
    await expect(page.locator('#spiral')).toContainText('スパイラル');
    await expect(page.getByTestId('lab-play')).toHaveText('▶ 再生');
    await expect(page.getByTestId('lab-status')).toHaveText('待機中');
    await page.getByTestId('lab-step').click();
    await expect(page.getByTestId('lab-status')).toHaveText('一時停止中');
    await expect(page.getByTestId('net-table')).toHaveAttribute('data-total', String(2 * 10 + 10 + 10 * 3 + 3));
  });
});
