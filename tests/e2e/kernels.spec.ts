import type { BrowserContext, Page } from '@playwright/test';
import { loadFixture } from '../fixtures/numpy/load';
import { test, expect, openPage } from './fixtures';

/**
 * The lab trains with the WebAssembly SIMD kernels where the browser runs them, and with the
 * TypeScript kernels where it cannot. Both reach the same final loss, to the last bit, and it is
 * the book's (NumPy's) final loss.
 */

/**
 * A browser without WebAssembly, as far as our pages can tell: `WebAssembly` is deleted before
 * any of our code runs, on the page and in every worker (whose scripts get the same first line).
 */
async function withoutWebAssembly(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
  });
  await context.route(/worker/, async (route) => {
    const response = await route.fetch();
    const body = `delete globalThis.WebAssembly;\n${await response.text()}`;
    await route.fulfill({ response, body });
  });
}

/** The book's train_custom_loop.py in NumPy (tests/fixtures/numpy/cli_custom_book.json). */
const numpyFinalLoss = (() => {
  const losses = loadFixture('cli_custom_book.json').expected.loss_list as number[];
  return losses[losses.length - 1];
})();

/** Plays the book run at full speed; returns the kernels the worker used and its final loss. */
async function bookRun(page: Page): Promise<{ kernels: string; loss: number }> {
  await openPage(page, '/ch01/1-4?speed=max', 'en');
  const lab = page.getByTestId('training-lab');
  await expect(lab).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
  await page.getByTestId('lab-play').click();
  await expect(lab).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  expect(await lab.getAttribute('data-iter')).toBe('3000');
  return { kernels: (await lab.getAttribute('data-kernels')) ?? '', loss: Number(await lab.getAttribute('data-loss')) };
}

test.describe.configure({ timeout: 180_000 });

test('the lab reaches the book’s final loss with and without WebAssembly, bit for bit the same', async ({ page, browser, baseURL }) => {
  const simd = await bookRun(page);
  expect(simd.kernels).toBe('wasm');
  expect(Math.abs(simd.loss - numpyFinalLoss)).toBeLessThanOrEqual(1e-12);

  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  try {
    await withoutWebAssembly(context);
    const plain = await context.newPage();
    const problems: string[] = [];
    plain.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    plain.on('pageerror', (e) => problems.push(e.message));
    const fallback = await bookRun(plain);
    expect(fallback.kernels).toBe('ts');
    expect(fallback.loss).toBe(simd.loss);
    expect(problems).toEqual([]);
  } finally {
    // a worker script still being fetched when the context closes (the page may start one as it
    // goes away) would fail its handler with "Response has been disposed": drop the route first
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  }
});
