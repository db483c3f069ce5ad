import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { simpleParser } from 'mailparser';
import { taobaoShop } from '../support/payloads.ts';
import { expect, test } from './fixtures.ts';
import { dialog, openUnlocked } from './pages/inventory-pages.ts';
import { ShellPage } from './pages/vault-pages.ts';
import { expectNoSideScroll, WIDTHS } from './pages/work-pages.ts';

const XSS = '<img src=x onerror=alert(1)>';

for (const width of WIDTHS)
  test(`at ${width} px a JD rebind-phone draft: refused while incomplete, completed, exported as .eml and as an A4 PDF`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const running = await openUnlocked(app, page);
    const r = await running.core.dispatch(
      'shops.create',
      taobaoShop('京东旗舰店', { platform: 'jd', mainLogin: 'jd_shop_01', platformShopId: '10086' }),
    );
    expect(r.ok).toBe(true);
    await new ShellPage(page).go(/ 找回申请$/);
    await page.getByRole('button', { name: /新建申请/ }).click();
    const d = dialog(page);
    await d.getByLabel('店铺（可选）').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '京东旗舰店' })
      .click();
    await d.getByRole('button', { name: /新\s?建/ }).click();
    await expect(page.getByRole('heading', { name: '京东商家密码找回' })).toBeVisible();
    await expect(page.getByLabel('登陆名称/账号')).toHaveValue('jd_shop_01');

    await page.getByRole('button', { name: '标记为可发送' }).click();
    await expect(page.getByText(/草稿还不完整/).first()).toBeVisible();

    await page.getByLabel('客户姓名').fill(`王经理 ${XSS}`);
    await page.getByLabel('解绑原因').fill('原手机号已停用');
    await page.getByLabel('原绑定手机号/邮箱').fill('13800138000');
    await page.getByLabel('新绑定手机号/邮箱').fill('13800138000');
    await page.getByLabel('收件人（招商经理邮箱）').fill('zhaoshang@example.com');
    await expect(page.getByText('新的联系方式不能与原绑定的相同')).toBeVisible();
    await page.getByLabel('新绑定手机号/邮箱').fill('13900139000');
    await expect(page.getByText('新的联系方式不能与原绑定的相同')).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '已自动保存' })).toBeVisible();
    await page.getByRole('button', { name: '标记为可发送' }).click();
    await expect(page.getByRole('button', { name: '标记为已发送' })).toBeVisible();
    // The form, the letter and every way out of the app are reachable without scrolling sideways.
    await expectNoSideScroll(page);
    const copyPlain = page.getByRole('button', { name: '复制纯文本' });
    await copyPlain.scrollIntoViewIfNeeded();
    await expect(copyPlain).toBeInViewport({ ratio: 1 });
    // The preview shows typed markup as text.
    const letter = page.getByRole('article', { name: '密码找回—申请重新绑定手机号' });
    await expect(letter).toContainText(XSS);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);

    const [eml] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出邮件草稿/ }).click(),
    ]);
    const mail = await simpleParser(fs.readFileSync(await eml.path()));
    expect(mail.subject).toBe('密码找回—申请重新绑定手机号');
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.html).toContain('新绑定手机号/邮箱');
    expect(mail.html).toContain('<thead>');
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.text).toContain('新绑定手机号/邮箱：13900139000');

    // The A4 print view, rendered to PDF by Chromium (what Electron's printToPDF does), read back with pdftotext.
    await page.getByRole('button', { name: /打\s?印/ }).click();
    await expect(page.locator('.print-page')).toContainText('解绑原因');
    // JD's own layout: ten labels as one header row, the values in the row beneath.
    const table = page.locator('.print-page table');
    await expect(table.getByRole('columnheader')).toHaveCount(10);
    await expect(table.getByRole('row')).toHaveCount(2);
    // The opening reads as a person writes it, not 本商家因….
    await expect(page.locator('.print-page')).toContainText(
      '我们是京东商家，因原手机号已停用，现申请重新绑定手机号',
    );
    await expect(page.locator('.print-page')).not.toContainText('本商家因');
    await page.emulateMedia({ media: 'print' });
    const pdfPath = test.info().outputPath('letter.pdf');
    // As Electron prints it: the page size the CSS asks for (A4, landscape for JD's ten columns).
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('密码找回—申请重新绑定手机号');
    // Every value whole on its line (the header labels may wrap inside their narrow cells).
    expect(text).toContain('13900139000');
    expect(text).toContain('13800138000');
    // Typed markup printed as text (it wraps inside its narrow cell, and pdftotext reads a table's cells
    // line by line across columns, so its pieces are checked).
    const flat = text.replace(/\s+/g, '');
    for (const piece of ['<img', 'src=xonerror=alert(1)>']) expect(flat).toContain(piece);
    expect(text).not.toContain('找回申请\n概览');
    // One letter, one page: no blank second page.
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/m);
  });

test('the troubleshooter explains JD’s lockout and counts it down, notifying when it ends', async ({
  app,
  page,
}) => {
  const running = await openUnlocked(app, page);
  // Twenty idle minutes would lock the vault; keep this screen in view while the clock moves.
  await running.core.dispatch('settings.update', { autoLockMinutes: 240 });
  await new ShellPage(page).go(/ 找回申请$/);
  await page.getByRole('tab', { name: '登录问题排查' }).click();
  await page.getByLabel('登录页提示').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '密码错误次数过多' })
    .click();
  const card = page.getByRole('region', { name: '含义' });
  await expect(card).toContainText('连续输错 10 次密码，登录被限制 20 分钟。');
  await card.getByRole('button', { name: /开始倒计时/ }).click();
  const timer = page.getByRole('timer', { name: '京东登录限制' });
  await expect(timer).toContainText(/剩余 (00:19:5\d|00:20:00)/);
  running.clock.advance(20 * 60_000 - 1000);
  await expect(timer).toBeVisible();
  expect(running.notifier.shown).toEqual([]);
  running.clock.advance(1000);
  await expect(timer).toBeHidden();
  await expect(card).toBeVisible();
  expect(running.notifier.shown).toEqual([{ title: '京东登录限制已结束', body: '现在可以重新尝试登录。' }]);
});
