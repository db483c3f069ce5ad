// The app behind the lock screen is built hidden while the password is typed (so the unlock only reveals
// it). These hold what that must never change: nothing is asked of the host while locked, and a lock
// discards everything the app held, typed or revealed.
import { expect, test } from './fixtures.ts';
import { openUnlocked, PASSWORD, seedShopViaCore } from './pages/inventory-pages.ts';
import { LockPage, ShellPage } from './pages/vault-pages.ts';

/**
 * What the lock screen itself reads, and the host's event stream the bridge opens at start; anything else
 * asked for while locked would come from the app behind it.
 */
const LOCK_SCREEN_CALLS = new Set([
  'vault.getStatus',
  'settings.get',
  'app.getInfo',
  'storage.getRecoveryReport',
  'events',
]);

test('while locked on the sub-account list, the app built behind the lock screen asks the host for nothing', async ({
  app,
  page,
}) => {
  const running = await openUnlocked(app, page);
  await seedShopViaCore(running, '旗舰店', ['小王', '小李']);
  await new ShellPage(page).go(/ 子账号$/);
  await expect(page.getByRole('row', { name: '旗舰店:小王' })).toBeVisible();
  await new ShellPage(page).lock();
  const lock = new LockPage(page);
  await expect(lock.heading()).toBeVisible();

  // A fresh load on the list's address, as after a restart: every call the page makes from here is seen.
  const calls: string[] = [];
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/^\/api\/(.+)$/);
    if (m) calls.push(m[1]!);
  });
  await page.reload();
  await expect(lock.heading()).toBeVisible();
  // The hidden app is there (its menu exists in the page) but shows nothing and has loaded no data.
  const hiddenMenu = page.locator('[role="menuitem"]', { hasText: '子账号' });
  await hiddenMenu.first().waitFor({ state: 'attached' });
  await expect(hiddenMenu.first()).toBeHidden();
  await expect(page.getByRole('row', { name: '旗舰店:小王' })).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  expect(calls.filter((c) => !LOCK_SCREEN_CALLS.has(c))).toEqual([]);

  // The unlock reveals it on the list, with the rows loaded then.
  await lock.unlock(PASSWORD);
  await expect(page.getByRole('row', { name: '旗舰店:小王' })).toBeVisible();
  expect(calls).toContain('subaccounts.firstPage');
});

test('a lock discards what the screens behind it held: the search typed and a revealed password', async ({
  app,
  page,
}) => {
  const running = await openUnlocked(app, page);
  await seedShopViaCore(running, '旗舰店', ['小王', '小李']);
  const shell = new ShellPage(page);
  const lock = new LockPage(page);
  // A session that has been locked and unlocked once already: the app shown now is the one built behind
  // that lock screen.
  await shell.lock();
  await page.locator('[role="menuitem"]', { hasText: '子账号' }).first().waitFor({ state: 'attached' });
  await lock.unlock(PASSWORD);
  await shell.go(/ 子账号$/);
  await page.getByRole('searchbox', { name: '搜索' }).fill('小王');
  await expect(page.getByTestId('row-count')).toHaveText('共 1 条');
  await page.getByRole('button', { name: /查看 旗舰店:小王/ }).click();
  await expect(page.getByText('Sub-Pass-123')).toBeVisible();

  await shell.lock();
  await expect(lock.heading()).toBeVisible();
  // Not even hidden in the page: the tree that showed it is gone.
  await expect(page.getByText('Sub-Pass-123')).toHaveCount(0);
  await lock.unlock(PASSWORD);
  await expect(page.getByTestId('row-count')).toHaveText('共 2 条');
  await expect(page.getByRole('searchbox', { name: '搜索' })).toHaveValue('');
  await expect(page.getByText('Sub-Pass-123')).toHaveCount(0);
});
