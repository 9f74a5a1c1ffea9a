/**
 * The WebAssembly SIMD kernels of src/nn (entry point of the AssemblyScript build, see
 * scripts/build-wasm.mjs). Every export works on arrays in this module's memory, addressed by
 * byte offsets that the TypeScript side (src/nn/simd.ts) hands out; nothing here allocates.
 */
export { expArray } from './exp';
export { matmul, matmulTransA, matmulTransB, sumRows, transpose, pairwiseSum } from './linalg';
export { sigmoid, sigmoidBackward, softmax, softmaxLossBackward } from './layers';
export { sgd, momentum, nesterov, adagrad, rmsprop, adam } from './optimizers';
export { gridRows, gridScratchBytes } from './grid';

/** First byte after this module's static data (the constant tables): the TypeScript side allocates above it. */
export function heapBase(): usize {
  return __heap_base;
}
