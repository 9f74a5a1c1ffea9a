import { execFileSync } from 'node:child_process';
import { defineConfig } from 'vitest/config';

// src/nn imports the WebAssembly kernels' generated module: build it if missing or stale.
execFileSync(process.execPath, ['scripts/build-wasm.mjs'], { stdio: 'inherit' });

/** Tests whose numbers come from src/nn's kernels: they run once per kernel path. */
const KERNEL_DEPENDENT = [
  'tests/unit/nn/**/*.test.ts',
  'tests/unit/cli.test.ts',
  'tests/unit/cli/**/*.test.ts',
  'tests/unit/lab/**/*.test.ts',
  'tests/unit/learning/**/*.test.ts',
  'tests/unit/precision/**/*.test.ts',
  'tests/unit/reader/**/*.test.ts',
];

// Unit tests run in Node: src/nn has no DOM, so it needs none here. Every test runs on the
// WebAssembly SIMD kernels (project 'wasm', which fails if they cannot run); the tests that
// depend on the kernels run again on the TypeScript reference kernels (project 'ts'), so every
// NumPy fixture is checked on both paths (tests/unit/kernelPath.setup.ts picks the path).
export default defineConfig({
  // The chapter registry's test-only switch (see chapters/index.ts): off, as in a normal build.
  define: { __CHAPTER_FIXTURE__: 'false' },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'wasm', include: ['tests/unit/**/*.test.ts'], env: { DLFS2_KERNELS: 'wasm' }, setupFiles: ['tests/unit/kernelPath.setup.ts'] } },
      { extends: true, test: { name: 'ts', include: KERNEL_DEPENDENT, env: { DLFS2_KERNELS: 'ts' }, setupFiles: ['tests/unit/kernelPath.setup.ts'] } },
    ],
  },
});
