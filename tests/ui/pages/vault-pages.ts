// Page objects for the screens before and around the vault: setup, lock, and the app shell.
import { expect, type Page } from '@playwright/test';

/** The 中文/English switch; on the settings screen there are two, the header's comes first. */
export async function switchLanguage(page: Page, label: '中文' | 'English') {
  await page
    .getByRole('radiogroup', { name: '语言 / Language' })
    .first()
    .getByText(label, { exact: true })
    .click();
}

export class SetupPage {
  constructor(private readonly page: Page) {}
  async expectVisible() {
    await expect(this.page.getByRole('heading', { name: '首次使用：设置主密码' })).toBeVisible();
  }
  async create(password: string, confirm = password) {
    await this.page.getByLabel('主密码', { exact: true }).fill(password);
    await this.page.getByLabel('再次输入主密码').fill(confirm);
    await this.page.getByRole('button', { name: /创建保险库|Create vault/ }).click();
  }
}

export class LockPage {
  constructor(private readonly page: Page) {}
  heading() {
    return this.page.getByRole('heading', { name: /保险库已锁定|Vault locked/ });
  }
  passwordField() {
    return this.page.getByLabel(/^(主密码|Master password)$/);
  }
  async unlock(password: string) {
    await this.passwordField().fill(password);
    await this.page.getByRole('button', { name: /^(解\s?锁|Unlock)$/ }).click();
  }
  /** A refused attempt ends with the error shown and the field cleared for the next try. */
  async expectRefused(message: string | RegExp) {
    await expect(this.page.getByRole('alert').first()).toContainText(message);
    await expect(this.passwordField()).toHaveValue('');
  }
}

export class ShellPage {
  constructor(private readonly page: Page) {}
  nav() {
    return this.page.getByRole('navigation');
  }
  async expectVisible() {
    await expect(this.page.getByRole('menuitem', { name: /概览|Overview/ })).toBeVisible();
  }
  async lock() {
    await this.page.getByRole('button', { name: /锁\s?定|Lock/ }).click();
  }
  async go(name: RegExp) {
    await this.page.getByRole('menuitem', { name }).click();
  }
}
