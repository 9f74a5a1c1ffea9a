import fc from 'fast-check';
import { describe, it } from 'vitest';
import { NpyError, loadParamsNpz, readNpy, readNpz, saveParamsNpz, writeNpy, writeNpz, type DtypeName, type NpyErrorCode } from '../../../src/nn/npy';
import type { NDArray } from '../../../src/nn/ndarray';
import { fuzz, must } from './harness';

const DTYPES: DtypeName[] = ['float16', 'float32', 'float64', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'bool'];
/** The dtypes our writer writes (the reader reads all of DTYPES; see `rawNpy` for the rest). */
const WRITABLE: DtypeName[] = ['float16', 'float32', 'float64', 'int32', 'int64', 'uint8', 'bool'];

/** A small array NumPy could have saved. */
const array = fc
  .tuple(fc.constantFrom(...WRITABLE), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }))
  .chain(([dtype, shape]) => {
    const n = shape.reduce((a, b) => a * b, 1);
    return fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }).map((data) => ({ dtype, shape, data }));
  });

/** Ways a file gets damaged: flipped bytes, cut short, junk appended, a spliced-in header. */
type Damage = { kind: 'flip'; at: number[]; xor: number } | { kind: 'cut'; at: number } | { kind: 'append'; junk: Uint8Array } | { kind: 'header'; text: string } | { kind: 'none' };
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('append' as const), junk: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  fc.record({
    kind: fc.constant('header' as const),
    text: fc.oneof(
      fc
        .tuple(
          fc.constantFrom('<f8', '<f4', '<f2', '>f8', '|b1', '<i8', '|O', '<U10', '<c16', 'float64', '', "'", '<f8\\'),
          fc.constantFrom('False', 'True', 'None', "'no'"),
          fc.constantFrom('()', '(3,)', '(2, 3)', '(-1,)', '(1e3,)', '(9007199254740993,)', '(99999999, 99999999)', '(' + '1, '.repeat(40) + ')', '(', '[2, 3]', '(2 3)'),
        )
        .map(([d, f, s]) => `{'descr': '${d}', 'fortran_order': ${f}, 'shape': ${s}, }`),
      fc.string({ maxLength: 80 }),
      fc.constantFrom('', '{', '{}', "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }"),
    ),
  }),
  fc.constant({ kind: 'none' as const }),
);

/** A .npy (v1.0) with any descr NumPy uses, either byte order, and random data bytes of the right length. */
const rawNpy = fc
  .tuple(
    fc.constantFrom(['<f2', 2], ['>f2', 2], ['<f4', 4], ['>f4', 4], ['<f8', 8], ['>f8', 8], ['|i1', 1], ['<i2', 2], ['>i4', 4], ['<i8', 8], ['>u8', 8], ['<u2', 2], ['<u4', 4], ['|u1', 1], ['|b1', 1], ['<c8', 8], ['|V4', 4]),
    fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
    fc.boolean(),
  )
  .chain(([[descr, size], shape, fortran]) => {
    const n = shape.reduce((a, b) => a * b, 1) * (size as number);
    return fc.uint8Array({ minLength: n, maxLength: n }).map((data) => {
      const shapeRepr = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
      const head = new TextEncoder().encode(`{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${shapeRepr}, }\n`);
      const out = new Uint8Array(10 + head.length + data.length);
      out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
      new DataView(out.buffer).setUint16(8, head.length, true);
      out.set(head, 10);
      out.set(data, 10 + head.length);
      return out;
    });
  });

function applyDamage(bytes: Uint8Array, d: Damage): Uint8Array {
  switch (d.kind) {
    case 'none':
      return bytes;
    case 'flip': {
      const out = bytes.slice();
      for (const i of d.at) if (out.length) out[i % out.length] ^= d.xor;
      return out;
    }
    case 'cut':
      return bytes.slice(0, d.at % (bytes.length + 1));
    case 'append': {
      const out = new Uint8Array(bytes.length + d.junk.length);
      out.set(bytes);
      out.set(d.junk, bytes.length);
      return out;
    }
    case 'header': {
      // A v1.0 .npy with this header text and the original file's data bytes after it.
      const head = new TextEncoder().encode(d.text);
      const out = new Uint8Array(10 + head.length + Math.max(0, bytes.length - 128));
      out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
      new DataView(out.buffer).setUint16(8, head.length, true);
      out.set(head, 10);
      out.set(bytes.subarray(Math.min(bytes.length, 128)), 10 + head.length);
      return out;
    }
  }
}

/** Every code an NpyError may carry: the compiler refuses this table when a code is added or dropped. */
const CODE_TABLE: Record<NpyErrorCode, true> = {
  empty: true, 'too-large': true, 'bad-magic': true, 'bad-version': true, 'bad-header': true, 'fortran-order': true,
  'unsupported-dtype': true, 'bad-shape': true, truncated: true, 'extra-bytes': true, pickle: true, 'not-zip': true,
  'npy-not-npz': true, 'corrupt-zip': true, 'missing-array': true, 'unexpected-array': true, 'wrong-dtype': true,
  'wrong-shape': true, 'not-finite': true,
};
const CODES = new Set<string>(Object.keys(CODE_TABLE));

