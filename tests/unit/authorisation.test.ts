// The authorisation table as the README states it to a shop owner, checked cell by cell, plus what no role
// may ever write: a kind in the wrong scope, a shop record under another shop's id, a shop a lead does not
// hold, the member list's scope, or a kind that does not exist.
import { describe, expect, it } from 'vitest';
import {
  actionOf,
  grantAt,
  grantsEver,
  mayDo,
  RECORD_KINDS,
  RECORD_RULES,
  type RecordAction,
  refusal,
  refusalWords,
} from '../../shared/domain/sync/authorisation.ts';
import { type MemberGrant, mainScope, mayRead, staffScope } from '../../shared/domain/sync/scopes.ts';

const owner: MemberGrant = { role: 'owner', shops: [] };
const admin: MemberGrant = { role: 'admin', shops: [] };
const lead: MemberGrant = { role: 'lead', shops: ['s1'] };
const ACTIONS: RecordAction[] = ['create', 'change', 'delete'];

const where = {
  shop: { scope: staffScope('s1'), id: 's1' },
  'shop-main': { scope: mainScope('s1'), id: 's1' },
  subaccount: { scope: staffScope('s1'), id: 'x' },
  person: { scope: 'global', id: 'p' },
  template: { scope: 'global', id: 't' },
  rules: { scope: 'global', id: 'work' },
  deposit: { scope: 'private', id: 'd' },
  'recovery-draft': { scope: 'private', id: 'r' },
  attachment: { scope: 'private', id: 'a'.repeat(32) },
} as const;

