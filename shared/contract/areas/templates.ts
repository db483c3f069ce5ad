import { z } from 'zod';
import type { TemplateView } from '../inventory-types.ts';
import { permissionIds, platformId, returns, safeId } from '../spec.ts';

const templateId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/);

export const templateMethods = {
  'templates.list': {
    request: z.strictObject({ platform: platformId.optional() }),
    response: returns<TemplateView[]>(),
    whileLocked: false,
  },
  'templates.create': {
    request: z.strictObject({
      platform: platformId,
      name: z.string().trim().min(1).max(40),
      permissions: permissionIds,
      nativeRole: z.string().max(32).nullable(),
      basedOn: templateId.nullable(),
    }),
    response: returns<TemplateView>(),
    whileLocked: false,
  },
  'templates.update': {
    request: z.strictObject({
      id: safeId,
      name: z.string().trim().min(1).max(40).optional(),
      permissions: permissionIds.optional(),
      nativeRole: z.string().max(32).nullable().optional(),
      confirmHighRisk: z.boolean(),
    }),
    response: returns<TemplateView>(),
    whileLocked: false,
  },
  'templates.delete': {
    request: z.strictObject({ id: safeId, reassignTo: templateId.nullable() }),
    response: returns<{ reassigned: number }>(),
    whileLocked: false,
  },
} as const;

export { templateId };
