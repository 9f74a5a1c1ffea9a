/**
 * Core benchmark (Node): `npm run --silent bench -- core [--json] [--runs N] [--numpy]`.
 *
 *   train_custom_loop_ms   load the spiral data, build TwoLayerNet, 300 epochs of the book's
 *                          custom loop (batch 30, hidden 10, SGD lr 1.0), no printing
 *   boundary_h0001_ms      class grid of that trained model over the book's h = 0.001 meshgrid
 *                          (2047 × 2112 = 4,323,264 cells), including building the grid, on both
 *                          cores (this thread and a warm worker thread, cli/gridThreads.ts)
 *   boundary_h0001_1t_ms   the same grid on this thread alone
 *
 * All on the default kernels (WebAssembly SIMD where Node runs it). Each figure is the median
 * wall-clock time of N runs (default 7) after two warm-up runs; the text output also gives the
 * median and lowest CPU time of the process (user + system, all threads), which are steadier
 * than wall time on a busy machine, the same figures on the TypeScript kernels, and training
 * with the model's arrays copied into the kernels' memory on every call instead of living there
 * (ratios of the lowest CPU times). `--numpy` also
 * runs bench/numpy_reference.py (the same measurements with NumPy, whose matrix products use
 * both cores) and prints the ratios. `--json` prints exactly one line:
 * {"train_custom_loop_ms": …, "boundary_h0001_ms": …, "boundary_h0001_1t_ms": …}.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { GridThreads } from '../cli/gridThreads';
import { classGrid, gridSpec } from '../src/nn/boundary';
import { BOOK } from '../src/nn/book';
import { SGD } from '../src/nn/optimizers';
import { kernelPath, setKernelPath, setResidentArrays } from '../src/nn/simd';
import { loadSpiral } from '../src/nn/spiral';
import { CustomLoop } from '../src/nn/trainer';
import { TwoLayerNet } from '../src/nn/twoLayerNet';
import { median } from './util';
import { installBundledKernels } from '../src/nn/simdInstall';

installBundledKernels();

/** The book's train_custom_loop.py without printing; returns the trained model and data. */
export function trainBookModel() {
  const { x, t, rng } = loadSpiral();
  const model = new TwoLayerNet(2, BOOK.hiddenSize, BOOK.classes, rng);
  new CustomLoop({ x, t, model, optimizer: new SGD(BOOK.learningRate), rng, maxEpoch: BOOK.maxEpoch, batchSize: BOOK.batchSize }).run();
  return { model, x };
}

/** The plot's class grid at h = 0.001 for a trained model, on this thread. */
export function bookBoundary(model: TwoLayerNet, x: ReturnType<typeof trainBookModel>['x']): Uint8Array {
  return classGrid(model, gridSpec(x, BOOK.h));
}

interface Timing {
  wallMs: number[];
  cpuMs: number[];
}

/** Runs `fn` `warmup` times, then `runs` timed times (wall clock and the process's CPU time). */
export async function time(fn: () => unknown, runs: number, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const wallMs: number[] = [], cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wallMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
  }
  return { wallMs, cpuMs };
}


const round1 = (v: number) => Math.round(v * 10) / 10;

/** The three core figures' timings on the current kernels. */
export async function measureCore(runs = 7, threads?: GridThreads) {
  const train = await time(trainBookModel, runs);
  const { model, x } = trainBookModel();
  const grid1 = await time(() => bookBoundary(model, x), runs);
  let grid2: Timing | undefined;
  if (threads) {
    await threads.ready();
    const spec = gridSpec(x, BOOK.h);
    grid2 = await time(() => threads.classGrid(model.named, spec), runs);
  }
  return { train, grid1, grid2 };
}

interface NumpyFigures {
  train_custom_loop_ms: number;
  boundary_h0001_ms: number;
  cpu_ms: { train: number; boundary: number };
  numpy: string;
}

