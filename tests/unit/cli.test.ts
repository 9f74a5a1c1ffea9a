import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNumpyArray, main, parseArgs, toJson } from '../../cli/book';
import { mat } from '../../src/nn/matrix';
import { loadParamsNpz } from '../../src/nn/npy';
import { toFloat16 } from '../../src/nn/float16';
import { flat, loadFixture, maxAbsDiff } from '../fixtures/numpy/load';

/** Runs the command in-process; returns exit code, stdout lines and stderr lines. */
async function book(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/**
 * Runs cli/book.ts in its own process. `npx` spawns `npx tsx cli/book.ts …` exactly as a user
 * would; `node` runs the same file under the same tsx loader (`node --import tsx`) without
 * npm's ~1 s start-up, for the bulk of the process-level checks.
 */
function spawnBook(args: string[], via: 'npx' | 'node' = 'node'): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const [cmd, pre] = via === 'npx' ? ['npx', ['tsx']] : [process.execPath, ['--import', 'tsx']];
    const p = spawn(cmd, [...pre, 'cli/book.ts', ...args], { cwd: join(__dirname, '..', '..') });
    let stdout = '', stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const fixtures = readdirSync(join(__dirname, '..', 'fixtures', 'numpy')).filter((f) => /^cli_.*\.json$/.test(f));

describe('book --json equals the NumPy port (tests/fixtures/numpy/cli_*.json, from make_train.py)', () => {
  it.each(fixtures)('%s', async (name) => {
    const fx = loadFixture(name);
    const e = fx.expected;
    const { code, out, err } = await book(...fx.args, '--json');
    expect([code, err]).toEqual([0, []]);
    expect(out.length).toBe(1);
    const got = JSON.parse(out[0]);
    expect(Object.keys(got)).toEqual(['script', 'seed', 'hyper', 'x', 't', 'initial_params', 'loss_list', 'final_params', 'accuracy', 'boundary']);
    expect([got.script, got.seed]).toEqual([e.script, e.seed]);
    expect(got.hyper).toEqual(e.hyper);
    expect([got.x.length, got.t.length, got.t[0].length]).toEqual([300, 300, 3]);
    for (const k of ['W1', 'b1', 'W2', 'b2']) {
      expect(flat(got.initial_params[k])).toEqual(flat(e.initial_params[k]));
      expect(maxAbsDiff(flat(got.final_params[k]), flat(e.final_params[k]))).toBeLessThanOrEqual(1e-10);
    }
    expect(got.loss_list.length).toBe(e.loss_list.length);
    expect(maxAbsDiff(got.loss_list, e.loss_list)).toBeLessThanOrEqual(1e-12);
    expect(got.accuracy).toBe(e.accuracy);
    expect(got.boundary).toEqual(e.boundary);
  });
});

describe('book prints what the scripts print', () => {
  it.each(['cli_custom_book.json', 'cli_train_book.json', 'cli_custom_batch20.json', 'cli_train_batch32_eval4.json'])(
    'the lines of %s',
    async (name) => {
      const fx = loadFixture(name);
      const { code, out } = await book(...fx.args);
      expect(code).toBe(0);
      expect(out.map((l) => l.replace(/time \d+\[s\]/, 'time 0[s]'))).toEqual(fx.expected.printed);
    },
  );

  it('train_custom_loop with the book settings prints 300 lines ending near loss 0.11', async () => {
    const { out } = await book('train_custom_loop');
    expect(out.length).toBe(300);
    expect(out[0]).toMatch(/^\| epoch 1 \| {2}iter 10 \/ 10 \| loss \d\.\d\d$/);
    expect(out[299]).toBe('| epoch 300 |  iter 10 / 10 | loss 0.11');
  });

  it('forward_net prints the scores like NumPy prints an array (forward_net_prints.json)', async () => {
    for (const run of loadFixture('forward_net_prints.json').runs) {
      const { out } = await book('forward_net', '--seed', String(run.seed));
      expect(out.join('\n')).toBe(run.printed);
    }
  });

  it('forward_net --json gives x, params and scores (forward_net.json)', async () => {
    const g = loadFixture('forward_net.json');
    const got = JSON.parse((await book('forward_net', '--json')).out[0]);
    expect(Object.keys(got)).toEqual(['x', 'params', 'scores']);
    expect(got.x).toEqual(g.x);
    expect(got.params).toEqual(g.params);
    expect(maxAbsDiff(flat(got.scores), flat(g.s))).toBeLessThanOrEqual(1e-12);
  });

  it('show_spiral_dataset prints the shapes', async () => {
    expect((await book('show_spiral_dataset')).out).toEqual(['x (300, 2)', 't (300, 3)']);
    const j = JSON.parse((await book('show_spiral_dataset', '--json', '--seed', '3')).out[0]);
    expect([j.seed, j.x.length, j.t[0].length]).toEqual([3, 300, 3]);
  });

  it('--save-params writes the float16 .npz the book’s save_params writes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'book-')), 'params.npz');
    const { code } = await book('train_custom_loop', '--max-epoch', '5', '--save-params', file, '--json');
    expect(code).toBe(0);
    const loaded = loadParamsNpz(new Uint8Array(readFileSync(file)));
    expect(loaded.dtypes.W1).toBe('float16');
    const again = JSON.parse((await book('train_custom_loop', '--max-epoch', '5', '--json')).out[0]);
    expect(Array.from(loaded.W1.data)).toEqual(flat(again.final_params.W1).map(toFloat16));
    expect(Array.from(loaded.b2)).toEqual(again.final_params.b2.map(toFloat16));
  });
});

