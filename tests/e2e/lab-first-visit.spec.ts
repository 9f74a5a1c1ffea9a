import type { Page } from '@playwright/test';
import { test, expect, openPage } from './fixtures';
import { loadFixture } from '../fixtures/numpy/load';

/**
 * The lab before and after its chart library: the boundary is painted on the lab's own canvas,
 * so a reader can train before Plotly has arrived (its download is held back here by the test,
 * as a slow connection would), and once Plotly draws the axes the canvas sits exactly in its
 * plot area.
 */
const customLoop = loadFixture('cli_custom_book.json').expected;
const lab = (page: Page) => page.getByTestId('training-lab');
const chart = (page: Page) => page.getByTestId('lab-boundary-chart');

/** Share of the canvas layer's pixels painted with the class map's alpha (0.45 → 115). */
function boundaryShare(page: Page): Promise<number> {
  return page.getByTestId('lab-boundary-chart-layer').evaluate((c: HTMLCanvasElement) => {
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] === 115) n++;
    return n / (px.length / 4);
  });
}

/** Holds every request for the Plotly chunk until the returned function is called. */
async function holdPlotly(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  await page.route(/plotly/i, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test.describe.configure({ timeout: 120_000 });

test.describe('the lab before its chart library', () => {
  test('the untrained boundary and the data are on the canvas before Plotly; Play then trains to the book’s final loss (1e-12) and draws the final boundary; Plotly arrives later and takes over the points', async ({ page }) => {
    const release = await holdPlotly(page);
    await openPage(page, '/ch01/1-4?speed=max', 'en');
    const l = lab(page);
    await expect(l).toHaveAttribute('data-boundary-still', 'true', { timeout: 60_000 });
    await expect(chart(page)).toHaveAttribute('data-plot-ready', 'false');
    expect(await boundaryShare(page)).toBeGreaterThan(0.5); // the class map covers the plot area, points on top

    await page.getByTestId('lab-play').click();
    await expect(l).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    expect(Math.abs(Number(await l.getAttribute('data-loss')) - customLoop.loss_list.at(-1))).toBeLessThanOrEqual(1e-12);
    expect(Number(await l.getAttribute('data-accuracy'))).toBe(customLoop.accuracy);
    await expect(l).toHaveAttribute('data-boundary-iter', '3000');
    await expect(l).toHaveAttribute('data-boundary-still', 'true');
    await expect(chart(page)).toHaveAttribute('data-plot-ready', 'false'); // all of it without Plotly

    release();
    await expect(chart(page)).toHaveAttribute('data-plot-ready', 'true', { timeout: 60_000 });
    await expect(chart(page).locator('.js-plotly-plot .scatterlayer .point').first()).toBeAttached({ timeout: 30_000 });
    await expect(page.getByTestId('lab-loss-chart').locator('.js-plotly-plot')).toBeAttached();
    await expect.poll(() => boundaryShare(page)).toBeGreaterThan(0.6); // the final boundary stays, without the preview's points
  });

  test('once Plotly has drawn, the canvas covers exactly its plot area, also after the window is resized', async ({ page }) => {
    await openPage(page, '/ch01/1-4', 'en');
    await expect(chart(page)).toHaveAttribute('data-plot-ready', 'true', { timeout: 60_000 });
    const aligned = async () => {
      const plotArea = await chart(page).locator('.nsewdrag').first().boundingBox();
      const layer = await page.getByTestId('lab-boundary-chart-layer').boundingBox();
      if (!plotArea || !layer) return Infinity;
      return Math.max(Math.abs(plotArea.x - layer.x), Math.abs(plotArea.y - layer.y), Math.abs(plotArea.width - layer.width), Math.abs(plotArea.height - layer.height));
    };
    await expect.poll(aligned, { timeout: 30_000 }).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 900, height: 800 });
    await expect.poll(aligned, { timeout: 30_000 }).toBeLessThanOrEqual(1);
  });
});
