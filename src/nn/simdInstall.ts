/**
 * The WebAssembly SIMD kernels built into this bundle (src/nn/simdModule.generated.ts, from
 * wasm/*.ts). Imported by the threads that do the heavy work (the training worker and its grid
 * helper, the command line, the benchmarks, the unit tests), not by pages, so the module's bytes
 * travel only with those. See src/nn/simd.ts.
 */
import { fromBase64, installKernels } from './simd';
import { SIMD_WASM_BASE64 } from './simdModule.generated';

/** Makes the bundled kernels available on this thread (they run where the runtime can). */
export function installBundledKernels(): void {
  installKernels(fromBase64(SIMD_WASM_BASE64));
}
