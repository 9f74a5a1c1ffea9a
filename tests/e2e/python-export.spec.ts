import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test, expect, openPage } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { fixturePath } from '../fixtures/numpy/load';

/**
 * "Same run in Python": the script exported by the lab in the browser, RUN with Python and
 * NumPy from bookport/ch01 (our port of the book's code, laid out like the book's repository),
 * prints the final loss and accuracy the lab shows for that run. BOOK_CH01=<the book's
 * repository>/ch01 runs the scripts on the book's own code instead (PYTHON picks the interpreter).
 */
const PYTHON = process.env.PYTHON ?? 'python3';
const hasNumpy = spawnSync(PYTHON, ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
if (!hasNumpy && process.env.CI) throw new Error(`${PYTHON} cannot import numpy`);

function run(script: string): { loss: string; accuracy: string } {
  const r = spawnSync(PYTHON, ['-'], { input: script, cwd: process.env.BOOK_CH01 ?? join(fixturePath('bookport'), 'ch01'), encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  expect(r.status, r.stderr).toBe(0);
  const [loss, accuracy] = r.stdout.trimEnd().split('\n').slice(-2);
  expect(loss).toMatch(/^final_loss=/);
  expect(accuracy).toMatch(/^accuracy=/);
  return { loss: loss.slice('final_loss='.length), accuracy: accuracy.slice('accuracy='.length) };
}

async function exported(page: Page, prefix: string): Promise<string> {
  await page.getByTestId(`${prefix}-export-python`).click();
  const text = (await page.getByTestId(`${prefix}-python-script`).textContent()) ?? '';
  expect(text.split('\n').filter(Boolean).slice(-2)).toEqual(["print('final_loss=' + repr(final_loss))", "print('accuracy=' + repr(accuracy))"]);
  return text;
}

/** Plays the lab to the end at full speed; returns its root. */
async function trainLab(page: Page, query: string, lang: 'ja' | 'en'): Promise<Locator> {
  await openPage(page, `/ch01/1-4?speed=max&${query}`, lang);
  const lab = page.getByTestId('training-lab');
  await expect(page.getByTestId('lab-play')).toBeEnabled({ timeout: 60_000 });
  await page.getByTestId('lab-play').click();
  await expect(lab).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  return lab;
}

test.describe.configure({ timeout: 150_000 });

test.describe('“Same run in Python” from the lab', () => {
  test.skip(!hasNumpy, `${PYTHON} cannot import numpy`);

  const cases: [string, string, 'ja' | 'en'][] = [
    ['the book’s settings', '', 'en'],
    ['Adam with batch 32 (120 points per class, noise 0.3: the spiral written out)', 'opt=adam&lr=0.01&batch=32&points=120&noise=0.3', 'en'],
    ['choice sampling (comments in Japanese)', 'sampling=choice', 'ja'],
    // 200 points in batches of 20: 10 iterations an epoch, so the custom loop reports
    ['the two-moons set (its points embedded)', 'data=moons&hidden=6&batch=20', 'en'],
    // 12 drawn points, 4 per class: class 0 near (−0.55, 0.45), class 1 near (0.55, −0.45),
    // class 2 at ±(0.5, 0.5) and ±(0.6, 0.6); batch 1 gives 12 iterations an epoch
    ['the reader’s drawn points (embedded), batch 1', 'data=drawn&pts=AQMABAAEAARgyfRaiZBnClhUSSyfRgylhnCZBairxtSfSfRgxgylilhahag&batch=1&epochs=50', 'ja'],
  ];
  for (const [name, query, lang] of cases) {
    test(`${name}: the script prints the lab’s final loss (1e-9) and accuracy`, async ({ page }) => {
      const lab = await trainLab(page, query, lang);
      const script = await exported(page, 'lab');
      const got = run(script);
      const loss = Number(await lab.getAttribute('data-loss'));
      expect(Number.isFinite(loss)).toBe(true);
      expect(Math.abs(Number(got.loss) - loss)).toBeLessThanOrEqual(1e-9);
      expect(Number(got.accuracy)).toBe(Number(await lab.getAttribute('data-accuracy'))); // repr(1.0) is '1.0', String(1) is '1'
    });
  }

  test('Trainer with max_grad 0.2: the Trainer view’s script prints its final loss and accuracy', async ({ page }) => {
    await openPage(page, '/ch01/1-4?maxgrad=0.2#trainer', 'en');
    const tv = page.getByTestId('trainer-view');
    await expect(tv).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const script = await exported(page, 'trainer');
    expect(script).toContain('from common.trainer import Trainer');
    expect(script).toContain('max_grad = 0.2');
    const got = run(script);
    expect(Math.abs(Number(got.loss) - Number(await tv.getAttribute('data-final-loss')))).toBeLessThanOrEqual(1e-9);
    expect(got.accuracy).toBe(await tv.getAttribute('data-accuracy'));
  });

  test('download gives the same text as shown; the panel follows a settings change', async ({ page }) => {
    await openPage(page, '/ch01/1-4', 'en');
    const script = await exported(page, 'lab');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lab-python-download').click()]);
    expect(download.suggestedFilename()).toBe('lab_run.py');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(await download.path(), 'utf8')).toBe(script);
    await page.getByTestId('lab-hidden').focus();
    await page.getByTestId('lab-hidden').press('ArrowRight');
    await expect(page.getByTestId('lab-python-script')).toContainText('hidden_size = 11');
  });
});