/** Runs a reader: its value, or the NpyError it threw. Any other exception escapes (and fails). */
function attempt<T>(read: () => T): { value: T } | { error: NpyError } {
  try {
    return { value: read() };
  } catch (e) {
    if (e instanceof NpyError) return { error: e };
    throw e;
  }
}

function checkArray(a: NDArray<DtypeName>): void {
  must(DTYPES.includes(a.dtype), `dtype ${a.dtype}`);
  must(a.shape.every((d) => Number.isSafeInteger(d) && d >= 0), `shape ${a.shape}`);
  must(a.data.length === a.shape.reduce((x, y) => x * y, 1), 'data fills the shape');
}

function outcome<T>(r: { value: T } | { error: NpyError }, check: (v: T) => void): string {
  if ('error' in r) {
    must(CODES.has(r.error.code) && r.error.message.length > 0, `a coded error: ${r.error.code}`);
    return `error:${r.error.code}`;
  }
  check(r.value);
  return 'ok';
}

/** Arbitrary bytes that start like the real thing often enough to get past the first checks. */
const prefixed = (prefix: number[]) => fc.uint8Array({ maxLength: 300 }).map((b) => Uint8Array.from([...prefix, ...b]));

describe('uploaded .npy/.npz files never crash the page', () => {
  it('readNpy: an array or an NpyError for damaged, foreign and random files', () => {
    const input = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(array, damage).map(([a, d]) => applyDamage(writeNpy(a), d)) },
      { weight: 3, arbitrary: rawNpy },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
      { weight: 1, arbitrary: prefixed([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]) },
    );
    fuzz('readNpy', input, (b) => attempt(() => readNpy(b)), (r) => outcome(r, checkArray), 5000);
  });

  it('readNpy keeps every undamaged array NumPy could write (shape and dtype)', () => {
    fuzz(
      'readNpy round trip',
      array,
      (a) => ({ a, back: readNpy(writeNpy(a)) }),
      ({ a, back }) => {
        must(back.dtype === a.dtype && JSON.stringify(back.shape) === JSON.stringify(a.shape), `${a.dtype} ${a.shape}`);
        must(back.data.every((v, i) => (a.dtype === 'bool' ? v === (a.data[i] ? 1 : 0) : a.dtype === 'int8' ? v === ((a.data[i] << 24) >> 24) : v === a.data[i])), 'values kept');
        return a.dtype;
      },
      1000,
    );
  });

  it('readNpz and loadParamsNpz: arrays or an NpyError for damaged archives and random bytes', () => {
    const params = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.double({ min: -4, max: 4, noNaN: true })).map(([H, C, v]) =>
      saveParamsNpz({ W1: { rows: 2, cols: H, data: new Float64Array(2 * H).fill(v) }, b1: new Float64Array(H), W2: { rows: H, cols: C, data: new Float64Array(H * C).fill(-v) }, b2: new Float64Array(C) }),
    );
    const archive = fc.oneof(
      params,
      fc.dictionary(fc.constantFrom('W1', 'b1', 'W2', 'b2', 'x', 'a/b', ''), array, { maxKeys: 5 }).map((arrs) => writeNpz(arrs)),
    );
    const input = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(archive, damage).map(([z, d]) => applyDamage(z, d.kind === 'header' ? { kind: 'flip', at: [30, 31, 60], xor: 0x55 } : d)) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
      { weight: 1, arbitrary: prefixed([0x50, 0x4b, 0x03, 0x04]) },
      { weight: 1, arbitrary: array.map((a) => writeNpy(a)) },
    );
    fuzz('readNpz', input, (b) => attempt(() => readNpz(b)), (r) => outcome(r, (v) => Object.values(v).forEach(checkArray)), 3000);
    fuzz(
      'loadParamsNpz',
      input,
      (b) => attempt(() => loadParamsNpz(b, { inputSize: 2 })),
      (r) =>
        outcome(r, (p) => {
          must(p.W1.rows === 2 && p.W1.data.length === 2 * p.W1.cols, 'W1 is (2, H)');
          must(p.b1.length === p.W1.cols && p.W2.rows === p.W1.cols && p.b2.length === p.W2.cols, 'shapes fit together');
          must([p.W1.data, p.b1, p.W2.data, p.b2].every((d) => Array.from(d).every(Number.isFinite)), 'finite weights');
        }),
      3000,
    );
  });

  it('a small archive that claims to unpack to gigabytes is refused before it is inflated', () => {
    // A stored entry whose header claims 2 GiB: the size check must come first.
    const z = writeNpz({ W1: { dtype: 'float16', shape: [2, 2], data: [1, 2, 3, 4] } });
    const bomb = z.slice();
    const dv = new DataView(bomb.buffer);
    dv.setUint32(22, 0x7fffffff, true); // local header: uncompressed size
    const cd = bomb.findIndex((_, i) => dv.getUint32(i, true) === 0x02014b50);
    if (cd >= 0) dv.setUint32(cd + 24, 0x7fffffff, true); // central directory: uncompressed size
    const r = attempt(() => readNpz(bomb));
    must('error' in r, 'refused');
    must(['too-large', 'corrupt-zip'].includes((r as { error: NpyError }).error.code), `code ${(r as { error: NpyError }).error.code}`);
  });
});
