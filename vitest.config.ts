import { defineConfig } from 'vitest/config';

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
