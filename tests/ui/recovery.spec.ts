import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { LockPage, SetupPage, ShellPage, switchLanguage } from './pages/vault-pages.ts';

const PASSWORD = '店务管家-Strong-2026';

test('a corrupted data file at start is moved aside, the last good version restored, and the user told', async ({
  app,
  page,
}) => {
  let running = await app.start();
  await running.open(page);
  await new SetupPage(page).create(PASSWORD);
  const shell = new ShellPage(page);
  await shell.go(/设置/);
  const minutes = page.getByLabel('闲置自动锁定（分钟）');
  for (const v of ['7', '9']) {
    await minutes.fill(v);
    await minutes.blur();
    await expect(minutes).toHaveValue(v);
  }
  await app.stop();

  // The disk hands back zeros where the settings were (a crash during a sector write).
  const file = path.join(app.dataDir, 'settings.json');
  fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size, 0));

  running = await app.start();
  await running.open(page);
  const notice = page.getByRole('alert').filter({ hasText: '检测到数据文件损坏，已自动恢复' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('settings.json');
  await expect(notice).toContainText('文件被空字节填充');
  await expect(notice).toContainText(/已移至 damaged\/settings\.json\..+\.nul-filled\.bad/);
  const moved = fs.readdirSync(path.join(app.dataDir, 'damaged'));
  expect(moved).toHaveLength(1);

  await new LockPage(page).unlock(PASSWORD);
  await shell.go(/设置/);
  await expect(page.getByLabel('闲置自动锁定（分钟）')).toHaveValue('7');

  await switchLanguage(page, 'English');
  await expect(
    page.getByRole('alert').filter({ hasText: 'A damaged data file was found and recovered' }),
  ).toContainText('filled with NUL bytes');
});

test('a damaged vault file with no good backup stops the app instead of starting empty', async ({
  app,
  page,
}) => {
  let running = await app.start();
  await running.open(page);
  await new SetupPage(page).create(PASSWORD);
  await new ShellPage(page).expectVisible();
  await app.stop();

  const file = path.join(app.dataDir, 'vault.json');
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(file, bytes.subarray(0, bytes.length >> 1));

  running = await app.start();
  await running.open(page);
  await expect(page.getByRole('alert')).toContainText('vault.json（文件被截断）无法读取');
  // No first-run screen that could overwrite the vault, and the damaged file is where it was.
  await expect(page.getByRole('heading', { name: '首次使用：设置主密码' })).toHaveCount(0);
  expect(fs.readFileSync(file).length).toBe(bytes.length >> 1);
});
