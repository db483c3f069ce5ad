// In English, every word the app itself writes is English: statuses, tags, template and platform names,
// audit actions. Only what the user typed (here all ASCII) and documents meant for Chinese platforms may be
// Chinese, so with ASCII data no screen may show a Chinese character.
import { generatedSub, taobaoShop } from '../support/payloads.ts';
import { expect, test } from './fixtures.ts';
import { openUnlocked } from './pages/inventory-pages.ts';
import { ShellPage, switchLanguage } from './pages/vault-pages.ts';

const CJK = /[\u4e00-\u9fff]/;

test('in English, no screen shows a Chinese word of its own', async ({ app, page }) => {
  const running = await openUnlocked(app, page);
  const shop = await running.core.dispatch('shops.create', taobaoShop('flagship'));
  const shopId = shop.ok ? (shop.value as { id: string }).id : '';
  await running.core.dispatch('subaccounts.create', {
    ...generatedSub(shopId, 'amy'),
    templateId: 'builtin-taobao-presales',
  });
  await running.core.dispatch('agents.createBatch', {
    shopId,
    count: 2,
    pattern: 'temp{01}',
    templateId: null,
    window: { start: '2026-11-01', end: '2026-12-21' },
    confirmHighRisk: false,
  });
  await running.core.dispatch('staff.create', {
    name: 'Wang',
    phone: '13800138000',
    position: 'cs',
    notes: '',
    idNumber: '',
  });
  await switchLanguage(page, 'English');
  const shell = new ShellPage(page);
  for (const [menu, ready] of [
    [/ Overview$/, 'Overview'],
    [/ Shops$/, 'flagship'],
    [/ Sub-accounts$/, 'flagship:amy'],
    [/ Permission templates$/, 'Pre-sales agent'],
    [/ Staff$/, 'Wang'],
    [/ Verification$/, 'flagship:amy'],
    [/ Temporary agents$/, 'flagship:temp01'],
    [/ Deposit refund$/, 'Deposit'],
    [/ Recovery requests$/, 'Recovery'],
    [/ Team & sync$/, 'Connect a sync location'],
    [/ Settings$/, 'Settings'],
  ] as const) {
    await shell.go(menu);
    await expect(page.getByRole('main').getByText(ready).first()).toBeVisible();
    const text = await page.getByRole('main').first().innerText();
    // The language switch names Chinese in Chinese, as language pickers do.
    const chinese = text.split('\n').filter((l) => CJK.test(l) && l.trim() !== '中文');
    expect(chinese, `${menu}`).toEqual([]);
  }
  // The audit log: what happened reads in English; the summaries are the record as written then, in both
  // languages, so only the action words are held to English here.
  await shell.go(/ Audit log$/);
  await expect(page.getByRole('cell', { name: 'Shop created', exact: true })).toBeVisible();
  const actions = await page
    .getByRole('row')
    .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[2]?.textContent ?? '').filter(Boolean));
  expect(actions.length).toBeGreaterThan(3);
  expect(actions.filter((a) => CJK.test(a))).toEqual([]);
});
