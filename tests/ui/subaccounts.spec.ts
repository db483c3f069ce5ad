import ExcelJS from 'exceljs';
import { generatedSub, taobaoShop } from '../support/payloads.ts';
import { buildShops, seedShops } from '../support/seed.ts';
import { expect, test } from './fixtures.ts';
import {
  dialog,
  openUnlocked,
  ShopsPage,
  SubAccountsPage,
  seedShopViaCore,
} from './pages/inventory-pages.ts';
import { ShellPage, switchLanguage } from './pages/vault-pages.ts';

test('a shop secret is revealed on request and hidden again after 30 s', async ({ app, page }) => {
  // Only this test fakes the page's clock, so no other flow's animations or timers depend on it.
  await page.clock.install();
  await openUnlocked(app, page);
  await new ShellPage(page).go(/ 店铺$/);
  await new ShopsPage(page).create({
    name: '旗舰店',
    mainLogin: 'flagship',
    mainPassword: 'Main-Pass-123',
    phone: '13800138000',
  });
  await expect(page.getByText('138****8000')).toBeVisible();
  await expect(page.getByText('Main-Pass-123')).toHaveCount(0);
  await page.getByRole('button', { name: '查看 旗舰店 主账号密码' }).click();
  await expect(page.getByText('Main-Pass-123')).toBeVisible();
  await page.clock.fastForward(29_000);
  await expect(page.getByText('Main-Pass-123')).toBeVisible();
  await page.clock.fastForward(2_000);
  await expect(page.getByText('Main-Pass-123')).toHaveCount(0);
  await expect(page.getByText('138****8000')).toBeVisible();
});

test('create a shop and a sub-account from a template, then confirm it on the platform', async ({
  app,
  page,
}) => {
  await openUnlocked(app, page);
  const shell = new ShellPage(page);
  await shell.go(/ 店铺$/);
  await new ShopsPage(page).create({
    name: '旗舰店',
    mainLogin: 'flagship',
    mainPassword: 'Main-Pass-123',
    phone: '13800138000',
  });
  await expect(page.getByText('138****8000')).toBeVisible();

  await shell.go(/ 子账号$/);
  const subs = new SubAccountsPage(page);
  const d = await subs.openCreate();
  await subs.fillCreate(d, { nickname: '小王', password: 'Sub-Pass-123', template: /^售前客服/ });
  await subs.save(d);
  const row = subs.row('flagship:小王');
  await expect(row).toBeVisible();
  await expect(row).toContainText('售前客服');
  await expect(row).toContainText('待在平台操作');

  await row.getByRole('button', { name: '平台操作清单' }).click();
  const checklist = dialog(page);
  await expect(checklist).toContainText('新建子账号「flagship:小王」');
  await expect(checklist).toContainText('勾选：千牛接待、查看商品、查看订单');
  await checklist.getByRole('button', { name: '已在平台完成' }).click();
  await expect(row).toContainText('已在平台完成');

  // The overview counts what is left to do.
  await shell.go(/ 概览$/);
  const card = (title: string) => page.getByRole('group', { name: title });
  await expect(card('待在平台操作')).toContainText('0');
  await expect(card('未绑定员工的子账号')).toContainText('1');
});

test('a taken name is refused with a free suggestion; a weak password is refused by field', async ({
  app,
  page,
}) => {
  await openUnlocked(app, page);
  const shell = new ShellPage(page);
  await shell.go(/ 店铺$/);
  await new ShopsPage(page).create({
    name: '拼多多店',
    platform: '拼多多',
    mainLogin: 'pdd',
    mainPassword: 'Main-Pass-123',
  });
  await shell.go(/ 子账号$/);
  const subs = new SubAccountsPage(page);
  let d = await subs.openCreate();
  await subs.fillCreate(d, { nickname: '客服', password: 'Sub-Pass-123', template: /^售前客服/ });
  await d.getByLabel('子账号绑定手机').fill('13700137000');
  await subs.save(d);
  await expect(subs.row('客服')).toBeVisible();

  d = await subs.openCreate();
  await subs.fillCreate(d, { nickname: '客服', password: '12345', template: /^售前客服/ });
  await d.getByLabel('子账号绑定手机').fill('13700137001');
  await subs.save(d);
  await expect(d.getByText('短于平台最低长度')).toBeVisible();
  await d.getByLabel('密码', { exact: true }).fill('Sub-Pass-456');
  await d.getByLabel('再次输入密码').fill('Sub-Pass-456');
  await subs.save(d);
  await expect(d.getByText('名称已被使用')).toBeVisible();
  await d.getByRole('button', { name: '使用建议名称：客服2' }).click();
  await subs.save(d);
  await expect(subs.row('客服2')).toBeVisible();
});

