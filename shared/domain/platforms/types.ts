// The shape of one platform's rules. Every platform is data in this shape plus the pure functions in
// ../subaccount-rules.ts, so a platform that changes a rule is edited in one file.

import type { PlatformId } from './ids.ts';

export type { PlatformId };
export type Risk = 'low' | 'medium' | 'high';
export interface Text {
  zh: string;
  en: string;
}

export interface PermissionDef {
  id: string;
  category: string;
  label: Text;
  risk: Risk;
  /** JD: which back end the permission is set in (商家后台 or 京麦). */
  surface?: 'backend' | 'jingmai';
  /** Amazon: the tool this level belongs to, and the level ('view' or 'edit'; edit includes view). */
  tool?: string;
  level?: 'view' | 'edit';
}

export interface CategoryDef {
  id: string;
  label: Text;
}

/** How the platform itself groups permissions, which decides how the apply checklist reads. */
export type PermissionModel =
  | { kind: 'checkboxes'; unit: Text } // Taobao/Tmall: 岗位 with ticked permissions (roles group them)
  | { kind: 'roles'; roles: Array<{ id: string; label: Text; permissions: string[] }> } // Pinduoduo
  | { kind: 'dual-roles'; surfaces: { backend: Text; jingmai: Text } } // JD
  | { kind: 'custom-post'; standardPosts: Array<{ id: string; label: Text }> } // Douyin
  | { kind: 'tool-levels' }; // Amazon

export interface NameRule {
  /** Taobao/Tmall: the full name is `主账号:昵称`. */
  composedWithMain: boolean;
  maxLength: number;
  /** Count a CJK character as this many (Taobao: 2). */
  cjkWeight: 1 | 2;
  /** Characters allowed in the part the user types. */
  allowed: RegExp;
  allowedText: Text;
  notAllDigits: boolean;
  /** Whether the name can be changed after creation. */
  immutable: boolean;
}

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  requireUpper: boolean;
  requireLower: boolean;
  requireDigit: boolean;
}

export interface PlatformSpec {
  id: PlatformId;
  name: Text;
  sellerCenterUrl: string;
  /**
   * Hosts of the platform's seller center and seller login pages: a saved password (browser, Bitwarden,
   * KeePass...) whose URL is on one of these is a shop account of this platform when imported.
   */
  loginHosts: readonly string[];
  /** Where sub-accounts are managed in the platform's back end. */
  subAccountPath: Text;
  name_rule: NameRule;
  password: PasswordPolicy;
  /** Real-name verification of the staff member: required, not required, or a per-shop choice. */
  verification: 'required' | 'not-required' | 'configurable';
  /** Each sub-account binds its own phone, which no other sub-account of the shop may reuse. */
  phonePerSubAccount: boolean;
  /**
   * Users are invited by e-mail and set their own password from the invitation (Amazon): nobody creates an
   * account or types its password on the platform.
   */
  invitesByEmail?: true;
  /** Permissions a platform lets at most N sub-accounts hold (JD order export: 3). */
  holderLimits: Record<string, number>;
  model: PermissionModel;
  categories: CategoryDef[];
  permissions: PermissionDef[];
}

/** Our advice for any platform, stronger than most platforms' minimum; the UI says so. */
export const ADVISED_PASSWORD: PasswordPolicy = {
  minLength: 12,
  maxLength: 32,
  requireUpper: true,
  requireLower: true,
  requireDigit: true,
};
