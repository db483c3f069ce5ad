// The rules a sub-account from another member is held to: the form's rules, with the form's words, and only
// what the arriving version newly breaks (a record already here that broke a rule is not taken away for an edit).
import { describe, expect, it } from 'vitest';
import type { SubAccountRecord } from '../../electron/core/inventory/schemas.ts';
import {
  arrivalRefusal,
  subAccountProblems,
  templateArrivalRefusal,
} from '../../electron/core/team/sub-arrival-rules.ts';

const hash = (p: string) => `h:${p}`;

function sub(id: string, over: Partial<SubAccountRecord> = {}): SubAccountRecord {
  return {
    id,
    nickname: id,
    fullName: id,
    status: 'active',
    templateId: null,
    permissions: [],
    nativeRole: null,
    staffId: null,
    phoneMasked: null,
    phoneHash: null,
    applied: null,
    secrets: {},
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...over,
  };
}

const jd = { platform: 'jd', mainLogin: 'jd-main' } as const;
const pdd = { platform: 'pinduoduo', mainLogin: 'pdd-main' } as const;
const taobao = { platform: 'taobao', mainLogin: '旗舰店' } as const;
const exporter = (id: string) => sub(id, { permissions: ['order.export'] });

describe('sub-account arrival rules', () => {
  it('names each broken rule with the form’s words', () => {
    expect([
      ...subAccountProblems(taobao, { sub: sub('123', { fullName: '旗舰店:123' }), phone: null }, [], hash),
    ]).toEqual([
      ['name:all_digits', { zh: '子账号名：不能全是数字', en: 'Sub-account name: Cannot be all digits' }],
    ]);
    expect([...subAccountProblems(pdd, { sub: sub('kf'), phone: '12345' }, [], hash).keys()]).toEqual([
      'phone:invalid_mobile',
    ]);
    expect([...subAccountProblems(pdd, { sub: sub('kf'), phone: null }, [], hash).keys()]).toEqual([
      'phone:required',
    ]);
    // Taobao binds no phone to each sub-account: none is needed, and two may share one.
    const holder = sub('a', { fullName: '旗舰店:a', phoneHash: hash('13800138000') });
    expect(
      subAccountProblems(taobao, { sub: sub('b', { fullName: '旗舰店:b' }), phone: null }, [holder], hash)
        .size,
    ).toBe(0);
    expect(
      subAccountProblems(
        taobao,
        { sub: sub('b', { fullName: '旗舰店:b' }), phone: '13800138000' },
        [holder],
        hash,
      ).size,
    ).toBe(0);
    const pddHolder = sub('a', { phoneHash: hash('13800138000') });
    // Held by one of several: in use.
    expect([
      ...subAccountProblems(pdd, { sub: sub('b'), phone: '13800138000' }, [sub('c'), pddHolder], hash).keys(),
    ]).toEqual(['phone:in_use']);
    expect([
      ...subAccountProblems(pdd, { sub: sub('b'), phone: '13800138000' }, [pddHolder], hash).keys(),
    ]).toEqual(['phone:in_use']);
    // Names are compared as the platform compares them: the full name, without case.
    expect([
      ...subAccountProblems(
        jd,
        { sub: sub('Kefu'), phone: null },
        [sub('x', { fullName: 'kefu' })],
        hash,
      ).keys(),
    ]).toEqual(['name:taken']);
  });

  it('a temporary agent is made without a phone (each binds their own on the platform): not refused for it', () => {
    const temp = {
      batchId: 'b1',
      start: '2026-12-01',
      end: '2026-12-12',
      retiredAt: null,
      retireMode: null,
      goneAt: null,
      purgedAt: null,
    };
    expect(subAccountProblems(pdd, { sub: sub('kf', { temp }), phone: null }, [], hash).size).toBe(0);
    // A phone it does give is still held to the rules.
    expect([
      ...subAccountProblems(pdd, { sub: sub('kf', { temp }), phone: '12345' }, [], hash).keys(),
    ]).toEqual(['phone:invalid_mobile']);
  });

  it('a permission the platform does not have, and one held by more than its limit allows', () => {
    const three = [exporter('a'), exporter('b'), exporter('c')];
    expect(subAccountProblems(jd, { sub: exporter('d'), phone: null }, three.slice(0, 2), hash).size).toBe(0);
    // Only holders count: two holders and two others leave room for a third.
    expect(
      subAccountProblems(
        jd,
        { sub: exporter('d'), phone: null },
        [...three.slice(0, 2), sub('x'), sub('y')],
        hash,
      ).size,
    ).toBe(0);
    expect([...subAccountProblems(jd, { sub: exporter('d'), phone: null }, three, hash).keys()]).toEqual([
      'limit:order.export',
    ]);
    expect([
      ...subAccountProblems(jd, { sub: sub('d', { permissions: ['nope'] }), phone: null }, [], hash),
    ]).toEqual([['perm:nope', { zh: '权限「nope」不是京东的权限', en: '"nope" is not a JD permission' }]]);
  });

  it('refuses only what the arriving version newly breaks', () => {
    const three = [exporter('a'), exporter('b'), exporter('c')];
    // A fourth holder already here (made before the limit was known) may still be renamed.
    const here = { sub: exporter('d'), phone: null };
    expect(arrivalRefusal(jd, { sub: exporter('d'), phone: null }, here, three, hash)).toBeNull();
    // A new fourth holder is refused, with the form's message.
    expect(arrivalRefusal(jd, { sub: exporter('d'), phone: null }, null, three, hash)).toEqual({
      zh: '该权限在本店可授予的子账号数已达上限。',
      en: 'This permission is already held by the maximum number of sub-accounts in this shop.',
    });
    // One already here that gains the permission is refused too.
    expect(
      arrivalRefusal(jd, { sub: exporter('d'), phone: null }, { sub: sub('d'), phone: null }, three, hash),
    ).not.toBeNull();
    // Two new problems at once are both said.
    expect(
      arrivalRefusal(pdd, { sub: sub('d', { permissions: ['nope'] }), phone: null }, null, [], hash),
    ).toEqual({
      zh: '绑定手机：必填；权限「nope」不是拼多多的权限',
      en: 'Bound phone: Required; "nope" is not a Pinduoduo permission',
    });
  });
});

