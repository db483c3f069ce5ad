// Records → what the renderer sees. Never a secret: only masks and derived state.
import type { ShopView, SubAccountView, TemplateView } from '../../../shared/contract/inventory-types.ts';
import type { ShopDoc, SubAccountRecord } from './schemas.ts';

export function syncState(sub: SubAccountRecord): 'pending' | 'synced' {
  const a = sub.applied;
  if (!a) return 'pending';
  const same =
    a.status === sub.status &&
    a.nativeRole === sub.nativeRole &&
    a.permissions.length === sub.permissions.length &&
    a.permissions.every((p, i) => p === sub.permissions[i]);
  return same ? 'synced' : 'pending';
}

export function shopView(doc: ShopDoc): ShopView {
  const { secrets: _s, ...shop } = doc.shop;
  return { ...shop, subAccountCount: Object.keys(doc.subAccounts).length };
}

export function subAccountView(
  doc: ShopDoc,
  sub: SubAccountRecord,
  lookups: {
    templateName(id: string): string | null;
    staffName(id: string): string | null;
    verification(doc: ShopDoc, sub: SubAccountRecord): SubAccountView['verification'];
  },
): SubAccountView {
  return {
    id: sub.id,
    shopId: doc.shop.id,
    shopName: doc.shop.name,
    platform: doc.shop.platform,
    fullName: sub.fullName,
    nickname: sub.nickname,
    status: sub.status,
    templateId: sub.templateId,
    templateName: sub.templateId ? lookups.templateName(sub.templateId) : null,
    permissions: sub.permissions,
    nativeRole: sub.nativeRole,
    staffId: sub.staffId,
    staffName: sub.staffId ? lookups.staffName(sub.staffId) : null,
    phoneMasked: sub.phoneMasked,
    sync: syncState(sub),
    verification: lookups.verification(doc, sub),
    temporary: sub.temp !== undefined,
    leaverOf: sub.leaver?.name ?? null,
    createdAt: sub.createdAt,
    updatedAt: sub.updatedAt,
  };
}

export type { TemplateView };
