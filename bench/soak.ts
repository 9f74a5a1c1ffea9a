/**
 * Soak: `npm run bench -- soak [--json] [--no-build] [--url URL] [--port N]
 * [--iters N] [--restarts N]`.
 *
 * Builds the site into its own folder (never racing other builds of dist/), serves it with
 * `vite preview` (or uses --url), drives Debian's Chromium and reports, after a forced GC
 * (Chrome DevTools Protocol: HeapProfiler.collectGarbage, Performance.getMetrics,
 * Memory.getDOMCounters):
 * 1. a long run — batch 1 and enough epochs for ≥ 1,000,000 iterations at speed=max: used JS
 *    heap, DOM nodes, JS event listeners, workers and loss-chart points, sampled every 5 s and
 *    as the run ends; the run must end 'done' and still be 'done' 10 s later;
 * 2. 100 slider-driven restarts (the hidden-size slider moved by arrow keys, each move a new
 *    run): the same figures before and after.
 * "Flat" means: workers and listeners unchanged, DOM nodes within 5 %, heap within 25 % or 4 MB,
 * loss chart ≤ MAX_LOSS_POINTS per trace. The e2e test tests/e2e/hardening-soak.spec.ts runs a
 * short version with the same checks (`sample`, `flatness`).
 */
import type { CDPSession, Page } from '@playwright/test';
import { MAX_LOSS_POINTS } from '../src/lab/renderCadence';
import { benchDir, benchPort, buildSite, launchChromium, serveSite, type Served } from './util';

export interface Sample {
  iter: number;
  heapMB: number;
  nodes: number;
  listeners: number;
  workers: number;
  /** Longest trace of the lab's loss chart (points). */
  lossPoints: number;
  status: string;
}

/** Readings per sample, this far apart (see sample). */
const READINGS = 3;
const READING_GAP_MS = 250;

/**
 * The page's figures after a forced garbage collection: the lowest of three readings 250 ms
 * apart. Plotly redraws its axes and hover layers after each new run, and a reading taken during
 * such a redraw counts its passing nodes and listeners (seen: 963 listeners at rest, 1,024 or
 * 1,220 mid-redraw, back to 963 after); a real leak raises every reading.
 */
export async function sample(page: Page, cdp: CDPSession): Promise<Sample> {
  let heap = Infinity, nodes = Infinity, listeners = Infinity;
  for (let i = 0; i < READINGS; i++) {
    if (i > 0) await page.waitForTimeout(READING_GAP_MS);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const dom = await cdp.send('Memory.getDOMCounters');
    heap = Math.min(heap, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN);
    nodes = Math.min(nodes, dom.nodes);
    listeners = Math.min(listeners, dom.jsEventListeners);
  }
  const lab = await page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('[data-testid=training-lab]');
    const plot = document.querySelector('[data-testid=lab-loss-chart] .js-plotly-plot') as (HTMLElement & { data?: { x?: ArrayLike<number> }[] }) | null;
    const lengths = (plot?.data ?? []).map((t) => t.x?.length ?? 0);
    return { iter: Number(root?.dataset.iter ?? 0), status: root?.dataset.status ?? '', lossPoints: Math.max(0, ...lengths) };
  });
  return {
    ...lab,
    heapMB: heap / 2 ** 20,
    nodes,
    listeners,
    workers: page.workers().length,
  };
}

/** What is not flat between two samples (empty when flat). */
/** One-off listeners tolerated between two samples (see flatness). */
export const LISTENER_SLACK = 5;

export function flatness(before: Sample, after: Sample): string[] {
  const bad: string[] = [];
  if (after.workers !== before.workers) bad.push(`workers ${before.workers} → ${after.workers}`);
  // A leak grows with the work: one listener per restart is +20 over the test's 20 restarts.
  // Plotly adds a few listeners once, lazily (legend and drag layers on an auto-margin redraw),
  // seen as +2 to +4 on some runs and 0 on others; that is not growth, so allow a handful.
  if (after.listeners > before.listeners + LISTENER_SLACK) bad.push(`event listeners ${before.listeners} → ${after.listeners}`);
  if (after.nodes > before.nodes * 1.05 + 20) bad.push(`DOM nodes ${before.nodes} → ${after.nodes}`);
  if (after.heapMB > Math.max(before.heapMB * 1.25, before.heapMB + 4)) bad.push(`heap ${before.heapMB.toFixed(1)} → ${after.heapMB.toFixed(1)} MB`);
  if (after.lossPoints > MAX_LOSS_POINTS) bad.push(`loss chart has ${after.lossPoints} points (> ${MAX_LOSS_POINTS})`);
  return bad;
}

/** Opens the lab and waits for its first boundary (the worker is up, the charts are drawn). */
export async function openLab(page: Page, base: string, query: string): Promise<void> {
  await page.goto(`${base}/ch01/1-4?lang=en&${query}`);
  await page.locator('[data-testid=training-lab][data-boundary-redraws]:not([data-boundary-redraws="0"])').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=lab-loss-chart] .js-plotly-plot').waitFor({ state: 'attached', timeout: 60_000 });
  // Plotly may arrive seconds after the canvas preview (it is held back while a first Play
  // trains): its own listeners must be in the baseline, not counted as a leak
  await page.locator('[data-testid=lab-boundary-chart][data-plot-ready=true]').waitFor({ timeout: 60_000 });
}