test('configure roles with a high-risk permission asks first and is logged; change password; delete', async ({
  app,
  page,
}) => {
  await openUnlocked(app, page);
  const shell = new ShellPage(page);
  await shell.go(/ 店铺$/);
  await new ShopsPage(page).create({
    name: '京东店',
    platform: '京东',
    mainLogin: 'jdshop',
    mainPassword: 'Main-Pass-123',
  });
  await shell.go(/ 子账号$/);
  const subs = new SubAccountsPage(page);
  const d = await subs.openCreate();
  await subs.fillCreate(d, { nickname: 'agent01', password: 'Sub-Pass-123', template: /^售前客服/ });
  await subs.save(d);
  const row = subs.row('agent01');
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: '配置角色' }).click();
  // Named, not `.last()`: the high-risk confirmation opens on top of it and closes again.
  const cfg = page.getByRole('dialog').filter({ hasText: '配置角色' });
  // check() waits until the radio really is selected (a click during the dialog's opening animation can miss).
  await cfg.getByRole('radio', { name: '手选权限' }).check();
  await cfg.getByRole('checkbox', { name: /售后退款审核/ }).check();
  await cfg.getByRole('button', { name: /保\s?存/ }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '授予高风险权限？' });
  await expect(confirm).toContainText('售后退款审核');
  await confirm.getByRole('button', { name: /取\s?消/ }).click();
  await expect(row).toContainText('售前客服');
  await cfg.getByRole('button', { name: /保\s?存/ }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '授予高风险权限？' })
    .getByRole('button', { name: /确\s?认/ })
    .click();
  await expect(row).toContainText('手选权限');

  await subs.rowAction('agent01', '修改密码');
  const pw = dialog(page);
  await pw.getByLabel('密码', { exact: true }).fill('Sub-Pass-123');
  await pw.getByLabel('再次输入密码').fill('Sub-Pass-123');
  await pw.getByRole('button', { name: /保\s?存/ }).click();
  await expect(pw.getByText('不能与当前密码相同')).toBeVisible();
  await pw.getByLabel('密码', { exact: true }).fill('New-Pass-789');
  await pw.getByLabel('再次输入密码').fill('New-Pass-789');
  await pw.getByRole('button', { name: /保\s?存/ }).click();
  await expect(pw).toBeHidden();
  await row.getByRole('button', { name: '查看 agent01 密码' }).click();
  await expect(row).toContainText('New-Pass-789');

  await subs.rowAction('agent01', '删除');
  await page
    .getByRole('dialog')
    .filter({ hasText: '确定删除 1 个子账号' })
    .getByRole('button', { name: /删\s?除/ })
    .click();
  await expect(page.getByText('没有符合条件的子账号。')).toBeVisible();

  await shell.go(/审计日志/);
  await expect(page.getByRole('row').filter({ hasText: '授予高风险权限' })).toContainText('aftersale.refund');
  await expect(page.getByRole('row').filter({ hasText: '修改子账号密码' })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: '删除子账号' })).toContainText('京东店 · agent01');
});

test('export the sub-account list and read the .xlsx back', async ({ app, page }) => {
  const running = await openUnlocked(app, page);
  await seedShopViaCore(running, '旗舰店', ['小王', '小李'], 'flagship');
  await new ShellPage(page).go(/ 子账号$/);
  await page.getByRole('button', { name: /导\s?出/ }).click();
  const d = dialog(page);
  const downloading = page.waitForEvent('download');
  await d.getByRole('button', { name: /导\s?出/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^子账号-\d{12}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).values).toEqual([
    undefined,
    '店铺',
    '平台',
    '子账号',
    '状态',
    '权限模板',
    '权限',
    '员工',
    '绑定手机',
    '平台操作',
    '创建时间',
  ]);
  // No internal record id anywhere in the file.
  const subs = await running.core.dispatch('subaccounts.list', {});
  const ids = subs.ok ? (subs.value as Array<{ id: string }>).map((s) => s.id) : [];
  expect(ids.length).toBe(2);
  for (const id of ids) expect(JSON.stringify(ws.getSheetValues())).not.toContain(id);
  const names = [ws.getCell('C2').value, ws.getCell('C3').value].sort();
  expect(names).toEqual(['flagship:小李', 'flagship:小王']);
  expect(ws.getCell('E2').value).toBe('售前客服');
  expect(JSON.stringify(ws.getSheetValues())).not.toContain('Sub-Pass-123');
});

