// The real app in the real Electron binary: launch, set up, lock, unlock, one round trip through the
// preload bridge. Runs wherever a binary exists; elsewhere it reports itself skipped with the reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary, projectRoot } from './electron-binary.ts';

const binary = electronBinary();
const PASSWORD = '店务管家-Electron-2026';

test('launch, set up, lock, unlock and one round trip through the preload bridge', async () => {
  test.skip('missing' in binary, 'missing' in binary ? binary.missing : '');
  if (!('path' in binary)) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-electron-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: [projectRoot, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
    env: { ...process.env, SHOPWARDEN_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://shopwarden/index.html#/');
    // The page has the bridge but no Node: contextIsolation and sandbox hold.
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe(
      'undefined',
    );
    expect(
      await page.evaluate(() => Object.keys((window as unknown as { shopwarden: object }).shopwarden).sort()),
    ).toEqual(['methods', 'on']);

    await page.getByLabel('主密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('再次输入主密码').fill(PASSWORD);
    await page.getByRole('button', { name: '创建保险库' }).click();
    await expect(page.getByRole('menuitem', { name: '概览' })).toBeVisible();
    await page.getByRole('button', { name: /锁\s?定/ }).click();
    await page.getByLabel('主密码').fill(PASSWORD);
    await page.getByRole('button', { name: /解\s?锁/ }).click();
    await expect(page.getByRole('menuitem', { name: '概览' })).toBeVisible();

    const status = await page.evaluate(() =>
      (window as unknown as { shopwarden: { methods: Record<string, (p: unknown) => Promise<unknown>> } })
        .shopwarden.methods['vault.getStatus']!({}),
    );
    expect(status).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    // A window.open is denied by the main process.
    expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'vault.json'))).toBe(true);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