function numpyReference(runs: number): NumpyFigures | undefined {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'numpy_reference.py');
  const r = spawnSync('python3', [script, '--runs', String(runs)], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

const line = (name: string, t: Timing) =>
  `${name.padEnd(24)} median ${median(t.wallMs).toFixed(1).padStart(8)} ms wall, ${median(t.cpuMs).toFixed(1).padStart(8)} ms CPU (min ${Math.min(...t.cpuMs).toFixed(1)})  (runs: ${t.wallMs.map((v) => v.toFixed(0)).join(' ')})`;

/** `bench core` entry point. */
export async function run(args: string[]): Promise<void> {
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Math.max(5, Number(args[runsArg + 1]) || 7) : 7;
  const threads = new GridThreads().start();
  try {
    const { train, grid1, grid2 } = await measureCore(runs, threads);
    const figures = {
      train_custom_loop_ms: round1(median(train.wallMs)),
      boundary_h0001_ms: round1(median(grid2!.wallMs)),
      boundary_h0001_1t_ms: round1(median(grid1.wallMs)),
    };
    if (args.includes('--json')) {
      console.log(JSON.stringify(figures));
      return;
    }
    const path = kernelPath();
    console.log(`core (Node ${process.version}, ${path} kernels, ${runs} runs after 2 warm-ups; load average ${loadavg().map((v) => v.toFixed(1)).join(' ')} on ${cpus().length} CPUs)`);
    console.log(line('train_custom_loop_ms', train));
    console.log(line('boundary_h0001_ms', grid2!));
    console.log(line('boundary_h0001_1t_ms', grid1));
    if (path === 'wasm') await compareKernels(runs, train);
    if (args.includes('--numpy')) printNumpy(runs, train, grid1, grid2!);
    console.log(`load average after: ${loadavg().map((v) => v.toFixed(1)).join(' ')}`);
  } finally {
    await threads.close();
  }
}

/** The same training with operands copied per call, and everything on the TypeScript kernels. */
async function compareKernels(runs: number, train: Timing): Promise<void> {
  setResidentArrays(false);
  const copied = await time(trainBookModel, runs);
  setResidentArrays(true);
  setKernelPath('ts');
  const tsTrain = await time(trainBookModel, runs);
  const { model, x } = trainBookModel();
  const tsGrid = await time(() => bookBoundary(model, x), Math.min(runs, 5));
  setKernelPath('auto');
  // the fastest run's CPU time: on a busy machine the least disturbed, so the steadiest ratio
  const r = (a: Timing, b: Timing) => (Math.min(...a.cpuMs) / Math.min(...b.cpuMs)).toFixed(2);
  console.log(line('train, arrays copied', copied) + `  (×${r(copied, train)} the CPU time of arrays kept in the module's memory)`);
  console.log(line('train, TypeScript', tsTrain) + `  (×${r(tsTrain, train)} the CPU time of WebAssembly)`);
  console.log(line('boundary 1t, TypeScript', tsGrid));
}

function printNumpy(runs: number, train: Timing, grid1: Timing, grid2: Timing): void {
  const np = numpyReference(Math.min(runs, 5));
  if (!np) {
    console.log('numpy reference: python3 with numpy not available');
    return;
  }
  const w = (t: Timing) => median(t.wallMs), c = (t: Timing) => median(t.cpuMs);
  const x = (a: number, b: number) => `×${(a / b).toFixed(1)}`;
  console.log(`numpy ${np.numpy} (bench/numpy_reference.py): train ${np.train_custom_loop_ms} ms wall, ${np.cpu_ms.train} ms CPU; boundary ${np.boundary_h0001_ms} ms wall, ${np.cpu_ms.boundary} ms CPU`);
  console.log(`speed-up over NumPy, wall: train ${x(np.train_custom_loop_ms, w(train))}, boundary both cores ${x(np.boundary_h0001_ms, w(grid2))}, one thread ${x(np.boundary_h0001_ms, w(grid1))}`);
  console.log(`speed-up over NumPy, CPU:  train ${x(np.cpu_ms.train, c(train))}, boundary both cores ${x(np.cpu_ms.boundary, c(grid2))}, one thread ${x(np.cpu_ms.boundary, c(grid1))}`);
}
