import { z } from 'zod';
import type { ChecklistStep } from '../../domain/permissions.ts';
import type { ExportFile, SubAccountView } from '../inventory-types.ts';
import { password, permissionIds, returns, safeId, text } from '../spec.ts';
import { templateId } from './templates.ts';

const ids = z.array(safeId).min(1).max(10_000);

export const subAccountMethods = {
  'subaccounts.list': {
    request: z.strictObject({ shopId: safeId.optional() }),
    response: returns<SubAccountView[]>(),
    whileLocked: false,
  },
  /** The first rows, for showing the list at once while the whole list loads behind them. */
  'subaccounts.firstPage': {
    request: z.strictObject({ limit: z.number().int().min(1).max(1000) }),
    response: returns<{ total: number; items: SubAccountView[] }>(),
    whileLocked: false,
  },
  'subaccounts.create': {
    request: z.strictObject({
      shopId: safeId,
      nickname: z.string().trim().min(1).max(64),
      /** Either a typed password (twice) or generate: true, which makes one to the platform's policy. */
      password: password.optional(),
      confirm: password.optional(),
      generate: z.boolean(),
      templateId: templateId.nullable(),
      permissions: permissionIds,
      nativeRole: z.string().max(32).nullable(),
      staffId: safeId.nullable(),
      phone: text(32),
      confirmHighRisk: z.boolean(),
    }),
    response: returns<SubAccountView>(),
    whileLocked: false,
  },
  'subaccounts.configure': {
    request: z.strictObject({
      id: safeId,
      templateId: templateId.nullable(),
      permissions: permissionIds,
      nativeRole: z.string().max(32).nullable(),
      confirmHighRisk: z.boolean(),
    }),
    response: returns<SubAccountView>(),
    whileLocked: false,
  },
  'subaccounts.changePassword': {
    request: z.strictObject({
      id: safeId,
      password: password.optional(),
      confirm: password.optional(),
      generate: z.boolean(),
    }),
    response: returns<SubAccountView>(),
    whileLocked: false,
  },
  'subaccounts.rename': {
    request: z.strictObject({ id: safeId, nickname: z.string().trim().min(1).max(64) }),
    response: returns<SubAccountView>(),
    whileLocked: false,
  },
  'subaccounts.setStatus': {
    request: z.strictObject({ ids, status: z.enum(['active', 'disabled']) }),
    response: returns<{ changed: number }>(),
    whileLocked: false,
  },
  'subaccounts.delete': {
    request: z.strictObject({ ids }),
    response: returns<{ deleted: number }>(),
    whileLocked: false,
  },
  'subaccounts.bulkSetTemplate': {
    request: z.strictObject({ ids, templateId, confirmHighRisk: z.boolean() }),
    response: returns<{ changed: number }>(),
    whileLocked: false,
  },
  'subaccounts.bindStaff': {
    request: z.strictObject({ id: safeId, staffId: safeId.nullable() }),
    response: returns<SubAccountView>(),
    whileLocked: false,
  },
  'subaccounts.markSynced': {
    request: z.strictObject({ id: safeId }),
    response: returns<SubAccountView>(),
    whileLocked: false,
  },
  /** Bulk "已在平台完成": the selected sub-accounts were set up on the platform by hand. */
  'subaccounts.bulkMarkSynced': {
    request: z.strictObject({ ids }),
    response: returns<{ changed: number }>(),
    whileLocked: false,
  },
  'subaccounts.getChecklist': {
    request: z.strictObject({ id: safeId }),
    response: returns<{ steps: ChecklistStep[]; sync: 'pending' | 'synced' }>(),
    whileLocked: false,
  },
  'subaccounts.export': {
    request: z.strictObject({
      format: z.enum(['xlsx', 'csv']),
      shopId: safeId.optional(),
      includeSecrets: z.boolean(),
      masterPassword: password.optional(),
    }),
    response: returns<ExportFile>(),
    whileLocked: false,
  },
} as const;
