import ExcelJS from 'exceljs';
import { expect, test } from './fixtures.ts';
import { dialog, openUnlocked, seedShopViaCore } from './pages/inventory-pages.ts';
import { ShellPage } from './pages/vault-pages.ts';
import { later } from './pages/work-pages.ts';

// Inside the default 双11 window (11-01 to 12-21), whatever today's date is: the agents start out 有效.
const NOW = Date.parse('2026-11-10T09:00:00+08:00');

test('batch-create 30 temporary agents with the wizard and export the roster', async ({ app, page }) => {
  const running = await openUnlocked(app, page, { now: NOW });
  await seedShopViaCore(running, '旗舰店', ['双11客服07']);
  const shell = new ShellPage(page);
  await shell.go(/ 临时客服$/);
  await page.getByRole('button', { name: /批量创建/ }).click();
  const d = dialog(page);
  // The default pattern clashes with an existing name: shown before anything is created.
  await expect(d.getByRole('status')).toHaveText('将创建 30 个，1 个名称有问题');
  await expect(d.getByText('旗舰店:双11客服07 — 名称已被使用')).toBeVisible();
  await d.getByLabel('子账号名规则').fill('双11售后{01}');
  await expect(d.getByRole('status')).toHaveText('将创建 30 个，0 个名称有问题');
  await d.getByRole('button', { name: /下一步/ }).click();
  await expect(d.getByLabel('开始日期')).toHaveValue('2026-11-01');
  await expect(d.getByLabel('结束日期')).toHaveValue('2026-12-21');
  await d.getByRole('button', { name: /下一步/ }).click();
  await expect(d).toContainText('双11售后01');
  await d.getByRole('button', { name: /批量创建/ }).click();
  await expect(page.getByText('已创建 30 个临时客服')).toBeVisible();
  await expect(page.getByRole('row', { name: '旗舰店:双11售后30', exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: '旗舰店:双11售后01', exact: true })).toContainText('有效');

  await page.getByRole('button', { name: /导出名单/ }).click();
  const exp = dialog(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exp.getByRole('button', { name: /导\s?出/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^临时客服-\d{12}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const sheet = wb.worksheets[0]!;
  expect(sheet.rowCount).toBe(31);
  expect(sheet.getRow(1).values).not.toContain('密码');
  expect(sheet.getRow(2).getCell(3).value).toBe('旗舰店:双11售后01');
  expect(String(sheet.getRow(2).getCell(5).value)).toMatch(/-12-21$/);

  // After the window: expired, retired in bulk, then confirmed gone on the platform one by one.
  const now = running.clock.now();
  const year = new Date(now + 8 * 3600_000).getUTCFullYear();
  await later(page, running, Date.parse(`${year}-12-22T00:00:00+08:00`) - now);
  await shell.go(/ 临时客服$/);
  await expect(page.getByRole('row', { name: '旗舰店:双11售后01', exact: true })).toContainText('已过期');
  await page
    .getByRole('alert')
    .getByRole('button', { name: /停用\/删除/ })
    .click();
  const retire = page.getByRole('dialog').filter({ hasText: '收回 30 个临时客服' });
  await retire.getByText('删除（释放名额，不可恢复）').click();
  await expect(retire).toContainText('个人信息将在停用 30 天后清除');
  await retire.getByRole('button', { name: /确\s?认/ }).click();
  const guide = page.getByRole('region', { name: '平台操作清单 旗舰店' });
  await expect(guide).toContainText('待确认 30 个');
  await expect(guide).toContainText('千牛 → 子账号管理后台 → 员工管理');
  await guide.getByRole('checkbox', { name: '旗舰店:双11售后01' }).check();
  await guide.getByRole('button', { name: /确认已在平台处理 \(1\)/ }).click();
  await expect(guide).toContainText('待确认 29 个');
  await expect(page.getByRole('row', { name: '旗舰店:双11售后01', exact: true })).toContainText(
    '已在平台处理',
  );
});

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} px easy-to-type agent passwords, and a printable handout per agent with its password`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const running = await openUnlocked(app, page, { now: NOW });
    await seedShopViaCore(running, '旗舰店', []);
    await new ShellPage(page).go(/ 临时客服$/);
    await page.getByRole('button', { name: /批量创建/ }).click();
    const d = dialog(page);
    await d.getByLabel('数量（1-200）').fill('2');
    await d.getByLabel('子账号名规则').fill('夜班{01}');
    await expect(d.getByRole('status')).toHaveText('将创建 2 个，0 个名称有问题');
    await d.getByRole('button', { name: /下一步/ }).click();
    await d.getByRole('checkbox', { name: '易输入的密码' }).check();
    await d.getByRole('button', { name: /下一步/ }).click();
    await d.getByRole('button', { name: /批量创建/ }).click();
    await expect(page.getByText('已创建 2 个临时客服')).toBeVisible();

    // One grouped creation checklist for the batch, with copy buttons per agent (main's clipboard).
    const guide = page.getByRole('region', { name: '新建清单 旗舰店' });
    await expect(guide).toContainText('待确认 2 个');
    await expect(guide).toContainText('旗舰店:夜班02');
    await guide.getByRole('button', { name: '复制账号名 夜班01' }).click();
    await expect.poll(() => running.clipboard.text).toBe('夜班01');
    await guide.getByRole('button', { name: '复制密码 夜班01' }).click();
    await expect.poll(() => running.clipboard.text).toMatch(/^([A-Z][a-z]{3}){3}[2-9]{3,}$/);
    const copiedPassword = running.clipboard.text;
    await guide.getByRole('button', { name: '已在平台全部新建（2 个）' }).click();
    await expect(guide).toHaveCount(0);

    for (const n of ['01', '02'])
      await page
        .getByRole('row', { name: `旗舰店:夜班${n}`, exact: true })
        .getByRole('checkbox')
        .check();
    await page.getByRole('button', { name: /打印交接单/ }).click();
    const sheet = page.getByRole('region', { name: '旗舰店:夜班01' });
    await expect(sheet).toContainText('临时客服交接单');
    await expect(sheet).toContainText('2026-11-01 ~ 2026-12-21');
    const shown = (await sheet.locator('.handout-password').textContent()) ?? '';
    // Easy to type, and exactly the stored password.
    expect(shown).toMatch(/^([A-Z][a-z]{3}){3}[2-9]{3,}$/);
    const list = await running.core.dispatch('subaccounts.list', {});
    const agent = list.ok
      ? (list.value as Array<{ id: string; shopId: string; fullName: string }>).find(
          (s) => s.fullName === '旗舰店:夜班01',
        )!
      : null;
    const stored = await running.core.dispatch('secrets.reveal', {
      ref: { collection: `shop-${agent!.shopId}`, recordId: agent!.id, field: 'password' },
    });
    expect(stored.ok && (stored.value as { value: string }).value).toBe(shown);
    expect(copiedPassword).toBe(shown);
    await expect(page.getByRole('region', { name: '旗舰店:夜班02' })).toBeVisible();
    // Every password shown was an audited reveal.
    const log = await running.core.dispatch('audit.list', { offset: 0, limit: 100 });
    const reveals = log.ok
      ? (log.value as { entries: Array<{ action: string }> }).entries.filter(
          (e) => e.action === 'secret.revealed',
        )
      : [];
    expect(reveals.length).toBeGreaterThanOrEqual(2);
  });
}
