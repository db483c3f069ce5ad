import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { expect, test } from './fixtures.ts';
import { dialog, openUnlocked, SubAccountsPage, seedShopViaCore } from './pages/inventory-pages.ts';
import { ShellPage } from './pages/vault-pages.ts';

test('one person, one sub-account per shop; a person who leaves is unbound everywhere', async ({
  app,
  page,
}) => {
  const running = await openUnlocked(app, page);
  await seedShopViaCore(running, '一店', ['小王', '小李']);
  await seedShopViaCore(running, '二店', ['小王']);
  const shell = new ShellPage(page);
  await shell.go(/ 员工$/);
  await page.getByRole('button', { name: /添加员工/ }).click();
  const add = dialog(page);
  await add.getByLabel('姓名').fill('王小明');
  await add.getByLabel('手机号').fill('+86 139-0013-9000');
  await add.getByLabel('岗位').fill('售前客服');
  await add.getByRole('button', { name: /保\s?存/ }).click();
  await expect(page.getByRole('cell', { name: '139****9000' })).toBeVisible();

  await shell.go(/ 子账号$/);
  const subs = new SubAccountsPage(page);
  const bind = async (fullName: string) => {
    await subs.rowAction(fullName, '绑定员工');
    const d = dialog(page);
    await d.getByLabel('员工').click();
    await page
      .locator('.ant-select-dropdown:visible')
      .getByText(/王小明/)
      .click();
    await d.getByRole('button', { name: /保\s?存/ }).click();
    return d;
  };
  await bind('一店:小王');
  await expect(subs.row('一店:小王')).toContainText('王小明');
  const refused = await bind('一店:小李');
  await expect(refused.getByRole('alert')).toContainText('此员工在该店铺已绑定「一店:小王」（一人一号）');
  await refused.getByRole('button', { name: /取\s?消/ }).click();
  await bind('二店:小王');
  await expect(subs.row('二店:小王')).toContainText('王小明');

  await shell.go(/ 员工$/);
  await page.getByRole('row').filter({ hasText: '王小明' }).getByRole('button', { name: '标记离职' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '其绑定的 2 个子账号将解除绑定' });
  await confirm.getByRole('button', { name: /确\s?认/ }).click();
  await expect(page.getByRole('row').filter({ hasText: '王小明' })).toContainText('离职');
  await shell.go(/ 子账号$/);
  await expect(subs.row('一店:小王')).toContainText('未绑定');
  await expect(subs.row('二店:小王')).toContainText('未绑定');
  await expect(subs.row('一店:小王')).toContainText('售前客服');
});

