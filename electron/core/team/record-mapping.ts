// Local documents ↔ sync records. A shop is split by who may see it: its name, platform and main login go to
// the shop's staff scope (a lead working on the shop needs them), the main account's password, phone,
// e-mail and deposit to its main scope (owner and admins only). Secrets travel as plain values inside the
// end-to-end encrypted segments and are sealed again with this machine's own key when they arrive. Nested
// parts of a sub-account (verification, temporary window...) are one field each, as JSON text, so two
// people editing different parts still merge.
import type { FieldValue, SyncRecord } from '../../../shared/domain/sync/records.ts';
import { sameValue, valuesOf } from '../../../shared/domain/sync/records.ts';
import { mainScope, staffScope } from '../../../shared/domain/sync/scopes.ts';
import {
  type CustomTemplate,
  type PersonRecord,
  type ShopRecord,
  type SubAccountRecord,
  subAccountSchema,
} from '../inventory/schemas.ts';

export type Fields = Record<string, FieldValue>;

export type RecordWrite = { key: { scope: string; kind: string; id: string }; values: Fields };

/**
 * Queues only the fields whose values differ from what the records already hold (a field the record lacks
 * counts as null), so a write echoes nothing and two people's edits to different fields stay apart.
 */
export function pushChanged(
  writes: RecordWrite[],
  current: SyncRecord | undefined,
  key: RecordWrite['key'],
  values: Fields,
): void {
  const changed: Fields = {};
  let any = false;
  for (const [f, v] of Object.entries(values)) {
    const cur = current?.fields[f];
    if (cur ? sameValue(cur.v, v) : current && v === null) continue;
    changed[f] = v;
    any = true;
  }
  if (any) writes.push({ key, values: changed });
}
export type Open = (field: string) => string | null;

/** Secret fields travel as `s_<name>`. */
const SECRET = 's_';

function secretFields(secrets: Record<string, string>, open: Open): Fields {
  const out: Fields = {};
  for (const name of Object.keys(secrets)) {
    const v = open(name);
    if (v !== null) out[`${SECRET}${name}`] = v;
  }
  return out;
}

export const shopKey = (shopId: string) => ({ scope: staffScope(shopId), kind: 'shop', id: shopId });
export const shopMainKey = (shopId: string) => ({ scope: mainScope(shopId), kind: 'shop-main', id: shopId });
export const subKey = (shopId: string, id: string) => ({ scope: staffScope(shopId), kind: 'subaccount', id });
export const personKey = (id: string) => ({ scope: 'global', kind: 'person', id });
export const templateKey = (id: string) => ({ scope: 'global', kind: 'template', id });

export function shopFields(shop: ShopRecord): Fields {
  return {
    platform: shop.platform,
    name: shop.name,
    platformShopId: shop.platformShopId,
    entityType: shop.entityType,
    mainLogin: shop.mainLogin,
    notes: shop.notes,
    crossBorder: shop.crossBorder,
    archived: shop.archived,
    createdAt: shop.createdAt,
    updatedAt: shop.updatedAt,
  };
}

export function shopMainFields(shop: ShopRecord, open: Open): Fields {
  return {
    phoneMasked: shop.phoneMasked,
    emailMasked: shop.emailMasked,
    depositAmount: shop.depositAmount,
    ...secretFields(shop.secrets, open),
  };
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

export function subFields(shopId: string, sub: SubAccountRecord, open: Open): Fields {
  return {
    shopId,
    nickname: sub.nickname,
    fullName: sub.fullName,
    status: sub.status,
    templateId: sub.templateId,
    permissions: [...sub.permissions],
    nativeRole: sub.nativeRole,
    staffId: sub.staffId,
    phoneMasked: sub.phoneMasked,
    applied: json(sub.applied),
    verification: json(sub.verification),
    temp: json(sub.temp),
    leaver: json(sub.leaver),
    createdAt: sub.createdAt,
    updatedAt: sub.updatedAt,
    ...secretFields(sub.secrets, open),
  };
}

export function personFields(p: PersonRecord, open: Open): Fields {
  return {
    name: p.name,
    position: p.position,
    status: p.status,
    notes: p.notes,
    phoneMasked: p.phoneMasked,
    idLast4: p.idLast4,
    leftAt: p.leftAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    ...secretFields(p.secrets, open),
  };
}

export function templateFields(t: CustomTemplate): Fields {
  return {
    platform: t.platform,
    name: t.name,
    permissions: [...t.permissions],
    nativeRole: t.nativeRole,
    basedOn: t.basedOn,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

// ---- back to local records (each checked by the on-disk schema by the caller) ----------------------------

const str = (v: FieldValue | undefined, d = ''): string => (typeof v === 'string' ? v : d);
const strOrNull = (v: FieldValue | undefined): string | null => (typeof v === 'string' ? v : null);
const parsed = (v: FieldValue | undefined): unknown => {
  if (typeof v !== 'string') return undefined;
  try {
    return JSON.parse(v) ?? undefined;
  } catch {
    return undefined;
  }
};

export type Seal = (field: string, value: string) => string;

function sealedSecrets(values: Fields, seal: Seal): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values))
    if (k.startsWith(SECRET) && typeof v === 'string')
      out[k.slice(SECRET.length)] = seal(k.slice(SECRET.length), v);
  return out;
}

