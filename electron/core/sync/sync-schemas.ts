// What a decrypted payload must look like before it is applied. A member who holds a scope key could still
// send junk; it is refused here, never applied half-way.
import { z } from 'zod';

const hlc = z.strictObject({
  w: z.number().int().min(0).max(8.64e15),
  c: z.number().int().min(0).max(1e9),
  n: z.string().regex(/^[0-9a-f]{32}$/),
});

const fieldValue = z.union([
  z.string().max(100_000),
  z.number().finite(),
  z.boolean(),
  z.null(),
  z.array(z.string().max(10_000)).max(1000),
]);

const fieldName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/)
  .refine((s) => s !== '__proto__' && s !== 'constructor' && s !== 'prototype');

export const recordChangeSchema = z.strictObject({
  scope: z.string().min(1).max(100),
  kind: z.string().regex(/^[a-z][a-z-]{0,31}$/),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  h: hlc,
  set: z.record(fieldName, z.strictObject({ v: fieldValue, b: hlc.nullable() })),
});

export const changeListSchema = z.array(recordChangeSchema).max(1_000_000);

/** A whole record as a snapshot holds it: every field with its own stamp. */
export const snapshotRecordSchema = z.strictObject({
  scope: z.string().min(1).max(100),
  kind: z.string().regex(/^[a-z][a-z-]{0,31}$/),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  fields: z.record(fieldName, z.strictObject({ v: fieldValue, h: hlc, b: hlc.nullable() })),
});

export const snapshotListSchema = z.array(snapshotRecordSchema).max(1_000_000);

export const scopeKeySchema = z.strictObject({
  scope: z.string().min(1).max(100),
  epoch: z.number().int().min(0).max(1e6),
  key: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

export const publicIdentitySchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  sign: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  box: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
