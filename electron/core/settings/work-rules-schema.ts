// The numbers the platforms publish (verification deadlines, review time, QR session) and the app's own
// (how long a registration session stays open, when a retired agent's personal data is purged). Kept
// apart from display settings so an older settings file stays valid.
import { z } from 'zod';
import type { WorkRules } from '../../../shared/contract/work-types.ts';
import { PLATFORM_IDS } from '../../../shared/domain/platforms/catalog.ts';
import { defaultPolicy } from '../../../shared/domain/verification-policy.ts';

export const policySchema = z.strictObject({
  required: z.boolean(),
  verifyWithinDays: z.number().int().min(1).max(90),
  graceDays: z.number().int().min(1).max(30),
  reviewHours: z.number().int().min(1).max(720),
  qrMinutes: z.number().int().min(1).max(240),
});

export const workRulesSchema = z.strictObject({
  verification: z.strictObject({
    taobao: policySchema,
    tmall: policySchema,
    jd: policySchema,
    pinduoduo: policySchema,
    douyin: policySchema,
    amazon: policySchema,
  }),
  purgeAfterDays: z.number().int().min(0).max(365),
  registrationMinutes: z.number().int().min(5).max(240),
});

export function defaultWorkRules(): WorkRules {
  return {
    verification: Object.fromEntries(
      PLATFORM_IDS.map((p) => [p, defaultPolicy(p)]),
    ) as WorkRules['verification'],
    purgeAfterDays: 30,
    registrationMinutes: 30,
  };
}
