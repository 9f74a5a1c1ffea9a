// Runs before every unit test file: installs the WebAssembly kernels and picks the kernel path of
// its Vitest project (vitest.config.ts).
// 'wasm' throws when the WebAssembly SIMD kernels cannot run, so that project never silently
// tests the TypeScript path twice.
import { setKernelPath } from '../../src/nn/simd';
import { installBundledKernels } from '../../src/nn/simdInstall';

installBundledKernels();
const path = process.env.DLFS2_KERNELS;
if (path === 'ts' || path === 'wasm') setKernelPath(path);
