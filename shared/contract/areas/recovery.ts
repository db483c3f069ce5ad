import { z } from 'zod';
import { FIELDS } from '../../domain/recovery/draft-kinds.ts';
import type { ExportFile } from '../inventory-types.ts';
import type { DraftView, LockoutView } from '../recovery-types.ts';
import { returns, safeId } from '../spec.ts';

/** Every field name any draft kind has; the service checks the draft's own kind too. */
const FIELD_KEYS = [...new Set(Object.values(FIELDS).flatMap((fs) => fs.map((f) => f.key)))] as [
  string,
  ...string[],
];

const kind = z.enum(['jd-password', 'douyin-cancelled', 'douyin-sms', 'amazon-reset', 'generic']);

export const recoveryMethods = {
  'recovery.list': { request: z.strictObject({}), response: returns<DraftView[]>(), whileLocked: false },
  'recovery.get': {
    request: z.strictObject({ id: safeId }),
    response: returns<DraftView>(),
    whileLocked: false,
  },
  'recovery.create': {
    request: z.strictObject({ kind, shopId: safeId.nullable() }),
    response: returns<DraftView>(),
    whileLocked: false,
  },
  'recovery.update': {
    request: z.strictObject({
      id: safeId,
      fields: z.partialRecord(z.enum(FIELD_KEYS), z.string().max(5000)),
      checks: z.record(z.string().regex(/^[a-z0-9-]{1,32}$/), z.boolean()).optional(),
    }),
    response: returns<DraftView>(),
    whileLocked: false,
  },
  'recovery.setState': {
    request: z.strictObject({
      id: safeId,
      state: z.enum(['draft', 'ready', 'sent', 'resolved']),
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
    response: returns<DraftView>(),
    whileLocked: false,
  },
  'recovery.delete': {
    request: z.strictObject({ id: safeId }),
    response: returns<{ deleted: boolean }>(),
    whileLocked: false,
  },
  'recovery.addAttachment': {
    request: z.strictObject({
      id: safeId,
      fileName: z.string().min(1).max(1000),
      contentBase64: z.string().max(8_400_000),
    }),
    response: returns<DraftView>(),
    whileLocked: false,
  },
  'recovery.removeAttachment': {
    request: z.strictObject({ id: safeId, attachmentId: safeId }),
    response: returns<DraftView>(),
    whileLocked: false,
  },
  'recovery.exportEml': {
    request: z.strictObject({ id: safeId }),
    response: returns<ExportFile>(),
    whileLocked: false,
  },
  'recovery.copy': {
    request: z.strictObject({ id: safeId, format: z.enum(['rich', 'plain']) }),
    response: returns<{ copied: boolean }>(),
    whileLocked: false,
  },
  'recovery.lockouts': {
    request: z.strictObject({}),
    response: returns<LockoutView[]>(),
    whileLocked: false,
  },
  'recovery.startLockout': {
    request: z.strictObject({ problemId: z.string().regex(/^[a-z0-9-]{1,40}$/) }),
    response: returns<LockoutView>(),
    whileLocked: false,
  },
  'recovery.cancelLockout': {
    request: z.strictObject({ id: safeId }),
    response: returns<{ cancelled: boolean }>(),
    whileLocked: false,
  },
} as const;
