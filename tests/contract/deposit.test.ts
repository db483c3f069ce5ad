// Deposit-refund cases through the contract: checklist, account rules, states, window, attachments.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DepositCaseView } from '../../shared/contract/deposit-types.ts';
import type { ShopView } from '../../shared/contract/inventory-types.ts';
import type { ReminderView } from '../../shared/contract/work-types.ts';
import { callers } from '../support/contract-calls.ts';
import { taobaoShop } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, type TestCore } from '../support/test-core.ts';

let tc: TestCore;
const { ok, refused } = callers(() => tc.core);
const douyin = (entityType: 'individual' | 'enterprise') =>
  ok<ShopView>(
    'shops.create',
    taobaoShop('抖店小铺', { platform: 'douyin', mainLogin: 'shop1', entityType, depositAmount: 2000 }),
  );

beforeEach(async () => {
  // 2026-02-12 10:00 Beijing: just before the Spring Festival.
  tc = makeTestCore({
    clock: new (await import('../support/manual-clock.ts')).ManualClock(
      Date.parse('2026-02-12T10:00:00+08:00'),
    ),
  });
  await ok('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
  await ok('settings.update', { autoLockMinutes: 240 });
});
afterEach(async () => {
  await tc.core.shutdown();
  fs.rmSync(tc.dataDir, { recursive: true, force: true });
});

const tickPreconditions = async (c: DepositCaseView) => {
  let v = c;
  for (const i of c.items.filter((x) => x.section === 'preconditions'))
    v = await ok<DepositCaseView>('deposit.updateItem', { id: c.id, itemId: i.id, done: true });
  return v;
};

describe('deposit refund cases', () => {
  it('builds the Douyin checklist from the shop, refuses submitting early, then runs to refunded with a timeline', async () => {
    const shop = await douyin('individual');
    const c = await ok<DepositCaseView>('deposit.create', { shopId: shop.id });
    expect(c).toMatchObject({
      amount: 2000,
      platform: 'douyin',
      entityType: 'individual',
      state: 'preparing',
    });
    expect(c.items.filter((i) => i.section === 'preconditions')).toHaveLength(4);
    expect(c.items.find((i) => i.recoveryLink)?.section).toBe('login');
    expect(c.items.filter((i) => i.attachable).map((i) => i.text.zh)).toEqual([
      '营业执照',
      '法人身份证（正反面）',
      '经营证明',
    ]);
    expect(c.items.find((i) => i.section === 'submission')?.text.zh).toContain('保证金管理 → 申请退还');
    expect((await refused('deposit.create', { shopId: shop.id })).code).toBe('CASE_EXISTS');

    const early = await refused('deposit.act', { id: c.id, action: { type: 'submit', date: '2026-02-12' } });
    expect(early.code).toBe('CASE_NOT_READY');
    expect(early.details?.reasons).toContain('尚未填写退款账户');

    await tickPreconditions(c);
    const withAccount = await ok<DepositCaseView>('deposit.setAccount', {
      id: c.id,
      kind: 'personal',
      holder: '张三',
      bank: '工商银行',
      number: '6222 0212 3456 7890 123',
    });
    expect(withAccount.account).toEqual({
      kind: 'personal',
      holder: '张三',
      bank: '工商银行',
      masked: '6222 **** **** 0123',
      luhnWarning: true,
    });
    expect(JSON.stringify(withAccount)).not.toContain('6222021234567890123');
    const revealed = await ok<{ value: string }>('deposit.revealAccount', { id: c.id });
    expect(revealed.value).toBe('6222021234567890123');

    const submitted = await ok<DepositCaseView>('deposit.act', {
      id: c.id,
      action: { type: 'submit', date: '2026-02-12' },
    });
    expect(submitted.window).toMatchObject({ from: '2026-02-24', to: '2026-02-28', beyondData: false });
    await ok('deposit.act', { id: c.id, action: { type: 'startReview' } });
    const rejected = await ok<DepositCaseView>('deposit.act', {
      id: c.id,
      action: { type: 'reject', reason: '营业执照照片不清晰' },
    });
    expect(rejected).toMatchObject({ state: 'rejected', rejectionReason: '营业执照照片不清晰' });
    expect((await refused('deposit.act', { id: c.id, action: { type: 'approve' } })).code).toBe(
      'CASE_ACTION_NOT_ALLOWED',
    );
    await ok('deposit.act', { id: c.id, action: { type: 'prepareAgain' } });
    await ok('deposit.act', { id: c.id, action: { type: 'submit', date: '2026-02-12' } });
    const approved = await ok<DepositCaseView>('deposit.act', { id: c.id, action: { type: 'approve' } });
    // Approval means submission and review happened: their items are ticked.
    expect(
      approved.items.filter((i) => i.section === 'submission' || i.section === 'review').every((i) => i.done),
    ).toBe(true);
    // An arrival on a day still to come has not happened: refused on its field, nothing changes.
    const future = await refused('deposit.act', {
      id: c.id,
      action: { type: 'confirmArrival', date: '2026-02-27' },
    });
    expect(future.fields).toEqual({ date: 'future_date' });
    expect((await ok<DepositCaseView>('deposit.get', { id: c.id })).state).toBe('approved');
    tc.clock.advance(15 * 86_400_000);
    // (Two weeks later the vault has long locked itself.)
    expect(tc.core.session.status().state).toBe('locked');
    await ok('vault.unlock', { password: GOOD_PASSWORD });
    const done = await ok<DepositCaseView>('deposit.act', {
      id: c.id,
      action: { type: 'confirmArrival', date: '2026-02-27' },
    });
    expect(done).toMatchObject({ state: 'refunded', refundedOn: '2026-02-27', overdue: false });
    // A refunded case is complete (it used to stay at 77%).
    expect(done.progress.percent).toBe(100);
    // The timeline keeps the date or reason; the audit log says the change in words, never state codes.
    expect(done.timeline.at(-1)?.detail).toBe('2026-02-27');
    const log = await ok<{ entries: Array<{ action: string; summary: string }> }>('audit.list', {
      offset: 0,
      limit: 200,
    });
    const arrival = log.entries.find((e) => e.action === 'deposit.state.confirmArrival');
    expect(arrival?.summary).toBe('已通过 → 已到账：2026-02-27 / Approved → Refunded: 2026-02-27');
    expect(log.entries.map((e) => e.summary).join('\n')).not.toMatch(/approved →|in-review →/);
    expect(done.timeline.map((e) => e.event)).toEqual([
      'created',
      'item.done',
      'item.done',
      'item.done',
      'item.done',
      'account.set',
      'state.submit',
      'state.startReview',
      'state.reject',
      'state.prepareAgain',
      'state.submit',
      'state.approve',
      'state.confirmArrival',
    ]);
  });

  it('refuses a personal card for an enterprise shop, with the reason', async () => {
    const shop = await douyin('enterprise');
    const c = await ok<DepositCaseView>('deposit.create', { shopId: shop.id });
    const err = await refused('deposit.setAccount', {
      id: c.id,
      kind: 'personal',
      holder: '张三',
      bank: '工商银行',
      number: '6222021234567890128',
    });
    expect(err.code).toBe('ACCOUNT_NOT_ALLOWED');
    expect(err.details?.reason).toContain('对公账户');
    const okCorp = await ok<DepositCaseView>('deposit.setAccount', {
      id: c.id,
      kind: 'corporate',
      holder: '某某科技有限公司',
      bank: '招商银行',
      number: '755912345678901',
    });
    expect(okCorp.account?.kind).toBe('corporate');
  });

  it('marks a case overdue after 7 working days and reminds on the dashboard', async () => {
    const shop = await douyin('individual');
    const c = await tickPreconditions(await ok<DepositCaseView>('deposit.create', { shopId: shop.id }));
    await ok('deposit.setAccount', {
      id: c.id,
      kind: 'personal',
      holder: '张三',
      bank: '工行',
      number: '6222021234567890128',
    });
    await ok('deposit.act', { id: c.id, action: { type: 'submit', date: '2026-02-12' } });
    tc.clock.advance(Date.parse('2026-02-28T23:59:00+08:00') - tc.clock.now());
    if ((await ok<{ state: string }>('vault.getStatus')).state === 'locked')
      await ok('vault.unlock', { password: GOOD_PASSWORD });
    expect((await ok<DepositCaseView>('deposit.get', { id: c.id })).overdue).toBe(false);
    tc.clock.advance(60_000);
    expect((await ok<DepositCaseView>('deposit.get', { id: c.id })).overdue).toBe(true);
    const reminders = await ok<ReminderView[]>('reminders.list');
    expect(reminders.map((r) => [r.kind, r.title.zh])).toEqual([
      ['deposit-overdue', '保证金退还超过 7 个工作日未到账：请联系平台客服并核对退款账户'],
    ]);
  });

  it('keeps attachments inside the data folder under generated names, sealed, whatever the file is called', async () => {
    const shop = await douyin('individual');
    const c = await ok<DepositCaseView>('deposit.create', { shopId: shop.id });
    const licence = c.items.find((i) => i.text.zh === '营业执照')!;
    const attacks = [
      '../../../../etc/passwd',
      '..\\..\\Windows\\System32\\evil.dll',
      '/tmp/absolute.png',
      'C:\\Users\\x\\abs.png',
      'CON',
      'aux.txt',
      `${'长'.repeat(500)}.png`,
      'ｌｉｃｅｎｃｅ․png', // look-alike characters
      'rtl\u202Egnp.exe',
      'nul\u0000byte.png',
    ];
    let v = c;
    for (const name of attacks)
      v = await ok<DepositCaseView>('deposit.addAttachment', {
        id: c.id,
        itemId: licence.id,
        fileName: name,
        contentBase64: Buffer.from(`file:${name}`).toString('base64'),
      });
    const list = v.items.find((i) => i.id === licence.id)!.attachments;
    expect(list).toHaveLength(attacks.length);
    expect(list[0]!.name).toBe('passwd');
    expect(list[1]!.name).toBe('evil.dll');
    expect(list[6]!.name.length).toBeLessThanOrEqual(120);
    expect(list[8]!.name).toBe('rtlgnp.exe');
    expect(list[9]!.name).toBe('nulbyte.png');
    // Every file landed in attachments/ under a generated name; nothing anywhere else.
    const dir = path.join(tc.dataDir, 'attachments');
    const stored = fs.readdirSync(dir);
    expect(stored).toHaveLength(attacks.length);
    for (const f of stored) expect(f).toMatch(/^[a-f0-9]{32}\.bin$/);
    expect(fs.existsSync(path.join(tc.dataDir, '..', 'passwd'))).toBe(false);
    // Sealed at rest; opened back exactly.
    expect(fs.readFileSync(path.join(dir, stored[0]!), 'utf8')).not.toContain('file:');
    const back = await ok<{ fileName: string; contentBase64: string }>('deposit.openAttachment', {
      id: c.id,
      itemId: licence.id,
      attachmentId: list[2]!.id,
    });
    expect(back.fileName).toBe('absolute.png');
    expect(Buffer.from(back.contentBase64, 'base64').toString()).toBe('file:/tmp/absolute.png');
    const big = await refused('deposit.addAttachment', {
      id: c.id,
      itemId: licence.id,
      fileName: 'big.bin',
      contentBase64: Buffer.alloc(6 * 1024 * 1024 + 1).toString('base64'),
    });
    expect(big.code).toBe('FILE_TOO_LARGE');
    await ok('deposit.removeAttachment', { id: c.id, itemId: licence.id, attachmentId: list[0]!.id });
    expect(fs.readdirSync(dir)).toHaveLength(attacks.length - 1);
  });

  it('lets the user add, rename and remove their own items, never the template’s', async () => {
    const shop = await ok<ShopView>('shops.create', taobaoShop());
    const c = await ok<DepositCaseView>('deposit.create', { shopId: shop.id });
    expect(c.items.find((i) => i.section === 'submission')?.text.zh).toContain('卖家中心');
    const added = await ok<DepositCaseView>('deposit.addItem', {
      id: c.id,
      section: 'materials',
      text: '店铺注销申请书',
    });
    const mine = added.items.at(-1)!;
    expect(mine).toMatchObject({ custom: true, attachable: true });
    await ok('deposit.updateItem', { id: c.id, itemId: mine.id, text: '注销申请书（盖章）' });
    expect((await refused('deposit.updateItem', { id: c.id, itemId: c.items[0]!.id, text: 'x' })).code).toBe(
      'BUILTIN_READ_ONLY',
    );
    expect((await refused('deposit.removeItem', { id: c.id, itemId: c.items[0]!.id })).code).toBe(
      'BUILTIN_READ_ONLY',
    );
    const removed = await ok<DepositCaseView>('deposit.removeItem', { id: c.id, itemId: mine.id });
    expect(removed.items).toHaveLength(c.items.length);
  });
});
