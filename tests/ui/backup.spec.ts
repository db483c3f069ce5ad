// Backups, restore on a new machine and the recovery kit, as a person uses them in the UI.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { generatedSub, taobaoShop } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, tempDataDir } from '../support/test-core.ts';
import { expect, test } from './fixtures.ts';
import { dialog, openUnlocked, PASSWORD, ShopsPage } from './pages/inventory-pages.ts';
import { LockPage, ShellPage } from './pages/vault-pages.ts';

/** A backup made on "another machine" (its own data folder) holding a shop and two sub-accounts. */
async function backupFromAnotherMachine(): Promise<{ file: string; cleanup: () => void }> {
  const dataDir = tempDataDir('sw-old-pc');
  const out = tempDataDir('sw-usb');
  const tc = makeTestCore({ dataDir });
  const call = async (m: string, p: unknown) => {
    const r = await tc.core.dispatch(m, p);
    if (!r.ok) throw new Error(`${m}: ${JSON.stringify(r.error)}`);
    return r.value as { id: string; files: Array<{ file: string }> };
  };
  await call('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
  const shop = await call('shops.create', taobaoShop('旧电脑上的店'));
  await call('subaccounts.create', generatedSub(shop.id, '小王'));
  await call('subaccounts.create', generatedSub(shop.id, '小李'));
  const status = await call('backup.configure', {
    folder: out,
    masterPassword: GOOD_PASSWORD,
    password: null,
  });
  await tc.core.shutdown();
  return {
    file: status.files[0]!.file,
    cleanup: () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(out, { recursive: true, force: true });
    },
  };
}

