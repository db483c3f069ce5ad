// What arrives by team sync passes the platform rules the form and the import apply (architecture principle 5).
// A lead's computer running a modified app writes sub-accounts straight into its sync records, past every form:
// the owner's computer writes none of the ones a form would refuse, keeps what it had, and tells the owner who
// sent which account and which rule it broke, in the form's own words; the valid change in the same sync lands.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { subKey, templateKey } from '../../electron/core/team/record-mapping.ts';
import type { ShopView, SubAccountView } from '../../shared/contract/inventory-types.ts';
import type { TeamStatus } from '../../shared/contract/team-types.ts';
import { engineOf } from '../support/hostile-engine.ts';
import { generatedSub } from '../support/payloads.ts';
import { join, type Member, member } from '../support/team-members.ts';
import { tempDataDir } from '../support/test-core.ts';

const sync = (m: Member) => m.ok<TeamStatus>('team.syncNow');

const pddShop = (name: string) => ({
  platform: 'pinduoduo',
  name,
  platformShopId: '',
  entityType: 'enterprise',
  mainLogin: `${name}-main`,
  phone: '',
  email: '',
  depositAmount: 0,
  notes: '',
  crossBorder: false,
  mainPassword: 'Main-Pass-123',
});

describe('team sync arrivals and the platform rules', () => {
  it('sub-accounts a form would refuse are not written on the owner’s computer, and the owner is told why', async () => {
    const folder = path.join(tempDataDir('team-rules'), 'shared');
    const owner = await member();
    const shop = await owner.ok<ShopView>('shops.create', pddShop('拼多多旗舰店'));
    const first = await owner.ok<SubAccountView>('subaccounts.create', {
      ...generatedSub(shop.id, 'kefu01'),
      phone: '13800138001',
    });
    await owner.ok('team.create', { connection: { kind: 'folder', dir: folder }, ownerName: '老板' });
    const lead = await member();
    await join(owner, lead, folder, '客服主管小李', { role: 'lead', shops: [shop.id] });

    const engine = engineOf(lead.core);
    const base = engine.get(subKey(shop.id, first.id))?.fields;
    expect(base?.s_password?.v).toEqual(expect.any(String));
    const like = (id: string, over: Record<string, string | string[] | null>) => {
      const values = Object.fromEntries(Object.entries(base ?? {}).map(([k, c]) => [k, c.v]));
      return { key: subKey(shop.id, id), values: { ...values, ...over } };
    };
    engine.putMany([
      // No phone, on a platform that binds one to every sub-account.
      like('sub-no-phone', { nickname: 'kefu02', fullName: 'kefu02', s_phone: null, phoneMasked: null }),
      // The phone the shop's first sub-account already holds.
      like('sub-same-phone', { nickname: 'kefu03', fullName: 'kefu03' }),
      // The first sub-account's name again.
      like('sub-same-name', { nickname: 'kefu01', s_phone: '13800138004', phoneMasked: '138****8004' }),
      // The first sub-account given a permission Pinduoduo does not have.
      like(first.id, { permissions: ['made.up.permission'] }),
      // A sub-account a form would accept.
      like('sub-valid', {
        nickname: 'kefu05',
        fullName: 'kefu05',
        s_phone: '13800138005',
        phoneMasked: '138****8005',
      }),
    ]);
    await sync(lead);
    const status = await sync(owner);

    const subs = await owner.ok<SubAccountView[]>('subaccounts.list', { shopId: shop.id });
    expect(subs.map((s) => s.fullName).sort()).toEqual(['kefu01', 'kefu05']);
    expect(subs.find((s) => s.id === first.id)?.permissions).toEqual(first.permissions);

    const told = status.reports.filter((r) => r.code === 'rule-refused');
    expect(told.map((r) => r.zh).sort()).toEqual(
      [
        '客服主管小李 同步来的更改不符合平台规则，未写入本机：子账号「拼多多旗舰店 · kefu01」：子账号名：名称已被使用。本机保留原来的内容；请该成员在表单中改正后再同步。',
        '客服主管小李 同步来的更改不符合平台规则，未写入本机：子账号「拼多多旗舰店 · kefu01」：权限「made.up.permission」不是拼多多的权限。本机保留原来的内容；请该成员在表单中改正后再同步。',
        '客服主管小李 同步来的更改不符合平台规则，未写入本机：子账号「拼多多旗舰店 · kefu02」：绑定手机：必填。本机保留原来的内容；请该成员在表单中改正后再同步。',
        '客服主管小李 同步来的更改不符合平台规则，未写入本机：子账号「拼多多旗舰店 · kefu03」：该手机号已被本店另一个子账号使用。本机保留原来的内容；请该成员在表单中改正后再同步。',
      ].sort(),
    );
    expect(told.every((r) => r.en.includes('from 客服主管小李 breaks a platform rule'))).toBe(true);
  });

  it('a permission template an admin’s app sent with a permission its platform lacks is not written, and said', async () => {
    const folder = path.join(tempDataDir('team-rules-t'), 'shared');
    const owner = await member();
    const t = await owner.ok<{ id: string; permissions: string[] }>('templates.create', {
      platform: 'jd',
      name: '夜班客服',
      permissions: ['order.export'],
      nativeRole: null,
      basedOn: null,
    });
    await owner.ok('team.create', { connection: { kind: 'folder', dir: folder }, ownerName: '老板' });
    const admin = await member();
    await join(owner, admin, folder, '管理员小王', { role: 'admin', shops: [] });
    const engine = engineOf(admin.core);
    engine.put(templateKey(t.id), { permissions: ['order.export', 'made.up'] });
    engine.put(templateKey('t-new'), {
      ...Object.fromEntries(
        Object.entries(engine.get(templateKey(t.id))?.fields ?? {}).map(([k, c]) => [k, c.v]),
      ),
      name: '新模板',
      permissions: ['order.export'],
    });
    await sync(admin);
    const status = await sync(owner);
    const list = await owner.ok<Array<{ id: string; name: string; permissions: string[] }>>(
      'templates.list',
      {},
    );
    expect(list.find((x) => x.id === t.id)?.permissions).toEqual(['order.export']);
    expect(list.find((x) => x.id === 't-new')?.name).toBe('新模板');
    expect(status.reports.filter((r) => r.code === 'rule-refused').map((r) => r.zh)).toEqual([
      '管理员小王 同步来的更改不符合平台规则，未写入本机：权限模板「夜班客服」：权限「made.up」不是京东的权限。本机保留原来的内容；请该成员在表单中改正后再同步。',
    ]);
  });
});
