// Who may create, change or delete each kind of record, in which scope. This one table judges every way a
// change enters: the app's own calls (a lead's call is refused before anything runs), a local write queued
// for sync, an upload, a change that arrives from another member, a snapshot, an attached file and a
// conflict put back. Holding a scope's key is what lets a member *read* a scope; it never was enough to
// *write* it: every member holds the global key (templates, rules, staff), and a lead holds its shops'
// staff key (the shop's own record as well as its sub-accounts). So what arrives is judged by what it
// touches and who wrote it, not only by the key it was sealed with.
import { MEMBER_ROLE_NAMES, type MemberGrant, type MemberRole, mayRead, parseScope } from './scopes.ts';

/** Where a kind lives: `staff`/`main` are a shop's two scopes (`shop/<id>/staff`, `shop/<id>/main`). */
export type ScopeClass = 'global' | 'private' | 'staff' | 'main';

export type RecordAction = 'create' | 'change' | 'delete';

export interface KindRule {
  readonly scope: ScopeClass;
  /** The record's id is the shop's own id (one such record per shop). */
  readonly idIsShop?: true;
  readonly create: readonly MemberRole[];
  readonly change: readonly MemberRole[];
  readonly delete: readonly MemberRole[];
  /** How the README and refusals name it. */
  readonly zh: string;
  readonly en: string;
}

const OWNER_ADMIN = ['owner', 'admin'] as const;
const EVERY_ROLE = ['owner', 'admin', 'lead'] as const;

/**
 * Create and change carry the same roles for every kind, on purpose: whether a change creates a record
 * depends on what the receiving computer has already read, which differs between computers; judging the two
 * differently would let computers disagree on what the team holds.
 */
export const RECORD_RULES = {
  shop: {
    scope: 'staff',
    idIsShop: true,
    create: OWNER_ADMIN,
    change: OWNER_ADMIN,
    delete: OWNER_ADMIN,
    zh: '店铺资料',
    en: 'shop details',
  },
  'shop-main': {
    scope: 'main',
    idIsShop: true,
    create: OWNER_ADMIN,
    change: OWNER_ADMIN,
    delete: OWNER_ADMIN,
    zh: '主账号（密码、手机、邮箱、保证金）',
    en: 'main account (password, phone, e-mail, deposit)',
  },
  // Temporary agents, verification, staff binding and permissions are fields of the sub-account.
  subaccount: {
    scope: 'staff',
    create: EVERY_ROLE,
    change: EVERY_ROLE,
    delete: EVERY_ROLE,
    zh: '子账号（含临时客服、实人认证、员工绑定）',
    en: 'sub-accounts (with temporary agents, verification, staff binding)',
  },
  person: {
    scope: 'global',
    create: EVERY_ROLE,
    change: EVERY_ROLE,
    delete: OWNER_ADMIN,
    zh: '员工名册',
    en: 'staff registry',
  },
  template: {
    scope: 'global',
    create: OWNER_ADMIN,
    change: OWNER_ADMIN,
    delete: OWNER_ADMIN,
    zh: '权限模板',
    en: 'permission templates',
  },
  rules: {
    scope: 'global',
    create: OWNER_ADMIN,
    change: OWNER_ADMIN,
    delete: OWNER_ADMIN,
    zh: '工作规则',
    en: 'work rules',
  },
  deposit: {
    scope: 'private',
    create: OWNER_ADMIN,
    change: OWNER_ADMIN,
    delete: OWNER_ADMIN,
    zh: '保证金退还（含收款账户）',
    en: 'deposit refunds (with refund accounts)',
  },
  'recovery-draft': {
    scope: 'private',
    create: OWNER_ADMIN,
    change: OWNER_ADMIN,
    delete: OWNER_ADMIN,
    zh: '账号找回草稿',
    en: 'account-recovery drafts',
  },
  attachment: {
    scope: 'private',
    create: OWNER_ADMIN,
    change: OWNER_ADMIN,
    delete: OWNER_ADMIN,
    zh: '附件（保证金、找回材料）',
    en: 'attached files (deposit and recovery documents)',
  },
} as const satisfies Record<string, KindRule>;

export type RecordKind = keyof typeof RECORD_RULES;
export const RECORD_KINDS = Object.keys(RECORD_RULES) as RecordKind[];

