// Page objects and helpers for verification, cards, registration, temporary agents and reminders.
import fs from 'node:fs';
import { type Download, expect, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { RunningApp } from '../fixtures.ts';
import { PASSWORD } from './inventory-pages.ts';
import { LockPage } from './vault-pages.ts';

/** Moves the core's clock. Idle that long, the vault locks: unlock as the user would. */
export async function later(page: Page, running: RunningApp, ms: number) {
  running.clock.advance(ms);
  const lock = new LockPage(page);
  await expect(lock.heading()).toBeVisible();
  await lock.unlock(PASSWORD);
  await expect(page.getByRole('menuitem', { name: /概览/ })).toBeVisible();
}

/** Reads a downloaded PNG and decodes its QR code with jsQR. */
export async function decodeQrDownload(download: Download): Promise<string> {
  const file = await download.path();
  const png = PNG.sync.read(fs.readFileSync(file));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('no QR code found in the PNG');
  return code.data;
}

export class VerificationPage {
  constructor(private readonly page: Page) {}
  row(fullName: string) {
    return this.page.getByRole('row', { name: fullName, exact: true });
  }
  async select(fullName: string) {
    await this.row(fullName).getByRole('checkbox').check();
  }
}
