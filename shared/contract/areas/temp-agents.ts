import { z } from 'zod';
import type { ExportFile } from '../inventory-types.ts';
import { password, returns, safeId } from '../spec.ts';
import type { RetireGuide, TempAgentView } from '../work-types.ts';

const ids = z.array(safeId).min(1).max(10_000);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const tempAgentMethods = {
  'agents.list': {
    request: z.strictObject({}),
    response: returns<TempAgentView[]>(),
    whileLocked: false,
  },
  'agents.previewNames': {
    request: z.strictObject({
      shopId: safeId,
      pattern: z.string().trim().min(1).max(64),
      count: z.number().int().min(1).max(200),
    }),
    response: returns<Array<{ fullName: string; problem: string | null }>>(),
    whileLocked: false,
  },
  'agents.createBatch': {
    request: z.strictObject({
      shopId: safeId,
      count: z.number().int().min(1).max(200),
      pattern: z.string().trim().min(1).max(64),
      templateId: z.string().max(80).nullable(),
      window: z.strictObject({ start: day, end: day }),
      confirmHighRisk: z.boolean(),
      /** Easy-to-type passwords that still meet the platform's rule (default: strong random ones). */
      easyPasswords: z.boolean().optional(),
    }),
    response: returns<{ created: TempAgentView[] }>(),
    whileLocked: false,
  },
  'agents.retire': {
    request: z.strictObject({ ids, mode: z.enum(['disable', 'delete']) }),
    response: returns<{ retired: number; guides: RetireGuide[] }>(),
    whileLocked: false,
  },
  'agents.guides': {
    request: z.strictObject({}),
    response: returns<RetireGuide[]>(),
    whileLocked: false,
  },
  'agents.confirmGone': {
    request: z.strictObject({ ids }),
    response: returns<{ confirmed: number }>(),
    whileLocked: false,
  },
  'agents.exportRoster': {
    request: z.strictObject({
      shopId: safeId.optional(),
      includeSecrets: z.boolean(),
      masterPassword: password.optional(),
    }),
    response: returns<ExportFile>(),
    whileLocked: false,
  },
} as const;
