/**
 * GPU vs CPU class grid (§1.5.2) in the real browser:
 * `npm run bench -- gpu [--runs N] [--url http://127.0.0.1:PORT] [--port N]`.
 *
 * Starts a Vite dev server (unless --url is given), opens /ch01/1-5 in Debian's Chromium with
 * --enable-unsafe-webgpu, presses the gpu-bench button N times and prints the CPU-worker and
 * WebGPU times for the book's h = 0.001 grid (2112 × 2047 points) and their agreement. The first
 * run includes training the book's model in the worker; later runs reuse it.
 *
 * On this machine the adapter is SwiftShader (a CPU implementation of a GPU), so the GPU figure
 * says nothing about real hardware; the agreement is what matters there.
 */
import { benchPort, launchChromium, median } from './util';

interface Sample {
  backend: string;
  cpuMs: number;
  gpuMs?: number;
  agreement?: number;
}

async function measure(url: string, runs: number, webgpu: boolean): Promise<{ adapter: string; samples: Sample[] }> {
  const browser = await launchChromium(webgpu ? ['--enable-unsafe-webgpu'] : []);
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/ch01/1-5?lang=en`);
    const w = page.locator('[data-widget="gpu-bench"]');
    const avail = page.getByTestId('gpu-availability');
    await page.waitForFunction(() => {
      const t = document.querySelector('[data-testid="gpu-availability"]')?.textContent;
      return !!t && !t.includes('Checking');
    });
    const adapter = (await avail.textContent()) ?? '';
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      await page.getByTestId('gpu-bench-run').click();
      await page.waitForFunction(() => document.querySelector('[data-widget="gpu-bench"]')?.getAttribute('data-state') === 'running');
      await page.waitForFunction(() => {
        const s = document.querySelector('[data-widget="gpu-bench"]')?.getAttribute('data-state');
        return s === 'done' || s === 'error';
      }, undefined, { timeout: 300_000 });
      const num = async (a: string) => {
        const v = await w.getAttribute(a);
        return v === null ? undefined : Number(v);
      };
      samples.push({ backend: (await w.getAttribute('data-backend')) ?? '?', cpuMs: (await num('data-cpu-ms'))!, gpuMs: await num('data-gpu-ms'), agreement: await num('data-agreement') });
    }
    return { adapter, samples };
  } finally {
    await browser.close();
  }
}

/** Prints the figures; returns them for bench/index.ts. */
export async function runGpuBench(argv: string[] = []): Promise<Record<string, unknown>> {
  const runs = Number(argv[argv.indexOf('--runs') + 1]) || 3;
  let url = argv.includes('--url') ? argv[argv.indexOf('--url') + 1] : undefined;
  let server: { close(): Promise<void> } | undefined;
  if (!url) {
    const { createServer } = await import('vite');
    const port = benchPort(argv, 4503);
    const vite = await createServer({ server: { port, strictPort: true }, logLevel: 'warn' });
    await vite.listen();
    server = vite;
    url = `http://127.0.0.1:${port}`;
  }
  try {
    const gpu = await measure(url, runs, true);
    console.log(`WebGPU: ${gpu.adapter}`);
    gpu.samples.forEach((s, i) =>
      console.log(`  run ${i + 1}: backend ${s.backend}, CPU worker ${s.cpuMs.toFixed(0)} ms, GPU ${s.gpuMs?.toFixed(0) ?? '—'} ms, agreement ${s.agreement ?? '—'}`),
    );
    const later = gpu.samples.slice(1).length ? gpu.samples.slice(1) : gpu.samples;
    const result = {
      grid: '2112 × 2047 = 4,323,264 points (h = 0.001)',
      cpuMedianMs: median(later.map((s) => s.cpuMs)),
      gpuMedianMs: later[0].gpuMs === undefined ? undefined : median(later.map((s) => s.gpuMs!)),
      agreementMin: Math.min(...gpu.samples.map((s) => s.agreement ?? NaN)),
      runs,
    };
    console.log(`median of runs 2..${runs}: CPU ${result.cpuMedianMs.toFixed(0)} ms, GPU ${result.gpuMedianMs?.toFixed(0) ?? '—'} ms; lowest agreement ${result.agreementMin}`);
    const cpuOnly = await measure(url, 1, false);
    console.log(`without WebGPU: ${cpuOnly.adapter}\n  backend ${cpuOnly.samples[0].backend}, CPU worker ${cpuOnly.samples[0].cpuMs.toFixed(0)} ms`);
    return result;
  } finally {
    await server?.close();
  }
}
