import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

// The tests import src/nn, which imports the WebAssembly kernels' generated module: build it if
// missing or stale (a no-op otherwise).
execFileSync(process.execPath, ['scripts/build-wasm.mjs'], { stdio: 'inherit' });

// Debian's Chromium, never a downloaded browser (this machine and CI cannot download one).
// As root it needs --no-sandbox; the other flags keep it from calling any outside host.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const port = Number(process.env.E2E_PORT ?? 4317);
// E2E_DEV=1 tests against the dev server (fast edit-test loops); otherwise the production
// build is served as a static site, as readers get it.
const server = process.env.E2E_DEV
  ? `npx vite --port ${port} --strictPort`
  : `npx vite build --logLevel warn && npx vite preview --port ${port} --strictPort`;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } }, testIgnore: /\.gpu\.spec\.ts$/ },
    // WebGPU path (§1.5.2). Debian's Chromium offers a WebGPU adapter (SwiftShader, software,
    // isFallbackAdapter) only with --enable-unsafe-webgpu; that flag alone suffices here, even
    // next to --disable-gpu (tried: Vulkan/ANGLE/adapter flags change nothing). Results are
    // correct; speed is meaningless.
    {
      name: 'webgpu',
      testMatch: /\.gpu\.spec\.ts$/,
      use: {
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...chromiumArgs, '--enable-unsafe-webgpu'] },
      },
    },
  ],
  webServer: {
    command: server,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
