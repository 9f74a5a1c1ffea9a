/**
 * Test-only build switch, replaced by a literal everywhere (`define` in vite.config.ts and
 * vitest.config.ts): true only in a build made with CHAPTER_FIXTURE=1, which registers the
 * fixture chapter of tests/fixtures/chapters/ (see chapters/index.ts).
 */
declare const __CHAPTER_FIXTURE__: boolean;
