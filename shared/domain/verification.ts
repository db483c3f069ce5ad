// Staff real-name verification (实人认证) as a pure state machine with an injected "now". People move it
// (hand out a QR code, submit, verified, rejected, unfreeze, unbind); time moves the rest (freeze after the
// deadline, QR session expiry, grace after an unfreeze). Every number is a setting with the platform's
// default (see verification-policy.ts).

export type VerificationState =
  | 'not-required'
  | 'pending'
  | 'qr-handed-out'
  | 'under-review'
  | 'verified'
  | 'rejected'
  | 'frozen'
  | 'temporarily-unfrozen';

export const VERIFICATION_STATES: VerificationState[] = [
  'frozen',
  'temporarily-unfrozen',
  'rejected',
  'pending',
  'qr-handed-out',
  'under-review',
  'verified',
  'not-required',
];

export interface VerificationRules {
  /** Frozen when not verified this long after creation (Taobao: 7 days). */
  verifyWithinMs: number;
  /** After a temporary unfreeze, verification must finish within this (2 days). */
  graceAfterUnfreezeMs: number;
  /** Review is expected to finish within this (48 hours). */
  reviewWithinMs: number;
  /** A QR session fails this long after it is handed out (30 minutes). */
  qrSessionMs: number;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export const TAOBAO_VERIFICATION: VerificationRules = {
  verifyWithinMs: 7 * DAY,
  graceAfterUnfreezeMs: 2 * DAY,
  reviewWithinMs: 48 * HOUR,
  qrSessionMs: 30 * 60_000,
};

export interface Verification {
  state: VerificationState;
  /** When the sub-account freezes if still not verified (epoch ms), or null when no deadline applies. */
  deadline: number | null;
  qrExpiresAt: number | null;
  submittedAt: number | null;
  rejectedReason: string | null;
}

export type VerificationAction =
  | { type: 'handOut' }
  | { type: 'submit' }
  | { type: 'verify' }
  | { type: 'reject'; reason: string }
  | { type: 'unfreeze' }
  | { type: 'unbind' }
  /** Already verified on the platform (e.g. before the account was entered here): record it as such. */
  | { type: 'confirmVerified' };

export class VerificationError extends Error {
  constructor(
    readonly from: VerificationState,
    readonly action: VerificationAction['type'],
  ) {
    super(`cannot ${action} from ${from}`);
    this.name = 'VerificationError';
  }
}

export function startVerification(
  required: boolean,
  createdAt: number,
  rules: VerificationRules,
): Verification {
  return required
    ? {
        state: 'pending',
        deadline: createdAt + rules.verifyWithinMs,
        qrExpiresAt: null,
        submittedAt: null,
        rejectedReason: null,
      }
    : { state: 'not-required', deadline: null, qrExpiresAt: null, submittedAt: null, rejectedReason: null };
}

/** What time alone does: freezing after the deadline, a QR session lapsing back to pending. */
export function advance(v: Verification, now: number): Verification {
  const open =
    v.state === 'pending' ||
    v.state === 'qr-handed-out' ||
    v.state === 'rejected' ||
    v.state === 'temporarily-unfrozen';
  if (open && v.deadline !== null && now >= v.deadline) return { ...v, state: 'frozen', qrExpiresAt: null };
  if (v.state === 'qr-handed-out' && v.qrExpiresAt !== null && now >= v.qrExpiresAt)
    return { ...v, state: 'pending', qrExpiresAt: null };
  return v;
}

/** Under review past the expected time: still usable on the platform, but worth a reminder. */
export function reviewOverdue(v: Verification, now: number, rules: VerificationRules): boolean {
  return v.state === 'under-review' && v.submittedAt !== null && now >= v.submittedAt + rules.reviewWithinMs;
}

export function act(
  current: Verification,
  action: VerificationAction,
  now: number,
  rules: VerificationRules,
): Verification {
  const v = advance(current, now);
  const refuse = () => {
    throw new VerificationError(v.state, action.type);
  };
  switch (action.type) {
    case 'handOut':
      if (!['pending', 'rejected', 'temporarily-unfrozen', 'qr-handed-out'].includes(v.state)) refuse();
      return { ...v, state: 'qr-handed-out', qrExpiresAt: now + rules.qrSessionMs, rejectedReason: null };
    case 'submit':
      if (v.state !== 'qr-handed-out') refuse();
      return { ...v, state: 'under-review', qrExpiresAt: null, submittedAt: now };
    case 'verify':
      if (v.state !== 'under-review') refuse();
      return { ...v, state: 'verified', deadline: null };
    case 'reject':
      if (v.state !== 'under-review') refuse();
      return { ...v, state: 'rejected', rejectedReason: action.reason, submittedAt: null };
    case 'unfreeze':
      if (v.state !== 'frozen') refuse();
      return { ...v, state: 'temporarily-unfrozen', deadline: now + rules.graceAfterUnfreezeMs };
    case 'confirmVerified':
      if (v.state === 'not-required' || v.state === 'verified') refuse();
      return { ...v, state: 'verified', deadline: null, qrExpiresAt: null, rejectedReason: null };
    case 'unbind':
      // The person left: the account keeps its settings and needs a new person verified from now on.
      if (v.state === 'not-required') refuse();
      return {
        state: 'pending',
        deadline: now + rules.verifyWithinMs,
        qrExpiresAt: null,
        submittedAt: null,
        rejectedReason: null,
      };
  }
}

/** What a person may do from a state (the same checks act() makes), for menus that offer only those. */
export function allowedActions(state: VerificationState): Array<VerificationAction['type']> {
  // Ordered by what usually comes next, so the first is the one a menu offers up front.
  const out: Array<VerificationAction['type']> = [];
  if (state === 'qr-handed-out') out.push('submit');
  if (state === 'under-review') out.push('verify', 'reject');
  if (state === 'frozen') out.push('unfreeze');
  if (['pending', 'rejected', 'temporarily-unfrozen', 'qr-handed-out'].includes(state)) out.push('handOut');
  if (state !== 'not-required' && state !== 'verified') out.push('confirmVerified');
  if (state !== 'not-required') out.push('unbind');
  return out;
}

/** Milliseconds left before the deadline (negative when past), or null without one. */
export function timeLeft(v: Verification, now: number): number | null {
  return v.deadline === null ? null : v.deadline - now;
}
