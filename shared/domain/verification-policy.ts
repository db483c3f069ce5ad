// Which sub-accounts need real-name verification and with which numbers. The platform's rule is the
// default; every number is a user setting because platforms revise their rules.
import { platform } from './platforms/catalog.ts';
import type { PlatformId } from './platforms/types.ts';
import {
  TAOBAO_VERIFICATION,
  type Verification,
  type VerificationRules,
  type VerificationState,
} from './verification.ts';

export interface VerificationPolicy {
  required: boolean;
  verifyWithinDays: number;
  graceDays: number;
  reviewHours: number;
  qrMinutes: number;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const TAOBAO_POLICY: VerificationPolicy = {
  required: true,
  verifyWithinDays: TAOBAO_VERIFICATION.verifyWithinMs / DAY,
  graceDays: TAOBAO_VERIFICATION.graceAfterUnfreezeMs / DAY,
  reviewHours: TAOBAO_VERIFICATION.reviewWithinMs / HOUR,
  qrMinutes: TAOBAO_VERIFICATION.qrSessionMs / 60_000,
};

/** The platform's default: required where the platform requires it, off where it is configurable. */
export function defaultPolicy(id: PlatformId): VerificationPolicy {
  return { ...TAOBAO_POLICY, required: platform(id).verification === 'required' };
}

export function rulesOf(p: VerificationPolicy): VerificationRules {
  return {
    verifyWithinMs: p.verifyWithinDays * DAY,
    graceAfterUnfreezeMs: p.graceDays * DAY,
    reviewWithinMs: p.reviewHours * HOUR,
    qrSessionMs: p.qrMinutes * 60_000,
  };
}

/**
 * Whether one sub-account needs verification: Tmall Global (a cross-border Tmall shop) needs none,
 * and temporary sale agents never do.
 */
export function verificationRequired(
  policy: VerificationPolicy,
  shop: { platform: PlatformId; crossBorder: boolean },
  temporary: boolean,
): boolean {
  if (temporary) return false;
  if (shop.platform === 'tmall' && shop.crossBorder) return false;
  return policy.required;
}

const RANK: Record<VerificationState, number> = {
  frozen: 0,
  'temporarily-unfrozen': 1,
  rejected: 2,
  pending: 3,
  'qr-handed-out': 3,
  'under-review': 4,
  verified: 5,
  'not-required': 6,
};

/** Sort key, most urgent first: frozen, then open items by time left, then the settled ones. */
export function compareUrgency(a: Verification, b: Verification): number {
  const r = RANK[a.state] - RANK[b.state];
  if (r !== 0) return r;
  return (a.deadline ?? Number.POSITIVE_INFINITY) - (b.deadline ?? Number.POSITIVE_INFINITY);
}
