import { test, expect, openPage } from './fixtures';

const sigma = (x: number) => 1 / (1 + Math.exp(-x));

test.describe('§1.2 widgets', () => {
  test('sigmoid: arrow keys on the curve’s handle move x and show σ(x)', async ({ page }) => {
    await openPage(page, '/ch01/1-2', 'en');
    const w = page.locator('[data-widget="sigmoid"]');
    const handle = w.getByTestId('sigmoid-handle');
    const start = Number(await handle.getAttribute('aria-valuenow'));
    await handle.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    const x = Math.round((start + 0.5) * 10) / 10;
    await expect(handle).toHaveAttribute('aria-valuenow', String(x));
    await expect(w.getByTestId('sigmoid-value')).toContainText(`= ${sigma(x).toFixed(4)}`);
    await page.keyboard.press('Home');
    await expect(w.getByTestId('sigmoid-value')).toContainText(`σ(-8.0)`);
    await expect(w.getByTestId('sigmoid-x')).toHaveValue('-8');
  });

  test('sigmoid: dragging on the plot moves the point', async ({ page }) => {
    await openPage(page, '/ch01/1-2', 'en');
    const w = page.locator('[data-widget="sigmoid"]');
    await w.locator('svg.sg-plot').scrollIntoViewIfNeeded();
    const box = (await w.locator('svg.sg-plot').boundingBox())!;
    const before = await w.getByTestId('sigmoid-value').textContent();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    const x = Number(await w.getByTestId('sigmoid-handle').getAttribute('aria-valuenow'));
    expect(x).toBeLessThan(-3);
    await expect(w.getByTestId('sigmoid-value')).not.toHaveText(before!);
    await expect(w.getByTestId('sigmoid-value')).toContainText(sigma(x).toFixed(4));
  });

  test('forward pass: the input slider moves values to the scores, from the keyboard', async ({ page }) => {
    await openPage(page, '/ch01/1-2', 'en');
    const w = page.locator('[data-widget="forward-pass"]');
    const scores = w.getByTestId('forward-scores');
    const before = await scores.textContent();
    await w.getByTestId('forward-x1').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(w.getByTestId('forward-x1')).toHaveValue('1.6');
    await expect(scores).not.toHaveText(before!);
    await expect(w.getByTestId('forward-diagram').locator('.fp-val').first()).toHaveText('1.60');
  });

  test('forward pass: the minibatch view annotates shapes and draws the broadcast bias; a new seed redraws the weights', async ({ page }) => {
    await openPage(page, '/ch01/1-2', 'en');
    const w = page.locator('[data-widget="forward-pass"]');
    await expect(w.getByTestId('forward-batch-shapes')).toContainText('x (10, 2) @ W1 (2, 4) + b1 (4,) → (10, 4)');
    await expect(w.getByTestId('forward-bias').locator('td')).toHaveCount(40);
    await expect(w.getByTestId('forward-bias').locator('td.ghost')).toHaveCount(36);
    // seed 0 is forward_net.py after np.random.seed(0): its first input is (1.76, 0.40)
    await expect(w.getByTestId('forward-batch-x').locator('td').first()).toHaveText('1.76');
    const s0 = await w.getByTestId('forward-batch-s').textContent();
    await w.getByTestId('forward-seed').fill('1984');
    await expect(w.getByTestId('forward-batch-s')).not.toHaveText(s0!);
    await w.getByTestId('forward-seed').fill('-3');
    await expect(w.getByText('Use a whole number from 0 to 4294967295.')).toBeVisible();
  });

  test('layers as classes: shapes follow the hidden size, and one SGD step changes the shared arrays', async ({ page }) => {
    await openPage(page, '/ch01/1-2', 'en');
    const w = page.locator('[data-widget="layers-as-classes"]');
    await expect(w.getByTestId('lac-param-0')).toContainText('W1 (2, 4)');
    await w.getByTestId('lac-hidden').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(w.getByTestId('lac-param-0')).toContainText('W1 (2, 6)');
    await expect(w.getByTestId('lac-param-2')).toContainText('W2 (6, 3)');
    await expect(w.getByTestId('lac-layers')).toContainText('[(6, 3), (3,)]');
    await expect(w.getByTestId('lac-dict')).toContainText("params['b1']  # (6,)");
    const readout = w.getByTestId('lac-step-readout');
    const before = await readout.textContent();
    await w.getByTestId('lac-step').click();
    await expect(readout).toContainText('1 updates');
    await expect(readout).not.toHaveText(before!);
    const text = (await readout.textContent())!;
    const [, p, W] = /params\[0\]\[0\] = (-?[\d.]+) · layers\[0\]\.W\[0, 0\] = (-?[\d.]+)/.exec(text)!;
    expect(p).toBe(W);
  });
});

test.describe('reading the pages', () => {
  for (const path of ['/ch01/1-1', '/ch01/1-2']) {
    for (const lang of ['ja', 'en'] as const) {
      test(`${path} in ${lang} fits a 390 px phone without sideways scrolling`, async ({ page }) => {
        await page.setViewportSize({ width: 390, height: 844 });
        await openPage(page, path, lang);
        await expect(page.locator('[data-widget]').first()).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      });
    }
  }

  test('?lang=en shows the English page and title; the switch turns it to Japanese', async ({ page }) => {
    await openPage(page, '/ch01/1-2#layers-as-classes', 'en');
    await expect(page.locator('#layers-as-classes')).toContainText('Layers as classes');
    await expect(page).toHaveTitle(/1\.2 Inference with a neural network/);
    await page.getByTestId('lang-switch').click();
    await expect(page.locator('#layers-as-classes')).toContainText('レイヤとしてのクラス化');
    await expect(page.locator('[data-widget="forward-pass"] .widget-title')).toContainText('順伝播');
    await expect(page).toHaveTitle(/1\.2 ニューラルネットワークの推論/);
  });
});
