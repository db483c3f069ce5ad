// 导入账号 (issue #11): the wizard as a seller uses it. A spreadsheet with its columns recognised, every row
// previewed with what is wrong with it, only the valid rows written; a KeePassXC database opened with its
// password; files that are too large refused before they are read.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { keepassxcDatabase } from '../support/keepassxc.ts';
import { GOOD_PASSWORD } from '../support/test-core.ts';
import { expect, test } from './fixtures.ts';
import { openUnlocked } from './pages/inventory-pages.ts';
import { LockPage, ShellPage } from './pages/vault-pages.ts';
import { expectNoSideScroll, WIDTHS } from './pages/work-pages.ts';

let dir: string;
test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-ui-import-'));
});
test.afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sheet(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('账号');
  for (const r of rows) ws.addRow(r);
  const file = path.join(dir, '我的店铺账号.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

for (const width of WIDTHS) {
  test(`at ${width} px: a spreadsheet is mapped, previewed row by row, and only its valid rows are imported`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await openUnlocked(app, page);
    const file = await sheet([
      ['店铺名称', '平台', '主账号', '子账号', '密码', '开店日期'],
      ['旗舰店', '淘宝', 'flagship', '', 'Main-Pass-2026-A', '2020-01-01'],
      ['旗舰店', '淘宝', 'flagship', '小王', 'Sub-Pass-2026-A', ''],
      ['旗舰店', '淘宝', 'flagship', '小王', 'Sub-Pass-2026-B', ''],
      ['拼多多店', '拼多多', 'pdd_boss', '', 'Pdd-Pass-2026-A', ''],
    ]);
    await new ShellPage(page).go(/导入导出/);
    const card = page.getByRole('region', { name: '导入账号' });
    await card.getByRole('button', { name: '选择文件' }).click();
    await card.locator('input[type="file"]').setInputFiles(file);

    // Columns recognised from the headers, shown for checking.
    await expect(card.getByText('请确认每一项对应表格中的哪一列')).toBeVisible();
    await expect(
      card
        .getByRole('combobox', { name: '子账号' })
        .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]'),
    ).toContainText('D: 子账号');
    // A column nothing reads is named, not dropped without a word.
    await expect(card.getByTestId('import-ignored')).toContainText('这些列不会导入：F: 开店日期');
    await expectNoSideScroll(page);
    await card.getByRole('button', { name: /^预\s?览$/ }).click();

    await expect(card.getByText(/共 4 行：新建 2 个店铺、1 个子账号；已存在 0 行，错误 1 行/)).toBeVisible();
    await expect(card.getByText('文件类型：Excel (.xlsx)')).toBeVisible();
    const preview = card.getByRole('table');
    await expect(preview.getByRole('row', { name: /flagship:小王.*将导入/ })).toBeVisible();
    await expect(preview.getByRole('row', { name: /与第 2 行重复/ })).toContainText('错误');
    await expect(card.getByRole('button', { name: /导入全部/ })).toHaveCount(0);
    await expectNoSideScroll(page);
    await card.getByRole('button', { name: /只导入有效的 3 行/ }).click();
    await expect(card.getByText('已导入：新建 2 个店铺、1 个子账号；未导入 1 行。')).toBeVisible();
    // What was there is kept first, and the result names that backup.
    await expect(card.getByText(/导入之前已备份：.*safety-\d{17}-before-import\.swbackup/)).toBeVisible();

    await new ShellPage(page).go(/ 子账号$/);
    await expect(page.getByRole('row', { name: 'flagship:小王' })).toBeVisible();
    await expect(page.getByTestId('row-count')).toHaveText('共 1 条');
  });
}

