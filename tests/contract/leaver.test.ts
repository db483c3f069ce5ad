// 离职: every active account the person used stays a reminder until its password changes or it is disabled.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PersonView, ShopView, SubAccountView } from '../../shared/contract/inventory-types.ts';
import type { ReminderView } from '../../shared/contract/work-types.ts';
import { callers } from '../support/contract-calls.ts';
import { generatedSub, taobaoShop } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, type TestCore } from '../support/test-core.ts';

let tc: TestCore;
const { ok } = callers(() => tc.core);
beforeEach(async () => {
  tc = makeTestCore();
  await ok('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
});
afterEach(async () => {
  await tc.core.shutdown();
  fs.rmSync(tc.dataDir, { recursive: true, force: true });
});

const leaverReminders = async () =>
  (await ok<ReminderView[]>('reminders.list', {})).filter((r) => r.kind === 'leaver-account');

describe('a person who leaves', () => {
  it('leaves each active account they used as a reminder until its password changes or it is disabled', async () => {
    const a = await ok<ShopView>('shops.create', taobaoShop('A店'));
    const b = await ok<ShopView>('shops.create', taobaoShop('B店'));
    const c = await ok<ShopView>('shops.create', taobaoShop('C店'));
    const p = await ok<PersonView>('staff.create', {
      name: '王小明',
      phone: '13800138000',
      position: '客服',
      notes: '',
      idNumber: '',
    });
    const mk = async (shopId: string, nick: string) =>
      ok<SubAccountView>('subaccounts.create', { ...generatedSub(shopId, nick), staffId: p.id });
    const one = await mk(a.id, '小王');
    const two = await mk(b.id, '小王');
    const three = await mk(c.id, '备用');
    // An account already disabled is no risk: not followed up.
    await ok('subaccounts.setStatus', { ids: [three.id], status: 'disabled' });
    expect(await leaverReminders()).toEqual([]);

    await ok('staff.setStatus', { id: p.id, status: 'left' });
    const subs = await ok<SubAccountView[]>('subaccounts.list', {});
    expect(
      subs
        .filter((s) => s.leaverOf === '王小明')
        .map((s) => s.id)
        .sort(),
    ).toEqual([one.id, two.id].sort());
    expect(subs.every((s) => s.staffId === null)).toBe(true);
    const due = await leaverReminders();
    expect(due.map((r) => r.subjectId).sort()).toEqual([one.id, two.id].sort());
    expect(due[0]!.title.zh).toBe('离职人员用过的子账号：请修改密码或停用');

    // A new password settles one, disabling the other; the reminders go with them.
    const changed = await ok<SubAccountView>('subaccounts.changePassword', { id: one.id, generate: true });
    expect(changed.leaverOf).toBeNull();
    expect((await leaverReminders()).map((r) => r.subjectId)).toEqual([two.id]);
    await ok('subaccounts.setStatus', { ids: [two.id], status: 'disabled' });
    expect(await leaverReminders()).toEqual([]);
  });

  it('is still a reminder after a restart', async () => {
    const a = await ok<ShopView>('shops.create', taobaoShop('A店'));
    const p = await ok<PersonView>('staff.create', {
      name: '赵六',
      phone: '13800138001',
      position: '',
      notes: '',
      idNumber: '',
    });
    await ok('subaccounts.create', { ...generatedSub(a.id, '小赵'), staffId: p.id });
    await ok('staff.setStatus', { id: p.id, status: 'left' });
    await tc.core.shutdown();
    tc = makeTestCore({ dataDir: tc.dataDir });
    await ok('vault.unlock', { password: GOOD_PASSWORD });
    expect((await leaverReminders()).map((r) => r.fullName)).toEqual(['A店:小赵（赵六）']);
  });
});
