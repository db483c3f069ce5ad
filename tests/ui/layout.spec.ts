// What the walk-through found at 1024, 1280 and 1440 px: actions off-screen, header and body drifting
// apart, secrets wrapping over several lines, tags overlapping the next column.
import type { Locator, Page } from '@playwright/test';
import { generatedSub, taobaoShop } from '../support/payloads.ts';
import { expect, test } from './fixtures.ts';
import { openUnlocked, SubAccountsPage, seedShopViaCore } from './pages/inventory-pages.ts';
import { ShellPage } from './pages/vault-pages.ts';

const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not rendered');
  return b;
};

async function viewportWidth(page: Page) {
  return page.evaluate(() => document.documentElement.clientWidth);
}

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} px the sub-account actions are on screen and the header stays over its column`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const running = await openUnlocked(app, page);
    const shopId = await seedShopViaCore(running, '旗舰店', ['小王', '小李']);
    await running.core.dispatch('agents.createBatch', {
      shopId,
      count: 1,
      pattern: '双11客服{01}',
      templateId: null,
      window: { start: '2026-11-01', end: '2026-12-21' },
      confirmHighRisk: false,
    });
    await new ShellPage(page).go(/ 子账号$/);
    const subs = new SubAccountsPage(page);
    // The actions button of each row is fully inside the window, without scrolling.
    const actions = page.getByRole('button', { name: '操作 旗舰店:小王' });
    await expect(actions).toBeVisible();
    const a = await box(actions);
    expect(a.x + a.width).toBeLessThanOrEqual(await viewportWidth(page));
    await subs.rowAction('旗舰店:小王', '停用');
    await expect(subs.row('旗舰店:小王')).toContainText('停用');

    // Keyboard focus on a cell further right scrolls the table; the header moves with it.
    await page.getByRole('button', { name: '复制 旗舰店:小李 密码' }).focus();
    const header = page.getByRole('columnheader', { name: '密码' });
    const cell = subs
      .row('旗舰店:小李')
      .getByRole('cell')
      .filter({ has: page.getByText('••••••••') });
    const h = await box(header);
    const c = await box(cell);
    expect(Math.abs(h.x - c.x)).toBeLessThan(1);
    expect(Math.abs(h.width - c.width)).toBeLessThan(1);

    // The temporary-agent tag stays inside its own column, clear of the password.
    const agentRow = subs.row('旗舰店:双11客服01');
    const tag = agentRow.locator('.sw-tag').filter({ hasText: /^临时客服$/ });
    const pw = agentRow.getByRole('cell').filter({ has: page.getByText('••••••••') });
    expect((await box(tag)).x + (await box(tag)).width).toBeLessThanOrEqual((await box(pw)).x);
  });

  test(`at ${width} px the shops table keeps each secret on one line and its actions on screen`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const running = await openUnlocked(app, page);
    await running.core.dispatch(
      'shops.create',
      taobaoShop('一家名字相当长的旗舰店铺', { phone: '13800138000', email: 'owner.longname@example.com' }),
    );
    await new ShellPage(page).go(/ 店铺$/);
    const row = page.getByRole('row').filter({ hasText: '一家名字相当长的旗舰店铺' });
    const phone = row.getByLabel('一家名字相当长的旗舰店铺 绑定手机', { exact: true });
    await expect(phone).toHaveText('138****8000');
    const password = row.getByLabel('一家名字相当长的旗舰店铺 主账号密码', { exact: true });
    // One line of text: as tall as a single line, not wrapped over several.
    const lineHeight = (await box(row.getByRole('cell').first())).height;
    expect((await box(phone)).height).toBeLessThan(30);
    expect((await box(password)).height).toBeLessThan(30);
    expect(lineHeight).toBeLessThan(70);
    const open = row.getByRole('button', { name: /打开商家后台/ });
    const o = await box(open);
    expect(o.x + o.width).toBeLessThanOrEqual(await viewportWidth(page));
  });
}

test('the sidebar folds to icons and stays folded after a reload', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  const running = await openUnlocked(app, page);
  await running.core.dispatch('shops.create', taobaoShop('旗舰店'));
  const nav = page.getByRole('navigation');
  const wide = (await box(nav)).width;
  await page.getByRole('button', { name: '收起菜单' }).click();
  await expect(page.getByRole('button', { name: '展开菜单' })).toBeVisible();
  await expect.poll(async () => (await box(nav)).width).toBeLessThan(wide / 2);
  await page.reload();
  await expect(page.getByRole('button', { name: '展开菜单' })).toBeVisible();
  await page.getByRole('button', { name: '展开菜单' }).click();
  await expect(page.getByRole('button', { name: '收起菜单' })).toBeVisible();
});

test('bulk 已在平台完成 marks every selected sub-account done on the platform', async ({ app, page }) => {
  const running = await openUnlocked(app, page);
  const shop = await running.core.dispatch('shops.create', taobaoShop('旗舰店'));
  const shopId = shop.ok ? (shop.value as { id: string }).id : '';
  for (const n of ['小王', '小李', '小张'])
    await running.core.dispatch('subaccounts.create', generatedSub(shopId, n));
  await new ShellPage(page).go(/ 子账号$/);
  const subs = new SubAccountsPage(page);
  for (const n of ['小王', '小李']) await subs.row(`旗舰店:${n}`).getByRole('checkbox').check();
  await page.getByRole('button', { name: '标记为已在平台完成（2）' }).click();
  await expect(page.getByText('2 个子账号已标记为已在平台完成')).toBeVisible();
  await expect(subs.row('旗舰店:小王')).toContainText('已在平台完成');
  await expect(subs.row('旗舰店:小李')).toContainText('已在平台完成');
  await expect(subs.row('旗舰店:小张')).toContainText('待在平台操作');
  // Each is in the audit log as done on the platform.
  await new ShellPage(page).go(/ 审计日志$/);
  await expect(page.getByRole('cell', { name: '已在平台完成', exact: true })).toHaveCount(2);
});
