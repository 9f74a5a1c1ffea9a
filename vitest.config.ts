import { defineConfig } from 'vitest/config';

// Unit tests run in Node: src/nn has no DOM, so it needs none here.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
