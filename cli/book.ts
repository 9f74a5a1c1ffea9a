/**
 * `npm run --silent book -- <script> [options]`: runs one of the book's chapter-1 scripts on
 * src/nn and prints what the Python script prints, or with --json one JSON object with the
 * data, parameters, loss list, accuracy and decision-boundary summary (for checking against
 * NumPy). Bad input: one line on stderr, exit code 2.
 *
 *   forward_net          [--seed N] [--json] [--save-params FILE.npz]
 *   show_spiral_dataset  [--seed N] [--json]
 *   train_custom_loop    [--seed N] [--json] [--save-params FILE.npz] [training options]
 *   train                same, plus [--max-grad X] [--eval-interval N]
 *   training options:    --max-epoch N --batch-size N --hidden-size N --lr X
 *                        --optimizer sgd|momentum|nesterov|adagrad|rmsprop|adam
 */
import { BOOK } from '../src/nn/book';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classCounts, gridSpec } from '../src/nn/boundary';
import { forwardNetExample } from '../src/nn/forwardNet';
import { saveParamsNpz } from '../src/nn/npy';
import { type Mat, toRows } from '../src/nn/matrix';
import { OPTIMIZER_NAMES, type OptimizerName, isOptimizerName, makeOptimizer } from '../src/nn/optimizers';
import { RandomState } from '../src/nn/random';
import { loadSpiral } from '../src/nn/spiral';
import { CustomLoop, Trainer, formatCustomLoopReport, formatTrainerReport } from '../src/nn/trainer';
import { TwoLayerNet, type TwoLayerParams } from '../src/nn/twoLayerNet';
import { GridThreads } from './gridThreads';
import { installBundledKernels } from '../src/nn/simdInstall';

// The WebAssembly SIMD kernels (the same numbers as the TypeScript ones, faster).
installBundledKernels();

const SCRIPTS = ['forward_net', 'train_custom_loop', 'train', 'show_spiral_dataset'] as const;
type Script = (typeof SCRIPTS)[number];

/** Everything the command line can set; defaults are the book's script variables. */
export interface BookOptions {
  script: Script;
  seed?: number;
  json: boolean;
  saveParams?: string;
  maxEpoch: number;
  batchSize: number;
  hiddenSize: number;
  lr: number;
  optimizer: OptimizerName;
  maxGrad?: number;
  evalInterval: number;
}

/** Bad command-line input: reported as one stderr line with exit code 2. */
export class UsageError extends Error {}

const USAGE = `usage: book <${SCRIPTS.join('|')}> [--seed N] [--json] [--save-params FILE.npz] [--max-epoch N] [--batch-size N] [--hidden-size N] [--lr X] [--optimizer ${OPTIMIZER_NAMES.join('|')}] [--max-grad X] [--eval-interval N]`;

const TRAINING_FLAGS = ['--max-epoch', '--batch-size', '--hidden-size', '--lr', '--optimizer'];
/** Flags each script accepts (besides --json, which takes no value). */
const FLAGS: Record<Script, string[]> = {
  forward_net: ['--seed', '--save-params'],
  show_spiral_dataset: ['--seed'],
  train_custom_loop: ['--seed', '--save-params', ...TRAINING_FLAGS],
  train: ['--seed', '--save-params', ...TRAINING_FLAGS, '--max-grad', '--eval-interval'],
};

const NUMBER = /^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+]?\d+$/;

