import { expect, test } from './fixtures.ts';
import { openUnlocked, seedShopViaCore } from './pages/inventory-pages.ts';
import { ShellPage } from './pages/vault-pages.ts';
import { later } from './pages/work-pages.ts';

const DAY = 24 * 3600_000;

test('the dashboard lists due reminders by urgency; each is notified once and can be snoozed or dismissed', async ({
  app,
  page,
}) => {
  const running = await openUnlocked(app, page);
  await seedShopViaCore(running, '旗舰店', ['小王']);
  await later(page, running, 6 * DAY + 3600_000);
  await seedShopViaCore(running, '二店', ['小李']);
  await later(page, running, 2 * DAY);
  const panel = page.getByRole('region', { name: '待办提醒' });
  // 旗舰店:小王 passed its deadline (frozen); 二店:小李 is not due yet.
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await expect(panel.getByRole('listitem').first()).toContainText('子账号已冻结（未完成实人认证）');
  await expect(panel.getByRole('listitem').first()).toContainText('旗舰店 · 旗舰店:小王');
  await later(page, running, 4 * DAY + 3600_000);
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await expect(panel.getByRole('listitem').nth(1)).toContainText('实人认证即将到期');
  await expect(panel.getByRole('listitem').nth(1)).toContainText('二店:小李');
  expect(running.notifier.shown.map((n) => n.body)).toEqual([
    '旗舰店 · 旗舰店:小王',
    '旗舰店 · 旗舰店:小王',
    '二店 · 二店:小李',
  ]);

  await panel
    .getByRole('listitem')
    .nth(1)
    .getByRole('button', { name: /稍后提醒/ })
    .click();
  await page.getByRole('menuitem', { name: '2 小时后' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await panel
    .getByRole('listitem')
    .first()
    .getByRole('button', { name: /忽\s?略/ })
    .click();
  await expect(panel).toContainText('暂无需要处理的提醒。');
  await new ShellPage(page).go(/ 实人认证$/);
  await expect(page.getByRole('row', { name: '旗舰店:小王', exact: true })).toContainText('已冻结');
});
