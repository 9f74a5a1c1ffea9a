import { test, expect } from './fixtures';
import { flatness, openLab, sample, sliderRestart } from '../../bench/soak';
import { devServer } from './hardening-helpers';
import { WATCHDOG_MS } from '../../src/lab/renderCadence';

/**
 * A short soak with the same checks as `npm run bench -- soak` (which runs 1,000,000 iterations
 * and 100 restarts): heap, DOM nodes, event listeners and workers stay flat after a forced GC,
 * and the loss chart stays bounded.
 */
test.describe('soak (short)', () => {
  test.describe.configure({ timeout: 240_000 });
  // The figures are about what readers get: React's development build keeps extra listeners.
  test.skip(devServer, 'measured on the production build');

  test('60,000 iterations at full speed leave memory, DOM, listeners and workers flat and the run stays done', async ({ page, baseURL }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await openLab(page, baseURL!, 'batch=1&epochs=200&speed=max'); // 300 × 200 = 60,000 iterations
    const lab = page.getByTestId('training-lab');
    await page.getByTestId('lab-play').click();
    await expect.poll(async () => Number(await lab.getAttribute('data-iter')), { timeout: 60_000 }).toBeGreaterThan(10_000);
    const early = await sample(page, cdp);
    await expect(lab).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
    const end = await sample(page, cdp);
    expect(end.iter).toBe(60_000);
    expect(end.lossPoints).toBeGreaterThan(10);
    expect(flatness(early, end)).toEqual([]);
    // A finished run stays finished (no watchdog fires on it).
    await page.waitForTimeout(WATCHDOG_MS + 2_000);
    await expect(lab).toHaveAttribute('data-status', 'done');
  });

  test('20 slider-driven restarts leave memory, DOM, listeners and workers flat', async ({ page, baseURL }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await openLab(page, baseURL!, 'epochs=300');
    await page.getByTestId('lab-play').click();
    for (let i = 0; i < 3; i++) await sliderRestart(page, i); // warm-up
    const before = await sample(page, cdp);
    for (let i = 0; i < 20; i++) await sliderRestart(page, i);
    const after = await sample(page, cdp);
    expect(after.workers).toBe(1);
    expect(flatness(before, after)).toEqual([]);
  });
});