test('filtering a large list: 10,000 sub-accounts over 50 shops', async ({ app, page }) => {
  seedShops(app.dataDir, buildShops(50, 200));
  await openUnlocked(app, page);
  await new ShellPage(page).go(/ 子账号$/);
  await expect(page.getByTestId('row-count')).toHaveText('共 10000 条');
  await page.getByLabel('搜索').fill('店铺17:客服0042');
  await expect(page.getByTestId('row-count')).toHaveText('共 1 条');
  await expect(page.getByRole('row', { name: '店铺17:客服0042', exact: true })).toBeVisible();
  await page.getByLabel('搜索').fill('客服0042');
  await expect(page.getByTestId('row-count')).toHaveText('共 50 条');
  await page.getByLabel('搜索').fill('');
  await page.getByLabel('状态', { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByText('停用', { exact: true }).click();
  // Every 7th of 200 per shop is disabled: 29 a shop.
  await expect(page.getByTestId('row-count')).toHaveText('共 1450 条');
  // Only the rows on screen exist in the DOM (virtualised), not 1,450.
  await expect(page.getByRole('row', { name: /店铺\d+:客服/ }).first()).toBeVisible();
  const rendered = await page.getByRole('row', { name: /店铺\d+:客服/ }).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);
});

test('a custom template: create, tick permissions (high risk asks), compare with a built-in', async ({
  app,
  page,
}) => {
  await openUnlocked(app, page);
  await new ShellPage(page).go(/ 权限模板$/);
  await page.getByRole('button', { name: '新建模板' }).click();
  const edit = dialog(page);
  await edit.getByLabel('模板名称').fill('夜班客服');
  await edit.getByRole('checkbox', { name: /千牛接待/ }).check();
  await edit.getByRole('checkbox', { name: /查看订单/ }).check();
  await edit.getByRole('checkbox', { name: /处理退款/ }).check();
  await edit.getByRole('button', { name: /保\s?存/ }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '授予高风险权限？' })
    .getByRole('button', { name: /确\s?认/ })
    .click();
  const row = page.getByRole('row').filter({ hasText: '夜班客服' });
  await expect(row).toContainText('自定义');
  await expect(row).toContainText('高风险');
  await page.getByLabel('模板 A').click();
  await page.locator('.ant-select-dropdown:visible').getByText('售前客服', { exact: true }).click();
  // Search narrows the list to the one match; Enter picks it (no racing the dropdown's animation).
  await page.getByLabel('模板 B').fill('夜班客服');
  await page.getByLabel('模板 B').press('Enter');
  const diff = page.getByTestId('template-diff');
  await expect(diff).toContainText('新增: 处理退款（同意/拒绝）');
  await expect(diff).toContainText('移除: 查看商品');
});

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} px the platform state reads as work to do by hand, never as automatic "sync"`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const running = await openUnlocked(app, page);
    await seedShopViaCore(running, '旗舰店', ['小王']);
    await new ShellPage(page).go(/ 子账号$/);
    const row = page.getByRole('row', { name: /旗舰店:小王/ });
    await expect(row).toContainText('待在平台操作');
    await expect(page.getByRole('main').getByText(/同步/)).toHaveCount(0);
  });
}

for (const width of [1024, 1280, 1440]) {
  test(`in English at ${width} px, built-in template names and platform names are English`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const running = await openUnlocked(app, page);
    const shop = await running.core.dispatch('shops.create', taobaoShop('flagship'));
    const shopId = shop.ok ? (shop.value as { id: string }).id : '';
    await running.core.dispatch('subaccounts.create', {
      ...generatedSub(shopId, 'amy'),
      templateId: 'builtin-taobao-presales',
    });
    await switchLanguage(page, 'English');
    await new ShellPage(page).go(/ Sub-accounts$/);
    const row = page.getByRole('row', { name: /flagship:amy/ });
    await expect(row).toContainText('Pre-sales agent');
    await expect(row).toContainText('Taobao');
    await expect(page.getByRole('main').getByText(/售前客服|淘宝/)).toHaveCount(0);
  });
}

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} px an Amazon sub-account shows its rule before typing, and its checklist says invite`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const running = await openUnlocked(app, page);
    await running.core.dispatch(
      'shops.create',
      taobaoShop('US Store', { platform: 'amazon', mainLogin: 'owner@example.com' }),
    );
    await new ShellPage(page).go(/ 子账号$/);
    const subs = new SubAccountsPage(page);
    const d = await subs.openCreate();
    // Before anything is typed the field says what the platform wants.
    await expect(d.getByTestId('name-rule')).toContainText('被邀请用户的电子邮箱');
    await subs.fillCreate(d, {
      nickname: 'amy@example.com',
      password: 'Sub-Pass-123',
      template: /^售前客服/,
    });
    await subs.save(d);
    const row = subs.row('amy@example.com');
    await row.getByRole('button', { name: '平台操作清单' }).click();
    const checklist = dialog(page);
    await expect(checklist).toContainText('邀请邮箱「amy@example.com」');
    // Nobody creates the account or types its password on Amazon.
    await expect(checklist).not.toContainText(/新建子账号|可从本应用复制/);
  });
}
