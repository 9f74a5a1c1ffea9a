import { test, expect, openPage } from './fixtures';
import { saveParamsNpz } from '../../src/nn/npy';
import { toFloat16 } from '../../src/nn/float16';

// Runs only in the 'webgpu' project (Chromium with --enable-unsafe-webgpu: a SwiftShader adapter).
test('the GPU bench runs the h = 0.001 grid on WebGPU and agrees with the CPU worker', async ({ page }) => {
  test.setTimeout(180_000);
  await openPage(page, '/ch01/1-5', 'en');
  const w = page.locator('[data-widget="gpu-bench"]');
  await expect(page.getByTestId('gpu-availability')).toContainText('This browser has WebGPU');
  await expect(w).toHaveAttribute('data-state', 'idle');
  await page.getByTestId('gpu-bench-run').click();
  await expect(w).toHaveAttribute('data-state', 'running');
  await expect(w).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
  await expect(w).toHaveAttribute('data-backend', 'webgpu');
  const agreement = Number(await w.getAttribute('data-agreement'));
  expect(agreement).toBeGreaterThanOrEqual(0.9999);
  expect(agreement).toBeLessThanOrEqual(1);
  expect(Number(await w.getAttribute('data-cpu-ms'))).toBeGreaterThan(0);
  expect(Number(await w.getAttribute('data-gpu-ms'))).toBeGreaterThan(0);
  // The book's grid for the spiral data: 2112 × 2047 points.
  await expect(page.getByTestId('gpu-bench-result')).toContainText('4,323,264');
  await expect(page.getByTestId('gpu-agreement')).toContainText('of 4,323,264 points');
});

test('the GPU agrees with the CPU on a loaded model with a busy boundary', async ({ page }) => {
  test.setTimeout(180_000);
  await openPage(page, '/ch01/1-5', 'ja');
  // Large weights (float16-exact, so loading keeps them) make many wiggly boundaries across the
  // grid: a harder test of the shader than the smooth trained spiral.
  const H = 10, C = 3;
  const f = (n: number, s: number) => Float64Array.from({ length: n }, (_, i) => toFloat16(Math.sin(i * 12.9898 + s) * 8));
  const file = saveParamsNpz({ W1: { rows: 2, cols: H, data: f(2 * H, 1) }, b1: f(H, 2), W2: { rows: H, cols: C, data: f(H * C, 3) }, b2: f(C, 4) });
  await page.getByTestId('params-file').setInputFiles({ name: 'busy.npz', mimeType: 'application/octet-stream', buffer: Buffer.from(file) });
  await expect(page.getByTestId('params-file-ok')).toBeVisible();
  const w = page.locator('[data-widget="gpu-bench"]');
  await page.getByTestId('gpu-bench-run').click();
  await expect(w).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
  await expect(w).toHaveAttribute('data-backend', 'webgpu');
  await expect(page.getByTestId('gpu-bench-result')).toContainText('ファイルから読み込んだ');
  expect(Number(await w.getAttribute('data-agreement'))).toBeGreaterThanOrEqual(0.9999);
});
