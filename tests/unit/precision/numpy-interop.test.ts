import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveParamsNpz } from '../../../src/nn/npy';
import { float16BitsOf } from '../../../src/nn/float16';

/** Is NumPy importable by python3 here? (.ci/run may install Debian's python3-numpy.) */
function numpyVersion(): string | undefined {
  const r = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const version = numpyVersion();
if (!version) console.warn('[numpy-interop] SKIPPED: `python3 -c "import numpy"` failed, so NumPy cannot check our .npz');

describe('our .npz read by NumPy', () => {
  it.skipIf(!version)(`numpy.load reads saveParamsNpz's file as float16 W1, b1, W2, b2 with equal bits (NumPy ${version ?? 'absent'})`, () => {
    const H = 10;
    const C = 3;
    const W1 = { rows: 2, cols: H, data: Float64Array.from({ length: 2 * H }, (_, i) => Math.sin(i + 1) * 0.03) };
    const b1 = Float64Array.from({ length: H }, (_, i) => (i - 4.5) * 1e-3);
    const W2 = { rows: H, cols: C, data: Float64Array.from({ length: H * C }, (_, i) => Math.cos(i) * 3) };
    const b2 = Float64Array.from([65519.99, 2 ** -24, -0.1]);
    const dir = mkdtempSync(join(tmpdir(), 'npz-'));
    try {
      const file = join(dir, 'params.npz');
      writeFileSync(file, saveParamsNpz({ W1, b1, W2, b2 }));
      const script = [
        'import json, sys, numpy as np',
        'f = np.load(sys.argv[1])',
        'print(json.dumps({k: {"dtype": str(f[k].dtype), "shape": list(f[k].shape), "bits": f[k].view(np.uint16).ravel().tolist()} for k in f.files}))',
      ].join('\n');
      const out = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
      const want = (data: ArrayLike<number>, shape: number[]) => ({ dtype: 'float16', shape, bits: Array.from(float16BitsOf(data)) });
      expect(out).toEqual({
        W1: want(W1.data, [2, H]),
        b1: want(b1, [H]),
        W2: want(W2.data, [H, C]),
        b2: want(b2, [C]),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