describe('book rejects bad input with one stderr line and exit code 2', () => {
  const bad: [string, string[]][] = [
    ['negative seed', ['train', '--seed', '-1']],
    ['seed 2**32', ['train_custom_loop', '--seed', '4294967296']],
    ['fractional seed', ['forward_net', '--seed', '1.5']],
    ['unknown flag', ['train', '--foo', '1']],
    ['train-only flag on the custom loop', ['train_custom_loop', '--max-grad', '1']],
    ['unknown script', ['trian']],
    ['no script', []],
    ['zero lr', ['train', '--lr', '0']],
    ['non-numeric lr', ['train', '--lr', 'fast']],
    ['batch larger than the data', ['train', '--batch-size', '301']],
    ['batch 0', ['train_custom_loop', '--batch-size', '0']],
    ['unknown optimizer', ['train', '--optimizer', 'sgdd']],
    ['missing value', ['train', '--lr']],
    ['unwritable --save-params', ['train', '--save-params', '/nonexistent-dir/params.npz']],
    ['--save-params on a directory', ['forward_net', '--save-params', tmpdir()]],
  ];

  it.each(bad)('%s (in-process)', async (_, argv) => {
    const { code, out, err } = await book(...argv);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.length).toBe(1);
    expect(err[0]).toMatch(/^book: error: \S/);
  });

  it.each(bad.filter(([n]) => ['negative seed', 'unknown flag', 'unknown script', 'zero lr', 'batch larger than the data', 'unwritable --save-params'].includes(n)))(
    '%s (as a process: exit status 2, one stderr line)',
    async (_, argv) => {
      const r = await spawnBook(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n').length).toBe(1);
    },
    120_000,
  );

  it('through `npx tsx cli/book.ts`: a bad seed exits 2, a good run exits 0 with one JSON line', { timeout: 120_000 }, async () => {
    const bad = await spawnBook(['train', '--seed', '4294967296'], 'npx');
    expect([bad.code, bad.stdout, bad.stderr.trimEnd().split('\n').length]).toEqual([2, '', 1]);
    const r = await spawnBook(['forward_net', '--json'], 'npx');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').length).toBe(1);
    expect(JSON.parse(r.stdout).scores.length).toBe(10);
  });
});

describe('CLI helpers', () => {
  it('parseArgs takes --flag value and --flag=value, the book defaults otherwise', () => {
    expect(parseArgs(['train'])).toMatchObject({ maxEpoch: 300, batchSize: 30, hiddenSize: 10, lr: 1, optimizer: 'sgd', evalInterval: 10, json: false });
    expect(parseArgs(['train', '--lr=0.5', '--eval-interval', '7'])).toMatchObject({ lr: 0.5, evalInterval: 7 });
  });

  it('toJson keeps −0 and round-trips doubles', () => {
    const v = [-0, 0.1 + 0.2, 1e-300, 5e-324, 1];
    const back = JSON.parse(toJson(v));
    expect(Object.is(back[0], -0)).toBe(true);
    expect(back).toEqual(v);
  });

  it('formatNumpyArray switches to scientific notation like NumPy', () => {
    expect(formatNumpyArray(mat(1, 3, [1e-5, 1, 2]))).toBe('[[1.e-05 1.e+00 2.e+00]]');
    expect(formatNumpyArray(mat(1, 2, [1, 2.5]))).toBe('[[1.  2.5]]');
  });
});
