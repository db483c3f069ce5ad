// Recovery drafts through the contract: autosave, rules, states, .eml parsed back, lockout countdowns.
import fs from 'node:fs';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShopView } from '../../shared/contract/inventory-types.ts';
import type { DraftView, LockoutView } from '../../shared/contract/recovery-types.ts';
import type { ReminderView } from '../../shared/contract/work-types.ts';
import { callers } from '../support/contract-calls.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { taobaoShop } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, type TestCore } from '../support/test-core.ts';

let tc: TestCore;
const { ok, refused } = callers(() => tc.core);
const start = Date.parse('2026-11-23T10:00:00+08:00');
beforeEach(async () => {
  tc = makeTestCore({ clock: new ManualClock(start) });
  await ok('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
  await ok('settings.update', { autoLockMinutes: 240 });
});
afterEach(async () => {
  await tc.core.shutdown();
  fs.rmSync(tc.dataDir, { recursive: true, force: true });
});

describe('recovery drafts', () => {
  it('a JD rebind-phone draft: refused while incomplete, then ready, exported as an .eml a MIME parser reads back', async () => {
    const shop = await ok<ShopView>(
      'shops.create',
      taobaoShop('京东旗舰店', { platform: 'jd', mainLogin: 'jd_shop_01', platformShopId: '10086' }),
    );
    const d = await ok<DraftView>('recovery.create', { kind: 'jd-password', shopId: shop.id });
    expect(d.fields).toMatchObject({
      accountType: 'company',
      login: 'jd_shop_01',
      shopId: '10086',
      subject: 'rebind-phone',
    });
    const early = await refused('recovery.setState', { id: d.id, state: 'ready' });
    expect(early.code).toBe('DRAFT_INCOMPLETE');
    expect(early.details?.reasons).toContain('客户姓名：必填');

    await ok('recovery.update', {
      id: d.id,
      fields: {
        customerName: '王经理 <img src=x onerror=alert(1)>',
        reason: '原手机号已停用',
        oldContact: '13800138000',
        newContact: '13800138000',
        to: 'zhaoshang@example.com',
      },
    });
    const same = await refused('recovery.setState', { id: d.id, state: 'ready' });
    expect(same.details?.reasons).toContain('新的联系方式不能与原绑定的相同');
    await ok('recovery.update', { id: d.id, fields: { newContact: '13900139000' } });
    const ready = await ok<DraftView>('recovery.setState', { id: d.id, state: 'ready' });
    expect(ready.state).toBe('ready');
    await ok('recovery.addAttachment', {
      id: d.id,
      fileName: '../附件4 确认函.pdf',
      contentBase64: Buffer.from('%PDF-1.4 确认函').toString('base64'),
    });

    const file = await ok<{ fileName: string; contentBase64: string }>('recovery.exportEml', { id: d.id });
    expect(file.fileName).toBe('密码找回—申请重新绑定手机号.eml');
    const raw = Buffer.from(file.contentBase64, 'base64');
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('密码找回—申请重新绑定手机号');
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect((mail.to as { text: string }).text).toBe('zhaoshang@example.com');
    expect(mail.html).toContain('<th');
    expect(mail.html).toContain('新绑定手机号/邮箱');
    expect(mail.html).toContain('13900139000');
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(mail.text).toContain('新绑定手机号/邮箱：13900139000');
    expect(mail.text).toContain('提交时间：2026-11-23 10:00');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['附件4 确认函.pdf']);
    expect(mail.attachments[0]!.content.toString()).toBe('%PDF-1.4 确认函');

    // Editing a ready draft so it no longer passes takes it back to draft.
    const back = await ok<DraftView>('recovery.update', { id: d.id, fields: { newContact: 'x' } });
    expect(back.state).toBe('draft');
    expect((await refused('recovery.update', { id: d.id, fields: { hacked: '1' } })).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('tracks the Douyin appeal’s 1-5 working-day reply window and reminds when it passes', async () => {
    const shop = await ok<ShopView>(
      'shops.create',
      taobaoShop('抖店小铺', { platform: 'douyin', mainLogin: 's', entityType: 'individual' }),
    );
    const d = await ok<DraftView>('recovery.create', { kind: 'douyin-cancelled', shopId: shop.id });
    expect(d.fields).toMatchObject({ seal: 'finance-contract', shopName: '抖店小铺' });
    await ok('recovery.update', {
      id: d.id,
      fields: {
        oldPhone: '13800138000',
        newPhone: '13900139000',
        places: '浙江省杭州市西湖区',
        devices: 'iPhone 15；联想 ThinkPad',
      },
    });
    const sent = await ok<DraftView>('recovery.setState', { id: d.id, state: 'sent', date: '2026-11-23' });
    expect(sent.replyWindow).toMatchObject({ from: '2026-11-24', to: '2026-11-30' });
    expect(sent.doc.checklist.map((c) => c.text.zh).join('\n')).toContain('财务章或合同章');
    tc.clock.advance(Date.parse('2026-12-01T00:00:00+08:00') - start);
    // Days later the idle lock has long since fired: unlock as the user would.
    expect((await ok<{ state: string }>('vault.getStatus')).state).toBe('locked');
    await ok('vault.unlock', { password: GOOD_PASSWORD });
    const reminders = await ok<ReminderView[]>('reminders.list');
    expect(reminders.map((r) => r.kind)).toEqual(['recovery-reply-overdue']);
    const done = await ok<DraftView>('recovery.setState', { id: d.id, state: 'resolved' });
    expect(done.sentOn).toBe('2026-11-23');
    expect(await ok<ReminderView[]>('reminders.list')).toEqual([]);
  });

  it('copies the letter as rich and plain text for webmail and WeChat', async () => {
    const d = await ok<DraftView>('recovery.create', { kind: 'generic', shopId: null });
    await ok('recovery.update', { id: d.id, fields: { subject: '申请', body: '第一段\n第二段' } });
    await ok('recovery.copy', { id: d.id, format: 'rich' });
    expect(tc.clipboard.html).toContain('<p>第一段</p>');
    expect(tc.clipboard.text).toBe('第一段\n第二段');
    await ok('recovery.copy', { id: d.id, format: 'plain' });
    expect(tc.clipboard.html).toBe('');
  });

  it('runs the JD 20-minute lockout and notifies when it ends, also across a restart', async () => {
    const l = await ok<LockoutView>('recovery.startLockout', { problemId: 'jd-wrong-password' });
    expect(l.endsAt).toBe(start + 20 * 60_000);
    tc.clock.advance(19 * 60_000);
    expect(tc.notifier.shown).toEqual([]);
    tc.clock.advance(60_000);
    expect(tc.notifier.shown).toEqual([{ title: '京东登录限制已结束', body: '现在可以重新尝试登录。' }]);
    expect(await ok<LockoutView[]>('recovery.lockouts')).toEqual([]);

    const a = await ok<LockoutView>('recovery.startLockout', { problemId: 'amazon-username' });
    expect(a.endsAt).toBe(tc.clock.now() + 24 * 3600_000);
    expect((await refused('recovery.startLockout', { problemId: 'jd-sms' })).code).toBe('VALIDATION_FAILED');
    const dir = tc.dataDir;
    const at = tc.clock.now();
    await tc.core.shutdown();
    const clock = new ManualClock(at + 25 * 3600_000);
    tc = makeTestCore({ dataDir: dir, clock });
    clock.advance(0);
    expect(tc.notifier.shown.map((n) => n.title)).toEqual(['亚马逊密码修改锁定已结束']);
  });
});
