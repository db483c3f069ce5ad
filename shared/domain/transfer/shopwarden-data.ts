// What our own KeePass and Bitwarden exports carry beyond login and password, so that importing them back
// gives the same vault: one plain custom field per entry, holding a small JSON record of the shop's or the
// sub-account's non-secret facts (state, permissions, template and person by name, dates). It is read
// like any other input: bounded, checked against the platform's own permissions, and ignored when it does
// not parse (the entry is then imported as any password manager's entry would be).
import { z } from 'zod';
import { permissionById, platform } from '../platforms/catalog.ts';
import { PLATFORM_IDS, type PlatformId } from '../platforms/ids.ts';

export const SW_DATA_FIELD = '店务管家数据 / Shopwarden data';

const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);

const shopData = z.strictObject({
  v: z.literal(1),
  kind: z.literal('shop'),
  platformShopId: z.string().max(64),
  entityType: z.enum(['individual', 'enterprise']),
  depositAmount: z.number().min(0).max(1e9),
  notes: z.string().max(2000),
  crossBorder: z.boolean(),
  archived: z.boolean(),
  createdAt: iso,
});

const subData = z.strictObject({
  v: z.literal(1),
  kind: z.literal('sub'),
  status: z.enum(['active', 'disabled']),
  template: z.string().max(40).nullable(),
  permissions: z.array(z.string().max(80)).max(300),
  nativeRole: z.string().max(32).nullable(),
  staff: z.string().max(40).nullable(),
  createdAt: iso,
  /** Real-name verification as stored (checked against the store's own schema where it arrives). */
  verification: z.unknown().optional(),
});

/** A person of the staff register (their phone travels in the entry's protected phone field). */
const personData = z.strictObject({
  v: z.literal(1),
  kind: z.literal('person'),
  name: z.string().trim().min(1).max(40),
  position: z.string().max(40),
  status: z.enum(['active', 'left']),
  notes: z.string().max(1000),
  idLast4: z
    .string()
    .regex(/^[0-9Xx]{4}$/)
    .nullable(),
  createdAt: iso,
});

/** A custom permission template. */
const templateData = z.strictObject({
  v: z.literal(1),
  kind: z.literal('template'),
  platform: z.enum(PLATFORM_IDS),
  name: z.string().trim().min(1).max(40),
  permissions: z.array(z.string().max(80)).max(300),
  nativeRole: z.string().max(32).nullable(),
  createdAt: iso,
  updatedAt: iso,
});

export type ShopData = z.infer<typeof shopData>;
export type SubData = z.infer<typeof subData>;
export type PersonData = z.infer<typeof personData>;
export type TemplateData = z.infer<typeof templateData>;
export type SwData = ShopData | SubData | PersonData | TemplateData;

export const encodeSwData = (d: SwData) => JSON.stringify(d);

/** The record in the field, or null when there is none or it does not parse. */
export function parseSwData(text: string): SwData | null {
  if (!text || text.length > 20_000) return null;
  try {
    const r = z.union([shopData, subData, personData, templateData]).safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** Only the permissions the platform has: what arrives in a file passes the same catalogue as the form. */
export function knownPermissions(platformId: PlatformId, ids: readonly string[]): string[] {
  const spec = platform(platformId);
  return [...new Set(ids)].filter((id) => permissionById(spec, id) !== undefined);
}