export const isRecordKind = (kind: string): kind is RecordKind => Object.hasOwn(RECORD_RULES, kind);

/** Why a write is refused. */
export type Refusal =
  /** No such kind of record. */
  | 'kind'
  /** The kind does not live in that scope (a template in a shop, a sub-account in the global scope). */
  | 'scope'
  /** A shop's own record whose id is not that shop's. */
  | 'id'
  /** A shop the author is not granted (or a scope the role never reads). */
  | 'shop'
  /** The role may not do this to this kind. */
  | 'role';

export interface WriteTarget {
  readonly scope: string;
  readonly kind: string;
  readonly id: string;
}

/** null when the member may do `action` to that record; otherwise why not. */
export function refusal(member: MemberGrant, key: WriteTarget, action: RecordAction): Refusal | null {
  if (!isRecordKind(key.kind)) return 'kind';
  const rule: KindRule = RECORD_RULES[key.kind];
  const parsed = parseScope(key.scope);
  if (!parsed) return 'scope';
  const scopeClass = (s: string): ScopeClass | undefined =>
    s === 'global' || s === 'private' ? s : undefined;
  const cls = parsed.part ?? scopeClass(parsed.scope);
  if (cls !== rule.scope) return 'scope';
  if (rule.idIsShop && key.id !== parsed.shopId) return 'id';
  if (!mayRead(member, key.scope)) return 'shop';
  if (!rule[action].includes(member.role)) return 'role';
  return null;
}

export const mayDo = (member: MemberGrant, key: WriteTarget, action: RecordAction) =>
  refusal(member, key, action) === null;

/** What a change does to a record: a delete when it sets the tombstone, a create when the record is new. */
export function actionOf(set: Readonly<Record<string, { v: unknown }>>, exists: boolean): RecordAction {
  if (set._deleted?.v === true) return 'delete';
  return exists ? 'change' : 'create';
}

/** A refused write in words: "客服主管 may not change 工作规则". */
export function refusalWords(
  role: MemberRole,
  key: WriteTarget,
  action: RecordAction,
  why: Refusal,
): { zh: string; en: string } {
  const kind = isRecordKind(key.kind) ? RECORD_RULES[key.kind] : { zh: key.kind, en: key.kind };
  const verb = { create: ['新建', 'create'], change: ['修改', 'change'], delete: ['删除', 'delete'] }[action];
  const r = MEMBER_ROLE_NAMES[role];
  const because: Record<Refusal, [string, string]> = {
    kind: ['未知的记录类型', 'an unknown kind of record'],
    scope: ['记录放在了不属于它的位置', 'a record placed where it does not belong'],
    id: ['店铺资料与店铺不符', 'shop details that do not match their shop'],
    shop: ['未授权的店铺', 'a shop they are not granted'],
    role: [`${r.zh}无权${verb[0]}${kind.zh}`, `a ${r.en} may not ${verb[1]} ${kind.en}`],
  };
  const [zh, en] = because[why];
  return { zh: `${verb[0]}${kind.zh}：${zh}`, en: `${verb[1]} ${kind.en}: ${en}` };
}

/** A grant and, when it changed, the grants before: each in force up to and including the author's segment `through`. */
export interface GrantHistory extends MemberGrant {
  readonly past?: ReadonlyArray<MemberGrant & { readonly through: number }>;
}

/**
 * The grant in force when the author wrote its segment `seq`. The owner, changing a grant, notes the last
 * of the member's segments it had read; everything after is judged by the new grant (a demoted admin's later
 * changes as a lead's), which errs on the side of refusing.
 */
export function grantAt(m: GrantHistory, seq: number): MemberGrant {
  const past = [...(m.past ?? [])].sort((a, b) => a.through - b.through);
  const then = past.find((p) => seq <= p.through);
  return then ? { role: then.role, shops: then.shops } : { role: m.role, shops: m.shops };
}

/** Every grant a member has held: what a cell a snapshot carries for them may have been written under. */
export const grantsEver = (m: GrantHistory): MemberGrant[] => [
  { role: m.role, shops: m.shops },
  ...(m.past ?? []).map((p) => ({ role: p.role, shops: p.shops })),
];
