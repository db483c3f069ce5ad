import { z } from 'zod';
import { returns, safeId } from '../spec.ts';
import type { NetworkAddress, RegistrationSession } from '../work-types.ts';

export const registrationMethods = {
  'registration.interfaces': {
    request: z.strictObject({}),
    response: returns<NetworkAddress[]>(),
    whileLocked: false,
  },
  'registration.open': {
    request: z.strictObject({
      subAccountIds: z.array(safeId).min(1).max(500),
      address: z.union([z.ipv4(), z.ipv6()]),
      minutes: z.number().int().min(5).max(240).optional(),
    }),
    response: returns<RegistrationSession>(),
    whileLocked: false,
  },
  'registration.status': {
    request: z.strictObject({}),
    response: returns<RegistrationSession | null>(),
    whileLocked: false,
  },
  'registration.resolveConflict': {
    request: z.strictObject({ subAccountId: safeId, action: z.enum(['bind-existing', 'dismiss']) }),
    response: returns<RegistrationSession>(),
    whileLocked: false,
  },
  'registration.close': {
    request: z.strictObject({}),
    response: returns<{ closed: boolean }>(),
    whileLocked: false,
  },
} as const;
