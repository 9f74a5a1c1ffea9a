/**
 * Core benchmark (Node, one thread): `npm run --silent bench -- core [--json] [--runs N] [--numpy]`.
 *
 *   train_custom_loop_ms  load the spiral data, build TwoLayerNet, 300 epochs of the book's
 *                         custom loop (batch 30, hidden 10, SGD lr 1.0), no printing
 *   boundary_h0001_ms     class grid of that trained model over the book's h = 0.001 meshgrid
 *                         (2047 × 2112 = 4,323,264 cells), including building the grid
 *
 * Each figure is the median wall-clock time of N runs (default 7) after two warm-up runs; the
 * text output also gives the median CPU time (user + system), which is steadier than wall time
 * on a busy machine. `--numpy` also runs bench/numpy_reference.py (the same two measurements
 * with NumPy) and prints the ratios. `--json` prints exactly one line:
 * {"train_custom_loop_ms": …, "boundary_h0001_ms": …}.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { classGrid, gridSpec } from '../src/nn/boundary';
import { BOOK } from '../src/nn/book';
import { SGD } from '../src/nn/optimizers';
import { loadSpiral } from '../src/nn/spiral';
import { CustomLoop } from '../src/nn/trainer';
import { TwoLayerNet } from '../src/nn/twoLayerNet';
import { median } from './util';

/** The book's train_custom_loop.py without printing; returns the trained model and data. */
export function trainBookModel() {
  const { x, t, rng } = loadSpiral();
  const model = new TwoLayerNet(2, BOOK.hiddenSize, BOOK.classes, rng);
  new CustomLoop({ x, t, model, optimizer: new SGD(BOOK.learningRate), rng, maxEpoch: BOOK.maxEpoch, batchSize: BOOK.batchSize }).run();
  return { model, x };
}

/** The plot's class grid at h = 0.001 for a trained model. */
export function bookBoundary(model: TwoLayerNet, x: ReturnType<typeof trainBookModel>['x']): Uint8Array {
  return classGrid(model, gridSpec(x, BOOK.h));
}

interface Timing {
  wallMs: number[];
  cpuMs: number[];
}

/** Runs `fn` `warmup` times, then `runs` timed times. */
export function time(fn: () => unknown, runs: number, warmup = 2): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const wallMs: number[] = [], cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wallMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
  }
  return { wallMs, cpuMs };
}


const round1 = (v: number) => Math.round(v * 10) / 10;

/** The two core figures (median wall ms) and the raw timings. */
export function measureCore(runs = 7) {
  const train = time(trainBookModel, runs);
  const { model, x } = trainBookModel();
  const grid = time(() => bookBoundary(model, x), runs);
  return { train, grid };
}

interface NumpyFigures {
  train_custom_loop_ms: number;
  boundary_h0001_ms: number;
  cpu_ms: { train: number; boundary: number };
}

function numpyReference(runs: number): NumpyFigures | undefined {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'numpy_reference.py');
  const r = spawnSync('python3', [script, '--runs', String(runs)], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

/** `bench core` entry point. */
export async function run(args: string[]): Promise<void> {
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Math.max(5, Number(args[runsArg + 1]) || 7) : 7;
  const { train, grid } = measureCore(runs);
  const figures = { train_custom_loop_ms: round1(median(train.wallMs)), boundary_h0001_ms: round1(median(grid.wallMs)) };
  if (args.includes('--json')) {
    console.log(JSON.stringify(figures));
    return;
  }
  const line = (name: string, t: Timing) =>
    `${name.padEnd(22)} median ${median(t.wallMs).toFixed(1).padStart(8)} ms wall, ${median(t.cpuMs).toFixed(1).padStart(8)} ms CPU  (runs: ${t.wallMs.map((v) => v.toFixed(0)).join(' ')})`;
  console.log(`core (Node ${process.version}, ${runs} runs after 2 warm-ups; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs)`);
  console.log(line('train_custom_loop_ms', train));
  console.log(line('boundary_h0001_ms', grid));
  if (args.includes('--numpy')) {
    const np = numpyReference(Math.min(runs, 5));
    if (!np) {
      console.log('numpy reference: python3 with numpy not available');
      return;
    }
    const cpuTrain = median(train.cpuMs), cpuGrid = median(grid.cpuMs);
    console.log(`numpy (bench/numpy_reference.py): train ${np.train_custom_loop_ms} ms wall, ${np.cpu_ms.train} ms CPU; boundary ${np.boundary_h0001_ms} ms wall, ${np.cpu_ms.boundary} ms CPU`);
    console.log(`speed-up over NumPy, wall: train ×${(np.train_custom_loop_ms / figures.train_custom_loop_ms).toFixed(1)}, boundary ×${(np.boundary_h0001_ms / figures.boundary_h0001_ms).toFixed(1)}`);
    console.log(`speed-up over NumPy, CPU:  train ×${(np.cpu_ms.train / cpuTrain).toFixed(1)}, boundary ×${(np.cpu_ms.boundary / cpuGrid).toFixed(1)}`);
  }
}
