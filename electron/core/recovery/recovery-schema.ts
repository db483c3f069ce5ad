// On-disk shape of recovery drafts and running lockout countdowns.
import { z } from 'zod';
import { safeId } from '../../../shared/contract/spec.ts';
import { attachmentSchema } from '../attachments/attachment-store.ts';

const iso = z.string().max(40);

export const draftSchema = z.strictObject({
  id: safeId,
  kind: z.enum(['jd-password', 'douyin-cancelled', 'douyin-sms', 'amazon-reset', 'generic']),
  shopId: safeId.nullable(),
  state: z.enum(['draft', 'ready', 'sent', 'resolved']),
  fields: z.record(z.string().regex(/^[a-zA-Z]{1,32}$/), z.string().max(5000)),
  checks: z.record(z.string().regex(/^[a-z0-9-]{1,32}$/), z.boolean()),
  attachments: z.array(attachmentSchema).max(20),
  sentOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  createdAt: iso,
  updatedAt: iso,
});

export const recoveryDocSchema = z.strictObject({
  drafts: z.record(safeId, draftSchema),
  lockouts: z.record(
    safeId,
    z.strictObject({
      id: safeId,
      problemId: z.string().max(40),
      endsAt: z.number().int(),
      notified: z.boolean(),
    }),
  ),
});

export type RecoveryDoc = z.infer<typeof recoveryDocSchema>;
export type DraftRecord = z.infer<typeof draftSchema>;
