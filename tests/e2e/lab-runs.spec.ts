import { test, expect, openPage } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { loadFixture } from '../fixtures/numpy/load';

/**
 * Runs as a reader makes and compares them: a slider dragged across many values starts one run
 * when it settles, short runs never replace the kept one, kept and pinned curves are named by
 * their settings, settings changed outside the lab leave it waiting, and Step shows the batch's
 * loss.
 */
const customLoop = loadFixture('cli_custom_book.json').expected;
const stepper = loadFixture('stepper_book.json');

const lab = (page: Page) => page.getByTestId('training-lab');
const num = async (l: Locator, name: string) => Number((await l.getAttribute(`data-${name}`)) ?? '');

test.describe.configure({ timeout: 120_000 });

/** Moves a range input through `values`, one input event every `gapMs` (as a fast drag does). */
async function sweep(slider: Locator, values: number[], gapMs: number) {
  await slider.evaluate(
    async (el, { values, gapMs }) => {
      const input = el as HTMLInputElement;
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      for (const v of values) {
        set.call(input, String(v));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, gapMs));
      }
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { values, gapMs },
  );
}

test('a fast drag of hidden units across 1→50 (input events 20 ms apart) starts at most 2 runs; the kept curve is the last settled run, named by its settings', async ({ page }) => {
  // batch 1: an epoch is 300 iterations, so a run started during the drag at speed 1 stays
  // shorter than an epoch
  await openPage(page, '/ch01/1-4?hidden=1&batch=1&epochs=2&speed=max', 'en');
  const l = lab(page);
  await expect(l).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
  await page.getByTestId('lab-play').click();
  await expect(l).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  const accuracy = await num(l, 'accuracy');
  const speed = page.getByTestId('lab-speed');
  await speed.focus();
  await speed.press('Home');
  const run0 = await num(l, 'run');
  await sweep(page.getByTestId('lab-hidden'), Array.from({ length: 50 }, (_, i) => i + 1), 20);
  await expect(page).toHaveURL(/hidden=50/);
  await expect(page.getByTestId('lab-run-current')).toContainText('SGD lr=1 h=50 batch=1 epochs=2');
  await page.waitForTimeout(800); // a late restart would show up here
  const runs = (await num(l, 'run')) - run0;
  expect(runs).toBeGreaterThanOrEqual(1);
  expect(runs).toBeLessThanOrEqual(2);
  // the curve kept for comparison is the run before the drag, with its settings and result
  const prev = page.getByTestId('lab-run-previous');
  await expect(prev).toContainText('SGD lr=1 h=1 batch=1 epochs=2');
  await expect(prev).toContainText(`${Math.round(accuracy * 100)} %`);
  await expect(l).toHaveAttribute('data-status', 'running');
  // two lines on the chart: the previous run and this one
  await expect(page.getByTestId('lab-loss-chart').locator('.scatterlayer .trace')).toHaveCount(2);
});

test('a run replaced before it finished one epoch never becomes the kept curve', async ({ page }) => {
  await openPage(page, '/ch01/1-4?batch=1&epochs=2&speed=max', 'en');
  const l = lab(page);
  await expect(l).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
  await page.getByTestId('lab-play').click();
  await expect(l).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  // slow down: an epoch of batch 1 is 300 iterations, 1 iteration a frame
  const speed = page.getByTestId('lab-speed');
  await speed.focus();
  await speed.press('Home');
  const hidden = page.getByTestId('lab-hidden');
  await hidden.focus();
  await hidden.press('ArrowRight'); // h = 11 plays, slowly
  await expect(page.getByTestId('lab-run-current')).toContainText('h=11');
  await expect(l).toHaveAttribute('data-status', 'running');
  await expect.poll(() => num(l, 'iter')).toBeGreaterThan(0);
  expect(await num(l, 'epoch')).toBe(0);
  await hidden.press('ArrowRight'); // h = 12 replaces it within its first epoch
  await expect(page.getByTestId('lab-run-current')).toContainText('h=12');
  await expect(page.getByTestId('lab-run-previous')).toContainText('h=10 batch=1 epochs=2');
});

test('pinning: SGD, Adam and Momentum on one chart, each named by its settings; a pinned run can be removed', async ({ page }) => {
  await openPage(page, '/ch01/1-4?speed=max&epochs=30', 'en');
  const l = lab(page);
  await expect(l).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
  await page.getByTestId('lab-play').click();
  await expect(l).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await page.getByTestId('lab-pin-current').click();
  await page.getByTestId('lab-opt').selectOption('adam');
  await expect(page.getByTestId('lab-run-current')).toContainText('Adam lr=1');
  await expect(l).toHaveAttribute('data-status', /done|diverged/, { timeout: 30_000 });
  await page.getByTestId('lab-pin-current').click();
  await page.getByTestId('lab-opt').selectOption('momentum');
  await expect(page.getByTestId('lab-run-current')).toContainText('Momentum lr=1');
  await expect(l).toHaveAttribute('data-status', /done|diverged/, { timeout: 30_000 });
  const pinned = page.getByTestId('lab-run-pinned');
  await expect(pinned).toHaveCount(2);
  await expect(pinned.nth(0)).toContainText('SGD lr=1 h=10 epochs=30 → ');
  await expect(pinned.nth(1)).toContainText('Adam lr=1 h=10 epochs=30 → ');
  // three lines: two pinned runs and this one (the pinned runs are not also "previous")
  await expect(page.getByTestId('lab-loss-chart').locator('.scatterlayer .trace')).toHaveCount(3);
  await pinned.nth(0).getByTestId('lab-unpin').click();
  await expect(pinned).toHaveCount(1);
  await expect(page.getByTestId('lab-loss-chart').locator('.scatterlayer .trace')).toHaveCount(2);
});

