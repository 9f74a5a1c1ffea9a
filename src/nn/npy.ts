/**
 * NumPy's `.npy` and `.npz` files, read and written in pure TypeScript (no DOM, no Node APIs),
 * and the book's `save_params` / `load_params` (§1.5.1) on top of them.
 *
 * The book's `BaseModel.save_params` converts every parameter to float16 (`astype(np.float16)`)
 * and pickles the list; `load_params` reads them back as float32 (`astype('f')`) and copies them
 * into the model's existing arrays. A browser cannot (and should not) unpickle files, so we keep
 * the same float16 arrays in the format NumPy reads without pickle: an `.npz` as `np.savez`
 * writes it — a zip of stored (uncompressed) `W1.npy`, `b1.npy`, `W2.npy`, `b2.npy`.
 *
 * Reading is defensive: files come from readers' disks, so every malformed input ends in an
 * {@link NpyError} with a code the page can explain (in Japanese or English), never in an
 * unexpected exception, and sizes are checked before anything large is allocated.
 */
import { unzipSync, zipSync } from 'fflate';
import { float16BitsOf, fromFloat16Bits } from './float16';
import { formatShape, type NDArray } from './ndarray';
import { PARAM_NAMES, type ParamName, type TwoLayerParams } from './twoLayerNet';

/**
 * TextDecoder is a global in browsers, workers and Node alike; the core is type-checked without
 * DOM or Node types (src/nn/tsconfig.json), so the one constructor it uses is typed here.
 */
const TextDecoderCtor = (
  globalThis as unknown as { TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string } }
).TextDecoder;

// ---------------------------------------------------------------------------------------------
// Errors

export type NpyErrorCode =
  | 'empty' // no bytes at all
  | 'too-large' // file, entry or array larger than the limit
  | 'bad-magic' // not a .npy (no \x93NUMPY)
  | 'bad-version' // .npy format version we do not know
  | 'bad-header' // header missing, truncated or not the dict NumPy writes
  | 'fortran-order' // column-major data (fortran_order: True)
  | 'unsupported-dtype' // e.g. object arrays (pickles), structured or string dtypes
  | 'bad-shape' // negative or non-integer dimensions
  | 'truncated' // fewer data bytes than the shape needs
  | 'extra-bytes' // more data bytes than the shape needs
  | 'pickle' // a Python pickle (the book's save_params writes one), never unpickled here
  | 'not-zip' // not a zip archive at all
  | 'npy-not-npz' // a single .npy where an .npz was expected
  | 'corrupt-zip' // a zip that cannot be read
  | 'missing-array' // W1, b1, W2 or b2 absent
  | 'unexpected-array' // an entry that is not one of the four
  | 'wrong-dtype' // integer/bool weights
  | 'wrong-shape' // shapes that do not fit the model
  | 'not-finite'; // NaN or ±Infinity among the weights

/** An error reading or checking a NumPy file; `code` and `detail` let the UI explain it in any language. */
export class NpyError extends Error {
  constructor(
    readonly code: NpyErrorCode,
    message: string,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'NpyError';
  }
}

// ---------------------------------------------------------------------------------------------
// dtypes

export type DtypeName = 'float16' | 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'bool';

interface DtypeInfo {
  name: DtypeName;
  kind: 'f' | 'i' | 'u' | 'b';
  size: number;
  littleEndian: boolean;
}

/** Parses a NumPy type string such as '<f2', '|u1', '|b1', '>i4'. */
export function parseDescr(descr: string): DtypeInfo | undefined {
  const m = /^([<>|=]?)([fiub])(\d+)$/.exec(descr);
  if (!m) return undefined;
  const [, order, kind, sizeStr] = m;
  const size = Number(sizeStr);
  const names: Record<string, DtypeName | undefined> = {
    f2: 'float16', f4: 'float32', f8: 'float64',
    i1: 'int8', i2: 'int16', i4: 'int32', i8: 'int64',
    u1: 'uint8', u2: 'uint16', u4: 'uint32', u8: 'uint64',
    b1: 'bool',
  };
  const name = names[kind + sizeStr];
  if (!name) return undefined;
  // '|' means byte order does not apply (one byte); '=' is native, which is little on every
  // platform a browser runs on.
  if (order === '>' && size > 1) return { name, kind: kind as DtypeInfo['kind'], size, littleEndian: false };
  return { name, kind: kind as DtypeInfo['kind'], size, littleEndian: true };
}