function integer(flag: string, text: string, min: number, max: number): number {
  const v = Number(text);
  if (!INTEGER.test(text) || !(v >= min && v <= max)) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got '${text}'`);
  }
  return v;
}

function positive(flag: string, text: string): number {
  const v = Number(text);
  if (!NUMBER.test(text) || !(v > 0 && Number.isFinite(v))) throw new UsageError(`${flag} must be a positive number, got '${text}'`);
  return v;
}

/** Parses argv (without node and the script path). Throws UsageError on anything unexpected. */
export function parseArgs(argv: string[]): BookOptions {
  const [script, ...rest] = argv;
  if (script === undefined) throw new UsageError(`no script given; ${USAGE}`);
  if (!(SCRIPTS as readonly string[]).includes(script)) {
    throw new UsageError(`unknown script '${script}' (expected one of ${SCRIPTS.join(', ')})`);
  }
  const s = script as Script;
  const o: BookOptions = { script: s, json: false, maxEpoch: BOOK.maxEpoch, batchSize: BOOK.batchSize, hiddenSize: BOOK.hiddenSize, lr: BOOK.learningRate, optimizer: 'sgd', evalInterval: BOOK.evalInterval };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json') {
      o.json = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!FLAGS[s].includes(flag)) throw new UsageError(`unknown option '${flag}' for ${s}`);
    const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    setOption(o, flag, value);
  }
  return o;
}

function setOption(o: BookOptions, flag: string, v: string): void {
  switch (flag) {
    case '--seed': o.seed = integer(flag, v, 0, 2 ** 32 - 1); break;
    case '--save-params': o.saveParams = v; break;
    case '--max-epoch': o.maxEpoch = integer(flag, v, 0, 1e7); break;
    case '--batch-size': o.batchSize = integer(flag, v, 1, 1e9); break;
    case '--hidden-size': o.hiddenSize = integer(flag, v, 1, 100000); break;
    case '--lr': o.lr = positive(flag, v); break;
    case '--max-grad': o.maxGrad = positive(flag, v); break;
    case '--eval-interval': o.evalInterval = integer(flag, v, 1, 1e9); break;
    case '--optimizer':
      if (!isOptimizerName(v)) throw new UsageError(`unknown optimizer '${v}' (expected one of ${OPTIMIZER_NAMES.join(', ')})`);
      o.optimizer = v;
      break;
  }
}

/** Fails early (before training) if FILE cannot be written. */
function checkWritable(file: string): void {
  const path = resolve(file);
  try {
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) throw new Error('is a directory');
      accessSync(path, constants.W_OK);
    } else {
      accessSync(dirname(path), constants.W_OK);
    }
  } catch (e) {
    throw new UsageError(`cannot write --save-params file '${file}': ${(e as Error).message}`);
  }
}

/** The book's save_params: float16 arrays W1, b1, W2, b2 in an .npz. */
function saveParams(file: string, params: TwoLayerParams): void {
  try {
    writeFileSync(file, saveParamsNpz(params));
  } catch (e) {
    throw new UsageError(`cannot write --save-params file '${file}': ${(e as Error).message}`);
  }
}

/** Where output goes (process streams in the command, arrays in tests). */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** Runs the command; returns the exit code (0, or 2 for bad input). */
export async function main(argv: string[], io: Io): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h') {
    io.out(USAGE);
    return 0;
  }
  try {
    const o = parseArgs(argv);
    if (o.saveParams !== undefined) checkWritable(o.saveParams);
    switch (o.script) {
      case 'forward_net': forwardNet(o, io); break;
      case 'show_spiral_dataset': showSpiral(o, io); break;
      default: await trainScript(o, io);
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`book: error: ${e.message.replace(/\s*\n\s*/g, ' ')}`);
      return 2;
    }
    throw e;
  }
}

/** forward_net.py: np.random.seed(seed) first (default 0, the seed tests/fixtures/numpy/forward_net.json was made with: the script sets none), then the script. */
function forwardNet(o: BookOptions, io: Io): void {
  const ex = forwardNetExample(new RandomState(o.seed ?? 0));
  const p = ex.params;
  if (o.json) {
    io.out(toJson({ x: toRows(ex.x), params: paramsJson(p), scores: toRows(ex.scores) }));
  } else {
    io.out(formatNumpyArray(ex.scores));
  }
  if (o.saveParams !== undefined) saveParams(o.saveParams, p);
}

/** show_spiral_dataset.py: prints the shapes (the plot is the web page's job). */
function showSpiral(o: BookOptions, io: Io): void {
  const seed = o.seed ?? BOOK.seed;
  const { x, t } = loadSpiral({ seed });
  if (o.json) {
    io.out(toJson({ script: o.script, seed, x: toRows(x), t: toRows(t) }));
  } else {
    io.out(`x (${x.rows}, ${x.cols})`);
    io.out(`t (${t.rows}, ${t.cols})`);
  }
}

/** train_custom_loop.py or train.py with the given variables. */
async function trainScript(o: BookOptions, io: Io): Promise<void> {
  // the boundary's h = 0.001 grid uses both cores: the helper thread starts while we train
  const threads = o.json ? new GridThreads().start() : undefined;
  try {
    await trainAndReport(o, io, threads);
  } finally {
    await threads?.close();
  }
}

async function trainAndReport(o: BookOptions, io: Io, threads: GridThreads | undefined): Promise<void> {
  const seed = o.seed ?? BOOK.seed;
  const { x, t, labels, rng } = loadSpiral({ seed });
  if (o.batchSize > x.rows) throw new UsageError(`--batch-size must be at most the data size ${x.rows}, got ${o.batchSize}`);
  const model = new TwoLayerNet(2, o.hiddenSize, BOOK.classes, rng);
  const initial = paramsJson(model.named);
  const optimizer = makeOptimizer(o.optimizer, o.lr);
  const print = (line: string) => {
    if (!o.json) io.out(line);
  };
  let lossList: number[];
  if (o.script === 'train_custom_loop') {
    const loop = new CustomLoop({ x, t, model, optimizer, rng, maxEpoch: o.maxEpoch, batchSize: o.batchSize });
    while (!loop.done) for (const r of loop.step(1000)) print(formatCustomLoopReport(r));
    lossList = loop.lossList;
  } else {
    const trainer = new Trainer(model, optimizer, rng);
    trainer.start(x, t, { maxEpoch: o.maxEpoch, batchSize: o.batchSize, maxGrad: o.maxGrad, evalInterval: o.evalInterval });
    while (!trainer.done) for (const r of trainer.step(1000)) print(formatTrainerReport(r));
    lossList = trainer.lossList;
  }
  if (threads) {
    const h = BOOK.h;
    const spec = gridSpec(x, h);
    const { classes } = await threads.classGrid(model.named, spec);
    const hyper: Record<string, number> = { max_epoch: o.maxEpoch, batch_size: o.batchSize, hidden_size: o.hiddenSize, learning_rate: o.lr };
    if (o.script === 'train') hyper.eval_interval = o.evalInterval;
    io.out(toJson({
      script: o.script, seed, hyper, x: toRows(x), t: toRows(t), initial_params: initial,
      loss_list: lossList, final_params: paramsJson(model.named), accuracy: model.accuracy(x, labels),
      boundary: {
        h, x_min: spec.xMin, x_max: spec.xMax, y_min: spec.yMin, y_max: spec.yMax, shape: [spec.rows, spec.cols],
        class_counts: classCounts(classes, 3), sha256: createHash('sha256').update(classes).digest('hex'),
      },
    }));
  }
  if (o.saveParams !== undefined) saveParams(o.saveParams, model.named);
}

function paramsJson(p: TwoLayerParams) {
  return { W1: toRows(p.W1), b1: Array.from(p.b1), W2: toRows(p.W2), b2: Array.from(p.b2) };
}

/**
 * JSON where every double round-trips: like JSON.stringify, but −0 is written "-0.0" (as
 * Python's json does) instead of "0". Non-finite numbers become null.
 */
export function toJson(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0.0' : Number.isFinite(v) ? String(v) : 'null';
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const parts = Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * A 2-D float array as NumPy prints it with default options (precision 8, shortest digits that
 * identify each value, aligned columns; scientific when values span more than 1e3 or leave
 * [1e-4, 1e8)). Lines are not wrapped at 75 characters (forward_net prints 3 columns).
 */
export function formatNumpyArray(m: Mat): string {
  const vals = Array.from(m.data);
  const finite = vals.filter(Number.isFinite);
  const absNonZero = finite.filter((v) => v !== 0).map(Math.abs);
  const maxV = Math.max(...absNonZero), minV = Math.min(...absNonZero);
  const scientific = absNonZero.length > 0 && (maxV >= 1e8 || minV < 1e-4 || maxV / minV > 1e3);
  const cells = scientific ? scientificCells(vals) : positionalCells(vals);
  const rows: string[] = [];
  for (let r = 0; r < m.rows; r++) rows.push(`[${cells.slice(r * m.cols, (r + 1) * m.cols).join(' ')}]`);
  return `[${rows.join('\n ')}]`;
}

/** Shortest digits that identify v, cut to 8 after the point, trailing zeros trimmed ("2."). */
function positionalDigits(v: number): string {
  const a = Math.abs(v);
  const shortest = String(a);
  let digits: string;
  if (shortest.includes('e')) digits = a.toFixed(8).replace(/0+$/, '');
  else if (!shortest.includes('.')) digits = `${shortest}.`;
  else digits = shortest.split('.')[1].length > 8 ? a.toFixed(8).replace(/0+$/, '') : shortest;
  return (v < 0 || Object.is(v, -0) ? '-' : '') + digits;
}

function positionalCells(vals: number[]): string[] {
  const strs = vals.map((v) => (Number.isFinite(v) ? positionalDigits(v) : Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf'));
  const split = strs.map((s) => (s.includes('.') ? s.split('.') : [s, undefined]));
  const padLeft = Math.max(...split.filter(([, f]) => f !== undefined).map(([i]) => i!.length));
  const padRight = Math.max(...split.filter(([, f]) => f !== undefined).map(([, f]) => f!.length));
  return split.map(([i, f]) =>
    f === undefined ? i!.padStart(padLeft + padRight + 1) : `${i!.padStart(padLeft)}.${f.padEnd(padRight)}`,
  );
}

function scientificCells(vals: number[]): string[] {
  const mant = (v: number) => {
    const [m] = Math.abs(v).toExponential().split('e');
    const frac = m.split('.')[1] ?? '';
    return Math.min(8, frac.length);
  };
  const precision = Math.max(...vals.filter(Number.isFinite).map(mant));
  const strs = vals.map((v) => {
    if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
    const [m, e] = v.toExponential(precision).split('e');
    const exp = e.replace(/^([+-])(\d)$/, '$10$2');
    return `${precision === 0 ? `${m}.` : m}e${exp}`;
  });
  const width = Math.max(...strs.map((s) => s.length));
  return strs.map((s) => s.padStart(width));
}

const isEntry = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  main(process.argv.slice(2), { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      process.stderr.write(`book: error: ${String((e as Error)?.message ?? e).split('\n')[0]}\n`);
      process.exitCode = 1;
    });
}
