// On-disk shape of deposit-refund cases: one document for all of them (a seller has a handful).
import { z } from 'zod';
import { safeId } from '../../../shared/contract/spec.ts';
import { attachmentSchema } from '../attachments/attachment-store.ts';

const text = z.strictObject({ zh: z.string().max(500), en: z.string().max(500) });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const iso = z.string().max(40);

export const caseSchema = z.strictObject({
  id: safeId,
  shopId: safeId,
  amount: z.number().min(0).max(100_000_000),
  state: z.enum(['preparing', 'submitted', 'in-review', 'rejected', 'approved', 'refunded', 'blocked']),
  items: z
    .array(
      z.strictObject({
        id: safeId,
        key: z.string().max(40).nullable(),
        section: z.enum([
          'preconditions',
          'login',
          'materials',
          'account',
          'submission',
          'review',
          'arrival',
        ]),
        text,
        done: z.boolean(),
        note: z.string().max(1000),
        date: day.nullable(),
        attachable: z.boolean(),
        recoveryLink: z.boolean(),
        attachments: z.array(attachmentSchema).max(50),
      }),
    )
    .max(200),
  account: z
    .strictObject({
      kind: z.enum(['personal', 'corporate']),
      holder: z.string().max(100),
      bank: z.string().max(100),
      masked: z.string().max(40),
      luhnWarning: z.boolean(),
      sealedNumber: z.string().max(2000),
    })
    .nullable(),
  submittedOn: day.nullable(),
  rejectionReason: z.string().max(500).nullable(),
  blockedReason: z.string().max(500).nullable(),
  refundedOn: day.nullable(),
  timeline: z
    .array(z.strictObject({ at: iso, event: z.string().max(40), detail: z.string().max(600) }))
    .max(2000),
  createdAt: iso,
  updatedAt: iso,
});

export const depositsDocSchema = z.strictObject({ cases: z.record(safeId, caseSchema) });
export type DepositsDoc = z.infer<typeof depositsDocSchema>;
export type CaseRecord = z.infer<typeof caseSchema>;
