import fs from 'node:fs';
import { taobaoShop } from '../support/payloads.ts';
import { expect, test } from './fixtures.ts';
import { dialog, openUnlocked } from './pages/inventory-pages.ts';
import { ShellPage } from './pages/vault-pages.ts';
import { expectNoSideScroll, WIDTHS } from './pages/work-pages.ts';

async function douyinShop(
  running: { core: { dispatch(m: string, p: unknown): Promise<{ ok: boolean }> } },
  entityType: string,
) {
  const r = await running.core.dispatch(
    'shops.create',
    taobaoShop('抖店小铺', { platform: 'douyin', mainLogin: 'shop1', entityType, depositAmount: 2000 }),
  );
  if (!r.ok) throw new Error('seed failed');
}

async function openNewCase(page: import('@playwright/test').Page) {
  await new ShellPage(page).go(/ 保证金退还$/);
  await page.getByRole('button', { name: /新建退还/ }).click();
  const d = dialog(page);
  await d.getByLabel('店铺').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '抖店小铺' })
    .click();
  await expect(d.getByLabel('金额（元）')).toHaveValue('2000');
  await d.getByRole('button', { name: /新\s?建/ }).click();
  await expect(page.getByRole('heading', { name: '保证金退还 · 抖店小铺' })).toBeVisible();
}

for (const width of WIDTHS)
  test(`at ${width} px a Douyin refund case from preparing through a rejection to refunded`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const running = await openUnlocked(app, page);
    await douyinShop(running, 'individual');
    await openNewCase(page);
    // Every section and action of the case is reachable without scrolling sideways.
    await expectNoSideScroll(page);
    const pre = page.getByRole('region', { name: '关店前提' });
    await expect(pre).toContainText('（0/4）');

    // Submitting too early is refused and says why.
    await page.getByRole('button', { name: '已提交申请' }).click();
    await dialog(page)
      .getByRole('button', { name: /确\s?认/ })
      .click();
    // The reasons follow the colon (they used to be dropped, leaving "还不能提交：" and nothing).
    await expect(
      page.getByText(/还不能提交：未完成：没有未完成的订单；.*尚未填写退款账户/).first(),
    ).toBeVisible();
    await dialog(page)
      .getByRole('button', { name: /取\s?消/ })
      .click();

    for (const item of ['没有未完成的订单', '没有进行中的售后', '没有未结算的资金', '账号未因违规被锁定'])
      await pre.getByRole('checkbox', { name: item }).check();
    await expect(pre).toContainText('（4/4）');
    const account = page.getByRole('region', { name: '退款账户' });
    await account.getByLabel('户名').fill('<img src=x onerror=alert(1)>');
    await account.getByLabel('开户银行').fill('工商银行');
    await account.getByLabel('卡号/账号').fill('6222 0212 3456 7890 123');
    await account.getByRole('button', { name: '保存账户' }).click();
    await expect(account.getByTestId('account-number')).toHaveText('6222 **** **** 0123');
    await expect(account).toContainText('卡号未通过校验位检查');
    // Saved: the form closes, the account shows with a way to change it.
    await expect(account.getByRole('button', { name: '保存账户' })).toHaveCount(0);
    await expect(account.getByRole('button', { name: '更换账户' })).toBeVisible();
    // Typed markup is text, never an element.
    await expect(account).toContainText('<img src=x onerror=alert(1)>');
    await expect(page.locator('img[src="x"]')).toHaveCount(0);

    await page.getByRole('button', { name: '已提交申请' }).click();
    await dialog(page)
      .getByRole('button', { name: /确\s?认/ })
      .click();
    await expect(page.getByRole('status', { name: '状态' })).toContainText('预计到账');
    await page.getByRole('button', { name: '平台审核中' }).click();
    await page.getByRole('button', { name: '被驳回' }).click();
    await dialog(page).getByLabel('原因').fill('营业执照照片不清晰');
    await dialog(page)
      .getByRole('button', { name: /确\s?认/ })
      .click();
    await expect(page.getByText('驳回原因：营业执照照片不清晰')).toBeVisible();
    await page.getByRole('button', { name: '按原因修改后重新准备' }).click();
    await page.getByRole('button', { name: '已提交申请' }).click();
    await dialog(page)
      .getByRole('button', { name: /确\s?认/ })
      .click();
    await page.getByRole('button', { name: '审核通过' }).click();
    await page.getByRole('button', { name: '确认到账' }).click();
    await dialog(page)
      .getByRole('button', { name: /确\s?认/ })
      .click();
    await expect(page.getByText(/已到账/).first()).toBeVisible();
    // A refunded case is complete: the checklist follows the states, not stuck at 77%.
    await expect(page.getByText(/清单进度 (\d+)\/\1/)).toBeVisible();
    await expectNoSideScroll(page);
    // The timeline and the audit log say what happened in words, never the state codes.
    const timeline = page.getByRole('region', { name: '时间线' });
    await expect(timeline).toContainText('被驳回 营业执照照片不清晰');
    await expect(timeline).toContainText('确认到账');
    await expect(timeline).not.toContainText(/in-review|rejected|refunded|approved/);
    await new ShellPage(page).go(/ 审计日志$/);
    await expect(page.getByRole('cell', { name: '保证金退还 · 确认到账', exact: true })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '已通过 → 已到账' }).first()).toBeVisible();
    await expect(page.getByRole('main').getByText(/deposit\.state|approved → refunded/)).toHaveCount(0);
  });

