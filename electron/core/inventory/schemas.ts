// On-disk shapes. One document per shop (the shop and its sub-accounts), one for staff, one for custom
// templates: a change to one sub-account rewrites only its shop's file.

import { z } from 'zod';
import { safeId } from '../../../shared/contract/spec.ts';
import { PLATFORM_IDS } from '../../../shared/domain/platforms/ids.ts';

const sealed = z.string().max(10_000);
const iso = z.string().max(40);
const perms = z.array(z.string().max(64)).max(200);
const epoch = z.number().int().nullable();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Stored only once someone acts on it; before that the state is derived from the creation time and the rules. */
export const verificationSchema = z.strictObject({
  state: z.enum([
    'not-required',
    'pending',
    'qr-handed-out',
    'under-review',
    'verified',
    'rejected',
    'frozen',
    'temporarily-unfrozen',
  ]),
  deadline: epoch,
  qrExpiresAt: epoch,
  submittedAt: epoch,
  rejectedReason: z.string().max(200).nullable(),
});

/** A temporary sale agent (临时客服): its window and how far its retirement has got. */
export const tempSchema = z.strictObject({
  batchId: safeId,
  start: day,
  end: day,
  retiredAt: iso.nullable(),
  retireMode: z.enum(['disable', 'delete']).nullable(),
  goneAt: iso.nullable(),
  purgedAt: iso.nullable(),
});

export const subAccountSchema = z.strictObject({
  id: safeId,
  nickname: z.string().max(64),
  fullName: z.string().max(140),
  status: z.enum(['active', 'disabled']),
  templateId: z.string().max(80).nullable(),
  permissions: perms,
  nativeRole: z.string().max(32).nullable(),
  staffId: safeId.nullable(),
  phoneMasked: z.string().max(20).nullable(),
  /** Keyed hash of the bound phone, so "one phone per sub-account" is enforced without reading phones. */
  phoneHash: z.string().max(128).nullable(),
  /** What was last confirmed as applied on the platform, or null when never. */
  applied: z
    .strictObject({
      permissions: perms,
      nativeRole: z.string().max(32).nullable(),
      status: z.enum(['active', 'disabled']),
    })
    .nullable(),
  secrets: z.record(safeId, sealed),
  verification: verificationSchema.optional(),
  temp: tempSchema.optional(),
  /**
   * The bound person left (离职) while this account was active: until its password is changed or it is
   * disabled, it is a reminder. Cleared by either.
   */
  leaver: z.strictObject({ name: z.string().max(40), at: iso }).optional(),
  createdAt: iso,
  updatedAt: iso,
});

export const shopDocSchema = z.strictObject({
  shop: z.strictObject({
    id: safeId,
    platform: z.enum(PLATFORM_IDS),
    name: z.string().max(60),
    platformShopId: z.string().max(64),
    entityType: z.enum(['individual', 'enterprise']),
    mainLogin: z.string().max(64),
    phoneMasked: z.string().max(20).nullable(),
    emailMasked: z.string().max(260).nullable(),
    depositAmount: z.number(),
    notes: z.string().max(2000),
    crossBorder: z.boolean(),
    archived: z.boolean(),
    secrets: z.record(safeId, sealed),
    /** Team sync: this member's role may not see the main account (客服主管), so it was never sent here. */
    mainHidden: z.boolean().optional(),
    createdAt: iso,
    updatedAt: iso,
  }),
  subAccounts: z.record(safeId, subAccountSchema),
});

export const staffDocSchema = z.strictObject({
  people: z.record(
    safeId,
    z.strictObject({
      id: safeId,
      name: z.string().max(40),
      position: z.string().max(40),
      status: z.enum(['active', 'left']),
      notes: z.string().max(1000),
      phoneMasked: z.string().max(20),
      /** Keyed hash (HMAC with a key derived from the data key) of the ID number: enough to spot a duplicate, useless to a reader. */
      idHash: z.string().max(128).nullable(),
      idLast4: z.string().max(4).nullable(),
      secrets: z.record(safeId, sealed),
      leftAt: iso.nullable(),
      createdAt: iso,
      updatedAt: iso,
    }),
  ),
});

export const templatesDocSchema = z.strictObject({
  custom: z.record(
    safeId,
    z.strictObject({
      id: safeId,
      platform: z.enum(PLATFORM_IDS),
      name: z.string().max(40),
      permissions: perms,
      nativeRole: z.string().max(32).nullable(),
      basedOn: z.string().max(80).nullable(),
      createdAt: iso,
      updatedAt: iso,
    }),
  ),
});

export type SubAccountRecord = z.infer<typeof subAccountSchema>;
export type TempRecord = z.infer<typeof tempSchema>;
export type ShopDoc = z.infer<typeof shopDocSchema>;
export type ShopRecord = ShopDoc['shop'];
export type StaffDoc = z.infer<typeof staffDocSchema>;
export type PersonRecord = StaffDoc['people'][string];
export type TemplatesDoc = z.infer<typeof templatesDocSchema>;
export type CustomTemplate = TemplatesDoc['custom'][string];
