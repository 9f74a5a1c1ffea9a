import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, loadEveryWidget, openPage } from './fixtures';

/** Presses `key` n times on a focused control (one key press per step, as a reader would). */
async function press(control: Locator, key: string, n: number) {
  await control.focus();
  for (let i = 0; i < n; i++) await control.press(key);
}

/** Picks an option of a ChoiceGroup (native radio buttons) by its label. */
async function choose(group: Locator, name: string) {
  await group.getByRole('radio', { name, exact: true }).check();
}

async function relError(el: Locator): Promise<number> {
  return Number(await el.getAttribute('data-rel-error'));
}

async function widget(page: Page, name: string): Promise<Locator> {
  await page.locator(`#widget-${name}`).scrollIntoViewIfNeeded(); // far-down widgets load near the screen
  const w = page.locator(`[data-widget="${name}"]`);
  await expect(w).toBeVisible();
  return w;
}

test.describe('§1.3 learning page', () => {
  test.beforeEach(async ({ page }) => {
    await openPage(page, '/ch01/1-3', 'en');
  });

  test('softmax-loss: keyboard-moved scores change the probabilities and the loss is −log(p_t + 1e-7)', async ({ page }) => {
    const w = await widget(page, 'softmax-loss');
    const loss = w.getByTestId('softmax-loss-value');
    const before = await loss.textContent();
    const s0 = w.getByTestId('softmax-score-0');
    await s0.focus();
    for (let i = 0; i < 20; i++) await s0.press('ArrowRight'); // s0: 0.3 → 2.3
    await expect(s0).toHaveAttribute('aria-valuetext', '2.3');
    await expect(loss).not.toHaveText(before!);
    const probs = await Promise.all([0, 1, 2].map(async (i) => Number(await w.getByTestId(`softmax-prob-${i}`).getAttribute('data-value'))));
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(Number(await loss.textContent())).toBeCloseTo(-Math.log(probs[0] + 1e-7), 3);
    // choose class 2 as the truth: the loss follows that class's probability
    await choose(w.getByTestId('softmax-truth'), 'class 2');
    await expect(loss).toHaveText((-Math.log(probs[2] + 1e-7)).toFixed(4));
  });

  test('softmax-loss: scores near 1000 turn the naive formula into NaN, the stable one stays finite', async ({ page }) => {
    const w = await widget(page, 'softmax-loss');
    await expect(w.getByTestId('softmax-naive')).not.toContainText('NaN');
    await w.getByTestId('softmax-add-1000').check();
    await expect(w.getByTestId('softmax-naive')).toContainText('NaN');
    await expect(w.getByTestId('softmax-stable')).not.toContainText('NaN');
    await expect(w).toContainText('Infinity');
  });

  test('derivative: the point moves by keyboard; a tiny h makes the central difference worse and moves the h mark across the log-log error plot', async ({ page }) => {
    const w = await widget(page, 'derivative');
    const point = w.getByTestId('derivative-point');
    await point.focus();
    await point.press('ArrowRight');
    await point.press('ArrowRight');
    await expect(point).toHaveAttribute('aria-valuenow', '0.9');
    const analytic = Number(await w.getByTestId('derivative-analytic').textContent());
    expect(analytic).toBeCloseTo(3 * 0.9 * 0.9 - 2, 9);
    const errAt = async () => Number(await w.getByTestId('derivative-error').textContent());
    const moderate = await errAt(); // h = 1e-4
    // x axis: log10 h from −1 (x = 56) to −15 (x = 356), so 1e-4 sits at 56 + 3/14 · 300
    const mark = w.getByTestId('derivative-h-mark');
    await expect(mark).toHaveAttribute('x1', '120.3');
    await w.getByTestId('derivative-h').focus();
    await w.getByTestId('derivative-h').press('Home'); // h = 1e-15
    await expect(w.getByTestId('derivative-h')).toHaveAttribute('aria-valuetext', '1e-15');
    expect(await errAt()).toBeGreaterThan(moderate * 10);
    await expect(mark).toHaveAttribute('x1', '356.0');
    const plot = w.getByTestId('derivative-error-plot');
    await expect(plot.locator('[data-series="central"] circle')).toHaveCount(29);
    await expect(plot.locator('[data-series="forward"] circle')).toHaveCount(29);
  });

  test('chain-rule: ∂z/∂x = 2(x + y) and the numerical check agrees', async ({ page }) => {
    const w = await widget(page, 'chain-rule');
    await press(w.getByTestId('chain-x'), 'ArrowRight', 5); // 1.5 → 2.0
    await press(w.getByTestId('chain-y'), 'ArrowRight', 9); // −0.5 → 0.4
    await expect(w.getByTestId('chain-x')).toHaveAttribute('aria-valuetext', '2.0');
    await expect(w.getByTestId('chain-y')).toHaveAttribute('aria-valuetext', '0.4');
    await expect(w.getByTestId('chain-dzdx')).toHaveText(String(2 * (2.0 + 0.4)));
    expect(Number(await w.getByTestId('chain-numeric-dzdx').textContent())).toBeCloseTo(4.8, 8);
    expect(await relError(w.getByTestId('chain-check'))).toBeLessThan(1e-6);
  });

  test('graph-nodes: a changed upstream gradient flows back through Multiply as upstream × the other input', async ({ page }) => {
    const w = await widget(page, 'graph-nodes');
    await choose(w.getByTestId('graph-node-kind'), 'Multiply (×)');
    await w.getByTestId('graph-input-0').fill('-1.5');
    await w.getByTestId('graph-input-1').fill('4');
    await w.getByTestId('graph-upstream-0').fill('2.5');
    await expect(w.getByTestId('graph-output-0')).toHaveText('-6');
    await expect(w.getByTestId('graph-grad-0')).toHaveText('10'); // 2.5 × 4
    await expect(w.getByTestId('graph-grad-1')).toHaveText('-3.75'); // 2.5 × −1.5
    for (const i of [0, 1]) expect(await relError(w.getByTestId(`graph-check-${i}`))).toBeLessThan(1e-6);
  });

  test('graph-nodes: Repeat’s backward sums the rows, Sum’s backward repeats them', async ({ page }) => {
    const w = await widget(page, 'graph-nodes');
    await choose(w.getByTestId('graph-node-kind'), 'Repeat');
    await w.getByTestId('graph-upstream-0').fill('[[1, 2, 3], [10, 20, 30], [100, 200, 300]]');
    await expect(w.getByTestId('graph-grad-0')).toHaveText('[111, 222, 333]');
    await expect(w.getByTestId('graph-dual')).toHaveAttribute('data-same', 'true');
    await expect(w.getByTestId('graph-dual')).toContainText('[111, 222, 333]');
    expect(await relError(w.getByTestId('graph-check-0'))).toBeLessThan(1e-6);
    await choose(w.getByTestId('graph-node-kind'), 'Sum');
    await w.getByTestId('graph-upstream-0').fill('[7, 8, 9]');
    await expect(w.getByTestId('graph-grad-0')).toHaveText('[[7, 8, 9], [7, 8, 9], [7, 8, 9]]');
    await expect(w.getByTestId('graph-dual')).toHaveAttribute('data-same', 'true');
    expect(await relError(w.getByTestId('graph-check-0'))).toBeLessThan(1e-6);
    // a wrongly shaped upstream gradient gets a message, not a crash
    await w.getByTestId('graph-upstream-0').fill('[1, 2]');
    await expect(w).toContainText('Use the output’s shape (1,3).');
  });

  test('graph-nodes: MatMul gives dx = dy·Wᵀ and dW = xᵀ·dy with the input shapes', async ({ page }) => {
    const w = await widget(page, 'graph-nodes');
    await choose(w.getByTestId('graph-node-kind'), 'MatMul');
    await w.getByTestId('graph-input-0').fill('[[1, 2]]');
    await w.getByTestId('graph-input-1').fill('[[1, 0, 2], [0, 1, 3]]');
    await w.getByTestId('graph-upstream-0').fill('[1, 10, 100]');
    await expect(w.getByTestId('graph-output-0')).toHaveText('[1, 2, 8]');
    await expect(w.getByTestId('graph-grad-0')).toHaveText('[201, 310]');
    await expect(w.getByTestId('graph-grad-1')).toHaveText('[[1, 10, 100], [2, 20, 200]]');
    for (const i of [0, 1]) expect(await relError(w.getByTestId(`graph-check-${i}`))).toBeLessThan(1e-6);
    await w.getByTestId('graph-input-1').fill('[[1, 0], [0, 1], [1, 1]]');
    await expect(w).toContainText('The columns of x must match the rows of W');
  });

  test('write-in-place: writing into the shared array updates the weights, rebinding does not', async ({ page }) => {
    const w = await widget(page, 'write-in-place');
    await expect(w).not.toHaveAttribute('data-updated', /.*/);
    await w.getByTestId('step-in-place').click();
    await expect(w).toHaveAttribute('data-updated', 'true');
    await expect(w.getByTestId('write-in-place-diagram')).toHaveAttribute('data-layer-points-to', 'A');
    const seenInPlace = await w.getByTestId('write-in-place-seen').textContent();
    expect(seenInPlace).not.toBe('[0, 0, 0, 0]');
    // keyboard: the rebind button is reachable and works with Enter
    await w.getByTestId('step-rebind').focus();
    await page.keyboard.press('Enter');
    await expect(w).toHaveAttribute('data-updated', 'false');
    await expect(w.getByTestId('write-in-place-diagram')).toHaveAttribute('data-layer-points-to', 'B');
    await expect(w.getByTestId('write-in-place-seen')).toHaveText('[0, 0, 0, 0]');
    await expect(w.getByTestId('write-in-place-verdict')).toContainText('not a single weight changed');
  });

  test('layer-backward: every gradient check is below 1e-6 at the defaults and after reseeding', async ({ page }) => {
    const w = await widget(page, 'layer-backward');
    const ids = ['sigmoid', 'affine', 'softmax-with-loss', 'two-layer-net'];
    const seeds = new Set<string>();
    for (let round = 0; round < 6; round++) {
      seeds.add((await w.getByTestId('layer-backward-seed').textContent())!);
      for (const id of ids) {
        const e = await relError(w.getByTestId(`gradcheck-${id}`));
        expect(e, `${id} round ${round}`).toBeGreaterThan(0);
        expect(e, `${id} round ${round}`).toBeLessThan(1e-6);
      }
      const seedText = await w.getByTestId('layer-backward-seed').textContent();
      await w.getByTestId('layer-backward-reseed').click();
      await expect(w.getByTestId('layer-backward-seed')).not.toHaveText(seedText!);
    }
    expect(seeds.size).toBe(6);
  });

  test('layer-backward: against the loss without 1e-7 the softmax check agrees more closely', async ({ page }) => {
    const w = await widget(page, 'layer-backward');
    await choose(w.getByTestId('layer-backward-scale'), 'large (3·randn)');
    const card = w.getByTestId('gradcheck-softmax-with-loss');
    const withEps = await relError(card);
    await choose(w.getByTestId('layer-backward-form'), 'without 1e-7: −log(y)');
    await expect(card).not.toHaveAttribute('data-rel-error', String(withEps));
    const without = await relError(card);
    expect(without).toBeLessThan(1e-8);
    expect(without).toBeLessThan(withEps);
  });

  test('weight-update: the learning-rate slider shows crawl, converge, oscillate and diverge, never NaN', async ({ page }) => {
    const w = await widget(page, 'weight-update');
    const lr = w.getByTestId('sgd-lr');
    const regime = w.getByTestId('sgd-regime');
    await expect(lr).toHaveAttribute('aria-valuetext', '0.3');
    await press(lr, 'ArrowLeft', 4);
    await expect(lr).toHaveAttribute('aria-valuetext', '0.05');
    await expect(regime).toHaveAttribute('data-regime', 'crawl');
    await press(lr, 'ArrowRight', 5);
    await expect(lr).toHaveAttribute('aria-valuetext', '0.4');
    await expect(regime).toHaveAttribute('data-regime', 'converge');
    await press(lr, 'ArrowRight', 4);
    await expect(lr).toHaveAttribute('aria-valuetext', '0.8');
    await expect(regime).toHaveAttribute('data-regime', 'oscillate');
    await lr.press('End');
    await expect(regime).toHaveAttribute('data-regime', 'diverge');
    await expect(w).not.toContainText('NaN');
    expect(Number.isFinite(Number(await w.getByTestId('sgd-final-loss').textContent()))).toBe(true);
    const box = await w.getByTestId('sgd-chart').boundingBox();
    expect(box!.width).toBeGreaterThan(100);
  });

  test('weight-update: all six optimizers run from the same start and go downhill', async ({ page }) => {
    const w = await widget(page, 'weight-update');
    const start = (-7) ** 2 / 20 + 2 ** 2;
    for (const name of ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam']) {
      const panel = w.getByTestId(`optimizer-${name}`);
      await panel.scrollIntoViewIfNeeded(); // formulas are typeset once they come near the screen
      await expect(panel.locator('.katex').first()).toBeVisible();
      const loss = Number(await panel.getAttribute('data-final-loss'));
      expect(loss, name).toBeLessThan(start);
    }
    // more steps: SGD ends lower
    const sgd = w.getByTestId('optimizer-sgd');
    const before = Number(await sgd.getAttribute('data-final-loss'));
    await press(w.getByTestId('gallery-steps'), 'ArrowRight', 8); // 40 → 80
    await expect(w.getByTestId('gallery-steps')).toHaveAttribute('aria-valuetext', '80');
    await expect(sgd).not.toHaveAttribute('data-final-loss', String(before));
    expect(Number(await sgd.getAttribute('data-final-loss'))).toBeLessThan(before);
  });
});