/** The type string NumPy writes for each dtype we write. */
const WRITE_DESCR: Partial<Record<DtypeName, string>> = {
  float16: '<f2', float32: '<f4', float64: '<f8', int32: '<i4', int64: '<i8', uint8: '|u1', bool: '|b1',
};

// ---------------------------------------------------------------------------------------------
// .npy


export interface ReadLimits {
  /** Largest input accepted, in bytes (whole file; for .npz also each entry). */
  maxBytes?: number;
  /** Largest number of elements per array. */
  maxElements?: number;
}

/** Defaults generous for the book's models (a few hundred weights) yet safe in a browser tab. */
export const DEFAULT_LIMITS: Required<ReadLimits> = { maxBytes: 16 * 1024 * 1024, maxElements: 2_000_000 };

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const MAX_HEADER = 65536;
/** More arrays than any model of the book saves; a zip with more entries is refused. */
const MAX_ENTRIES = 256;

function hasMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 6 && MAGIC.every((b, i) => bytes[i] === b);
}

/** Parses the header dict NumPy writes, e.g. `{'descr': '<f2', 'fortran_order': False, 'shape': (2, 10), }`. */
export function parseHeader(text: string): { descr: string; fortranOrder: boolean; shape: number[] } {
  const bad = (why: string): never => {
    throw new NpyError('bad-header', `.npy header is not valid: ${why}`, { why });
  };
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const expect = (c: string) => {
    ws();
    if (text[i] !== c) bad(`expected '${c}' at ${i}`);
    i++;
  };
  const str = (): string => {
    ws();
    const q = text[i];
    if (q !== "'" && q !== '"') bad(`expected a string at ${i}`);
    const end = text.indexOf(q, i + 1);
    if (end < 0) bad('unterminated string');
    const s = text.slice(i + 1, end);
    i = end + 1;
    return s;
  };
  const int = (): number => {
    ws();
    const m = /^\d+/.exec(text.slice(i, i + 40));
    if (!m) bad(`expected an integer at ${i}`);
    i += m![0].length;
    const n = Number(m![0]);
    if (!Number.isSafeInteger(n)) throw new NpyError('bad-shape', `dimension ${m![0]} is too large`, { dim: m![0] });
    return n;
  };
  const value = (key: string): unknown => {
    ws();
    if (key === 'shape') {
      expect('(');
      const dims: number[] = [];
      ws();
      while (text[i] !== ')') {
        if (text[i] === '-') throw new NpyError('bad-shape', 'negative dimension in shape', {});
        dims.push(int());
        ws();
        if (text[i] === ',') {
          i++;
          ws();
        } else if (text[i] !== ')') bad('shape is not a tuple of integers');
        if (dims.length > 32) bad('too many dimensions');
      }
      i++;
      return dims;
    }
    if (text.startsWith('True', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('False', i)) {
      i += 5;
      return false;
    }
    if (text[i] === "'" || text[i] === '"') return str();
    // Structured dtypes are lists: say plainly that we do not read them.
    if (key === 'descr' && text[i] === '[') throw new NpyError('unsupported-dtype', 'structured dtypes are not supported', { dtype: 'structured' });
    return bad(`unexpected value for '${key}'`);
  };
  const out: Record<string, unknown> = {};
  expect('{');
  for (;;) {
    ws();
    if (text[i] === '}') break;
    const key = str();
    expect(':');
    out[key] = value(key);
    ws();
    if (text[i] === ',') i++;
    else if (text[i] !== '}') bad(`expected ',' or '}' at ${i}`);
  }
  i++;
  ws();
  if (i !== text.length) bad('text after the dict');
  if (typeof out.descr !== 'string') bad("no 'descr'");
  if (typeof out.fortran_order !== 'boolean') bad("no 'fortran_order'");
  if (!Array.isArray(out.shape)) bad("no 'shape'");
  return { descr: out.descr as string, fortranOrder: out.fortran_order as boolean, shape: out.shape as number[] };
}

/** Reads one .npy file (format 1.0, 2.0 or 3.0; C order; numeric and bool dtypes). */
export function readNpy(bytes: Uint8Array, limits: ReadLimits = {}): NDArray<DtypeName> {
  const { maxBytes, maxElements } = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.length === 0) throw new NpyError('empty', 'the file is empty');
  if (bytes.length > maxBytes) throw new NpyError('too-large', `${bytes.length} bytes is over the limit of ${maxBytes}`, { size: bytes.length, limit: maxBytes });
  if (!hasMagic(bytes)) throw new NpyError('bad-magic', 'not a .npy file (no \\x93NUMPY magic)');
  if (bytes.length < 10) throw new NpyError('bad-header', '.npy header is truncated', { why: 'truncated' });
  const major = bytes[6];
  const minor = bytes[7];
  if (!((major === 1 || major === 2 || major === 3) && minor === 0)) {
    throw new NpyError('bad-version', `.npy format version ${major}.${minor} is not supported`, { version: `${major}.${minor}` });
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lenSize = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenSize) throw new NpyError('bad-header', '.npy header is truncated', { why: 'truncated' });
  const headerLen = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  const start = 8 + lenSize;
  if (headerLen > MAX_HEADER) throw new NpyError('bad-header', `header of ${headerLen} bytes is implausibly long`, { why: 'too long' });
  if (start + headerLen > bytes.length) throw new NpyError('bad-header', '.npy header is truncated', { why: 'truncated' });
  const raw = bytes.subarray(start, start + headerLen);
  let text: string;
  try {
    // Version 1 and 2 headers are latin-1; version 3 allows utf-8. Both are plain ASCII in practice.
    text = new TextDecoderCtor(major === 3 ? 'utf-8' : 'latin1', { fatal: major === 3 }).decode(raw);
  } catch {
    throw new NpyError('bad-header', '.npy header is not text', { why: 'encoding' });
  }
  const { descr, fortranOrder, shape } = parseHeader(text);
  const dt = parseDescr(descr);
  if (!dt) throw new NpyError('unsupported-dtype', `dtype ${descr} is not supported`, { dtype: descr });
  let count = 1;
  for (const d of shape) {
    count *= d;
    if (count > maxElements) {
      throw new NpyError('too-large', `shape (${shape.join(', ')}) has more than ${maxElements} elements`, { shape: shape.join(', '), limit: maxElements });
    }
  }
  // Column-major data would need a transpose; NumPy only writes it for arrays that were
  // Fortran-ordered in memory, which the book never makes. With ≤ 1 dimension it is the same data.
  if (fortranOrder && shape.filter((d) => d > 1).length > 1) {
    throw new NpyError('fortran-order', 'Fortran-ordered (column-major) arrays are not supported', {});
  }
  const dataStart = start + headerLen;
  const need = count * dt.size;
  const have = bytes.length - dataStart;
  if (have < need) throw new NpyError('truncated', `data is truncated: ${have} of ${need} bytes`, { have, need });
  if (have > need) throw new NpyError('extra-bytes', `${have - need} unexpected bytes after the data`, { extra: have - need });
  const data = new Float64Array(count);
  const le = dt.littleEndian;
  for (let k = 0, o = dataStart; k < count; k++, o += dt.size) data[k] = readScalar(dv, o, dt, le);
  return { dtype: dt.name, shape, data };
}

