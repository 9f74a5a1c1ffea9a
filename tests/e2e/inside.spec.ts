import { test, expect, openPage } from './fixtures';
import type { Locator, Page } from '@playwright/test';

// The lab loads Plotly and starts a worker; on a busy 2-core machine that can take a while.
test.describe.configure({ timeout: 120_000 });

const lab = (page: Page) => page.getByTestId('training-lab');
const net = (page: Page) => page.getByTestId('network-view');
const num = async (l: Locator, name: string) => Number((await l.getAttribute(`data-${name}`)) ?? 'NaN');
/** The pixels of a unit's map, as a data URL. */
const pixels = (l: Locator) => l.locator('canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL());

/** The confusion matrix's cells (true × predicted), read from the page. */
async function matrix(page: Page): Promise<number[][]> {
  const cm = page.getByTestId('confusion-matrix');
  const C = await num(cm, 'classes');
  const rows: number[][] = [];
  for (let t = 0; t < C; t++) {
    const row: number[] = [];
    for (let p = 0; p < C; p++) row.push(Number(await cm.getByTestId(`cm-${t}-${p}`).textContent()));
    rows.push(row);
  }
  return rows;
}

test.describe('inside the network (§1.4)', () => {
  test('every unit’s map appears and changes while training', async ({ page }) => {
    await openPage(page, '/ch01/1-4?epochs=10000', 'en');
    await expect(net(page)).toBeVisible();
    await expect.poll(() => num(net(page), 'frames'), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect(net(page).locator('[data-testid^=unit-map-h]')).toHaveCount(10);
    await expect(net(page).locator('[data-testid^=unit-map-o]')).toHaveCount(3);
    const h0 = page.getByTestId('unit-map-h0');
    const o2 = page.getByTestId('unit-map-o2');
    const before = [await pixels(h0), await pixels(o2)];
    const frames = await num(net(page), 'frames');
    await page.getByTestId('lab-play').click();
    await expect.poll(() => num(net(page), 'frames')).toBeGreaterThan(frames + 10);
    await expect.poll(() => num(lab(page), 'iter')).toBeGreaterThan(300);
    await page.getByTestId('lab-pause').click();
    await expect(lab(page)).toHaveAttribute('data-boundary-still', 'true');
    expect(await pixels(h0)).not.toBe(before[0]);
    expect(await pixels(o2)).not.toBe(before[1]);
    // the maps shown are the ones of the iteration the boundary shows
    await expect.poll(async () => (await num(net(page), 'iter')) === (await num(lab(page), 'boundary-iter'))).toBe(true);
    // the output maps as scores instead of probabilities
    const prob = await pixels(o2);
    await page.getByTestId('net-mode-score').check();
    await expect.poll(() => pixels(o2)).not.toBe(prob);
  });

  test('pointing at a unit or focusing it shows its weights and σ = 0.5 line; arrow keys move between units', async ({ page }) => {
    await openPage(page, '/ch01/1-4', 'en');
    await expect.poll(() => num(net(page), 'frames'), { timeout: 60_000 }).toBeGreaterThan(0);
    const detail = page.getByTestId('unit-detail');
    await page.getByTestId('unit-map-h3').hover();
    await expect(detail).toHaveAttribute('data-unit', 'h3');
    await expect(page.getByTestId('unit-detail-text')).toContainText(/h4 = σ\(w₁x₁ \+ w₂x₂ \+ b\) with w₁ = −?\d\.\d{3}, w₂ = −?\d\.\d{3}, b = −?\d\.\d{3}/);
    await expect(detail).toContainText('σ = 0.5');
    // keyboard: one tab stop for the whole diagram, arrows inside it
    await page.getByTestId('unit-map-h0').focus();
    await expect(detail).toHaveAttribute('data-unit', 'h0');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('unit-map-h1')).toBeFocused();
    await expect(detail).toHaveAttribute('data-unit', 'h1');
    await page.keyboard.press('End');
    await expect(page.getByTestId('unit-map-o2')).toBeFocused();
    await expect(detail).toHaveAttribute('data-unit', 'o2');
    await expect(page.getByTestId('unit-detail-text')).toContainText('class 2');
    expect(await page.getByTestId('unit-map-h5').getAttribute('tabindex')).toBe('-1');
  });

  test('the same in Japanese', async ({ page }) => {
    await openPage(page, '/ch01/1-4', 'ja');
    await expect.poll(() => num(net(page), 'frames'), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByTestId('unit-map-h0').focus();
    await expect(page.getByTestId('unit-detail-text')).toContainText('h1 = σ(w₁x₁ + w₂x₂ + b)、w₁ = ');
    await expect(net(page)).toContainText('ネットワークの中');
    await expect(page.getByTestId('confusion-matrix')).toContainText('混同行列');
  });

  test('with 2 hidden units the hidden space is drawn directly, with the output layer’s straight borders', async ({ page }) => {
    await openPage(page, '/ch01/1-4?hidden=2&speed=max&epochs=50', 'en');
    const space = page.getByTestId('hidden-space');
    await expect(space).toHaveAttribute('data-mode', 'direct', { timeout: 60_000 });
    await expect(space).toHaveAttribute('data-dims', '2');
    await expect(space).toHaveAttribute('data-points', '300');
    await expect(page.getByTestId('hidden-space-note')).toContainText('(h₁, h₂)');
    const frames = await num(space, 'frames');
    await page.getByTestId('lab-play').click();
    await expect(lab(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect.poll(() => num(space, 'frames')).toBeGreaterThan(frames);
    // 10 hidden units: a PCA projection, labelled as such
    await page.getByTestId('lab-hidden').fill('10');
    await expect(space).toHaveAttribute('data-mode', 'pca');
    await expect(page.getByTestId('hidden-space-note')).toContainText('principal component analysis');
  });

  test('the confusion matrix sums to the data size and its diagonal gives the accuracy', async ({ page }) => {
    await openPage(page, '/ch01/1-4?speed=max', 'en');
    await page.getByTestId('lab-play').click();
    await expect(lab(page)).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(page.getByTestId('confusion-matrix')).toHaveAttribute('data-total', '300');
    const m = await matrix(page);
    expect(m.flat().reduce((a, b) => a + b, 0)).toBe(300);
    m.forEach((row) => expect(row.reduce((a, b) => a + b, 0)).toBe(100));
    const diag = m.reduce((a, row, i) => a + row[i], 0);
    expect(diag / 300).toBe(await num(lab(page), 'accuracy'));
  });

  test('maps are square and never overlap; every canvas is painted at its shown size (no stretched 300 × 150 default)', async ({ page }) => {
    await openPage(page, '/ch01/1-4?speed=max', 'en');
    await page.getByTestId('lab-play').click();
    await expect(lab(page)).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(page.getByTestId('hidden-space')).toHaveAttribute('data-frames', /[1-9]/);
    await page.getByTestId('unit-map-h0').hover();
    const geometry = await page.evaluate(() => {
      const tiles = [...document.querySelectorAll('[data-testid^=unit-map-h]')].map((e) => e.getBoundingClientRect());
      const canvases = [...document.querySelectorAll<HTMLCanvasElement>('[data-testid=network-view] canvas:not(.net-edges), [data-testid=hidden-space] canvas, .unit-detail-map')];
      return {
        tiles: tiles.map((r) => ({ top: r.top, bottom: r.bottom, w: r.width, h: r.height })),
        canvases: canvases.map((c) => ({ w: c.width, h: c.height, cssW: c.getBoundingClientRect().width, cssH: c.getBoundingClientRect().height })),
      };
    });
    expect(geometry.tiles).toHaveLength(10);
    for (const t of geometry.tiles) expect(Math.abs(t.w - t.h)).toBeLessThanOrEqual(1);
    const sorted = [...geometry.tiles].sort((a, b) => a.top - b.top);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].top).toBeGreaterThanOrEqual(sorted[i - 1].bottom - 0.5);
    expect(geometry.canvases.length).toBeGreaterThanOrEqual(15);
    // a square shown square has a square backing store: width and height both set
    for (const c of geometry.canvases) if (Math.abs(c.cssW - c.cssH) < 1) expect(c.w).toBe(c.h);
  });

  test('100 hidden units: every map is there, readable, and nothing scrolls sideways; phone width too', async ({ page }) => {
    await openPage(page, '/ch01/1-4?hidden=100', 'en');
    await expect(net(page).locator('[data-testid^=unit-map-h]')).toHaveCount(100, { timeout: 60_000 });
    const size = await page.getByTestId('unit-map-h99').boundingBox();
    expect(size!.width).toBeGreaterThanOrEqual(20);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await net(page).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    const last = await page.getByTestId('unit-map-o2').boundingBox();
    expect(last!.x + last!.width).toBeLessThanOrEqual(390);
  });
});
