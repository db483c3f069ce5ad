// Page object for 团队与同步, and a second member's app (own data folder, core, host and browser context)
// for the tests where two people work together.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, expect, type Page } from '@playwright/test';
import { type Host, startHost } from '../../../electron/host/server.ts';
import { ManualClock } from '../../support/manual-clock.ts';
import { makeTestCore, type TestCore, tempDataDir } from '../../support/test-core.ts';
import { PASSWORD } from './inventory-pages.ts';
import { SetupPage, ShellPage } from './vault-pages.ts';

const STATIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../out/renderer');

export interface Member extends TestCore {
  host: Host;
  page: Page;
  close(): Promise<void>;
}

/** Another member's machine: a fresh vault set up through the UI in its own browser context. */
export async function secondMember(browser: Browser): Promise<Member> {
  const tc = makeTestCore({ dataDir: tempDataDir('sw-ui-member'), clock: new ManualClock(Date.now()) });
  const host = await startHost({ core: tc.core, staticDir: STATIC_DIR });
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1280, height: 820 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(host.launchUrl);
  await new SetupPage(page).create(PASSWORD);
  await new ShellPage(page).expectVisible();
  return {
    ...tc,
    host,
    page,
    close: async () => {
      await context.close();
      await host.close();
      await tc.core.shutdown();
    },
  };
}

export interface WebdavPlace {
  url: string;
  username: string;
  password: string;
}

export class TeamPage {
  constructor(private readonly page: Page) {}

  async open() {
    await new ShellPage(this.page).go(/团队与同步/);
    await expect(this.page.getByRole('heading', { name: '团队与同步', level: 2 })).toBeVisible();
  }

  private setup() {
    return this.page.getByRole('region', { name: '连接同步位置' });
  }

  async connect(place: WebdavPlace) {
    const s = this.setup();
    await s.getByLabel('WebDAV 地址').fill(place.url);
    await s.getByLabel('用户名').fill(place.username);
    await s.getByLabel('密码', { exact: true }).fill(place.password);
    await s.getByRole('button', { name: '测试连接' }).click();
    await expect(s.getByText(/连接正常|局域网内的 http 地址/)).toBeVisible();
  }

  async create(place: WebdavPlace, ownerName: string) {
    await this.connect(place);
    await this.setup().getByLabel('你的名字（团队成员会看到）').fill(ownerName);
    await this.setup().getByRole('button', { name: '创建团队并上传' }).click();
    await this.expectPhase('已同步');
  }

  /**
   * Joins as a seller does: pastes the owner's text as a chat app delivers it (wrapped, with words around it)
   * and types the 16 digits the owner said; nothing about the server is typed.
   */
  async join(invite: { text: string; otc: string }, name: string): Promise<string> {
    await this.setup().getByText('加入团队（已收到邀请）').click();
    const pasted = `转发自老板：\n${invite.text.replace(/(.{40})/g, '$1\n')}\n收到请回复`;
    await this.setup().getByRole('textbox', { name: '店主发来的邀请' }).fill(pasted);
    await this.setup().getByLabel('16 位数字').fill(invite.otc);
    await this.setup().getByLabel('你的名字（店主会看到）').fill(name);
    await this.setup().getByRole('button', { name: '申请加入' }).click();
    const code6 = this.page.getByTestId('safety-code');
    await expect(code6).toHaveText(/^\d{3} \d{3}$/);
    return (await code6.textContent()) ?? '';
  }

  async expectPhase(text: string) {
    await expect(this.page.getByTestId('sync-indicator')).toContainText(text);
  }

  async syncNow() {
    const button = this.page
      .getByRole('region', { name: '同步状态' })
      .getByRole('button', { name: '立即同步' });
    await button.click();
    // The manual test clock does not move, so the time shown may not change: wait for the button to settle.
    await expect(button).toBeEnabled();
  }

  /** The owner's invite: the text to send, and the 16 digits to say. */
  async makeInvite(): Promise<{ text: string; otc: string }> {
    const card = this.page.getByRole('region', { name: '邀请成员' });
    await card.getByRole('button', { name: '生成邀请' }).click();
    const text = card.getByTestId('invite-text');
    await expect(text).toHaveValue(/SWI1~[A-Za-z0-9_-]+~/);
    const otc = card.getByTestId('invite-otc');
    await expect(otc).toHaveText(/^\d{4} \d{4} \d{4} \d{4}$/);
    return { text: await text.inputValue(), otc: (await otc.textContent()) ?? '' };
  }
}