/** One slider-driven restart: an arrow key on the hidden-size slider, then the new run's first boundary. */
export async function sliderRestart(page: Page, i: number): Promise<void> {
  const lab = page.getByTestId('training-lab');
  const run = Number(await lab.getAttribute('data-run'));
  await page.getByTestId('lab-hidden').press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
  await page.waitForFunction(
    (prev) => {
      const d = document.querySelector<HTMLElement>('[data-testid=training-lab]')!.dataset;
      return Number(d.run) > prev && d.boundaryRun === d.run;
    },
    run,
    { timeout: 30_000 },
  );
}

// ---- the benchmark ----------------------------------------------------------------------------

function opt(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const fmt = (s: Sample) =>
  `iter ${String(s.iter).padStart(9)}  heap ${s.heapMB.toFixed(1).padStart(6)} MB  DOM nodes ${String(s.nodes).padStart(6)}  listeners ${String(s.listeners).padStart(5)}  workers ${s.workers}  loss points ${s.lossPoints}  ${s.status}`;

export async function run(args: string[]): Promise<unknown> {
  const json = args.includes('--json');
  const say = (m: string) => !json && console.log(m);
  const iters = opt(args, '--iters', 1_000_000);
  const restarts = opt(args, '--restarts', 100);
  let base = args.indexOf('--url') >= 0 ? args[args.indexOf('--url') + 1]?.replace(/\/$/, '') : undefined;
  let server: Served | undefined;
  if (!base) {
    const outDir = benchDir('soak');
    if (!args.includes('--no-build')) {
      say('building into ' + outDir + ' …');
      buildSite(outDir, { quiet: true });
    }
    server = await serveSite(outDir, benchPort(args, 4505));
    base = server.base;
  }
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    // 1. The long run: 300 samples, batch 1 → 300 iterations per epoch.
    const epochs = Math.ceil(iters / 300);
    await openLab(page, base, `batch=1&epochs=${epochs}&speed=max`);
    const long: Sample[] = [await sample(page, cdp)];
    say(`long run: ${epochs} epochs × 300 iterations = ${epochs * 300} iterations at speed=max`);
    say('  ' + fmt(long[0]));
    const t0 = Date.now();
    await page.getByTestId('lab-play').click();
    let last = Date.now();
    let ended = '';
    for (;;) {
      // A sample every 5 s while training, and one as soon as the run ends.
      await page.waitForTimeout(500);
      const status = (await page.getByTestId('training-lab').getAttribute('data-status')) ?? '';
      if (status === 'running' && Date.now() - last < 5_000) continue;
      last = Date.now();
      const s = await sample(page, cdp);
      long.push(s);
      say('  ' + fmt(s) + `  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      if (status !== 'running') {
        ended = status;
        break;
      }
      if (Date.now() - t0 > 30 * 60_000) throw new Error('the long run did not finish in 30 minutes');
    }
    const longSecs = (Date.now() - t0) / 1000;
    // Still in a good state a little later (a watchdog must not fire on a finished run).
    await page.waitForTimeout(10_000);
    const later = await sample(page, cdp);
    say('  10 s later: ' + fmt(later));
    if (ended !== 'done') problems.push(`the long run ended as '${ended}', not 'done'`);
    if (later.status !== ended) problems.push(`a finished run changed from '${ended}' to '${later.status}' 10 s later${later.status === 'error' ? ': ' + ((await page.getByTestId('lab-error').textContent()) ?? '') : ''}`);
    // Compare the first sample taken while training (charts and buffers warm) with the last.
    const longBad = flatness(long[long.length > 2 ? 1 : 0], long[long.length - 1]);
    say(`  ${long[long.length - 1].iter} iterations in ${longSecs.toFixed(0)} s; ${longBad.length ? 'NOT FLAT: ' + longBad.join('; ') : 'flat'}`);

    // 2. Slider-driven restarts, on a fresh page at the default speed (each run trains).
    await openLab(page, base, 'epochs=300');
    await page.getByTestId('lab-play').click();
    for (let i = 0; i < 5; i++) await sliderRestart(page, i); // warm-up
    const before = await sample(page, cdp);
    const r0 = Date.now();
    for (let i = 0; i < restarts; i++) await sliderRestart(page, i);
    const after = await sample(page, cdp);
    const restartBad = flatness(before, after);
    say(`${restarts} slider restarts in ${((Date.now() - r0) / 1000).toFixed(0)} s:`);
    say('  before ' + fmt(before));
    say('  after  ' + fmt(after));
    say(`  ${restartBad.length ? 'NOT FLAT: ' + restartBad.join('; ') : 'flat'}`);
    say(`problems: ${problems.length}${problems.length ? ' — ' + problems.slice(0, 3).join(' | ') : ''}`);
    const result = { long: { iterations: long[long.length - 1].iter, seconds: longSecs, samples: long, notFlat: longBad }, restarts: { count: restarts, before, after, notFlat: restartBad }, problems };
    if (json) console.log(JSON.stringify(result));
    if (longBad.length || restartBad.length || problems.length) process.exitCode = 1;
    return result;
  } finally {
    await browser.close();
    server?.stop();
  }
}
