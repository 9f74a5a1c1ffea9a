/**
 * Where the lab's first visit spends its time: `npm run bench -- labtrace [--no-build] [--port N]`.
 * Opens /ch01/1-4?speed=max in a fresh context (no service worker, nothing cached), clicks Play
 * as soon as it is enabled, records a Chromium trace until the run is done with its final
 * boundary drawn, and prints the main thread's long tasks with what they spent their time on.
 * Then the same for a settled page (Reset, Play → done). The traces are written to the bench folder.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, benchPort, buildSite, launchChromium, serveSite } from './util';
import { FIRST_VISIT_PROBE, firstVisit } from './labFirstVisit';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

const outDir = benchDir('lab');

function summarise(events: TraceEvent[], label: string, t0: number, overMs = 30): void {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const main = [...threads].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.includes(`${e.pid}:${e.tid}`) && (e.dur ?? 0) > overMs * 1000);
  console.log(`== ${label}: main-thread tasks over ${overMs} ms (start in ms from the navigation or the click)`);
  for (const t of tasks) {
    const kids = events.filter((e) => e.ph === 'X' && e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0) && e !== t && (e.dur ?? 0) > 5_000);
    const desc = kids
      .filter((k) => ['EvaluateScript', 'v8.compile', 'FunctionCall', 'Layout', 'UpdateLayoutTree', 'Paint', 'ParseHTML', 'v8.parseOnBackground', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'MajorGC', 'MinorGC', 'V8.GCCompactor', 'v8.run', 'CompileScript'].includes(k.name))
      .slice(0, 8)
      .map((k) => `${k.name}${k.args?.data?.url ? `(${String(k.args.data.url).split('/').pop()})` : k.args?.data?.functionName ? `(${String(k.args.data.functionName)})` : ''} ${((k.dur ?? 0) / 1000).toFixed(0)}`)
      .join(', ');
    console.log(`  at ${((t.ts - t0) / 1000).toFixed(0)} ms: ${((t.dur ?? 0) / 1000).toFixed(0)} ms — ${desc}`);
  }
}

async function main(args: string[]): Promise<void> {
  if (!args.includes('--no-build')) buildSite(outDir, { quiet: true });
  const server = await serveSite(outDir, benchPort(args, 4481));
  const browser = await launchChromium();
  try {
    const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', '__metadata', 'loading'];
    const cold = await firstVisit(browser, `${server.base}/ch01/1-4?speed=max&lang=en`, {
      onPage: (p) => browser.startTracing(p, { categories }),
      after: async () => {
        const buf = await browser.stopTracing();
        writeFileSync(join(outDir, 'trace-first-visit.json'), buf);
        const events = (JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
        const nav = events.find((e) => e.name === 'navigationStart');
        summarise(events, 'first visit', nav?.ts ?? events[0].ts);
      },
    });
    console.log(`first visit: interactive ${cold.interactive.toFixed(0)} ms, click at ${cold.click.toFixed(0)} ms, click→done ${(cold.done - cold.click).toFixed(0)} ms`);

    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.addInitScript(FIRST_VISIT_PROBE);
    await page.goto(`${server.base}/ch01/1-4?speed=max&lang=en`);
    await page.locator('[data-testid=training-lab][data-boundary-still=true]').waitFor();
    await page.waitForTimeout(2000);
    await page.getByTestId('lab-reset').click();
    await page.locator('[data-testid=training-lab][data-status=idle][data-boundary-still=true]').waitFor();
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      (globalThis as unknown as { __lab: Record<string, number> }).__lab = {};
    });
    await browser.startTracing(page, { categories });
        await page.getByTestId('lab-play').click();
    await page.waitForFunction(() => (globalThis as unknown as { __lab: { done?: number } }).__lab.done !== undefined);
    const warm = await page.evaluate(() => (globalThis as unknown as { __lab: Record<string, number> }).__lab);
    const buf2 = await browser.stopTracing();
    writeFileSync(join(outDir, 'trace-settled-play.json'), buf2);
    console.log(`settled: click→done ${(warm.done - warm.click).toFixed(0)} ms`);
    const ev2 = (JSON.parse(buf2.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const click = ev2.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
    summarise(ev2, 'settled Play', click?.ts ?? 0, 10);
    console.log(`traces in ${outDir}`);
  } finally {
    await browser.close();
    server.stop();
  }
}

/** Registered in bench/index.ts as `labtrace`. */
export const run = main;