test('import staff from a GBK CSV with bad rows: preview, refuse, then import the valid rows', async ({
  app,
  page,
}) => {
  await openUnlocked(app, page);
  await new ShellPage(page).go(/ 员工$/);
  const csv = [
    '姓名,手机号,岗位,身份证号',
    '张三,13800000001,售前客服,',
    '李四,12345,售后客服,',
    '王五,13800000003,仓库,11010519491231002X',
    '赵六,13800000004,客服,110105194912310021',
  ].join('\r\n');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sw-csv-')), '员工名单.csv');
  fs.writeFileSync(file, iconv.encode(csv, 'gbk'));
  await page.locator('input[type=file]').setInputFiles(file);
  const preview = dialog(page);
  await expect(preview).toContainText('可导入 2 行，有问题 2 行（CSV，编码 GBK/GB18030）');
  // The bad cell is shown as typed, so the user sees what to fix.
  await expect(preview.getByRole('row').filter({ hasText: '李四' })).toContainText(
    '手机号 「12345」：请输入有效的中国大陆手机号',
  );
  await expect(preview.getByRole('row').filter({ hasText: '赵六' })).toContainText('身份证号无效');
  await expect(preview.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await preview.getByText('跳过有问题的行，只导入正确的行').click();
  await preview.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByRole('dialog').filter({ hasText: '已导入 2 人，跳过 2 行' })).toBeVisible();
  await page.getByRole('button', { name: /确\s?认/ }).click();
  await expect(page.getByRole('cell', { name: '张三', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '王五', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '****002X' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '李四', exact: true })).toHaveCount(0);
});

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} px, saving a new person with empty required fields says what to enter and raises no page error`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await openUnlocked(app, page);
    await new ShellPage(page).go(/ 员工$/);
    await page.getByRole('button', { name: /添加员工/ }).click();
    const add = dialog(page);
    await add.getByRole('button', { name: /保\s?存/ }).click();
    await expect(add.getByText('请输入姓名')).toBeVisible();
    await expect(add.getByText('请输入手机号')).toBeVisible();
    // Typed input is kept: filling one field and saving again still only asks for the other.
    await add.getByLabel('姓名').fill('王小明');
    await add.getByRole('button', { name: /保\s?存/ }).click();
    await expect(add.getByText('请输入手机号')).toBeVisible();
    await expect(add.getByLabel('姓名')).toHaveValue('王小明');
    expect(pageErrors).toEqual([]);
  });
}

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} px an .xlsx import preview says 文件类型 xlsx, names the row a repeat repeats, and a template downloads`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await openUnlocked(app, page);
    await new ShellPage(page).go(/ 员工$/);
    // The template has exactly the headers the importer reads.
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载导入模板' }).click(),
    ]);
    const head = fs.readFileSync((await template.path())!, 'utf8');
    expect(head).toBe('\uFEFF姓名,手机号,岗位,身份证号,备注\r\n');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('员工');
    ws.addRows([
      ['姓名', '手机号', '岗位'],
      ['张三', '13800000001', '售前客服'],
      ['李四', '13800000002', '售后客服'],
      ['张三（重复）', '13800000001', '售前客服'],
    ]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sw-xlsx-')), '员工.xlsx');
    await wb.xlsx.writeFile(file);
    await page.locator('input[type=file]').setInputFiles(file);
    const preview = dialog(page);
    await expect(preview).toContainText('可导入 2 行，有问题 1 行（文件类型 xlsx）');
    await expect(preview).not.toContainText('编码');
    await expect(preview.getByRole('row').filter({ hasText: '张三（重复）' })).toContainText(
      '手机号 「13800000001」：与第 2 行重复',
    );
  });
}

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} px 离职 offers, per account the person used, a new password or disabling, and reminds until each is done`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const running = await openUnlocked(app, page);
    await seedShopViaCore(running, '一店', ['小王']);
    await seedShopViaCore(running, '二店', ['小王']);
    const person = await running.core.dispatch('staff.create', {
      name: '王小明',
      phone: '13900139000',
      position: '',
      notes: '',
      idNumber: '',
    });
    const personId = person.ok ? (person.value as { id: string }).id : '';
    const subs = await running.core.dispatch('subaccounts.list', {});
    for (const s of subs.ok ? (subs.value as Array<{ id: string }>) : [])
      await running.core.dispatch('subaccounts.bindStaff', { id: s.id, staffId: personId });
    const shell = new ShellPage(page);
    await shell.go(/ 员工$/);
    await page
      .getByRole('row')
      .filter({ hasText: '王小明' })
      .getByRole('button', { name: '标记离职' })
      .click();
    await page
      .getByRole('dialog')
      .filter({ hasText: '其绑定的 2 个子账号将解除绑定' })
      .getByRole('button', { name: /确\s?认/ })
      .click();
    const followUps = page.getByRole('region', { name: '离职人员用过的子账号' });
    await expect(followUps.getByRole('listitem')).toHaveCount(2);
    await expect(followUps).toContainText('使用人：王小明（已离职）');
    // The overview reminds of both.
    await shell.go(/ 概览$/);
    const reminders = page.getByRole('region', { name: '待办提醒' });
    await expect(reminders.getByRole('listitem', { name: /离职人员用过的子账号/ })).toHaveCount(2);

    await shell.go(/ 员工$/);
    await followUps
      .getByRole('listitem', { name: '一店:小王' })
      .getByRole('button', { name: /^停\s?用$/ })
      .click();
    await expect(followUps.getByRole('listitem')).toHaveCount(1);
    await followUps
      .getByRole('listitem', { name: '二店:小王' })
      .getByRole('button', { name: '生成新密码' })
      .click();
    const info = page.getByRole('dialog').filter({ hasText: '已为 二店:小王 生成新密码' });
    await info.getByRole('button', { name: '复制密码 小王' }).click();
    await expect.poll(() => running.clipboard.text).toMatch(/^\S{12,}$/);
    await info.getByRole('button', { name: /确\s?认|知道了|OK/ }).click();
    await expect(followUps).toHaveCount(0);
    await shell.go(/ 概览$/);
    await expect(reminders.getByRole('listitem', { name: /离职人员用过的子账号/ })).toHaveCount(0);
  });
}
