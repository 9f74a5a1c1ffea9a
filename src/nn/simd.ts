/**
 * Which kernels run: the TypeScript loops of src/nn (the reference, always available) or the
 * WebAssembly SIMD module built from wasm/*.ts (src/nn/simdKernels.ts). Both compute the same
 * doubles: the vector kernels perform the same operations in the same order for every output
 * element (SIMD across independent outputs, never across a sum; no fused multiply–add; an exp
 * equal to V8's Math.exp bit for bit), and tests/unit/nn/simd*.test.ts hold them to it.
 *
 * `simd()` returns the WebAssembly kernels when they are in use, else undefined, and every
 * caller then takes its TypeScript loop. They are not in use when the runtime has no
 * WebAssembly or no SIMD, when a Content-Security-Policy forbids compiling it, or when
 * instantiation fails for any other reason: all of these silently mean the TypeScript path.
 *
 * The module's bytes are handed over by the thread that wants the kernels
 * (`installKernels`, usually through simdInstall.ts): the training worker, its grid helper, the
 * command line, the benchmarks and the unit tests do; pages do not, so a page's bundle does not
 * carry the module and its small main-thread computations use the TypeScript kernels. The
 * module is instantiated synchronously on first use (11 KB). Only `WebAssembly` and typed
 * arrays are used, so this runs unchanged in Node, in workers and on the page.
 */
import { SimdKernels, type KernelExports } from './simdKernels';

export type { SimdKernels } from './simdKernels';

/** Which kernels run: the TypeScript reference or the WebAssembly SIMD module. */
export type KernelPath = 'ts' | 'wasm';

/** The part of the `WebAssembly` API used here (src/nn is typed without any platform's globals). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

let requested: KernelPath | 'auto' = 'auto';
let installed: Uint8Array | undefined;
let residentArrays = true;
let loaded: SimdKernels | null | undefined; // undefined: not tried yet; null: unavailable here
let active: SimdKernels | undefined;
let resolved = false;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bytes of a base64 text (no platform decoder needed: src/nn runs everywhere). */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0, n = 0, o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = BASE64.indexOf(clean[i]);
    if (v < 0) throw new Error('fromBase64: not base64');
    bits = (bits << 6) | v;
    n += 6;
    if (n >= 8) {
      n -= 8;
      out[o++] = (bits >> n) & 0xff;
    }
  }
  return out;
}

/** Instantiates the module once; null when this runtime cannot run it. */
function load(): SimdKernels | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  try {
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    const bytes = installed;
    if (typeof wasm !== 'object' || !bytes) return null;
    if (!wasm.validate(bytes)) return null; // e.g. no SIMD
    const instance = new wasm.Instance(new wasm.Module(bytes), {});
    loaded = new SimdKernels(instance.exports as unknown as KernelExports);
  } catch {
    loaded = null; // CSP without 'wasm-unsafe-eval', a thread that refuses to compile, no memory, …
  }
  return loaded;
}

/**
 * Hands over the kernels' module (wasm/*.ts, built by scripts/build-wasm.mjs); from then on
 * they run wherever this runtime can run them. Installing again changes nothing.
 */
export function installKernels(bytes: Uint8Array): void {
  if (installed) return;
  installed = bytes;
  loaded = undefined;
  resolved = false;
}

function resolve(): void {
  resolved = true;
  active = requested === 'ts' ? undefined : (load() ?? undefined);
}

/**
 * The WebAssembly kernels when they are the path in use, else undefined (the caller runs its
 * TypeScript loop). Cheap enough to ask before every kernel call.
 */
export function simd(): SimdKernels | undefined {
  if (!resolved) resolve();
  return active;
}

/**
 * Chooses the kernels: 'auto' (the default) uses WebAssembly when this runtime can, 'ts' the
 * TypeScript reference, 'wasm' WebAssembly (throws where it cannot run). Returns the path in use.
 */
export function setKernelPath(path: KernelPath | 'auto'): KernelPath {
  requested = path;
  resolve();
  if (path === 'wasm' && !active) throw new Error(installed ? 'the WebAssembly SIMD kernels cannot run here' : 'the WebAssembly SIMD kernels were not installed (installKernels)');
  return kernelPath();
}

/** The path in use now. */
export function kernelPath(): KernelPath {
  return simd() ? 'wasm' : 'ts';
}

/**
 * A zero-filled Float64Array for a layer, model or optimizer to keep: inside the kernels'
 * memory when they are in use (so they work on it in place), else an ordinary one. Either way
 * it behaves as `new Float64Array(n)`.
 */
export function kernelArray(n: number): Float64Array {
  const k = residentArrays ? simd() : undefined;
  return k ? k.resident(n) : new Float64Array(n);
}

/**
 * Whether {@link kernelArray} places arrays in the kernels' memory (default true). Off, every
 * kernel call copies its operands in and out: the benchmark compares the two.
 */
export function setResidentArrays(on: boolean): void {
  residentArrays = on;
}
