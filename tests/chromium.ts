// Finds a Chromium for the UI suite: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own.
// Where there is none, stop with the one command that gets one on this OS.
import fs from 'node:fs';
import { chromium } from '@playwright/test';

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  try {
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return undefined; // Playwright's own browser: no override needed.
  } catch {
    // not installed
  }
  const how: Record<string, string> = {
    linux: 'sudo apt-get install chromium   (Debian/Ubuntu; or set CHROMIUM_PATH)',
    darwin: 'npx playwright install chromium   (or set CHROMIUM_PATH to an installed Chrome/Chromium)',
    win32: 'npx playwright install chromium   (or set CHROMIUM_PATH to an installed Chrome/Chromium)',
  };
  throw new Error(
    `No Chromium found for the UI tests. Get one with:\n  ${how[process.platform] ?? how.linux}`,
  );
}

/** As root in a container Chromium needs --no-sandbox; the background-network flags keep it off the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
