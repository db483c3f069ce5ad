// Typed input is never lost: not to a stray click beside a dialog, not to a lock while typing, not to a
// window closing within the autosave pause.
import { taobaoShop } from '../support/payloads.ts';
import { expect, test } from './fixtures.ts';
import { dialog, openUnlocked, PASSWORD } from './pages/inventory-pages.ts';
import { LockPage, ShellPage } from './pages/vault-pages.ts';

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} px a click beside 新建店铺 keeps the form; closing it asks first`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await openUnlocked(app, page);
    await new ShellPage(page).go(/ 店铺$/);
    await page.getByRole('button', { name: /新建店铺/ }).click();
    const d = dialog(page);
    await d.getByLabel('店铺名称').fill('夜里填了一半的店');
    // A click on the dimmed page beside the dialog.
    await page.mouse.click(8, 400);
    await expect(d.getByLabel('店铺名称')).toHaveValue('夜里填了一半的店');
    await d.getByRole('button', { name: /取\s?消/ }).click();
    const ask = page.getByRole('dialog').filter({ hasText: '放弃未保存的内容？' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: '继续编辑' }).click();
    await expect(d.getByLabel('店铺名称')).toHaveValue('夜里填了一半的店');
  });
}

test('a lock while typing a new shop: after unlocking, the form is open again with what was typed (never the password)', async ({
  app,
  page,
}) => {
  const running = await openUnlocked(app, page);
  await new ShellPage(page).go(/ 店铺$/);
  await page.getByRole('button', { name: /新建店铺/ }).click();
  const d = dialog(page);
  await d.getByLabel('店铺名称').fill('锁屏前的店');
  await d.getByLabel('备注').fill('周一找财务确认保证金');
  await d.getByLabel('主账号密码').fill('Main-Pass-123');
  // The vault locks behind the user's back, as auto-lock does.
  await running.core.dispatch('vault.lock', {});
  const lock = new LockPage(page);
  await expect(lock.heading()).toBeVisible();
  await lock.unlock(PASSWORD);
  const again = dialog(page);
  await expect(again.getByLabel('店铺名称')).toHaveValue('锁屏前的店');
  await expect(again.getByLabel('备注')).toHaveValue('周一找财务确认保证金');
  await expect(again.getByLabel('主账号密码')).toHaveValue('');
  await expect(page.getByText('已恢复上次未保存的内容')).toBeVisible();
});

test('a recovery draft saves what was typed the moment the window loses focus, not after the pause', async ({
  app,
  page,
}) => {
  // Timers stand still: only the blur can save it.
  await page.clock.install();
  const running = await openUnlocked(app, page);
  await running.core.dispatch(
    'shops.create',
    taobaoShop('京东旗舰店', { platform: 'jd', mainLogin: 'jd_shop_01' }),
  );
  await new ShellPage(page).go(/ 找回申请$/);
  await page.getByRole('button', { name: /新建申请/ }).click();
  await dialog(page)
    .getByRole('button', { name: /新\s?建/ })
    .click();
  await expect(page.getByRole('heading', { name: '京东商家密码找回' })).toBeVisible();
  await page.getByLabel('客户姓名').pressSequentially('王经理');
  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  await expect
    .poll(async () => {
      const list = await running.core.dispatch('recovery.list', {});
      const id = list.ok ? (list.value as Array<{ id: string }>)[0]?.id : undefined;
      const d = id ? await running.core.dispatch('recovery.get', { id }) : null;
      return d?.ok ? (d.value as { fields: Record<string, string> }).fields : {};
    })
    .toMatchObject({ customerName: '王经理' });
});