/** Settings → 备份与恢复: backups into `out` with the master password; the first one is made at once. */
async function setUpBackups(page: Page, out: string) {
  const shell = new ShellPage(page);
  await shell.go(/ 设置$/);
  const section = page.getByRole('region', { name: '备份与恢复' });
  await expect(section).toContainText('还没有设置自动备份');
  await section.getByLabel('备份文件夹').fill(out);
  await section.getByLabel('当前主密码（确认是您本人）').fill(PASSWORD);
  await section.getByRole('button', { name: '保存并立即备份' }).click();
  await expect(section.getByTestId('backup-last-success')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  return { shell, section };
}

test('on a new computer: restore from a backup on the first-run screen, after seeing what it holds', async ({
  app,
  page,
}) => {
  const backup = await backupFromAnotherMachine();
  try {
    const running = await app.start();
    await running.open(page);
    await page.getByRole('button', { name: '在新电脑上？从备份恢复' }).click();
    const d = dialog(page);
    await d.getByLabel('备份文件').fill(backup.file);
    // A wrong password is refused and nothing is shown.
    await d.getByLabel('主密码、恢复密钥或备份密码').fill('not the password');
    await d.getByRole('button', { name: '检查备份文件' }).click();
    await expect(d.getByRole('alert')).toContainText('密码或恢复密钥不正确');
    await expect(d.getByRole('button', { name: '用这个备份替换当前数据' })).toBeDisabled();
    await d.getByLabel('主密码、恢复密钥或备份密码').fill(GOOD_PASSWORD);
    await d.getByRole('button', { name: '检查备份文件' }).click();
    await expect(d.getByTestId('backup-counts')).toContainText('1 个店铺、2 个子账号');
    await d.getByRole('button', { name: '用这个备份替换当前数据' }).click();
    // The restored vault is locked: the backup's master password opens it, and the data is there.
    const lock = new LockPage(page);
    await expect(lock.heading()).toBeVisible();
    await lock.unlock(GOOD_PASSWORD);
    const shell = new ShellPage(page);
    await shell.expectVisible();
    await shell.go(/ 子账号$/);
    await expect(page.getByRole('row', { name: /旧电脑上的店:小王/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /旧电脑上的店:小李/ })).toBeVisible();
  } finally {
    backup.cleanup();
  }
});

test('set up automatic backups in Settings; the first one is made at once and verifies', async ({
  app,
  page,
}) => {
  const out = tempDataDir('sw-usb');
  try {
    await openUnlocked(app, page);
    const { section } = await setUpBackups(page, out);
    const files = fs.readdirSync(out).filter((f) => f.endsWith('.swbackup'));
    expect(files).toHaveLength(1);
    await expect(section.getByRole('table', { name: '文件夹中的备份' })).toContainText(files[0]!);
    await section
      .getByRole('table', { name: '文件夹中的备份' })
      .getByRole('button', { name: '校验备份' })
      .click();
    const d = dialog(page);
    await expect(d.getByLabel('备份文件')).toHaveValue(path.join(out, files[0]!));
    await d.getByLabel('主密码、恢复密钥或备份密码').fill(PASSWORD);
    await d.getByRole('button', { name: '检查备份文件' }).click();
    await expect(d.getByRole('status')).toContainText('校验通过');
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('the recovery kit: made with the master password, shown once with its QR, then opens the vault and sets a new password', async ({
  app,
  page,
}) => {
  await openUnlocked(app, page);
  const shell = new ShellPage(page);
  await shell.go(/ 设置$/);
  const kit = page.getByRole('region', { name: '应急恢复包' });
  await expect(kit.getByTestId('kit-status')).toHaveText('还没有创建应急恢复包。');
  await kit.getByLabel('当前主密码').fill('wrong password!');
  await kit.getByRole('button', { name: '创建应急恢复包' }).click();
  // Refused at the field, nothing made.
  await expect(kit.getByText('密码不正确', { exact: true })).toBeVisible();
  await expect(kit.getByTestId('kit-status')).toHaveText('还没有创建应急恢复包。');
  await kit.getByLabel('当前主密码').fill(PASSWORD);
  await kit.getByRole('button', { name: '创建应急恢复包' }).click();
  const sheet = page.getByTestId('kit-sheet');
  await expect(sheet).toContainText('店务管家 · 应急恢复包');
  const key = (await page.getByTestId('kit-key').textContent()) ?? '';
  expect(key).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  // The QR on the sheet holds exactly the key.
  const src = (await page.getByTestId('kit-qr').getAttribute('src')) ?? '';
  const png = PNG.sync.read(Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64'));
  expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(key);
  await page.getByRole('button', { name: '我已打印，关闭' }).click();
  await expect(kit.getByTestId('kit-status')).toContainText('当前恢复包创建于');
  await expect(page.getByTestId('kit-key')).toHaveCount(0);

  await shell.lock();
  const lock = new LockPage(page);
  await expect(lock.heading()).toBeVisible();
  await page.getByRole('button', { name: '忘记主密码？使用应急恢复包' }).click();
  const d = dialog(page);
  await d.getByLabel('恢复密钥').fill(key.toLowerCase().replaceAll('-', ' '));
  const newPassword = '新的主密码-Kit-2026';
  await d.getByLabel('新主密码（至少 10 个字符）').fill(newPassword);
  await d.getByLabel('再输入一次新主密码').fill(newPassword);
  await d.getByRole('button', { name: '解锁并设置新主密码' }).click();
  // What was kept before the reset, and what opens the older backups, said once to be acknowledged.
  const done = page.getByRole('dialog', { name: '已设置新的主密码' });
  await expect(done.getByTestId('kit-reset-safety')).toContainText('使用应急恢复包之前已备份：');
  await expect(done).toContainText('之前的备份仍可用当时的主密码或这份应急恢复包打开');
  await done.getByRole('button', { name: '知道了' }).click();
  await shell.expectVisible();
  await shell.lock();
  await lock.unlock(PASSWORD);
  await lock.expectRefused('主密码不正确');
  await lock.unlock(newPassword);
  await shell.expectVisible();
});

test('restoring over the data here: compared first, confirmed on purpose, and what it replaced comes back from its safety backup', async ({
  app,
  page,
}) => {
  const out = tempDataDir('sw-usb');
  try {
    await openUnlocked(app, page);
    const { shell, section } = await setUpBackups(page, out);
    // The one backup holds an empty vault; then a shop is added.
    await expect(section.getByRole('table', { name: '文件夹中的备份' })).toContainText('现在的主密码');
    await shell.go(/ 店铺$/);
    await new ShopsPage(page).create({
      name: '恢复前新开的店',
      mainLogin: 'restore-test-shop',
      mainPassword: 'Shop-Pass-2026',
    });

    await shell.go(/ 设置$/);
    await section
      .getByRole('table', { name: '文件夹中的备份' })
      .getByRole('button', { name: '从备份恢复' })
      .click();
    const d = dialog(page);
    await d.getByLabel('主密码、恢复密钥或备份密码').fill(PASSWORD);
    await d.getByRole('button', { name: '检查备份文件' }).click();
    const compare = d.getByRole('table', { name: '对比' });
    await expect(compare.getByRole('row', { name: /店铺\s*0\s*1/ })).toBeVisible();
    await expect(d.getByRole('alert')).toContainText('这个备份的数据比现在少');
    const restore = d.getByRole('button', { name: '用这个备份替换当前数据' });
    await expect(restore).toBeDisabled();
    await d.getByTestId('restore-understood').click();
    await restore.click();
    await expect(page.getByText(/原来的数据已保存为安全备份：.*before-restore\.swbackup/)).toBeVisible();
    const lock = new LockPage(page);
    await lock.unlock(PASSWORD);
    await shell.expectVisible();
    await shell.go(/ 店铺$/);
    await expect(page.getByRole('cell', { name: '恢复前新开的店', exact: true })).toHaveCount(0);

    // The safety backup brings back exactly what was replaced.
    await shell.go(/ 设置$/);
    const safety = section.getByRole('table', { name: /^安全备份/ });
    await expect(safety).toContainText('恢复之前');
    await safety.getByRole('button', { name: '从备份恢复' }).click();
    const d2 = dialog(page);
    await d2.getByLabel('主密码、恢复密钥或备份密码').fill(PASSWORD);
    await d2.getByRole('button', { name: '检查备份文件' }).click();
    await expect(
      d2.getByRole('table', { name: '对比' }).getByRole('row', { name: /店铺\s*1\s*0/ }),
    ).toBeVisible();
    await d2.getByTestId('restore-understood').click();
    await d2.getByRole('button', { name: '用这个备份替换当前数据' }).click();
    await lock.unlock(PASSWORD);
    await shell.expectVisible();
    await shell.go(/ 店铺$/);
    await expect(page.getByRole('cell', { name: '恢复前新开的店', exact: true })).toBeVisible();
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