test('an enterprise shop may only use its corporate account; an individual business may use a personal card', async ({
  app,
  page,
}) => {
  const running = await openUnlocked(app, page);
  await douyinShop(running, 'enterprise');
  await openNewCase(page);
  const account = page.getByRole('region', { name: '退款账户' });
  await expect(account).toContainText('企业：只能退到营业执照上的对公账户。');
  await account.getByRole('radio', { name: '经营者个人银行卡' }).check();
  await account.getByLabel('户名').fill('张三');
  await account.getByLabel('开户银行').fill('工商银行');
  await account.getByLabel('卡号/账号').fill('6222021234567890128');
  await account.getByRole('button', { name: '保存账户' }).click();
  await expect(account.getByRole('alert')).toContainText('企业店铺的保证金只能退到营业执照上的对公账户');
  await account.getByRole('radio', { name: '对公账户' }).check();
  await account.getByLabel('户名').fill('某某科技有限公司');
  await account.getByLabel('卡号/账号').fill('755912345678901');
  await account.getByRole('button', { name: '保存账户' }).click();
  await expect(account.getByTestId('account-number')).toHaveText('7559 **** **** 8901');
});

test('a material gets a file: it is listed, opens as the same bytes, and can be removed; the list keeps the progress', async ({
  app,
  page,
}) => {
  const running = await openUnlocked(app, page);
  await douyinShop(running, 'individual');
  await openNewCase(page);
  const materials = page.getByRole('region', { name: '证明材料' });
  const bytes = Buffer.from('%PDF-1.4 营业执照扫描件 ');
  await materials.getByLabel('添加附件 营业执照').setInputFiles({
    name: '营业执照.pdf',
    mimeType: 'application/pdf',
    buffer: bytes,
  });
  const file = materials.getByRole('button', { name: '营业执照.pdf', exact: true });
  await expect(file).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), file.click()]);
  expect(fs.readFileSync(await download.path())).toEqual(bytes);
  // A tick shows at once and stays after main's answer; the case list shows the same progress.
  await materials.getByRole('checkbox', { name: '营业执照' }).check();
  await expect(materials).toContainText(/（1\/\d+）/);
  await materials.getByRole('button', { name: '删除 营业执照.pdf' }).click();
  await expect(file).toHaveCount(0);
  await page.getByRole('button', { name: /返\s?回/ }).click();
  await expect(page.getByRole('row').filter({ hasText: '抖店小铺' })).toContainText(/\d+%/);
});
