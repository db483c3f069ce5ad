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

/** 扫码登记使用人 for the rows already selected, on the loopback address, and waits for 已登记 0/n. */
export async function startRegistration(page: Page, total: number) {
  await page.getByRole('button', { name: /扫码登记使用人/ }).click();
  const d = page.getByRole('dialog').last();
  // Search and Enter: no racing the dropdown's animation; then check what the dialog really holds.
  const address = d.getByLabel('网络（手机能访问的地址）');
  await expect(d.getByText(/（/).first()).toBeVisible();
  await address.fill('127.0.0.1');
  await address.press('Enter');
  await expect(d.locator('.ant-select-content, .ant-select-selection-item').first()).toContainText(
    '127.0.0.1',
  );
  await d.getByRole('button', { name: /开始登记/ }).click();
  await expect(page.getByRole('status')).toContainText(`已登记 0/${total}`);
}

/** The window widths every screen must work at. */
export const WIDTHS = [1024, 1280, 1440] as const;

/**
 * Nothing of the page lies beyond the right edge: the user never has to scroll sideways to reach it. Waited
 * for, not read once: the deposit walk once measured 8 px too wide at 1440 in a full parallel run, right
 * after a dialog closed, and never in 59 runs of it alone (a leaving popup, most likely). A screen that is
 * really too wide stays too wide and still fails.
 */
export async function expectNoSideScroll(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    )
    .toBeLessThanOrEqual(0);
}
