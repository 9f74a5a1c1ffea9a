/**
 * The companion's math core in one import: the book's common/ and dataset/ code for
 * chapter 1, in TypeScript. Modules whose names would clash are re-exported as namespaces
 * (`ndarray.matmul` is the shape-checking n-d version; `matmul` here is the Float64 kernel).
 */
export * from './random';
export * from './matrix';
export * from './layers';
export * from './optimizers';
export * from './twoLayerNet';
export * from './forwardNet';
export * from './trainer';
export * from './spiral';
export * from './boundary';
export * from './gradcheck';
export * from './float16';
export * from './nodes';
export * from './surfaces';
export * as ndarray from './ndarray';
export * as npy from './npy';
