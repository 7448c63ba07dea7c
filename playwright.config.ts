import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests on the real stack: the simulator, a real Prometheus (Debian package) with
 * backfilled history, the built console, and Debian's Chromium. e2e/global-setup.ts starts it.
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1400, height: 1000 },
    trace: 'off',
  },
  projects: [
    { name: 'stack', testIgnore: /outage\.spec\.ts/ },
    // Stops and restarts Prometheus: runs after everything else has used it.
    { name: 'outage', testMatch: /outage\.spec\.ts/, dependencies: ['stack'] },
  ],
});
