// Who may read and write what. Data is split into scopes, each with its own key: a member's machine is given
// only the keys of the scopes the member is entitled to, so what a role may not see never reaches that
// machine in any form — the rule is enforced by which keys exist there, not by hiding fields on a screen.

export const MEMBER_ROLES = ['owner', 'admin', 'lead'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_ROLE_NAMES: Record<MemberRole, { zh: string; en: string }> = {
  owner: { zh: '店主', en: 'Owner' },
  admin: { zh: '管理员', en: 'Admin' },
  lead: { zh: '客服主管', en: 'CS lead' },
};

/**
 * - `team`: the membership list's own key (every member).
 * - `global`: permission templates, the staff registry, work rules (every member).
 * - `private`: deposit cases, refund bank accounts, recovery drafts (owner and admins).
 * - `shop/<id>/staff`: the shop's name and platform, its sub-accounts with their passwords, temporary agents,
 *   verification and staff binding (owner, admins, leads granted the shop).
 * - `shop/<id>/main`: the shop's main-account password, bound phone and e-mail (owner and admins).
 */
export type ScopeId = 'team' | 'global' | 'private' | `shop/${string}/staff` | `shop/${string}/main`;

export const staffScope = (shopId: string): ScopeId => `shop/${shopId}/staff`;
export const mainScope = (shopId: string): ScopeId => `shop/${shopId}/main`;

const SHOP_SCOPE = /^shop\/([A-Za-z0-9_-]{1,64})\/(staff|main)$/;

export function parseScope(
  text: string,
): { scope: ScopeId; shopId?: string; part?: 'staff' | 'main' } | null {
  if (text === 'team' || text === 'global' || text === 'private') return { scope: text };
  const m = SHOP_SCOPE.exec(text);
  if (!m) return null;
  return { scope: text as ScopeId, shopId: m[1], part: m[2] as 'staff' | 'main' };
}

export interface MemberGrant {
  readonly role: MemberRole;
  /** Shops a lead works on; owners and admins see every shop. */
  readonly shops: readonly string[];
}

export function mayRead(member: MemberGrant, scope: string): boolean {
  const parsed = parseScope(scope);
  if (!parsed) return false;
  if (member.role === 'owner' || member.role === 'admin') return true;
  if (parsed.scope === 'team' || parsed.scope === 'global') return true;
  return parsed.part === 'staff' && parsed.shopId !== undefined && member.shops.includes(parsed.shopId);
}

// Reading a scope is not the right to write everything in it: what a member may create, change or delete is
// judged by record kind and role in authorisation.ts.