describe('permission template arrival rules', () => {
  it('refuses a permission its platform does not have, unless the template here had it already', () => {
    expect(templateArrivalRefusal({ platform: 'jd', permissions: ['order.export'] }, null)).toBeNull();
    expect(templateArrivalRefusal({ platform: 'jd', permissions: ['order.export', 'nope'] }, null)).toEqual({
      zh: '权限「nope」不是京东的权限',
      en: '"nope" is not a JD permission',
    });
    expect(
      templateArrivalRefusal(
        { platform: 'jd', permissions: ['nope'] },
        { platform: 'jd', permissions: ['nope', 'order.export'] },
      ),
    ).toBeNull();
    // Two at once are both said.
    expect(templateArrivalRefusal({ platform: 'jd', permissions: ['a', 'b'] }, null)).toEqual({
      zh: '权限「a」不是京东的权限；权限「b」不是京东的权限',
      en: '"a" is not a JD permission; "b" is not a JD permission',
    });
    // The same id moved to another platform is judged afresh, even with the same unknown name.
    expect(
      templateArrivalRefusal(
        { platform: 'taobao', permissions: ['nope'] },
        { platform: 'jd', permissions: ['nope'] },
      ),
    ).not.toBeNull();
    expect(
      templateArrivalRefusal(
        { platform: 'taobao', permissions: ['order.export'] },
        { platform: 'jd', permissions: ['order.export'] },
      ),
    ).not.toBeNull();
  });
});