describe('who may change what', () => {
  it('owners and admins may do everything to every kind in its place', () => {
    for (const kind of RECORD_KINDS)
      for (const a of ACTIONS)
        for (const g of [owner, admin])
          expect(mayDo(g, { ...where[kind], kind }, a), `${g.role} ${a} ${kind}`).toBe(true);
  });

  it('a lead: sub-accounts of its shops in full, staff without deleting, nothing else', () => {
    const leadMay: Record<string, RecordAction[]> = { subaccount: ACTIONS, person: ['create', 'change'] };
    for (const kind of RECORD_KINDS)
      for (const a of ACTIONS)
        expect(mayDo(lead, { ...where[kind], kind }, a), `lead ${a} ${kind}`).toBe(
          leadMay[kind]?.includes(a) ?? false,
        );
    expect(refusal(lead, { ...where.template, kind: 'template' }, 'change')).toBe('role');
    expect(refusal(lead, { ...where['shop-main'], kind: 'shop-main' }, 'change')).toBe('shop');
    // Another shop's sub-accounts are not its to write.
    expect(refusal(lead, { scope: staffScope('s2'), kind: 'subaccount', id: 'x' }, 'change')).toBe('shop');
  });

  it('create and change carry the same roles for every kind (else computers could disagree)', () => {
    for (const kind of RECORD_KINDS) expect(RECORD_RULES[kind].create).toEqual(RECORD_RULES[kind].change);
  });

  it('nobody writes a kind in the wrong place, a shop under another id, the member list or an unknown kind', () => {
    for (const g of [owner, admin, lead]) {
      expect(refusal(g, { scope: 'global', kind: 'subaccount', id: 'x' }, 'create')).toBe('scope');
      expect(refusal(g, { scope: staffScope('s1'), kind: 'template', id: 't' }, 'create')).toBe('scope');
      expect(refusal(g, { scope: staffScope('s1'), kind: 'shop', id: 's2' }, 'change')).toBe('id');
      expect(refusal(g, { scope: 'team', kind: 'person', id: 'p' }, 'create')).toBe('scope');
      expect(refusal(g, { scope: 'global', kind: 'member', id: 'm' }, 'create')).toBe('kind');
      expect(refusal(g, { scope: 'shop/../x', kind: 'subaccount', id: 'x' }, 'create')).toBe('scope');
    }
  });

  it('a change is a delete when it sets the tombstone, a create when the record is new', () => {
    expect(actionOf({ _deleted: { v: true } }, true)).toBe('delete');
    expect(actionOf({ _deleted: { v: false } }, true)).toBe('change');
    expect(actionOf({ name: { v: 'x' } }, false)).toBe('create');
    expect(actionOf({ name: { v: 'x' } }, true)).toBe('change');
  });

  it('judges a segment by the grant in force when it was written', () => {
    const m = {
      role: 'lead' as const,
      shops: ['s1'],
      past: [
        { role: 'lead' as const, shops: ['s1', 's2'], through: 9 },
        { role: 'admin' as const, shops: [], through: 4 },
      ],
    };
    expect(grantAt(m, 1)).toEqual({ role: 'admin', shops: [] });
    expect(grantAt(m, 4)).toEqual({ role: 'admin', shops: [] });
    expect(grantAt(m, 5)).toEqual({ role: 'lead', shops: ['s1', 's2'] });
    expect(grantAt(m, 9)).toEqual({ role: 'lead', shops: ['s1', 's2'] });
    expect(grantAt(m, 10)).toEqual({ role: 'lead', shops: ['s1'] });
    expect(grantAt({ role: 'admin', shops: [] }, 3)).toEqual({ role: 'admin', shops: [] });
    expect(
      grantsEver(m)
        .map((g) => g.role)
        .sort(),
    ).toEqual(['admin', 'lead', 'lead']);
  });

  it('says a refusal in words a shop owner reads', () => {
    const w = refusalWords('lead', { scope: 'global', kind: 'rules', id: 'work' }, 'change', 'role');
    expect(w.zh).toBe('修改工作规则：客服主管无权修改工作规则');
    expect(w.en).toBe('change work rules: a CS lead may not change work rules');
    const words = (
      why: Parameters<typeof refusalWords>[3],
      kind = 'subaccount',
      action: RecordAction = 'delete',
    ) => refusalWords('lead', { scope: staffScope('s2'), kind, id: 'x' }, action, why);
    expect(words('shop')).toEqual({
      zh: '删除子账号（含临时客服、实人认证、员工绑定）：未授权的店铺',
      en: 'delete sub-accounts (with temporary agents, verification, staff binding): a shop they are not granted',
    });
    expect(words('kind', 'member', 'create')).toEqual({
      zh: '新建member：未知的记录类型',
      en: 'create member: an unknown kind of record',
    });
    expect(words('scope', 'template', 'change')).toEqual({
      zh: '修改权限模板：记录放在了不属于它的位置',
      en: 'change permission templates: a record placed where it does not belong',
    });
    expect(words('id', 'shop', 'change')).toEqual({
      zh: '修改店铺资料：店铺资料与店铺不符',
      en: 'change shop details: shop details that do not match their shop',
    });
    expect(refusalWords('admin', { scope: 'global', kind: 'template', id: 't' }, 'create', 'role').zh).toBe(
      '新建权限模板：管理员无权新建权限模板',
    );
  });
});

describe('which scopes a member reads (and is given keys for)', () => {
  it('owners and admins every real scope, a lead the shared ones and its own shops’ staff, nobody a bad name', () => {
    for (const g of [owner, admin]) {
      expect(mayRead(g, staffScope('s2'))).toBe(true);
      expect(mayRead(g, mainScope('s2'))).toBe(true);
      expect(mayRead(g, 'private')).toBe(true);
      expect(mayRead(g, 'not a scope')).toBe(false);
    }
    expect(mayRead(lead, 'team')).toBe(true);
    expect(mayRead(lead, 'global')).toBe(true);
    expect(mayRead(lead, staffScope('s1'))).toBe(true);
    expect(mayRead(lead, staffScope('s2'))).toBe(false);
    expect(mayRead(lead, mainScope('s1'))).toBe(false);
    expect(mayRead(lead, 'private')).toBe(false);
    expect(mayRead(lead, 'not a scope')).toBe(false);
  });
});
