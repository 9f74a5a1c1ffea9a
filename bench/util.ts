/**
 * What the browser benchmarks share: building the site into a folder of their own (dist/ may be
 * in use by a test server), serving it with `vite preview`, launching Debian's Chromium with the
 * test suite's flags, the list of routes, and the statistics they print.
 */
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `--port N`, else BENCH_PORT, else `fallback`. */
export function benchPort(args: string[], fallback: number): number {
  const i = args.indexOf('--port');
  const v = Number(i >= 0 ? args[i + 1] : process.env.BENCH_PORT);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/** A build folder of the benchmark's own, under the system's temporary directory. */
export function benchDir(name: string): string {
  return join(process.env.TMPDIR ?? tmpdir(), `dlfs2-${name}-bench-dist`);
}

/** `vite build` into `outDir` (emptied first); throws when the build fails. */
export function buildSite(outDir: string, opts: { quiet?: boolean } = {}): void {
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', opts.quiet ? 'error' : 'warn', '--outDir', outDir, '--emptyOutDir'], {
    cwd: root,
    stdio: opts.quiet ? 'ignore' : 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (b.status !== 0) throw new Error('vite build failed');
}

/** Resolves once `url` answers 200; throws after `ms`. */
export async function waitForServer(url: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not start`);
}

export interface Served {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  base: string;
  /** Stops the server and its children (it runs in a process group of its own). */
  stop(): void;
}

/** `vite preview` of a built folder on `port`, once it answers. */
export async function serveSite(outDir: string, port: number): Promise<Served> {
  const server = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
  const stop = () => {
    if (!server.pid) return;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${base}/`);
  } catch (e) {
    stop();
    throw e;
  }
  return { base, stop };
}

/** Debian's Chromium (or CHROMIUM_PATH) with the flags the browser tests use, plus `extraArgs`. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...chromiumArgs, ...extraArgs] });
}

/** Every route a reader can open first: home, each page of the chapter registry, and an unknown path (the 404 page). */
export async function siteRoutes(): Promise<string[]> {
  // The registry reads its test-only switch when it loads: off, as in a normal build.
  Object.assign(globalThis, { __CHAPTER_FIXTURE__: false });
  const { allPages } = await import('../chapters/index');
  return ['/', ...allPages().map((r) => r.path), '/no-such-page'];
}

/** Median of a non-empty list. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The p-th percentile (nearest rank at or below) of a non-empty list. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