test('a slider outside the lab (1.4.1’s seed, 1.4.2’s hidden units) leaves the lab idle with the new settings and says what changed', async ({ page }) => {
  await openPage(page, '/ch01/1-4', 'en');
  const l = lab(page);
  await expect(l).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
  const run0 = await num(l, 'run');
  const seed = page.getByTestId('data-seed');
  await seed.focus();
  await seed.press('ArrowRight');
  await expect(page).toHaveURL(/seed=1985/);
  await expect.poll(() => num(l, 'run')).toBeGreaterThan(run0);
  await page.waitForTimeout(500);
  await expect(l).toHaveAttribute('data-status', 'idle');
  await expect(l).toHaveAttribute('data-iter', '0');
  await expect(page.getByTestId('lab-upstream')).toContainText('Random seed 1984 → 1985');
  await expect(page.getByTestId('lab-data')).toContainText('seed 1985, 3 classes × 100 points, noise 0.2');
  // the noise of 1.4.1 too: the lab's data line marks it as changed there
  const noise = page.getByTestId('data-noise');
  await noise.focus();
  await noise.press('ArrowRight');
  await expect(page.getByTestId('lab-upstream')).toContainText('0.2 → 0.21');
  await expect(page.getByTestId('lab-data')).toContainText('noise 0.21');
  await expect(page.getByTestId('lab-data')).toContainText('changed in 1.4.1');
  await expect(l).toHaveAttribute('data-status', 'idle');
  // 1.4.2's hidden units: still idle
  const hidden = page.getByTestId('net-hidden');
  await hidden.focus();
  await hidden.press('ArrowRight');
  await expect(page.getByTestId('lab-upstream')).toContainText('10 → 11');
  await page.waitForTimeout(500);
  await expect(l).toHaveAttribute('data-status', 'idle');
  // ▶ trains with the new settings and the notice goes
  await page.getByTestId('lab-play').click();
  await expect(l).toHaveAttribute('data-status', /running|done/);
  await expect(page.getByTestId('lab-upstream')).toHaveCount(0);
  await expect(page.getByTestId('lab-run-current')).toContainText('h=11 seed=1985 noise=0.21');
});

test('one Step shows that mini-batch’s loss (NumPy’s, stepper_book.json); a one-epoch Step goes to the end of the epoch and its report', async ({ page }) => {
  await openPage(page, '/ch01/1-4', 'en');
  const l = lab(page);
  await expect(l).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
  await page.getByTestId('lab-step').click();
  await expect(l).toHaveAttribute('data-iter', '1');
  await expect.poll(() => num(l, 'batch-loss')).toBeGreaterThan(0);
  expect(Math.abs((await num(l, 'batch-loss')) - stepper.iterations['1'].loss)).toBeLessThanOrEqual(1e-12);
  await expect(page.getByTestId('training-lab').locator('.lab-readouts')).toContainText(`Loss of the last mini-batch${stepper.iterations['1'].loss.toFixed(4)}`);
  await page.getByTestId('lab-step-size').selectOption('epoch');
  await page.getByTestId('lab-step').click();
  await expect(l).toHaveAttribute('data-iter', '10'); // 300 points / batch 30: the rest of epoch 1
  await expect(l).toHaveAttribute('data-epoch', '1');
  expect(Math.abs((await num(l, 'loss')) - customLoop.loss_list[0])).toBeLessThanOrEqual(1e-12);
  await page.getByTestId('lab-step').click();
  await expect(l).toHaveAttribute('data-iter', '20');
  await expect(l).toHaveAttribute('data-status', 'paused');
});

test('number boxes for epochs and seed: a typed value applies, junk is marked and changes nothing, leaving the box shows the value again', async ({ page }) => {
  await openPage(page, '/ch01/1-4', 'en');
  const l = lab(page);
  await expect(l).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
  const epochs = page.getByTestId('lab-epochs-box');
  await epochs.fill('1234');
  await expect(page).toHaveURL(/epochs=1234/);
  await expect(page.getByTestId('lab-epochs')).toHaveAttribute('aria-valuetext', '1234');
  await expect.poll(() => num(l, 'max-iter')).toBe(12340);
  await epochs.fill('0');
  await expect(epochs).toHaveAttribute('aria-invalid', 'true');
  await epochs.blur();
  await expect(epochs).toHaveValue('1234');
  await expect(page).toHaveURL(/epochs=1234/);
  const seed = page.getByTestId('lab-seed-box');
  await seed.fill('7');
  await expect(page).toHaveURL(/seed=7(&|$)/);
  await seed.fill('12.5');
  await expect(seed).toHaveAttribute('aria-invalid', 'true');
  await seed.press('Tab');
  await expect(seed).toHaveValue('7');
});