test('a KeePassXC database: its password is asked for, a wrong one says so, then its shop accounts are imported', async ({
  app,
  page,
}) => {
  await openUnlocked(app, page);
  const db = keepassxcDatabase(dir, 'Kx-Pass-2026', [
    {
      group: '淘宝',
      title: '旗舰店',
      user: 'flagship',
      url: 'https://myseller.taobao.com/',
      password: 'Main-Pass-2026-A',
    },
    {
      group: '淘宝',
      title: '小王',
      user: 'flagship:小王',
      url: 'https://myseller.taobao.com/',
      password: 'Sub-Pass-2026-A',
    },
    {
      group: '其他',
      title: 'GitHub',
      user: 'me@example.com',
      url: 'https://github.com/login',
      password: 'gh',
    },
  ]);
  await new ShellPage(page).go(/导入导出/);
  const card = page.getByRole('region', { name: '导入账号' });
  await card.locator('label', { hasText: 'KeePass / KeePassXC' }).click();
  await expect(card.getByRole('radio', { name: 'KeePass / KeePassXC' })).toBeChecked();
  await expect(card.getByText(/直接选择 \.kdbx 数据库文件/)).toBeVisible();
  await card.getByRole('button', { name: '选择文件' }).click();
  await card.locator('input[type="file"]').setInputFiles(db);
  await card.getByLabel('KeePass 数据库密码').fill('wrong-password');
  await card.getByRole('button', { name: /^打\s?开$/ }).click();
  await expect(card.getByRole('alert')).toContainText('KeePass 数据库密码不正确');
  await expect(card.getByLabel('KeePass 数据库密码')).toHaveValue('');
  await card.getByLabel('KeePass 数据库密码').fill('Kx-Pass-2026');
  await card.getByRole('button', { name: /^打\s?开$/ }).click();

  await expect(card.getByText('文件类型：KeePass (.kdbx)')).toBeVisible();
  await expect(card.getByRole('table').getByRole('row', { name: /GitHub.*跳过/ })).toContainText(
    '不是店铺账号',
  );
  await card.getByRole('button', { name: /导入全部 2 行/ }).click();
  await expect(card.getByText('已导入：新建 1 个店铺、1 个子账号；未导入 1 行。')).toBeVisible();
  await new ShellPage(page).go(/ 店铺$/);
  await expect(page.getByRole('row', { name: /旗舰店/ })).toBeVisible();
});

test('a file over 6 MB is refused before it is read; the template downloads as .xlsx', async ({
  app,
  page,
}) => {
  await openUnlocked(app, page);
  await new ShellPage(page).go(/导入导出/);
  const card = page.getByRole('region', { name: '导入账号' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: '下载导入模板' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('店务管家-账号导入模板.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  expect(wb.worksheets[0]!.getRow(1).getCell(4).text).toBe('子账号');

  const big = path.join(dir, 'huge.csv');
  fs.writeFileSync(big, Buffer.alloc(7 * 1024 * 1024, 0x61));
  let sent = false;
  page.on('request', (r) => {
    if (r.url().includes('/api/transfer.readImport')) sent = true;
  });
  await card.getByRole('button', { name: '选择文件' }).click();
  await card.locator('input[type="file"]').setInputFiles(big);
  await expect(card.getByRole('alert')).toContainText('文件过大（最大 6 MB）');
  expect(sent).toBe(false);
});

test('an import a crash cut short is completed at the next start, and the user is told so in words', async ({
  app,
  page,
}) => {
  // A real process imports 3 shops on this data folder and dies (SIGKILL) at its 3rd fsync of the write:
  // the import's intent is on disk, not every shop file is.
  const child = spawnSync(
    process.execPath,
    [
      '--experimental-transform-types',
      '--no-warnings',
      path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../faults/support/import-child.ts'),
      app.dataDir,
      '3',
      '3',
      '2',
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(child.signal).toBe('SIGKILL');
  expect(fs.existsSync(path.join(app.dataDir, 'transfer-intent.json'))).toBe(true);

  const running = await app.start();
  await running.open(page);
  await new LockPage(page).unlock(GOOD_PASSWORD);
  const notice = page.getByRole('alert').filter({ hasText: '上次导入' });
  await expect(notice).toContainText('在写入途中被中断（崩溃或断电），已在启动时补完：3 个店铺文件已写入');
  await new ShellPage(page).go(/ 店铺$/);
  for (const name of ['导入店0', '导入店1', '导入店2'])
    await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
});
