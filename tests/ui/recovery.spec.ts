import fs from 'node:fs';
import path from 'node:path';
import { generatedSub, taobaoShop } from '../support/payloads.ts';
import { expect, test } from './fixtures.ts';
import { openUnlocked } from './pages/inventory-pages.ts';
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

test('a damaged vault file with no good generation left stops the app instead of starting empty', async ({
  app,
  page,
}) => {
  let running = await app.start();
  await running.open(page);
  await new SetupPage(page).create(PASSWORD);
  await new ShellPage(page).expectVisible();
  await app.stop();

  // The vault keeps a spare generation from its first write; here that is gone too.
  const file = path.join(app.dataDir, 'vault.json');
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
  for (const g of fs.readdirSync(path.join(app.dataDir, 'generations')))
    if (g.startsWith('vault.')) fs.rmSync(path.join(app.dataDir, 'generations', g));

  running = await app.start();
  await running.open(page);
  await expect(page.getByRole('alert')).toContainText('vault.json（文件被截断）无法读取');
  // No first-run screen that could overwrite the vault, and the damaged file is where it was.
  await expect(page.getByRole('heading', { name: '首次使用：设置主密码' })).toHaveCount(0);
  expect(fs.readFileSync(file).length).toBe(bytes.length >> 1);
});

test('a damaged line in a shop journal loses only its record, and the notice names it', async ({
  app,
  page,
}) => {
  let running = await openUnlocked(app, page);
  const shop = await running.core.dispatch('shops.create', taobaoShop('旗舰店'));
  const shopId = shop.ok ? (shop.value as { id: string }).id : '';
  for (const n of ['小王', '小李', '小张'])
    await running.core.dispatch('subaccounts.create', generatedSub(shopId, n));
  await app.stop();

  // One flipped character in 小李's line: its own hash no longer matches.
  const journal = path.join(app.dataDir, 'shops', `${shopId}.journal`);
  const lines = fs.readFileSync(journal, 'utf8').split('\n');
  lines[2] = lines[2]!.replace(/"h":"(.)/, (_m, c: string) => `"h":"${c === 'a' ? 'b' : 'a'}`);
  fs.writeFileSync(journal, lines.join('\n'));

  running = await app.start();
  await running.open(page);
  await new LockPage(page).unlock(PASSWORD);
  const notice = page.getByRole('alert').filter({ hasText: '检测到数据文件损坏，已自动恢复' });
  await expect(notice).toContainText(`shops/${shopId}.journal`);
  await expect(notice).toContainText('其中可读的内容已保留');
  await expect(notice).toContainText('无法恢复的记录（1）：小李');
  const shell = new ShellPage(page);
  await shell.go(/ 子账号$/);
  await expect(page.getByRole('row', { name: /旗舰店:小王/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /旗舰店:小张/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /旗舰店:小李/ })).toHaveCount(0);
  await switchLanguage(page, 'English');
  await expect(page.getByRole('alert').filter({ hasText: 'A damaged data file was found' })).toContainText(
    'Records that could not be recovered (1): 小李',
  );
});
