import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';

const executablePath = findChromium();

export default defineConfig({
  testDir: './ui',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  // One retry in CI: a test that passes only on retry is reported as flaky in the summary, not hidden.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../.tmp/results/ui.json' }]],
  outputDir: '../.tmp/ui-artifacts',
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 820 },
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    // The app honours the OS "reduce motion" setting; tests use it so antd's dialog and dropdown
    // animations never race a click (the cause of the old sub-account flakes). Motion is not behaviour.
    contextOptions: { reducedMotion: 'reduce' },
  },
});
