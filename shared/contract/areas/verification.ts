import { z } from 'zod';
import type { ExportFile } from '../inventory-types.ts';
import { returns, safeId } from '../spec.ts';
import type { CardInfo, VerificationList, VerificationRow, WorkRules } from '../work-types.ts';

const policy = z.strictObject({
  required: z.boolean(),
  verifyWithinDays: z.number().int().min(1).max(90),
  graceDays: z.number().int().min(1).max(30),
  reviewHours: z.number().int().min(1).max(720),
  qrMinutes: z.number().int().min(1).max(240),
});

export const verificationMethods = {
  'verification.list': {
    request: z.strictObject({}),
    response: returns<VerificationList>(),
    whileLocked: false,
  },
  'verification.act': {
    request: z.strictObject({
      id: safeId,
      action: z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('handOut') }),
        z.strictObject({ type: z.literal('submit') }),
        z.strictObject({ type: z.literal('verify') }),
        z.strictObject({ type: z.literal('reject'), reason: z.string().trim().min(1).max(200) }),
        z.strictObject({ type: z.literal('unfreeze') }),
        z.strictObject({ type: z.literal('unbind') }),
        z.strictObject({ type: z.literal('confirmVerified') }),
      ]),
    }),
    response: returns<VerificationRow>(),
    whileLocked: false,
  },
  'rules.get': { request: z.strictObject({}), response: returns<WorkRules>(), whileLocked: false },
  'rules.update': {
    request: z.strictObject({
      verification: z
        .strictObject({
          taobao: policy.optional(),
          tmall: policy.optional(),
          jd: policy.optional(),
          pinduoduo: policy.optional(),
          douyin: policy.optional(),
          amazon: policy.optional(),
        })
        .optional(),
      purgeAfterDays: z.number().int().min(0).max(365).optional(),
      registrationMinutes: z.number().int().min(5).max(240).optional(),
    }),
    response: returns<WorkRules>(),
    whileLocked: false,
  },
  'cards.get': {
    request: z.strictObject({ ids: z.array(safeId).min(1).max(500) }),
    response: returns<CardInfo[]>(),
    whileLocked: false,
  },
  /** The window's current print view (cards, a recovery letter) as an A4 PDF (Electron only; the browser preview prints instead). */
  'print.savePdf': { request: z.strictObject({}), response: returns<ExportFile>(), whileLocked: false },
} as const;
