import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import {
  loadParamsNpz,
  NpyError,
  readNpy,
  readNpz,
  saveParamsNpz,
  writeNpy,
  writeNpz,
  type NpyErrorCode,
} from '../../../src/nn/npy';
import { toFloat16 } from '../../../src/nn/float16';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/numpy/npz/${name}`, import.meta.url))));
const fixtureJson = (name: string) => JSON.parse(new TextDecoder().decode(fixture(name)));

/** The NpyError code thrown by f, or 'no error' / 'other: …' so a failure says what happened. */
function codeOf(f: () => unknown): string {
  try {
    f();
    return 'no error';
  } catch (e) {
    return e instanceof NpyError ? e.code : `other: ${String(e)}`;
  }
}

/** A .npy with a hand-written header (padded as NumPy pads) and raw data bytes. */
function rawNpy(header: string, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const pad = 64 - ((10 + header.length + 1) % 64);
  const h = strToU8(header + ' '.repeat(pad) + '\n', true);
  const out = new Uint8Array(10 + h.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, h.length & 0xff, h.length >> 8]);
  out.set(h, 10);
  out.set(data, 10 + h.length);
  return out;
}

function params(H: number, C: number, seed = 1) {
  let s = seed;
  const r = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 0.2;
  const fill = (n: number) => Float64Array.from({ length: n }, r);
  return { W1: { rows: 2, cols: H, data: fill(2 * H) }, b1: fill(H), W2: { rows: H, cols: C, data: fill(H * C) }, b2: fill(C) };
}

describe('reading .npy files NumPy wrote', () => {
  it('reads float16 edge cases with the values NumPy stored', () => {
    const a = readNpy(fixture('edge_f2.npy'));
    const src = readNpy(fixture('edge_f8.npy'));
    expect(a.dtype).toBe('float16');
    expect(a.shape).toEqual([src.data.length]);
    expect(Array.from(a.data)).toEqual(Array.from(src.data, toFloat16));
  });

  it('reads float32 matrices, int32, int64, uint8, bool, 0-d and empty arrays', () => {
    const m = readNpy(fixture('mat_f4.npy'));
    expect(m).toMatchObject({ dtype: 'float32', shape: [3, 4] });
    expect(m.data[5]).toBe(Math.fround(5 / 7));
    expect(Array.from(readNpy(fixture('vec_i4.npy')).data)).toEqual([-3, 0, 7, 2 ** 31 - 1]);
    expect(Array.from(readNpy(fixture('vec_i8.npy')).data)).toEqual([-3, 0, 7, 2 ** 40]);
    expect(Array.from(readNpy(fixture('vec_u1.npy')).data)).toEqual([0, 1, 255]);
    expect(readNpy(fixture('vec_b1.npy'))).toMatchObject({ dtype: 'bool', data: Float64Array.from([1, 0, 1]) });
    expect(readNpy(fixture('scalar_f8.npy'))).toMatchObject({ shape: [], data: Float64Array.from([3.25]) });
    expect(readNpy(fixture('empty_f4.npy'))).toMatchObject({ shape: [0, 3], data: new Float64Array(0) });
  });

  it('reads big-endian data and refuses Fortran order', () => {
    expect(Array.from(readNpy(fixture('big_endian_f8.npy')).data)).toEqual([1.5, -2.25]);
    expect(codeOf(() => readNpy(fixture('fortran_f8.npy')))).toBe('fortran-order');
  });

  it('writes .npy byte for byte as np.save does', () => {
    for (const name of ['edge_f2.npy', 'edge_f8.npy', 'mat_f4.npy', 'vec_i4.npy', 'vec_i8.npy', 'vec_u1.npy', 'vec_b1.npy', 'scalar_f8.npy', 'empty_f4.npy']) {
      const bytes = fixture(name);
      const a = readNpy(bytes);
      expect({ name, same: Buffer.from(writeNpy(a)).equals(Buffer.from(bytes)) }).toEqual({ name, same: true });
    }
  });
});

describe('reading .npz files NumPy wrote', () => {
  it('reads np.savez float16 parameters with the values NumPy saved', () => {
    const want = fixtureJson('params_f16_values.json') as Record<string, { shape: number[]; values: number[] }>;
    const got = readNpz(fixture('params_f16.npz'));
    expect(Object.keys(got).sort()).toEqual(['W1', 'W2', 'b1', 'b2']);
    for (const k of Object.keys(want)) {
      expect(got[k].dtype).toBe('float16');
      expect(got[k].shape).toEqual(want[k].shape);
      expect(Array.from(got[k].data)).toEqual(want[k].values);
    }
  });

  it('reads np.savez_compressed too', () => {
    const a = readNpz(fixture('params_f16.npz'));
    const b = readNpz(fixture('params_f16_compressed.npz'));
    expect(Array.from(b.W2.data)).toEqual(Array.from(a.W2.data));
  });

  it('loads float16 and float32 parameter files as float32 values', () => {
    const p = loadParamsNpz(fixture('params_f16.npz'), { hiddenSize: 10, outputSize: 3 });
    expect(p.W1).toMatchObject({ rows: 2, cols: 10 });
    expect(p.dtypes.W1).toBe('float16');
    const p32 = loadParamsNpz(fixture('params_f32.npz'));
    expect(p32.dtypes.b2).toBe('float32');
    expect(p32.W2.data.every((v) => Math.fround(v) === v)).toBe(true);
  });

  it('refuses NumPy-written files with integer weights, a wrong shape or a missing array', () => {
    expect(codeOf(() => loadParamsNpz(fixture('params_int32.npz')))).toBe('wrong-dtype');
    expect(codeOf(() => loadParamsNpz(fixture('params_wrong_shape.npz'), { hiddenSize: 10, outputSize: 3 }))).toBe('wrong-shape');
    expect(codeOf(() => loadParamsNpz(fixture('params_missing_b2.npz')))).toBe('missing-array');
  });

  it('refuses a file whose hidden size differs from the model', () => {
    expect(codeOf(() => loadParamsNpz(fixture('params_f16.npz'), { hiddenSize: 20, outputSize: 3 }))).toBe('wrong-shape');
  });
});

describe('save_params / load_params round trip', () => {
  it('returns every weight rounded to float16, and shapes W1 (2,H) b1 (H,) W2 (H,C) b2 (C,)', () => {
    const p = params(10, 3);
    const bytes = saveParamsNpz(p);
    const arrays = readNpz(bytes);
    expect(arrays.W1.shape).toEqual([2, 10]);
    expect(arrays.b1.shape).toEqual([10]);
    expect(arrays.W2.shape).toEqual([10, 3]);
    expect(arrays.b2.shape).toEqual([3]);
    expect(Object.values(arrays).every((a) => a.dtype === 'float16')).toBe(true);
    const back = loadParamsNpz(bytes, { hiddenSize: 10, outputSize: 3 });
    expect(Array.from(back.W1.data)).toEqual(Array.from(p.W1.data, toFloat16));
    expect(Array.from(back.b2)).toEqual(Array.from(p.b2, toFloat16));
  });

  it('writes stored (uncompressed) entries W1.npy, b1.npy, W2.npy, b2.npy, as np.savez does', () => {
    const bytes = saveParamsNpz(params(4, 3));
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toEqual(['W1.npy', 'b1.npy', 'W2.npy', 'b2.npy']);
    // Compression method (offset 8 of the first local header) 0 = stored.
    expect(bytes[8] | (bytes[9] << 8)).toBe(0);
  });

  it('gives the same bytes for the same weights, whatever the time zone or the clock', () => {
    const a = saveParamsNpz(params(6, 3, 7));
    const b = saveParamsNpz(params(6, 3, 7));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(saveParamsNpz(params(6, 3, 8))))).toBe(false);
  });

  it('is about half the size in float16 as the same arrays in float32', () => {
    const p = params(100, 3);
    const f16 = saveParamsNpz(p).length;
    const f32 = writeNpz({
      W1: { dtype: 'float32', shape: [2, 100], data: p.W1.data },
      b1: { dtype: 'float32', shape: [100], data: p.b1 },
      W2: { dtype: 'float32', shape: [100, 3], data: p.W2.data },
      b2: { dtype: 'float32', shape: [3], data: p.b2 },
    }).length;
    expect(f16).toBeLessThan(f32 * 0.75);
  });

  it('round-trips arbitrary float arrays through .npz in float64 exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 50 }), (xs) => {
        const got = readNpz(writeNpz({ x: { dtype: 'float64', shape: [xs.length], data: xs } })).x;
        return got.shape[0] === xs.length && xs.every((v, i) => Object.is(v, got.data[i]));
      }),
    );
  });
});

describe('bad files', () => {
  const good = () => saveParamsNpz(params(10, 3));
  const cases: [string, () => Uint8Array, NpyErrorCode][] = [
    ['an empty file', () => new Uint8Array(0), 'empty'],
    ['text that is not a zip', () => strToU8('W1,b1\n1,2\n'), 'not-zip'],
    ['the pickle the book’s save_params writes (book_save_params.pkl)', () => fixture('book_save_params.pkl'), 'pickle'],
    ['a single .npy', () => fixture('edge_f2.npy'), 'npy-not-npz'],
    ['a zip cut in half', () => good().subarray(0, 300), 'corrupt-zip'],
    ['a zip with garbage in its middle', () => { const b = good().slice(); b.fill(0x3c, 140, 160); return b; }, 'corrupt-zip'],
    ['an .npz whose W1.npy has no magic', () => zipSync({ 'W1.npy': strToU8('hello') }, { level: 0 }), 'bad-magic'],
    ['an .npy with truncated data', () => zipSync({ 'W1.npy': writeNpy({ dtype: 'float16', shape: [2, 10], data: new Float64Array(20) }).subarray(0, 140) }), 'truncated'],
    ['an .npy with extra data', () => { const n = writeNpy({ dtype: 'float16', shape: [2], data: [1, 2] }); const m = new Uint8Array(n.length + 2); m.set(n); return zipSync({ 'W1.npy': m }); }, 'extra-bytes'],
    ['an absurd shape', () => zipSync({ 'W1.npy': rawNpy("{'descr': '<f2', 'fortran_order': False, 'shape': (99999999999, 99999999), }") }), 'too-large'],
    ['a negative dimension', () => zipSync({ 'W1.npy': rawNpy("{'descr': '<f2', 'fortran_order': False, 'shape': (-2, 10), }") }), 'bad-shape'],
    ['a header that is not a dict', () => zipSync({ 'W1.npy': rawNpy("__import__('os')") }), 'bad-header'],
    ['a future .npy version', () => { const b = rawNpy("{'descr': '<f2', 'fortran_order': False, 'shape': (), }", new Uint8Array(2)); b[6] = 9; return zipSync({ 'W1.npy': b }); }, 'bad-version'],
    ['a pickled object array', () => { const t = new TextDecoder('latin1').decode(writeNpy({ dtype: 'float64', shape: [1], data: [0] })).replace("'<f8'", "'|O' "); return zipSync({ 'W1.npy': strToU8(t, true) }); }, 'unsupported-dtype'],
    ['a file over the size limit', () => new Uint8Array(20 * 1024 * 1024).fill(0x50), 'too-large'],
  ];
  for (const [what, make, code] of cases) {
    it(`refuses ${what} with '${code}'`, () => {
      expect(codeOf(() => loadParamsNpz(make(), { hiddenSize: 10, outputSize: 3 }))).toBe(code);
    });
  }

  it('reads a hidden = 50 model whole when no hidden size is asked for (params_hidden50.npz)', () => {
    const want = fixtureJson('params_hidden50_values.json') as Record<string, { shape: number[]; values: number[] }>;
    const p = loadParamsNpz(fixture('params_hidden50.npz'), { outputSize: 3 });
    expect([p.W1.rows, p.W1.cols, p.b1.length, p.W2.rows, p.W2.cols, p.b2.length]).toEqual([2, 50, 50, 50, 3, 3]);
    expect(Array.from(p.W1.data)).toEqual(want.W1.values);
    expect(Array.from(p.W2.data)).toEqual(want.W2.values);
    expect(codeOf(() => loadParamsNpz(fixture('params_hidden50.npz'), { hiddenSize: 10, outputSize: 3 }))).toBe('wrong-shape');
  });

  it('refuses a huge declared shape before allocating it', () => {
    const b = rawNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }", new Uint8Array(8));
    expect(codeOf(() => readNpy(b))).toBe('too-large');
  });

  it('refuses a zip entry that claims to unpack to more than the limit', () => {
    const z = zipSync({ 'W1.npy': new Uint8Array(5000) }, { level: 9 });
    expect(codeOf(() => readNpz(z, { maxBytes: 4000 }))).toBe('too-large');
  });

  it('refuses a zip whose many small entries add up to more than the limit', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 10; i++) files[`a${i}.npy`] = new Uint8Array(1000);
    expect(codeOf(() => readNpz(zipSync(files, { level: 9 }), { maxBytes: 4000 }))).toBe('too-large');
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 300; i++) many[`a${i}.npy`] = new Uint8Array(1);
    expect(codeOf(() => readNpz(zipSync(many)))).toBe('too-large');
  });

  it('refuses NaN and Infinity weights', () => {
    const p = params(10, 3);
    p.W2.data[4] = 1e6; // overflows to Infinity in float16
    expect(codeOf(() => loadParamsNpz(saveParamsNpz(p)))).toBe('not-finite');
  });

  it('never throws anything but NpyError on random or mutated bytes', () => {
    const base = good();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.tuple(fc.integer({ min: 0, max: base.length - 1 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: base.length })).map(([i, v, cut]) => {
            const b = base.slice(0, Math.max(cut, i + 1));
            b[i] = v;
            return b;
          }),
          fc.uint8Array({ maxLength: 300 }).map((tail) => {
            const h = writeNpy({ dtype: 'float16', shape: [2, 10], data: new Float64Array(20) });
            const b = new Uint8Array(10 + tail.length);
            b.set(h.subarray(0, 10));
            b.set(tail, 10);
            return b;
          }),
        ),
        (bytes) => {
          for (const f of [() => loadParamsNpz(bytes), () => readNpy(bytes)]) {
            const c = codeOf(f);
            if (c.startsWith('other')) throw new Error(c);
          }
          return true;
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('zip records that lie about their size', () => {
  it('refuses at once an end-of-directory record that claims thousands of entries in a 22-byte file', () => {
    // Found by the fuzz test: fflate trusted the claimed count and spent a second walking it.
    const lying = Uint8Array.from([80, 75, 5, 6, 175, 0, 0, 0, 0, 175, 0, 0, 0, 0, 0, 0, 0, 0, 0, 175, 0, 0]);
    // Refused from the record itself (before: fflate walked 44,800
    // phantom entries, then the size check misreported it as 'unpacks to 0 bytes').
    expect(() => readNpz(lying)).toThrow(/lists 44800 entries/);
    const count = Uint8Array.from([80, 75, 5, 6, 0, 0, 0, 0, 0, 175, 0, 175, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(() => readNpz(count)).toThrow(/entries|damaged/);
  });
});
