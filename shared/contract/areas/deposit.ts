import { z } from 'zod';
import type { DepositCaseView } from '../deposit-types.ts';
import type { ExportFile } from '../inventory-types.ts';
import { returns, safeId } from '../spec.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const section = z.enum(['preconditions', 'login', 'materials', 'account', 'submission', 'review', 'arrival']);

export const depositMethods = {
  'deposit.list': { request: z.strictObject({}), response: returns<DepositCaseView[]>(), whileLocked: false },
  'deposit.get': {
    request: z.strictObject({ id: safeId }),
    response: returns<DepositCaseView>(),
    whileLocked: false,
  },
  'deposit.create': {
    request: z.strictObject({ shopId: safeId, amount: z.number().min(0).max(100_000_000).optional() }),
    response: returns<DepositCaseView>(),
    whileLocked: false,
  },
  'deposit.updateItem': {
    request: z.strictObject({
      id: safeId,
      itemId: safeId,
      done: z.boolean().optional(),
      note: z.string().max(1000).optional(),
      date: day.nullable().optional(),
      text: z.string().trim().min(1).max(200).optional(),
    }),
    response: returns<DepositCaseView>(),
    whileLocked: false,
  },
  'deposit.addItem': {
    request: z.strictObject({ id: safeId, section, text: z.string().trim().min(1).max(200) }),
    response: returns<DepositCaseView>(),
    whileLocked: false,
  },
  'deposit.removeItem': {
    request: z.strictObject({ id: safeId, itemId: safeId }),
    response: returns<DepositCaseView>(),
    whileLocked: false,
  },
  'deposit.setAccount': {
    request: z.strictObject({
      id: safeId,
      kind: z.enum(['personal', 'corporate']),
      holder: z.string().trim().min(1).max(100),
      bank: z.string().trim().min(1).max(100),
      number: z.string().max(40),
    }),
    response: returns<DepositCaseView>(),
    whileLocked: false,
  },
  'deposit.revealAccount': {
    request: z.strictObject({ id: safeId }),
    response: returns<{ value: string; hideAfterMs: number }>(),
    whileLocked: false,
  },
  'deposit.act': {
    request: z.strictObject({
      id: safeId,
      action: z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('submit'), date: day }),
        z.strictObject({ type: z.literal('startReview') }),
        z.strictObject({ type: z.literal('reject'), reason: z.string().trim().min(1).max(500) }),
        z.strictObject({ type: z.literal('prepareAgain') }),
        z.strictObject({ type: z.literal('approve') }),
        z.strictObject({ type: z.literal('confirmArrival'), date: day }),
        z.strictObject({ type: z.literal('block'), reason: z.string().trim().min(1).max(500) }),
        z.strictObject({ type: z.literal('unblock') }),
      ]),
    }),
    response: returns<DepositCaseView>(),
    whileLocked: false,
  },
  'deposit.addAttachment': {
    request: z.strictObject({
      id: safeId,
      itemId: safeId,
      fileName: z.string().min(1).max(1000),
      // 6 MiB of file as base64 (the core checks the decoded size too).
      contentBase64: z.string().max(8_400_000),
    }),
    response: returns<DepositCaseView>(),
    whileLocked: false,
  },
  'deposit.removeAttachment': {
    request: z.strictObject({ id: safeId, itemId: safeId, attachmentId: safeId }),
    response: returns<DepositCaseView>(),
    whileLocked: false,
  },
  'deposit.openAttachment': {
    request: z.strictObject({ id: safeId, itemId: safeId, attachmentId: safeId }),
    response: returns<ExportFile>(),
    whileLocked: false,
  },
} as const;
