// Every account of the vault (or of one shop) as a password manager entry: opened from the sealed fields
// only here, for an export the user confirmed with the master password, and handed straight to a writer.
import type {
  PersonView,
  ShopView,
  SubAccountView,
  TemplateView,
} from '../../../shared/contract/inventory-types.ts';
import { platform } from '../../../shared/domain/platforms/catalog.ts';
import type { PlatformId } from '../../../shared/domain/platforms/ids.ts';
import { encodeSwData } from '../../../shared/domain/transfer/shopwarden-data.ts';
import type { InventoryStore } from '../inventory/inventory-store.ts';
import { type Sealer, STAFF_COLLECTION, shopCollection } from '../kernel/sealer.ts';

export interface ExportAccount {
  /** The record's own id (stable across exports, so a re-import can tell it is the same account). */
  id: string;
  kind: 'main' | 'sub';
  title: string;
  /** What is typed on the platform's login page. */
  userName: string;
  /** Exactly the stored bytes, or null where none is stored. */
  password: string | null;
  url: string;
  notes: string;
  phone: string | null;
  email: string | null;
  /** Our own facts about it (shopwarden-data.ts), so importing our export gives the same vault back. */
  data: string;
}

export interface ExportShop {
  id: string;
  name: string;
  platform: PlatformId;
  platformName: string;
  accounts: ExportAccount[];
}

export interface CredentialSources {
  store: Pick<InventoryStore, 'shop' | 'staff' | 'templates'>;
  sealer: Sealer;
  shops(): ShopView[];
  subAccounts(shopId?: string): SubAccountView[];
  people(): PersonView[];
  templates(): TemplateView[];
}

/** The staff register and the custom templates, as a whole-vault export carries them. */
export interface ExportRegister {
  people: Array<{ name: string; phone: string; data: string }>;
  templates: Array<{ name: string; data: string }>;
}

export function collectRegister(src: CredentialSources): ExportRegister {
  const people = src.people().map((p) => {
    const sealed = src.store.staff().people[p.id]?.secrets.phone;
    return {
      name: p.name,
      phone: sealed ? src.sealer.open(STAFF_COLLECTION, p.id, 'phone', sealed) : '',
      data: encodeSwData({
        v: 1,
        kind: 'person',
        name: p.name,
        position: p.position,
        status: p.status,
        notes: p.notes,
        idLast4: p.idLast4,
        createdAt: p.createdAt,
      }),
    };
  });
  const custom = src.store.templates().custom;
  const templates = src
    .templates()
    .filter((t) => !t.builtin && custom[t.id])
    .map((t) => ({
      name: t.name,
      data: encodeSwData({
        v: 1,
        kind: 'template',
        platform: t.platform,
        name: t.name,
        permissions: t.permissions,
        nativeRole: t.nativeRole,
        createdAt: custom[t.id]!.createdAt,
        updatedAt: custom[t.id]!.updatedAt,
      }),
    }));
  return { people, templates };
}

const STATUS = { active: '启用 / active', disabled: '停用 / disabled' } as const;

function subNotes(s: SubAccountView): string {
  return [
    `权限模板 / Template: ${s.templateName ?? '—'}`,
    `员工 / Person: ${s.staffName ?? '—'}`,
    `状态 / State: ${STATUS[s.status]}`,
    ...(s.temporary ? ['临时客服 / Temporary agent'] : []),
  ].join('\n');
}

export function collectCredentials(src: CredentialSources, shopId?: string): ExportShop[] {
  const views = src.shops().filter((s) => !shopId || s.id === shopId);
  const subs = new Map<string, SubAccountView[]>();
  for (const s of src.subAccounts(shopId)) subs.set(s.shopId, [...(subs.get(s.shopId) ?? []), s]);
  return views.map((view) => {
    const doc = src.store.shop(view.id);
    const col = shopCollection(view.id);
    const spec = platform(view.platform);
    const open = (record: string, field: string, sealed: string | undefined) =>
      sealed === undefined ? null : src.sealer.open(col, record, field, sealed);
    const main: ExportAccount = {
      id: view.id,
      kind: 'main',
      title: `${view.name} 主账号`,
      userName: view.mainLogin,
      password: open(view.id, 'mainPassword', doc.shop.secrets.mainPassword),
      url: spec.sellerCenterUrl,
      // The shop's own notes, as typed: the title says it is the main account.
      notes: view.notes,
      phone: open(view.id, 'phone', doc.shop.secrets.phone),
      email: open(view.id, 'email', doc.shop.secrets.email),
      data: encodeSwData({
        v: 1,
        kind: 'shop',
        platformShopId: view.platformShopId,
        entityType: view.entityType,
        depositAmount: view.depositAmount,
        notes: view.notes,
        crossBorder: view.crossBorder,
        archived: view.archived,
        createdAt: view.createdAt,
      }),
    };
    const accounts = (subs.get(view.id) ?? []).map((s): ExportAccount => {
      const sealed = doc.subAccounts[s.id]?.secrets ?? {};
      return {
        id: s.id,
        kind: 'sub',
        title: s.fullName,
        userName: s.fullName,
        password: open(s.id, 'password', sealed.password),
        url: spec.sellerCenterUrl,
        notes: subNotes(s),
        phone: open(s.id, 'phone', sealed.phone),
        email: null,
        data: encodeSwData({
          v: 1,
          kind: 'sub',
          status: s.status,
          template: s.templateName,
          permissions: s.permissions,
          nativeRole: s.nativeRole,
          staff: s.staffName,
          createdAt: s.createdAt,
          ...(doc.subAccounts[s.id]?.verification
            ? { verification: doc.subAccounts[s.id]?.verification }
            : {}),
        }),
      };
    });
    return {
      id: view.id,
      name: view.name,
      platform: view.platform,
      platformName: spec.name.zh,
      accounts: [main, ...accounts],
    };
  });
}

export const accountCount = (shops: ExportShop[]) => shops.reduce((n, s) => n + s.accounts.length, 0);
