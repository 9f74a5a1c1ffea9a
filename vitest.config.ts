import { execFileSync } from 'node:child_process';
import { defineConfig } from 'vitest/config';

// src/nn imports the WebAssembly kernels' generated module: build it if missing or stale.
execFileSync(process.execPath, ['scripts/build-wasm.mjs'], { stdio: 'inherit' });

// Unit tests run in Node: src/nn has no DOM, so it needs none here.
export default defineConfig({
  // The chapter registry's test-only switch (see chapters/index.ts): off, as in a normal build.
  define: { __CHAPTER_FIXTURE__: 'false' },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
