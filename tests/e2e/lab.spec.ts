import { test, expect, openPage } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { flat, loadFixture } from '../fixtures/numpy/load';

/** NumPy's run of the book's settings: train_custom_loop.py and train.py (Trainer.fit, eval_interval 10). */
const customLoop = loadFixture('cli_custom_book.json').expected;
const trainerFit = loadFixture('cli_train_book.json').expected;
const finalParams = (e: typeof customLoop): number[][] => ['W1', 'b1', 'W2', 'b2'].map((k) => flat(e.final_params[k]));

const lab = (page: Page) => page.getByTestId('training-lab');
const attr = async (l: Locator, name: string) => (await l.getAttribute(`data-${name}`)) ?? '';
const num = async (l: Locator, name: string) => Number(await attr(l, name));

// The lab loads Plotly and starts a worker; on a busy 2-core machine that can take a while.
test.describe.configure({ timeout: 120_000 });

test.describe('training lab (§1.4.3)', () => {
  test('book settings at speed=max end at NumPy’s final loss (within 1e-9) and accuracy, print its last log line, and draw the final boundary (cli_custom_book.json)', async ({ page }) => {
    const wantLoss: number = customLoop.loss_list.at(-1);
    await openPage(page, '/ch01/1-4?speed=max', 'en');
    const l = lab(page);
    await expect(l).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 }); // the untrained model is drawn first
    await page.getByTestId('lab-play').click();
    await expect(l).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    expect(await num(l, 'iter')).toBe(3000);
    expect(Math.abs((await num(l, 'loss')) - wantLoss)).toBeLessThanOrEqual(1e-9);
    expect(await num(l, 'accuracy')).toBe(customLoop.accuracy);
    await expect(l).toHaveAttribute('data-boundary-iter', '3000');
    await expect(l).toHaveAttribute('data-boundary-still', 'true');
    expect(await attr(l, 'boundary-run')).toBe(await attr(l, 'run'));
    // the log panel prints the book script's last line
    await expect(page.getByTestId('lab-log')).toContainText(customLoop.printed.at(-1));
  });

  test('batch 32, 50 and 100 (fewer than 10 iterations an epoch, so the book’s script never reports) end with a finite data-loss, a drawn curve of epoch means and the page saying why; batch 32 ends at NumPy’s accuracy (cli_custom_batch32.json)', async ({ page }) => {
    const batch32 = loadFixture('cli_custom_batch32.json').expected;
    expect(batch32.loss_list).toEqual([]); // NumPy's own run reports nothing
    for (const batch of [32, 50, 100]) {
      await openPage(page, `/ch01/1-4?speed=max&batch=${batch}`, 'en');
      const l = lab(page);
      await expect(l).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
      await page.getByTestId('lab-play').click();
      await expect(l).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
      const perEpoch = Math.floor(300 / batch);
      expect(await num(l, 'iter')).toBe(300 * perEpoch);
      await expect(l).toHaveAttribute('data-loss-kind', 'epoch-mean');
      const loss = await num(l, 'loss');
      expect(Number.isFinite(loss) && loss > 0 && loss < 1.2).toBe(true); // below chance (ln 3 ≈ 1.0986) + margin
      expect(await attr(l, 'loss')).not.toBe('');
      expect(await num(l, 'loss-points')).toBe(300); // one mean per epoch
      await expect(page.getByTestId('lab-loss-chart').locator('.scatterlayer .trace path').last()).toHaveAttribute('d', /L/);
      await expect(page.getByTestId('lab-loss-note')).toContainText(`batch size ${batch} an epoch has only ${perEpoch} iterations`);
      await expect(page.getByTestId('lab-log')).not.toContainText('| epoch'); // the book's script prints nothing
      if (batch === 32) expect(await num(l, 'accuracy')).toBe(batch32.accuracy);
    }
    // the book's settings report as the book does, with no note
    await openPage(page, '/ch01/1-4?speed=max', 'en');
    await page.getByTestId('lab-play').click();
    await expect(lab(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(lab(page)).toHaveAttribute('data-loss-kind', 'report');
    expect(await num(lab(page), 'loss-points')).toBe(customLoop.loss_list.length);
    await expect(page.getByTestId('lab-loss-note')).toHaveCount(0);
  });

  test('the Trainer view’s Trainer.fit and custom loop end bit-identical, at NumPy’s final weights (within 1e-10) with NumPy’s report count; clipping changes them', async ({ page }) => {
    const want = finalParams(customLoop);
    await openPage(page, '/ch01/1-4#trainer', 'en');
    const tv = page.getByTestId('trainer-view');
    await expect(tv).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    // Trainer.fit and the custom loop, both run in this browser, end bit-identical…
    await expect(tv).toHaveAttribute('data-max-diff', '0');
    // …and agree with NumPy's run to the CLI's tolerance (NumPy and V8 round exp/log
    // differently in the last bit for a few inputs)
    const params = JSON.parse(await attr(tv, 'final-params')) as number[][];
    expect(params.map((p) => p.length)).toEqual(want.map((p) => p.length));
    params.forEach((p, i) => p.forEach((v, k) => expect(Math.abs(v - want[i][k])).toBeLessThan(1e-10)));
    // Trainer.fit and the custom loop both trained the same weights: the fixtures agree too
    finalParams(trainerFit).forEach((p, i) => p.forEach((v, k) => expect(Math.abs(v - want[i][k])).toBeLessThan(1e-12)));
    await expect(page.getByTestId('trainer-compare')).toContainText('identical');
    // eval_interval 10 → one report per epoch at its first iteration
    await expect(tv).toHaveAttribute('data-loss-count', String(trainerFit.loss_list.length));
    // clipping changes the weights, and the page says so
    const clip = page.getByTestId('trainer-maxgrad');
    await clip.focus();
    await clip.press('ArrowRight');
    await expect(page).toHaveURL(/maxgrad=0\.1/);
    await expect(tv).not.toHaveAttribute('data-max-diff', '0', { timeout: 30_000 });
    await expect(tv).toHaveAttribute('data-status', 'done');
  });

  test('playing redraws the boundary live; Pause stops it; Play resumes', async ({ page }) => {
    await openPage(page, '/ch01/1-4?epochs=10000', 'en');
    const l = lab(page);
    await expect(l).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
    const before = await num(l, 'boundary-redraws');
    await page.getByTestId('lab-play').click();
    await expect(l).toHaveAttribute('data-status', 'running');
    await expect.poll(() => num(l, 'boundary-redraws')).toBeGreaterThan(before + 10);
    await expect.poll(() => num(l, 'iter')).toBeGreaterThan(100);
    expect(await attr(l, 'boundary-run')).toBe(await attr(l, 'run'));
    await page.getByTestId('lab-pause').click();
    await expect(l).toHaveAttribute('data-status', 'paused');
    const stopped = await num(l, 'iter');
    await page.waitForTimeout(300);
    expect(await num(l, 'iter')).toBe(stopped);
    await expect(l).toHaveAttribute('data-boundary-still', 'true');
    await page.getByTestId('lab-play').click();
    await expect.poll(() => num(l, 'iter')).toBeGreaterThan(stopped);
  });

  test('Step advances exactly one iteration; Reset starts a new run from zero', async ({ page }) => {
    await openPage(page, '/ch01/1-4', 'en');
    const l = lab(page);
    await expect(l).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
    const run0 = await attr(l, 'run');
    await page.getByTestId('lab-step').click();
    await expect(l).toHaveAttribute('data-iter', '1');
    await page.getByTestId('lab-step').click();
    await expect(l).toHaveAttribute('data-iter', '2');
    await expect(l).toHaveAttribute('data-status', 'paused');
    for (let i = 0; i < 8; i++) await page.getByTestId('lab-step').click();
    await expect(l).toHaveAttribute('data-iter', '10');
    // the 10th iteration makes the first report: the book's first log line
    await expect(page.getByTestId('lab-log')).toContainText(customLoop.printed[0]);
    await page.getByTestId('lab-reset').click();
    await expect(l).toHaveAttribute('data-iter', '0');
    await expect(l).toHaveAttribute('data-status', 'idle');
    expect(await attr(l, 'run')).not.toBe(run0);
    await expect.poll(async () => (await attr(l, 'boundary-run')) === (await attr(l, 'run'))).toBe(true);
  });

  test('the lr, hidden, batch, epochs and seed sliders each start a new run at once (speed does not), and the URL round-trips', async ({ page }) => {
    await openPage(page, '/ch01/1-4', 'en');
    const l = lab(page);
    await expect(l).toHaveAttribute('data-boundary-redraws', /[1-9]/, { timeout: 60_000 });
    const moves: [string, string, RegExp][] = [
      ['lab-lr', 'ArrowRight', /lr=1\.12/],
      ['lab-hidden', 'ArrowRight', /hidden=11/],
      ['lab-batch', 'ArrowLeft', /batch=29/],
      ['lab-epochs', 'ArrowLeft', /epochs=299/],
      ['lab-seed', 'ArrowRight', /seed=1985/],
    ];
    for (const [id, key, url] of moves) {
      const run = await attr(l, 'run');
      const slider = page.getByTestId(id);
      await slider.focus();
      await slider.press(key);
      await expect(page).toHaveURL(url);
      await expect(l).not.toHaveAttribute('data-run', run);
      // the new run's own boundary reaches the screen (never the previous run's)
      const now = await attr(l, 'run');
      await expect(l).toHaveAttribute('data-boundary-run', now);
    }
    await expect(l).toHaveAttribute('data-status', 'running'); // a slider change plays the new run
    const run = await attr(l, 'run');
    const speed = page.getByTestId('lab-speed');
    await speed.focus();
    await speed.press('End');
    await expect(page).toHaveURL(/speed=max/);
    expect(await attr(l, 'run')).toBe(run);
    await expect(l).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    expect(await num(l, 'iter')).toBe(299 * Math.floor(300 / 29));
    // reload the shared URL: the same settings come back, with no note
    await page.reload();
    await expect(page.getByTestId('lab-lr')).toHaveAttribute('aria-valuetext', '1.12');
    await expect(page.getByTestId('lab-hidden')).toHaveAttribute('aria-valuetext', '11');
    await expect(page.getByTestId('lab-batch')).toHaveAttribute('aria-valuetext', '29');
    await expect(page.getByTestId('lab-epochs')).toHaveAttribute('aria-valuetext', '299');
    await expect(page.getByTestId('lab-seed')).toHaveAttribute('aria-valuetext', '1985');
    await expect(page.getByTestId('lab-speed')).toHaveAttribute('aria-valuetext', 'max');
    await expect(page.getByTestId('settings-note')).toHaveCount(0);
  });

  test('optimizer and sampling selects: choice per batch shows repeated and never-seen counts', async ({ page }) => {
    await openPage(page, '/ch01/1-4?speed=max&epochs=5', 'en');
    const l = lab(page);
    await page.getByTestId('lab-sampling').selectOption('choice');
    await expect(page).toHaveURL(/sampling=choice/);
    await expect(l).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    const dup = await num(l, 'duplicates');
    const unseen = await num(l, 'never-seen');
    expect(dup).toBeGreaterThan(0);
    expect(unseen).toBe(dup); // 10 batches of 30 draw 300 times from 300 samples
    await expect(l.locator('.lab-readouts')).toContainText('every repeat leaves one sample out'); // and the page says why
    await page.getByTestId('lab-sampling').selectOption('permutation');
    await expect(l).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(l).toHaveAttribute('data-duplicates', '0');
    await expect(l).toHaveAttribute('data-never-seen', '0');
    await page.getByTestId('lab-opt').selectOption('adam');
    await expect(page).toHaveURL(/opt=adam/);
    await expect(l).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  });

  test('the book’s h = 0.001 grid: its button right under the chart, the points that changed class counted and magnified, kept across a view change until the run changes; show the grid draws dots at its default spacing', async ({ page }) => {
    await openPage(page, '/ch01/1-4?speed=max&epochs=30', 'en');
    const l = lab(page);
    const box = page.getByTestId('lab-boundary');
    await page.getByTestId('lab-play').click();
    await expect(l).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(l).toHaveAttribute('data-boundary-still', 'true');
    const chart = await page.getByTestId('lab-boundary-chart').boundingBox();
    const button = await page.getByTestId('lab-book-grid').boundingBox();
    expect(button!.y).toBeGreaterThanOrEqual(chart!.y + chart!.height - 1);
    expect(button!.y).toBeLessThan(chart!.y + chart!.height + 40);
    await page.getByTestId('lab-book-grid').click();
    await expect(box).toHaveAttribute('data-grid-h', '0.001', { timeout: 30_000 });
    const diff = page.getByTestId('lab-book-diff');
    await expect(diff).toHaveAttribute('data-total', String(2047 * 2112));
    const changed = Number(await diff.getAttribute('data-changed'));
    // some points change class, and only along the borders: far fewer than 1 % of them
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(0.01 * 2047 * 2112);
    await expect(diff).toContainText('get another class than the coarse grid');
    await expect(page.getByTestId('lab-book-zoom')).toBeVisible();
    await expect(page.getByTestId('lab-book-grid')).toBeDisabled();
    // a view change and back keeps it (the same model), a new run drops it
    await page.getByTestId('lab-view').selectOption('grid');
    await page.getByTestId('lab-view').selectOption('class');
    await expect(box).toHaveAttribute('data-grid-h', '0.001');
    await page.waitForTimeout(500);
    await expect(box).toHaveAttribute('data-grid-h', '0.001');
    await expect(diff).toBeVisible();
    const hidden = page.getByTestId('lab-hidden');
    await hidden.focus();
    await hidden.press('ArrowRight');
    await expect(box).not.toHaveAttribute('data-grid-h', '0.001', { timeout: 30_000 });
    await expect(diff).toHaveCount(0);
    await expect(page.getByTestId('lab-book-grid')).toBeEnabled({ timeout: 30_000 });
    // show the grid at its default spacing: dots, not "too many points"
    await page.getByTestId('lab-view').selectOption('grid');
    await expect(l).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(box).toHaveAttribute('data-grid-markers', 'true', { timeout: 30_000 });
    await expect(box).toHaveAttribute('data-grid-h', '0.04');
  });

  test('show the grid: the meshgrid points at spacing h, and the book’s h = 0.001 grid as an image', async ({ page }) => {
    await openPage(page, '/ch01/1-4?speed=max&view=grid&h=0.05', 'en');
    const l = lab(page);
    const box = page.getByTestId('lab-boundary');
    await page.getByTestId('lab-play').click();
    await expect(l).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(box).toHaveAttribute('data-grid-h', '0.05');
    await expect(box).toHaveAttribute('data-grid-markers', 'true');
    await page.getByTestId('lab-book-grid').click();
    await expect(box).toHaveAttribute('data-grid-h', '0.001', { timeout: 30_000 });
    await expect(box).toHaveAttribute('data-grid-points', String(2047 * 2112));
    await expect(page.getByTestId('lab-grid-info')).toContainText('2047 × 2112');
  });
});
