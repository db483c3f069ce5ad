import fs from 'node:fs';
import { devices } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openUnlocked, PASSWORD, seedShopViaCore } from './pages/inventory-pages.ts';
import { LockPage, ShellPage } from './pages/vault-pages.ts';
import { decodeQrDownload, later, startRegistration, VerificationPage } from './pages/work-pages.ts';

const DAY = 24 * 3600_000;

test('a sub-account freezes when its deadline passes and is unfrozen with a 2-day countdown', async ({
  app,
  page,
}) => {
  const running = await openUnlocked(app, page);
  await seedShopViaCore(running, '旗舰店', ['小王']);
  const shell = new ShellPage(page);
  await shell.go(/ 实人认证$/);
  const v = new VerificationPage(page);
  await expect(v.row('旗舰店:小王')).toContainText('待认证');
  await expect(v.row('旗舰店:小王')).toContainText(/6天 23:5\d:\d\d/);

  await later(page, running, 7 * DAY);
  await shell.go(/ 实人认证$/);
  await expect(v.row('旗舰店:小王')).toContainText('已冻结');
  await expect(v.row('旗舰店:小王')).toContainText('已超时');

  await v.row('旗舰店:小王').getByRole('button', { name: '临时解冻' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '解冻后须在 2 天内完成认证' });
  await confirm.getByRole('button', { name: /确\s?认/ }).click();
  await expect(v.row('旗舰店:小王')).toContainText('临时解冻');
  await expect(v.row('旗舰店:小王')).toContainText(/(1天 23:5\d|2天 00:00):\d\d/);
});

test('a phone registers through a card’s QR while the desktop shows live progress', async ({
  app,
  page,
  browser,
}) => {
  const running = await openUnlocked(app, page);
  await seedShopViaCore(running, '旗舰店', ['小王', '小李', '小张']);
  const shell = new ShellPage(page);
  await shell.go(/ 实人认证$/);
  const v = new VerificationPage(page);
  await v.select('旗舰店:小王');
  await v.select('旗舰店:小李');
  await startRegistration(page, 2);

  // The phone gets the URL the only way a person can: from the QR on the card (PNG export, decoded).
  const card = page.getByRole('figure', { name: '旗舰店:小王' });
  await expect(card).toBeVisible();
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'PNG 旗舰店:小王' }).click(),
  ]);
  const url = await decodeQrDownload(png);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]{43}$/);

  const phone = await browser.newContext({ ...devices['Pixel 7'], locale: 'zh-CN' });
  const mobile = await phone.newPage();
  await mobile.goto(url);
  await expect(mobile.getByText('旗舰店:小王', { exact: true })).toBeVisible();
  await mobile.screenshot({ path: test.info().outputPath('phone-form.png'), fullPage: true });
  await mobile.getByLabel('姓名 / Name').fill('王小明');
  await mobile.getByLabel('手机号 / Mobile').fill('13800138000');
  await mobile.getByLabel('岗位 / Position').fill('售前客服');
  await mobile.getByRole('button', { name: /提交登记/ }).click();
  await expect(mobile.getByRole('alert')).toContainText('请阅读并勾选同意');
  await mobile.getByRole('checkbox').check();
  await mobile.getByRole('button', { name: /提交登记/ }).click();
  await expect(mobile.getByRole('heading', { name: /登记成功/ })).toBeVisible();
  // The same code again: refused, nothing changes.
  await mobile.goto(url);
  await expect(mobile.getByRole('heading', { name: /二维码已使用/ })).toBeVisible();
  await phone.close();

  await expect(page.getByRole('status')).toContainText('已登记 1/2');
  await expect(card).toContainText('已登记');
  await shell.go(/ 实人认证$/);
  await expect(v.row('旗舰店:小王')).toContainText('已发二维码');
  await expect(v.row('旗舰店:小王')).toContainText('王小明');
  await page.getByRole('button', { name: /结束登记/ }).click();
  await expect(page.getByText('登记已结束（1/2）')).toBeVisible();
});