function readScalar(dv: DataView, o: number, dt: DtypeInfo, le: boolean): number {
  switch (dt.name) {
    case 'float16': return fromFloat16Bits(dv.getUint16(o, le));
    case 'float32': return dv.getFloat32(o, le);
    case 'float64': return dv.getFloat64(o, le);
    case 'int8': return dv.getInt8(o);
    case 'int16': return dv.getInt16(o, le);
    case 'int32': return dv.getInt32(o, le);
    case 'int64': return Number(dv.getBigInt64(o, le));
    case 'uint8': return dv.getUint8(o);
    case 'uint16': return dv.getUint16(o, le);
    case 'uint32': return dv.getUint32(o, le);
    case 'uint64': return Number(dv.getBigUint64(o, le));
    case 'bool': return dv.getUint8(o) ? 1 : 0;
  }
}

/** The header text NumPy ≥ 1.23 writes (sorted keys, repr of the shape, spare room to grow). */
function headerText(descr: string, shape: readonly number[]): string {
  const shapeRepr = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let h = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeRepr}, }`;
  // NumPy leaves room for the first axis to grow to 21 digits, so files can be appended to in place.
  if (shape.length > 0) h += ' '.repeat(21 - String(shape[0]).length);
  return h;
}

/**
 * Writes one .npy (format 1.0, C order, little-endian) byte for byte as `np.save` does.
 * Values are converted to `dtype` (float16 rounds to nearest even, integers truncate toward 0).
 */
export function writeNpy(arr: { dtype: DtypeName; shape: readonly number[]; data: ArrayLike<number> }): Uint8Array {
  const descr = WRITE_DESCR[arr.dtype];
  if (!descr) throw new NpyError('unsupported-dtype', `writing ${arr.dtype} is not supported`, { dtype: arr.dtype });
  const count = arr.shape.reduce((a, b) => a * b, 1);
  if (arr.shape.some((d) => !Number.isInteger(d) || d < 0) || count !== arr.data.length) {
    throw new NpyError('bad-shape', `shape (${arr.shape.join(', ')}) does not hold ${arr.data.length} values`, { shape: arr.shape.join(', ') });
  }
  const header = headerText(descr, arr.shape);
  const hlen = header.length + 1; // + '\n'
  const pad = 64 - ((6 + 2 + 2 + hlen) % 64); // NumPy aligns the data to 64 bytes
  const headerLen = hlen + pad;
  const size = parseDescr(descr)!.size;
  const out = new Uint8Array(10 + headerLen + count * size);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  const dv = new DataView(out.buffer);
  dv.setUint16(8, headerLen, true);
  let o = 10;
  for (let k = 0; k < header.length; k++) out[o++] = header.charCodeAt(k);
  for (let k = 0; k < pad; k++) out[o++] = 0x20;
  out[o++] = 0x0a;
  const d = arr.data;
  if (arr.dtype === 'float16') {
    const bits = float16BitsOf(d);
    for (let k = 0; k < count; k++, o += 2) dv.setUint16(o, bits[k], true);
  } else {
    for (let k = 0; k < count; k++, o += size) {
      const v = d[k];
      switch (arr.dtype) {
        case 'float32': dv.setFloat32(o, v, true); break;
        case 'float64': dv.setFloat64(o, v, true); break;
        case 'int32': dv.setInt32(o, Math.trunc(v), true); break;
        case 'int64': dv.setBigInt64(o, BigInt(Math.trunc(v)), true); break;
        case 'uint8': dv.setUint8(o, Math.trunc(v)); break;
        case 'bool': dv.setUint8(o, v ? 1 : 0); break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// .npz

/**
 * A fixed modification time for zip entries, built from local date parts: zip stores local
 * time, so this gives identical bytes in every time zone (and between the CLI and the page).
 * 1980-01-01 00:00 is also Python's `ZipInfo` default.
 */
function zipEpoch(): Date {
  return new Date(1980, 0, 1, 0, 0, 0);
}

/** Writes an .npz like `np.savez(file, **arrays)`: stored (uncompressed) entries named `<key>.npy`. */
export function writeNpz(arrays: Record<string, { dtype: DtypeName; shape: readonly number[]; data: ArrayLike<number> }>): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0; mtime: Date }]> = {};
  for (const [name, arr] of Object.entries(arrays)) files[`${name}.npy`] = [writeNpy(arr), { level: 0, mtime: zipEpoch() }];
  return zipSync(files);
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (the zip polynomial), to catch damaged entries as Python's zipfile does. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * fflate does not verify checksums, so a stored entry with flipped bytes would load as wrong
 * weights. Walk the central directory and compare each entry's CRC-32 with its unpacked bytes.
 */
/** The end-of-central-directory record: where the zip's table of entries is and how long. */
function readEocd(zip: Uint8Array): { at: number; count: number; cdOffset: number; cdSize: number } {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      // fflate reads the entries-on-this-disk field (offset 8), the spec's total is at offset 10
      return { at: i, count: Math.max(dv.getUint16(i + 8, true), dv.getUint16(i + 10, true)), cdSize: dv.getUint32(i + 12, true), cdOffset: dv.getUint32(i + 16, true) };
    }
  }
  throw new NpyError('corrupt-zip', 'the zip archive has no central directory', {});
}

/**
 * Checks the zip's table of entries before fflate walks it: fflate trusts the record's entry
 * count and offsets, so a 22-byte file claiming 44,800 entries kept it busy for a second.
 */
function checkEocd(zip: Uint8Array): void {
  const { at, count, cdOffset, cdSize } = readEocd(zip);
  if (count > MAX_ENTRIES) throw new NpyError('too-large', `the archive lists ${count} entries (at most ${MAX_ENTRIES} are read)`, { size: count, limit: MAX_ENTRIES });
  if (cdOffset + cdSize > at || count * 46 > cdSize) throw new NpyError('corrupt-zip', 'the zip central directory is damaged', {});
}

function checkCrcs(zip: Uint8Array, entries: Record<string, Uint8Array>): void {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const { count, cdOffset } = readEocd(zip);
  let p = cdOffset;
  const dec = new TextDecoderCtor();
  for (let k = 0; k < count; k++) {
    if (p + 46 > zip.length || dv.getUint32(p, true) !== 0x02014b50) {
      throw new NpyError('corrupt-zip', 'the zip central directory is damaged', {});
    }
    const crc = dv.getUint32(p + 16, true);
    const nameLen = dv.getUint16(p + 28, true);
    const skip = nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    if (p + 46 + nameLen > zip.length) throw new NpyError('corrupt-zip', 'the zip central directory is damaged', {});
    const name = dec.decode(zip.subarray(p + 46, p + 46 + nameLen));
    const data = entries[name];
    if (data && crc32(data) !== crc) throw new NpyError('corrupt-zip', `${name} is damaged (CRC-32 mismatch)`, { entry: name });
    p += 46 + skip;
  }
}

/**
 * A pickle of protocol 2 or later starts with PROTO (0x80) and the protocol number; Python 3
 * writes 3, 4 or 5 by default, so the book's `.pkl` files start this way.
 */
function isPickle(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x80 && bytes[1] >= 2 && bytes[1] <= 5;
}

function isZip(bytes: Uint8Array): boolean {
  // Local file header, or the end-of-central-directory record of an empty archive.
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** Reads an .npz into arrays keyed like `np.load(f)[key]` (entry name without `.npy`). */
export function readNpz(bytes: Uint8Array, limits: ReadLimits = {}): Record<string, NDArray<DtypeName>> {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.length === 0) throw new NpyError('empty', 'the file is empty');
  if (bytes.length > lim.maxBytes) throw new NpyError('too-large', `${bytes.length} bytes is over the limit of ${lim.maxBytes}`, { size: bytes.length, limit: lim.maxBytes });
  if (hasMagic(bytes)) throw new NpyError('npy-not-npz', 'this is a single .npy file, not an .npz archive');
  if (isPickle(bytes)) throw new NpyError('pickle', 'a Python pickle, not an .npz archive');
  if (!isZip(bytes)) throw new NpyError('not-zip', 'not an .npz file (not a zip archive)');
  checkEocd(bytes);
  let tooBig: { name: string; size: number } | undefined;
  let entries: Record<string, Uint8Array>;
  let unpacked = 0;
  let count = 0;
  try {
    entries = unzipSync(bytes, {
      // Checked before inflating, so a small file that claims to unpack to gigabytes — in one
      // entry or spread over thousands — is refused before anything is allocated.
      filter: (f) => {
        unpacked += f.originalSize;
        count += 1;
        if (unpacked > lim.maxBytes || count > MAX_ENTRIES) tooBig ??= { name: f.name, size: unpacked };
        return tooBig === undefined;
      },
    });
  } catch (e) {
    throw new NpyError('corrupt-zip', `the zip archive is damaged: ${e instanceof Error ? e.message : String(e)}`, {});
  }
  if (tooBig) throw new NpyError('too-large', `${tooBig.name} unpacks to ${tooBig.size} bytes, over the limit of ${lim.maxBytes}`, { size: tooBig.size, limit: lim.maxBytes });
  checkCrcs(bytes, entries);
  const out: Record<string, NDArray<DtypeName>> = {};
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue; // directory entries
    const key = name.endsWith('.npy') ? name.slice(0, -4) : name;
    try {
      out[key] = readNpy(data, lim);
    } catch (e) {
      if (e instanceof NpyError) {
        e.detail.entry = name;
        throw e;
      }
      throw new NpyError('corrupt-zip', `cannot read ${name}`, { entry: name });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The book's save_params / load_params for TwoLayerNet (§1.5.1)


/**
 * `save_params` for TwoLayerNet: every parameter as float16 (`astype(np.float16)`), in an .npz
 * with W1 (2, H), b1 (H,), W2 (H, C), b2 (C,). Deterministic: same weights → same bytes.
 */
export function saveParamsNpz(params: TwoLayerParams): Uint8Array {
  const { W1, b1, W2, b2 } = params;
  if (b1.length !== W1.cols || W2.rows !== W1.cols || b2.length !== W2.cols) {
    throw new NpyError('wrong-shape', `parameter shapes do not fit together: W1 (${W1.rows}, ${W1.cols}), b1 (${b1.length},), W2 (${W2.rows}, ${W2.cols}), b2 (${b2.length},)`, {});
  }
  return writeNpz({
    W1: { dtype: 'float16', shape: [W1.rows, W1.cols], data: W1.data },
    b1: { dtype: 'float16', shape: [b1.length], data: b1 },
    W2: { dtype: 'float16', shape: [W2.rows, W2.cols], data: W2.data },
    b2: { dtype: 'float16', shape: [b2.length], data: b2 },
  });
}

export interface LoadedParams extends TwoLayerParams {
  /** dtype each array had in the file. */
  dtypes: Record<ParamName, DtypeName>;
}

export interface ExpectedShape {
  inputSize?: number;
  hiddenSize?: number;
  outputSize?: number;
}

/**
 * `load_params` for TwoLayerNet: reads an .npz written by {@link saveParamsNpz} or by NumPy,
 * checks names, dtypes (float16/32/64) and shapes (against `expected` where given), and returns
 * the values as float32 — the book reads them back with `astype('f')`; from float16 that is exact.
 */
export function loadParamsNpz(bytes: Uint8Array, expected: ExpectedShape = {}, limits: ReadLimits = {}): LoadedParams {
  const arrays = readNpz(bytes, limits);
  for (const name of PARAM_NAMES) {
    if (!(name in arrays)) throw new NpyError('missing-array', `the file has no ${name}`, { name, found: Object.keys(arrays).join(', ') || '—' });
  }
  for (const name of Object.keys(arrays)) {
    if (!(PARAM_NAMES as readonly string[]).includes(name)) throw new NpyError('unexpected-array', `unexpected array ${name}`, { name });
  }
  const dtypes = {} as Record<ParamName, DtypeName>;
  for (const name of PARAM_NAMES) {
    const dt = arrays[name].dtype;
    if (dt !== 'float16' && dt !== 'float32' && dt !== 'float64') {
      throw new NpyError('wrong-dtype', `${name} has dtype ${dt}; weights must be floating point`, { name, dtype: dt });
    }
    dtypes[name] = dt;
  }
  const { W1, b1, W2, b2 } = arrays;
  const I = expected.inputSize ?? 2;
  const H = expected.hiddenSize ?? W1.shape[1];
  const C = expected.outputSize ?? W2.shape[1];
  const want: Record<ParamName, number[]> = { W1: [I, H], b1: [H], W2: [H, C], b2: [C] };
  for (const name of PARAM_NAMES) {
    const got = arrays[name].shape;
    const w = want[name];
    if (got.length !== w.length || got.some((d, k) => d !== w[k]) || w.some((d) => d === undefined || d < 1)) {
      throw new NpyError('wrong-shape', `${name} has shape (${got.join(', ')}), expected (${w.join(', ')})`, {
        name,
        got: formatShape(got),
        want: formatShape(w),
      });
    }
  }
  for (const name of PARAM_NAMES) {
    const d = arrays[name].data;
    for (let k = 0; k < d.length; k++) {
      if (!Number.isFinite(d[k])) throw new NpyError('not-finite', `${name} contains ${d[k]}`, { name, value: String(d[k]) });
      d[k] = Math.fround(d[k]); // astype('f')
    }
  }
  return {
    W1: { rows: I, cols: H, data: W1.data },
    b1: b1.data,
    W2: { rows: H, cols: C, data: W2.data },
    b2: b2.data,
    dtypes,
  };
}
