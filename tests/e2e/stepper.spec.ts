import { test, expect, openPage } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { loadFixture } from '../fixtures/numpy/load';

/** NumPy's arrays of the book's run (make_stepper.py) and the book's own first batch. */
const stepper = loadFixture('stepper_book.json');
const start = loadFixture('train_custom_loop_start.json');

const root = (page: Page) => page.getByTestId('iteration-stepper');
const ready = (l: Locator) => expect(l).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
const values = async (l: Locator) => (await l.locator('td').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.value))));

test.describe('iteration stepper (§1.3.5)', () => {
  test('iteration 1 shows NumPy’s loss and dW1 of the book’s first batch; steps back and forth by buttons and keys', async ({ page }) => {
    await openPage(page, '/ch01/1-3#widget-iteration-stepper', 'en');
    const st = root(page);
    await ready(st);
    await expect(st).toHaveAttribute('data-iteration', '1');
    await expect(st).toHaveAttribute('data-stage', 'batch');
    await expect(page.getByTestId('stepper-run')).toHaveAttribute('data-book', 'true');
    // the first rows of x are the book's first batch
    const x = await values(st.getByTestId('stepper-array-x'));
    start.first_batch.x.slice(0, 4).flat().forEach((v: number, i: number) => expect(Math.abs(x[i] - v)).toBeLessThanOrEqual(1e-15));

    // forward to the loss: five steps with the Next button
    for (let i = 0; i < 5; i++) await st.getByTestId('stepper-next').click();
    await expect(st).toHaveAttribute('data-stage', 'loss');
    const L = Number(await st.getByTestId('stepper-value-L').getAttribute('data-value'));
    expect(Math.abs(L - start.first_batch.loss)).toBeLessThan(1e-12);
    await expect(st.getByTestId('stepper-value-L')).toHaveText(/^1\.09798359270634/);

    // keys: → to the first Affine's backward (four more), ← back one, End / Home
    await st.getByTestId('stepper-panel').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(st).toHaveAttribute('data-stage', 'affine1-backward');
    const dW1 = await values(st.getByTestId('stepper-array-dW1'));
    const want = start.first_two_updates[0].grads[0] as number[][];
    expect(Math.abs(dW1[0] - want[0][0]) / Math.abs(want[0][0])).toBeLessThan(1e-10);
    await expect(st.getByTestId('stepper-array-dW1').locator('td').first()).toHaveText('-1.0377e-4');
    await expect(st.getByTestId('stepper-formula')).toContainText('dW1 = xᵀ·da (2, 10)');
    await page.keyboard.press('ArrowLeft');
    await expect(st).toHaveAttribute('data-stage', 'sigmoid-backward');
    await page.keyboard.press('End');
    await expect(st).toHaveAttribute('data-stage', 'update');
    await expect(st.getByTestId('stepper-next')).toBeDisabled();
    await page.keyboard.press('Home');
    await expect(st).toHaveAttribute('data-stage', 'batch');
    await expect(st.getByTestId('stepper-back')).toBeDisabled();
    // back button and the graph's node buttons
    await st.locator('[data-stage-button="sigmoid"]').click();
    await expect(st).toHaveAttribute('data-stage', 'sigmoid');
    await expect(st.locator('[data-stage-button="sigmoid"]')).toHaveAttribute('aria-current', 'step');
    await st.getByTestId('stepper-back').click();
    await expect(st).toHaveAttribute('data-stage', 'affine1');
  });

  test('choosing another iteration: 11 is epoch 2’s first batch, 1005 a later one, next/previous move by one', async ({ page }) => {
    await openPage(page, '/ch01/1-3#widget-iteration-stepper', 'en');
    const st = root(page);
    await ready(st);
    await st.locator('[data-stage-button="loss"]').click();
    await st.getByTestId('stepper-iteration').fill('11');
    await expect(st).toHaveAttribute('data-iteration', '11');
    await ready(st);
    await expect(st).toContainText('epoch 2, batch 1 of 10');
    await expect(st).toHaveAttribute('data-stage', 'loss'); // the step stays put across iterations
    const L11 = Number(await st.getByTestId('stepper-value-L').getAttribute('data-value'));
    expect(Math.abs(L11 - stepper.iterations['11'].loss)).toBeLessThan(1e-11);
    expect(new URL(page.url()).searchParams.get('iteration')).toBe('11');

    await st.getByTestId('stepper-iteration').fill('1005');
    await ready(st);
    await expect(st).toHaveAttribute('data-iteration', '1005');
    await expect(st).toContainText('epoch 101, batch 5 of 10');
    const L1005 = Number(await st.getByTestId('stepper-value-L').getAttribute('data-value'));
    expect(Math.abs(L1005 - stepper.iterations['1005'].loss)).toBeLessThan(1e-10);

    await st.getByTestId('stepper-prev-iter').click();
    await expect(st).toHaveAttribute('data-iteration', '1004');
    await ready(st);
    await st.getByTestId('stepper-next-iter').click();
    await ready(st);
    await expect(st).toHaveAttribute('data-iteration', '1005');
    expect(Number(await st.getByTestId('stepper-value-L').getAttribute('data-value'))).toBe(L1005);

    // out of range: a message, and the shown iteration stays
    await st.getByTestId('stepper-iteration').fill('3001');
    await expect(st).toContainText('Enter a whole number from 1 to 3000.');
    await expect(st).toHaveAttribute('data-iteration', '1005');
  });

  test('the lab links to the iteration it is at, with its settings; “back to the book’s settings” returns to the book’s run', async ({ page }) => {
    test.setTimeout(120_000);
    await openPage(page, '/ch01/1-4?lr=0.5', 'en');
    const lab = page.getByTestId('training-lab');
    await expect(page.getByTestId('lab-step')).toBeEnabled({ timeout: 60_000 });
    for (let i = 0; i < 3; i++) {
      await page.getByTestId('lab-step').click();
      await expect(lab).toHaveAttribute('data-iter', String(i + 1));
    }
    await page.getByTestId('lab-stepper-link').click();
    await expect(page).toHaveURL(/\/ch01\/1-3\?lr=0\.5&iteration=4#widget-iteration-stepper$/);
    const st = root(page);
    await ready(st);
    await expect(st).toHaveAttribute('data-iteration', '4');
    await expect(page.getByTestId('stepper-run')).toHaveAttribute('data-book', 'false');
    await expect(page.getByTestId('stepper-run')).toContainText('lr 0.5');
    await st.locator('[data-stage-button="update"]').click();
    await expect(st.getByTestId('stepper-formula')).toContainText('(lr = 0.5)');

    await page.getByRole('button', { name: 'Back to the book’s settings' }).click();
    await expect(page.getByTestId('stepper-run')).toHaveAttribute('data-book', 'true');
    await expect(st).toHaveAttribute('data-iteration', '1');
    await ready(st);
    expect(new URL(page.url()).search).toBe('');
  });

  test('bad addresses: junk or too large iterations fall back without a crash', async ({ page }) => {
    await openPage(page, '/ch01/1-3?iteration=abc#widget-iteration-stepper', 'en');
    await ready(root(page));
    await expect(root(page)).toHaveAttribute('data-iteration', '1');
    await openPage(page, '/ch01/1-3?iteration=99999999&epochs=2#widget-iteration-stepper', 'en');
    await ready(root(page));
    await expect(root(page)).toHaveAttribute('data-iteration', '20');
  });

  test('phone width, Japanese: no sideways scrolling, every step reachable', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await openPage(page, '/ch01/1-3#widget-iteration-stepper', 'ja');
    const st = root(page);
    await ready(st);
    await expect(st).toContainText('エポック 1 の 10 バッチ中 1 番目');
    for (let i = 0; i < 10; i++) await st.getByTestId('stepper-next').click();
    await expect(st).toHaveAttribute('data-stage', 'update');
    await expect(st.getByTestId('stepper-panel')).toContainText('パラメータの更新');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