test('a phone submitting a colleague’s mobile binds nobody; the desktop shows the conflict and decides', async ({
  app,
  page,
  browser,
}) => {
  const running = await openUnlocked(app, page);
  await seedShopViaCore(running, '旗舰店', ['小王']);
  await running.core.dispatch('staff.create', {
    name: '李老员工',
    phone: '13900139000',
    position: '售后客服',
    notes: '',
    idNumber: '',
  });
  const shell = new ShellPage(page);
  await shell.go(/ 实人认证$/);
  const v = new VerificationPage(page);
  await v.select('旗舰店:小王');
  await startRegistration(page, 1);
  const status = await running.core.dispatch('registration.status', {});
  const url = status.ok ? (status.value as { entries: Array<{ url: string }> }).entries[0]!.url : '';

  const phone = await browser.newContext({ ...devices['Pixel 7'], locale: 'zh-CN' });
  const mobile = await phone.newPage();
  await mobile.goto(url);
  await mobile.getByLabel('姓名 / Name').fill('陌生人');
  await mobile.getByLabel('手机号 / Mobile').fill('139 0013 9000');
  await mobile.getByLabel('岗位 / Position').fill('客服');
  await mobile.getByRole('checkbox').check();
  await mobile.getByRole('button', { name: /提交登记/ }).click();
  await expect(mobile.getByText(/为防止绑定错人，本次登记没有生效/)).toBeVisible();
  await phone.close();

  // The cards page (where the desktop is during registration) shows what the phone tried and waits.
  const conflict = page.getByRole('alert').filter({ hasText: '尚未绑定' });
  await expect(conflict).toContainText('「陌生人」填写的手机号属于名册中的员工「李老员工」');
  await expect(page.getByRole('status')).toContainText('已登记 0/1');
  await conflict.getByRole('button', { name: '绑定「李老员工」' }).click();
  await expect(page.getByRole('status')).toContainText('已登记 1/1');
  await expect(conflict).toHaveCount(0);
  await shell.go(/ 实人认证$/);
  await expect(v.row('旗舰店:小王')).toContainText('李老员工');
});

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} px a printed card says what its QR does; a text-only QR never sends staff to 手机淘宝`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const running = await openUnlocked(app, page);
    await seedShopViaCore(running, '旗舰店', ['小王']);
    await new ShellPage(page).go(/ 实人认证$/);
    const v = new VerificationPage(page);
    await v.select('旗舰店:小王');
    await page.getByRole('button', { name: '打印认证卡片' }).click();
    const card = page.getByRole('figure', { name: '旗舰店:小王' });
    await expect(card).toBeVisible();
    // What the staff member scans from the paper card is only facts.
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'PNG 旗舰店:小王' }).click(),
    ]);
    const qrText = await decodeQrDownload(png);
    expect(qrText).toContain('子账号：旗舰店:小王');
    expect(qrText).not.toMatch(/手机淘宝|扫码/);
    // The card itself says so under the code, and points the app steps at the platform's own code.
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'SVG 旗舰店:小王' }).click(),
    ]);
    const drawn = await fs.promises.readFile((await svg.path())!, 'utf8');
    expect(drawn).toContain('它不是认证二维码');
    expect(drawn).toContain('不是本卡片上的二维码');
  });
}

test('a rule changed in settings is what the verification screen uses, also after a lock', async ({
  app,
  page,
}) => {
  const running = await openUnlocked(app, page);
  await seedShopViaCore(running, '旗舰店', ['小王']);
  const shell = new ShellPage(page);
  await shell.go(/ 实人认证$/);
  // The registration dialog offers the default length from the rules.
  const v = new VerificationPage(page);
  await v.select('旗舰店:小王');
  await page.getByRole('button', { name: /扫码登记使用人/ }).click();
  await expect(page.getByRole('dialog').last().getByLabel('有效时长（分钟）')).toHaveValue('30');
  await page.keyboard.press('Escape');

  await shell.go(/ 设置$/);
  const minutes = page.getByLabel('扫码登记默认时长（分钟）');
  await minutes.fill('45');
  await minutes.blur();
  await expect(page.getByText('已保存').first()).toBeVisible();

  await shell.go(/ 实人认证$/);
  await v.select('旗舰店:小王');
  await page.getByRole('button', { name: /扫码登记使用人/ }).click();
  await expect(page.getByRole('dialog').last().getByLabel('有效时长（分钟）')).toHaveValue('45');
  await page.keyboard.press('Escape');

  // Locking forgets the rules with everything else; after the unlock they are read again, as saved.
  await shell.lock();
  await new LockPage(page).unlock(PASSWORD);
  await shell.go(/ 设置$/);
  await expect(page.getByLabel('扫码登记默认时长（分钟）')).toHaveValue('45');
});
