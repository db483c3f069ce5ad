import { expect, test } from './fixtures.ts';
import { LockPage, SetupPage, ShellPage, switchLanguage } from './pages/vault-pages.ts';

const PASSWORD = '店务管家-Strong-2026';

test('first run: set a master password, strength shown, mismatch refused, then the app opens', async ({
  app,
  page,
}) => {
  const running = await app.start();
  await running.open(page);
  const setup = new SetupPage(page);
  await setup.expectVisible();

  await page.getByLabel('主密码', { exact: true }).fill('abc');
  await expect(page.getByTestId('password-strength')).toContainText('很弱');
  await page.getByLabel('主密码', { exact: true }).fill(PASSWORD);
  await expect(page.getByTestId('password-strength')).toContainText(/强|很强/);

  await setup.create(PASSWORD, `${PASSWORD}x`);
  await expect(page.getByText('两次输入不一致')).toBeVisible();

  await setup.create('short1', 'short1');
  await expect(page.getByText('至少 10 个字符').first()).toBeVisible();

  await setup.create(PASSWORD);
  await new ShellPage(page).expectVisible();
  await expect(page.getByRole('heading', { name: '概览' })).toBeVisible();
});

test('lock and unlock; a wrong password is refused and the vault stays locked', async ({ app, page }) => {
  const running = await app.start();
  await running.open(page);
  await new SetupPage(page).create(PASSWORD);
  const shell = new ShellPage(page);
  await shell.expectVisible();

  await shell.lock();
  const lock = new LockPage(page);
  await expect(lock.heading()).toBeVisible();
  await expect(page.getByTestId('lock-reason')).toHaveText('您已手动锁定。');

  await lock.unlock('not-the-password');
  await lock.expectRefused('主密码不正确');
  await expect(lock.heading()).toBeVisible();

  // Keyboard only: type and press Enter.
  await lock.passwordField().fill(PASSWORD);
  await lock.passwordField().press('Enter');
  await shell.expectVisible();
});

test('the audit log lists what happened and verifies its hash chain', async ({ app, page }) => {
  const running = await app.start();
  await running.open(page);
  await new SetupPage(page).create(PASSWORD);
  const shell = new ShellPage(page);
  await shell.lock();
  await new LockPage(page).unlock(PASSWORD);
  await shell.go(/审计日志/);
  // Actions read as words (the code stays in the cell's tooltip).
  const action = (words: string) => page.getByRole('cell', { name: words, exact: true });
  await expect(action('设置主密码')).toHaveCount(1);
  await expect(action('锁定')).toHaveCount(1);
  await expect(action('解锁')).toHaveCount(2);
  await expect(page.getByRole('main').getByText(/vault\.[a-z]/)).toHaveCount(0);
  await page.getByRole('button', { name: '校验日志完整性' }).click();
  await expect(page.getByRole('status')).toContainText('日志完整：共 4 条');

  // An entry edited on disk behind the app's back is caught.
  const fs = await import('node:fs');
  const path = await import('node:path');
  const file = path.join(app.dataDir, 'audit.log');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('master password set', 'nothing happened'));
  await page.getByRole('button', { name: '校验日志完整性' }).click();
  await expect(page.getByRole('status')).toContainText('日志在第 1 条处断链');
});

test('repeated wrong passwords are throttled with a countdown that survives a restart', async ({
  app,
  page,
}) => {
  let running = await app.start();
  await running.open(page);
  await new SetupPage(page).create(PASSWORD);
  await new ShellPage(page).lock();
  const lock = new LockPage(page);
  // The first mistakes cost nothing: a typo must not lock anyone out.
  for (let i = 0; i < 2; i++) {
    await lock.unlock(`wrong-${i}-password`);
    await lock.expectRefused('主密码不正确');
  }
  await expect(page.getByText(/尝试次数过多/)).toHaveCount(0);
  // Someone keeps guessing (here straight at the core, as a script would), then the app restarts.
  for (let i = 2; i < 8; i++) {
    running.clock.advance(5 * 60_000);
    await running.core.dispatch('vault.unlock', { password: `guess-${i}-password` });
  }
  running = await app.start();
  await running.open(page);
  await expect(page.getByText(/尝试次数过多，请在 \d+ 秒后重试/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^解\s?锁$/ })).toBeDisabled();
});

test('auto-lock after the idle minutes set in settings', async ({ app, page }) => {
  const running = await app.start();
  await running.open(page);
  await new SetupPage(page).create(PASSWORD);
  const shell = new ShellPage(page);
  await shell.go(/设置/);
  const minutes = page.getByLabel('闲置自动锁定（分钟）');
  await minutes.fill('2');
  await minutes.blur();
  await expect(page.getByText('已保存').first()).toBeVisible();

  running.clock.advance(60_000);
  await expect(page.getByLabel('闲置自动锁定（分钟）')).toBeVisible();
  running.clock.advance(61_000);
  await expect(new LockPage(page).heading()).toBeVisible();
  await expect(page.getByTestId('lock-reason')).toHaveText('因长时间未操作，已自动锁定。');
});

test('language switch changes the UI, antd and error messages to English and back', async ({ app, page }) => {
  const running = await app.start();
  await running.open(page);
  await new SetupPage(page).create(PASSWORD);
  const shell = new ShellPage(page);
  await shell.expectVisible();

  await switchLanguage(page, 'English');
  await expect(page.getByRole('menuitem', { name: 'Overview' })).toBeVisible();
  await shell.go(/Audit log/);
  // antd's own strings follow the locale too (pagination "items per page" style texts, empty state).
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Action' })).toBeVisible();

  await shell.lock();
  await expect(page.getByRole('heading', { name: 'Vault locked' })).toBeVisible();
  await new LockPage(page).unlock('wrong-password!');
  await new LockPage(page).expectRefused('The master password is incorrect.');

  await switchLanguage(page, '中文');
  await expect(page.getByRole('heading', { name: '保险库已锁定' })).toBeVisible();
});

test.describe('times are Beijing time whatever the computer’s zone', () => {
  // A seller's laptop set to New York time (a trip abroad, a misconfigured PC).
  test.use({ timezoneId: 'America/New_York' });
  const NOW = Date.parse('2026-11-10T09:00:00+08:00');
  for (const width of [1024, 1280, 1440]) {
    test(`the audit log at ${width} px shows Beijing time and says so`, async ({ app, page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.clock.install({ time: NOW });
      const running = await app.start({ now: NOW });
      await running.open(page);
      await new SetupPage(page).create(PASSWORD);
      await new ShellPage(page).go(/审计日志/);
      await expect(page.getByRole('columnheader', { name: '时间（北京时间）' })).toBeVisible();
      // 09:00 in Beijing is 20:00 the evening before in New York: the log must say 09:00 on the 10th.
      await expect(page.getByRole('row').filter({ hasText: '设置主密码' })).toContainText(
        '2026-11-10 09:00:00',
      );
    });
  }
});
