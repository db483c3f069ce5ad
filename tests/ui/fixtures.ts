// Each UI test gets its own temp data folder, its own core and its own preview host on a random port.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type Page } from '@playwright/test';
import { type Host, startHost } from '../../electron/host/server.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { makeTestCore, type TestCore, tempDataDir } from '../support/test-core.ts';

const STATIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/renderer');

export interface RunningApp extends TestCore {
  host: Host;
  open(page: Page): Promise<void>;
}

export interface AppFixture {
  dataDir: string;
  /**
   * Starts (or restarts, on the same data folder) the core and host, as launching the app would. A test
   * that depends on the calendar (a sale window, a deadline) passes `now` and sets the page's clock to it.
   */
  start(opts?: { now?: number }): Promise<RunningApp>;
  stop(): Promise<void>;
}

export const test = base.extend<{ app: AppFixture }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
  app: async ({}, use) => {
    if (!fs.existsSync(path.join(STATIC_DIR, 'index.html')))
      throw new Error('Build the renderer first: npm run build');
    const dataDir = tempDataDir('sw-ui');
    let running: RunningApp | null = null;
    const stop = async () => {
      if (!running) return;
      await running.host.close();
      await running.core.shutdown();
      running = null;
    };
    const fixture: AppFixture = {
      dataDir,
      async start(opts = {}) {
        await stop();
        const tc = makeTestCore({ dataDir, clock: new ManualClock(opts.now ?? Date.now()) });
        const host = await startHost({ core: tc.core, staticDir: STATIC_DIR });
        running = { ...tc, host, open: async (page) => void (await page.goto(host.launchUrl)) };
        return running;
      },
      stop,
    };
    await use(fixture);
    await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