test('the Japanese page has the six subsections in order and every widget, without sideways scrolling at 390 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPage(page, '/ch01/1-3', 'ja');
  for (const [id, num] of [['loss', '1.3.1'], ['derivative', '1.3.2'], ['chain-rule', '1.3.3'], ['graph', '1.3.4'], ['backward', '1.3.5'], ['update', '1.3.6']]) {
    await expect(page.locator(`h2#${id}`)).toContainText(num);
  }
  await loadEveryWidget(page);
  for (const name of ['softmax-loss', 'derivative', 'chain-rule', 'graph-nodes', 'write-in-place', 'layer-backward', 'weight-update']) {
    await expect(page.locator(`[data-widget="${name}"]`)).toBeVisible();
  }
  await expect(page.locator('[data-widget="write-in-place"]')).toContainText('grads[0][...] = dW');
  await page.getByTestId('step-in-place').click();
  await expect(page.locator('[data-widget="write-in-place"]')).toHaveAttribute('data-updated', 'true');
  await choose(page.locator('[data-widget="graph-nodes"]').getByTestId('graph-node-kind'), 'MatMul');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the widgets pass axe (contrast, labels, scrollable regions) after a rebind step', async ({ page }) => {
  test.setTimeout(180_000); // axe's contrast pass is slow on a loaded 2-core machine
  await openPage(page, '/ch01/1-3', 'en');
  await loadEveryWidget(page);
  await page.getByTestId('step-rebind').click();
  await expect(page.locator('[data-widget="write-in-place"]')).toHaveAttribute('data-updated', 'false');
  const result = await new AxeBuilder({ page }).include('[data-widget]').analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test.describe('widgets that load near the screen', () => {
  test.use({ allowConsoleErrors: [/Failed to load resource|Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed/] });
  test('weight-update downloads only when scrolled near; a failed download says so, and Reload brings the widget back', async ({ page }) => {
    let blocked = 0;
    await page.route(/\/WeightUpdate-[\w-]+\.js$/, (route) => {
      blocked++;
      return route.abort('internetdisconnected');
    });
    await openPage(page, '/ch01/1-3', 'en');
    await expect(page.locator('[data-widget="softmax-loss"]')).toBeVisible();
    // far down the page, only its place is there, and nothing was fetched for it yet
    await expect(page.locator('[data-widget-pending="weight-update"]')).toBeAttached();
    expect(blocked).toBe(0);
    await page.locator('#widget-weight-update').scrollIntoViewIfNeeded();
    await expect(page.locator('#widget-weight-update')).toContainText('could not be loaded');
    expect(blocked).toBeGreaterThan(0);
    await page.unroute(/\/WeightUpdate-[\w-]+\.js$/);
    await page.locator('#widget-weight-update').getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('[data-widget-pending="weight-update"]')).toBeAttached();
    await page.locator('#widget-weight-update').scrollIntoViewIfNeeded();
    await expect(page.locator('[data-widget="weight-update"]')).toBeVisible();
    await expect(page.locator('[data-widget="weight-update"]').getByTestId('optimizer-sgd')).toBeVisible();
  });
});