export function shopFromRecords(
  id: string,
  shop: SyncRecord,
  main: SyncRecord | undefined,
  seal: Seal,
): unknown {
  const s = valuesOf(shop);
  const m = main ? valuesOf(main) : undefined;
  return {
    id,
    platform: s.platform,
    name: str(s.name),
    platformShopId: str(s.platformShopId),
    entityType: s.entityType,
    mainLogin: str(s.mainLogin),
    phoneMasked: m ? strOrNull(m.phoneMasked) : null,
    emailMasked: m ? strOrNull(m.emailMasked) : null,
    depositAmount: m && typeof m.depositAmount === 'number' ? m.depositAmount : 0,
    notes: str(s.notes),
    crossBorder: s.crossBorder === true,
    archived: s.archived === true,
    secrets: m ? sealedSecrets(m, seal) : {},
    ...(m ? {} : { mainHidden: true }),
    createdAt: str(s.createdAt),
    updatedAt: str(s.updatedAt),
  };
}

export function subFromRecord(
  rec: SyncRecord,
  seal: Seal,
  phoneHash: (phone: string) => string,
): SubAccountRecord | null {
  const v = valuesOf(rec);
  const secrets = sealedSecrets(v, seal);
  const phone = typeof v.s_phone === 'string' ? v.s_phone : null;
  const candidate = {
    id: rec.id,
    nickname: str(v.nickname),
    fullName: str(v.fullName),
    status: v.status,
    templateId: strOrNull(v.templateId),
    permissions: Array.isArray(v.permissions) ? [...v.permissions] : [],
    nativeRole: strOrNull(v.nativeRole),
    staffId: strOrNull(v.staffId),
    phoneMasked: strOrNull(v.phoneMasked),
    // Keyed with this machine's key: computed again here from the phone, never taken from another machine.
    phoneHash: phone ? phoneHash(phone) : null,
    applied: parsed(v.applied) ?? null,
    secrets,
    ...(parsed(v.verification) ? { verification: parsed(v.verification) } : {}),
    ...(parsed(v.temp) ? { temp: parsed(v.temp) } : {}),
    ...(parsed(v.leaver) ? { leaver: parsed(v.leaver) } : {}),
    createdAt: str(v.createdAt),
    updatedAt: str(v.updatedAt),
  };
  const ok = subAccountSchema.safeParse(candidate);
  return ok.success ? ok.data : null;
}

export function personFromRecord(rec: SyncRecord, seal: Seal): unknown {
  const v = valuesOf(rec);
  return {
    id: rec.id,
    name: str(v.name),
    position: str(v.position),
    status: v.status,
    notes: str(v.notes),
    phoneMasked: str(v.phoneMasked),
    // The ID-number hash is keyed per machine and cannot be recomputed (the number is never kept).
    idHash: null,
    idLast4: strOrNull(v.idLast4),
    secrets: sealedSecrets(v, seal),
    leftAt: strOrNull(v.leftAt),
    createdAt: str(v.createdAt),
    updatedAt: str(v.updatedAt),
  };
}

export function templateFromRecord(rec: SyncRecord): unknown {
  const v = valuesOf(rec);
  return {
    id: rec.id,
    platform: v.platform,
    name: str(v.name),
    permissions: Array.isArray(v.permissions) ? [...v.permissions] : [],
    nativeRole: strOrNull(v.nativeRole),
    basedOn: strOrNull(v.basedOn),
    createdAt: str(v.createdAt),
    updatedAt: str(v.updatedAt),
  };
}
