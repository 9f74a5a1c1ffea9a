import type { Page } from '@playwright/test';
import { test, expect, openPage } from './fixtures';
import { pages, settle } from './hardening-helpers';

/** What has focus now: its test id (or tag and text), whether it is in the lab, and its outline. */
function focused(page: Page) {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement;
    const cs = getComputedStyle(e);
    return {
      id: e.getAttribute('data-testid') ?? `${e.tagName.toLowerCase()}:${(e.textContent ?? '').trim().slice(0, 30)}`,
      inLab: !!e.closest('[data-testid=training-lab]'),
      visible: e !== document.body && ((cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none'),
    };
  });
}

const lab = (page: Page) => page.getByTestId('training-lab').first();

test('keyboard only: the lab’s controls come in reading order, each with a visible focus ring', async ({ page }) => {
  await openPage(page, '/ch01/1-4', 'en');
  await expect(lab(page)).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
  await page.keyboard.press('Tab');
  expect((await focused(page)).id).toMatch(/^a:Skip to content/);
  const order: string[] = [];
  for (let i = 0; i < 80 && order.length < 17; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    expect(f.visible, `focus ring on ${f.id}`).toBe(true);
    if (f.inLab) order.push(f.id);
  }
  // the order the eye meets at 1280 px as on a phone: the buttons bar across the top (Pause is
  // disabled before a run), the boundary's own button right under it, then the controls column
  // (a number box before its wide slider)
  expect(order.slice(0, 16)).toEqual([
    'lab-play', 'lab-step', 'lab-step-size', 'lab-reset', 'lab-book-grid',
    'lab-hidden', 'lab-lr', 'lab-batch', 'lab-epochs-box', 'lab-epochs', 'lab-seed-box', 'lab-seed', 'lab-speed', 'lab-opt', 'lab-sampling',
    'button:Back to the book’s settings',
  ]);
});

test('keyboard only: sliders move with arrow keys, Home and End, and each move starts a new run', async ({ page }) => {
  await openPage(page, '/ch01/1-4', 'en');
  await expect(lab(page)).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
  const hidden = page.getByTestId('lab-hidden');
  await hidden.focus();
  const run0 = Number(await lab(page).getAttribute('data-run'));
  await page.keyboard.press('ArrowRight');
  await expect(hidden).toHaveAttribute('aria-valuetext', '11');
  await expect.poll(async () => Number(await lab(page).getAttribute('data-run'))).toBeGreaterThan(run0);
  await page.keyboard.press('End');
  await expect(hidden).toHaveAttribute('aria-valuetext', '100');
  await page.keyboard.press('Home');
  await expect(hidden).toHaveAttribute('aria-valuetext', '1');
  await expect(page).toHaveURL(/hidden=1(&|$)/);
  // The learning-rate slider is logarithmic: one arrow step moves by a factor, not by 0.05.
  const lr = page.getByTestId('lab-lr');
  await lr.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(lr).toHaveAttribute('aria-valuetext', '0.891');
  // Selects too: the optimizer changes with arrow keys.
  await page.getByTestId('lab-opt').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('lab-opt')).toHaveValue('momentum');
});

test('keyboard only: Play, Pause and Play again with Enter and Space, never losing the way', async ({ page }) => {
  await openPage(page, '/ch01/1-4?speed=1&epochs=1000', 'en');
  await expect(lab(page)).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
  await page.getByTestId('lab-play').focus();
  await page.keyboard.press('Enter');
  await expect(lab(page)).toHaveAttribute('data-status', 'running');
  // Play is disabled while running, so focus is handed to Pause (not dropped on <body>).
  await expect.poll(async () => (await focused(page)).id).toBe('lab-pause');
  await page.keyboard.press('Space');
  await expect(lab(page)).toHaveAttribute('data-status', 'paused');
  const iter = Number(await lab(page).getAttribute('data-iter'));
  // …and back to Play when Pause is disabled in turn.
  await expect.poll(async () => (await focused(page)).id).toBe('lab-play');
  await page.keyboard.press('Space');
  await expect.poll(async () => Number(await lab(page).getAttribute('data-iter'))).toBeGreaterThan(iter);
});

test.describe('reduced motion', () => {
  test.use({ colorScheme: 'light', reducedMotion: 'reduce' });
  for (const path of pages) {
    test(`${path}: with reduced motion nothing animates or transitions for longer than a frame`, async ({ page }) => {
      await openPage(page, path, 'en');
      await settle(page);
      // Start what moves on the page: the lab trains, buttons get hovered.
      const play = page.getByTestId('lab-play').first();
      if (await play.count()) await play.click();
      const moving = await page.evaluate(() => {
        const secs = (list: string) => Math.max(...list.split(',').map((t) => (t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t))));
        const long: string[] = [];
        for (const el of Array.from(document.querySelectorAll<HTMLElement>('*'))) {
          const cs = getComputedStyle(el);
          if (cs.animationName !== 'none' && secs(cs.animationDuration) > 0.001) long.push(`animation ${cs.animationName} on ${el.className}`);
          if (secs(cs.transitionDuration) > 0.001) long.push(`transition ${cs.transitionProperty} on ${el.className}`);
        }
        for (const a of document.getAnimations()) {
          const d = a.effect?.getTiming().duration;
          if (typeof d === 'number' && d > 1) long.push(`running animation of ${d} ms`);
        }
        return long;
      });
      expect(moving).toEqual([]);
    });
  }
});
