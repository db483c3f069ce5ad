// Page objects for shops, sub-accounts and staff.
import { expect, type Locator, type Page } from '@playwright/test';
import { taobaoShop } from '../../support/payloads.ts';
import type { RunningApp } from '../fixtures.ts';
import { SetupPage, ShellPage } from './vault-pages.ts';

export const PASSWORD = '店务管家-Strong-2026';

/** Starts the app on its temp data folder, sets up the vault and waits for the shell. */
export async function openUnlocked(
  app: { start(opts?: { now?: number }): Promise<RunningApp> },
  page: Page,
  opts: { now?: number } = {},
): Promise<RunningApp> {
  // The page's own clock (defaults the wizard computes from "today") follows the core's when a test sets it.
  if (opts.now !== undefined) await page.clock.install({ time: opts.now });
  const running = await app.start(opts);
  await running.open(page);
  await new SetupPage(page).create(PASSWORD);
  await new ShellPage(page).expectVisible();
  return running;
}

/** The open antd dialog (there is at most one at a time in these flows). */
export const dialog = (page: Page): Locator => page.getByRole('dialog').last();

export async function chooseOption(page: Page, select: Locator, option: string | RegExp) {
  await select.click();
  await page
    .locator('.ant-select-dropdown:visible')
    .getByText(option, { exact: typeof option === 'string' })
    .first()
    .click();
}

export class ShopsPage {
  constructor(private readonly page: Page) {}
  async create(opts: {
    platform?: string;
    name: string;
    mainLogin: string;
    mainPassword: string;
    phone?: string;
  }) {
    await this.page.getByRole('button', { name: /新建店铺/ }).click();
    const d = dialog(this.page);
    if (opts.platform) await chooseOption(this.page, d.getByLabel('平台', { exact: true }), opts.platform);
    await d.getByLabel('店铺名称').fill(opts.name);
    await d.getByLabel('主账号登录名').fill(opts.mainLogin);
    await d.getByLabel('主账号密码').fill(opts.mainPassword);
    if (opts.phone) await d.getByLabel('绑定手机').fill(opts.phone);
    await d.getByRole('button', { name: /保\s?存/ }).click();
    await expect(this.page.getByRole('cell', { name: opts.name, exact: true })).toBeVisible();
  }
}

export class SubAccountsPage {
  constructor(private readonly page: Page) {}
  row(fullName: string) {
    return this.page.getByRole('row', { name: fullName, exact: true });
  }
  async openCreate() {
    await this.page.getByRole('button', { name: /新建子账号/ }).click();
    return dialog(this.page);
  }
  async fillCreate(
    d: Locator,
    opts: { nickname: string; password?: string; template?: string | RegExp; shop?: string; staff?: string },
  ) {
    if (opts.shop) await chooseOption(this.page, d.getByLabel('店铺'), opts.shop);
    // Amazon asks for the invited user's e-mail where other platforms ask for a nickname.
    await d.getByLabel(/^(子账号名（昵称）|被邀请用户的邮箱)$/).fill(opts.nickname);
    if (opts.password) {
      await d.getByLabel('密码', { exact: true }).fill(opts.password);
      await d.getByLabel('再次输入密码').fill(opts.password);
    }
    if (opts.template)
      await chooseOption(this.page, d.getByRole('combobox', { name: '权限模板' }), opts.template);
    if (opts.staff) await chooseOption(this.page, d.getByLabel('员工'), opts.staff);
  }
  async save(d: Locator) {
    await d.getByRole('button', { name: /保\s?存/ }).click();
  }
  async rowAction(fullName: string, action: string) {
    await this.page.getByRole('button', { name: `操作 ${fullName}` }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }
}

/** Creates a Taobao shop and sub-accounts from the 售前客服 template straight through the core. */
export async function seedShopViaCore(
  running: RunningApp,
  name: string,
  nicknames: string[],
  mainLogin = name,
): Promise<string> {
  const shop = await running.core.dispatch('shops.create', taobaoShop(name, { mainLogin }));
  if (!shop.ok) throw new Error(JSON.stringify(shop.error));
  const shopId = (shop.value as { id: string }).id;
  for (const nickname of nicknames) {
    const r = await running.core.dispatch('subaccounts.create', {
      shopId,
      nickname,
      password: 'Sub-Pass-123',
      confirm: 'Sub-Pass-123',
      generate: false,
      templateId: 'builtin-taobao-presales',
      permissions: [],
      nativeRole: null,
      staffId: null,
      phone: '',
      confirmHighRisk: false,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  return shopId;
}
