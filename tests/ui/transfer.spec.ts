// 导入导出 (issue #11): a seller leaves with a .kdbx that KeePassXC opens, or Bitwarden's .json after a plain
// warning. What is checked is what the user gets: the downloaded file, opened by the real client.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from './fixtures.ts';
import { openUnlocked, PASSWORD, seedShopViaCore } from './pages/inventory-pages.ts';
import { ShellPage } from './pages/vault-pages.ts';
import { expectNoSideScroll, WIDTHS } from './pages/work-pages.ts';

const CLI = ['/usr/bin/keepassxc-cli', '/usr/local/bin/keepassxc-cli'].find((p) => fs.existsSync(p));

for (const width of WIDTHS) {
  test(`at ${width} px: export a .kdbx with its own password; KeePassXC opens it and reads the password exactly`, async ({
    app,
    page,
  }) => {
    if (!CLI) throw new Error('keepassxc-cli is missing: apt-get install keepassxc (.ci/run does)');
    await page.setViewportSize({ width, height: 900 });
    const running = await openUnlocked(app, page);
    await seedShopViaCore(running, '旗舰店', ['小王']);
    await new ShellPage(page).go(/导入导出/);
    const card = page.getByRole('region', { name: /KeePass/ });
    await expect(card).toBeVisible();
    await expectNoSideScroll(page);

    await card.getByLabel('单独设置文件密码').check();
    await card.getByLabel('文件密码（至少 10 个字符）').fill('short');
    await card.getByLabel('再次输入文件密码').fill('short');
    await card.getByLabel('主密码', { exact: true }).fill(PASSWORD);
    await card.getByRole('button', { name: /导出 \.kdbx/ }).click();
    await expect(card.getByText('至少 10 个字符').last()).toBeVisible();

    const filePassword = '店铺导出-2026-安全';
    await card.getByLabel('文件密码（至少 10 个字符）').fill(filePassword);
    await card.getByLabel('再次输入文件密码').fill(filePassword);
    await card.getByLabel('主密码', { exact: true }).fill('not-the-master');
    await card.getByRole('button', { name: /导出 \.kdbx/ }).click();
    await expect(card.getByText('密码不正确', { exact: true })).toBeVisible();

    await card.getByLabel('主密码', { exact: true }).fill(PASSWORD);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: /导出 \.kdbx/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^店务管家-\d{12}\.kdbx$/);
    await expect(page.getByText(/已导出 2 个账号/)).toBeVisible();
    const file = await download.path();
    const show = spawnSync(CLI, ['show', '-s', '-a', 'Password', file, '淘宝/旗舰店/旗舰店:小王'], {
      input: `${filePassword}\n`,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(show.status, show.stderr).toBe(0);
    expect(show.stdout).toBe('Sub-Pass-123\n');
  });
}

test('the Bitwarden .json says it is unencrypted and needs the tick before anything is exported', async ({
  app,
  page,
}) => {
  const running = await openUnlocked(app, page);
  await seedShopViaCore(running, '旗舰店', ['小王']);
  await new ShellPage(page).go(/导入导出/);
  const card = page.getByRole('region', { name: /Bitwarden/ });
  await expect(card.getByText(/这是未加密的文件/)).toBeVisible();
  await card.getByLabel('主密码', { exact: true }).fill(PASSWORD);
  let downloads = 0;
  page.on('download', () => downloads++);
  await card.getByRole('button', { name: /导出 \.json/ }).click();
  await expect(card.getByText('请先确认你已了解此文件不加密')).toBeVisible();

  await card.getByLabel('我已了解此文件不加密').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: /导出 \.json/ }).click(),
  ]);
  expect(downloads).toBe(1);
  const data = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as {
    encrypted: boolean;
    items: Array<{ login: { username: string; password: string } }>;
  };
  expect(data.encrypted).toBe(false);
  expect(data.items.find((i) => i.login?.username === '旗舰店:小王')?.login?.password).toBe('Sub-Pass-123');
  await expect(page.getByText(/未加密，导入后请删除/)).toBeVisible();
});
