import { describe, expect, it } from 'vitest';
import {
  act,
  advance,
  TAOBAO_VERIFICATION as R,
  reviewOverdue,
  startVerification,
  timeLeft,
  VerificationError,
} from '../../shared/domain/verification.ts';

const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('verification lifecycle', () => {
  it('a required sub-account freezes 7 days after creation, across a month end', () => {
    const created = at('2026-10-28T15:30:00+08:00');
    const v = startVerification(true, created, R);
    expect(v).toMatchObject({ state: 'pending', deadline: at('2026-11-04T15:30:00+08:00') });
    expect(advance(v, at('2026-11-04T15:29:59+08:00')).state).toBe('pending');
    expect(advance(v, at('2026-11-04T15:30:00+08:00')).state).toBe('frozen');
    expect(timeLeft(v, at('2026-11-03T15:30:00+08:00'))).toBe(DAY);
    expect(startVerification(false, created, R)).toMatchObject({ state: 'not-required', deadline: null });
  });

  it('QR handed out expires after 30 minutes back to pending; the freeze deadline still applies', () => {
    const t0 = at('2026-11-23T09:00:00+08:00');
    let v = startVerification(true, t0, R);
    v = act(v, { type: 'handOut' }, t0 + HOUR, R);
    expect(v).toMatchObject({ state: 'qr-handed-out', qrExpiresAt: t0 + HOUR + 30 * MIN });
    expect(advance(v, t0 + HOUR + 29 * MIN).state).toBe('qr-handed-out');
    expect(advance(v, t0 + HOUR + 30 * MIN).state).toBe('pending');
    expect(advance(v, t0 + 7 * DAY).state).toBe('frozen');
  });

  it('submit, review overdue after 48 h, verified clears the deadline', () => {
    const t0 = at('2026-11-23T09:00:00+08:00');
    let v = act(startVerification(true, t0, R), { type: 'handOut' }, t0, R);
    v = act(v, { type: 'submit' }, t0 + 10 * MIN, R);
    expect(v.state).toBe('under-review');
    expect(reviewOverdue(v, t0 + 10 * MIN + 48 * HOUR - 1, R)).toBe(false);
    expect(reviewOverdue(v, t0 + 10 * MIN + 48 * HOUR, R)).toBe(true);
    // Under review is not frozen by the deadline: the account stays usable while reviewed.
    expect(advance(v, t0 + 8 * DAY).state).toBe('under-review');
    v = act(v, { type: 'verify' }, t0 + DAY, R);
    expect(v).toMatchObject({ state: 'verified', deadline: null });
  });

  it('rejected with a reason can be handed out again; frozen can be unfrozen for 2 days', () => {
    const t0 = at('2026-12-20T22:00:00+08:00');
    let v = act(startVerification(true, t0, R), { type: 'handOut' }, t0, R);
    v = act(v, { type: 'submit' }, t0 + MIN, R);
    v = act(v, { type: 'reject', reason: '照片不清晰' }, t0 + HOUR, R);
    expect(v).toMatchObject({ state: 'rejected', rejectedReason: '照片不清晰' });
    v = advance(v, t0 + 7 * DAY);
    expect(v.state).toBe('frozen');
    v = act(v, { type: 'unfreeze' }, t0 + 8 * DAY, R);
    expect(v).toMatchObject({ state: 'temporarily-unfrozen', deadline: t0 + 10 * DAY });
    expect(advance(v, t0 + 10 * DAY).state).toBe('frozen');
    v = act(v, { type: 'handOut' }, t0 + 9 * DAY, R);
    expect(v.state).toBe('qr-handed-out');
  });

  it('a person leaving unbinds: a new 7-day window from then; impossible moves are refused', () => {
    const t0 = at('2026-11-01T00:00:00+08:00');
    let v = act(
      act(act(startVerification(true, t0, R), { type: 'handOut' }, t0, R), { type: 'submit' }, t0, R),
      { type: 'verify' },
      t0,
      R,
    );
    v = act(v, { type: 'unbind' }, t0 + 30 * DAY, R);
    expect(v).toMatchObject({ state: 'pending', deadline: t0 + 37 * DAY });
    expect(() => act(v, { type: 'verify' }, t0 + 30 * DAY, R)).toThrow(VerificationError);
    expect(() => act(v, { type: 'unfreeze' }, t0 + 30 * DAY, R)).toThrow(/cannot unfreeze from pending/);
    expect(() => act(startVerification(false, t0, R), { type: 'unbind' }, t0, R)).toThrow(VerificationError);
  });
});

describe('allowed actions', () => {
  it('offers exactly the actions act() accepts from each state', async () => {
    const { allowedActions, VERIFICATION_STATES } = await import('../../shared/domain/verification.ts');
    // What a user may do next in each state, written out: not read back from the code under test.
    const EXPECTED: Record<string, string[]> = {
      frozen: ['unfreeze', 'confirmVerified', 'unbind'],
      'temporarily-unfrozen': ['handOut', 'confirmVerified', 'unbind'],
      rejected: ['handOut', 'confirmVerified', 'unbind'],
      pending: ['handOut', 'confirmVerified', 'unbind'],
      'qr-handed-out': ['submit', 'handOut', 'confirmVerified', 'unbind'],
      'under-review': ['verify', 'reject', 'confirmVerified', 'unbind'],
      verified: ['unbind'],
      'not-required': [],
    };
    expect(Object.fromEntries(VERIFICATION_STATES.map((s) => [s, allowedActions(s)]))).toEqual(EXPECTED);
    const all = ['handOut', 'submit', 'verify', 'reject', 'unfreeze', 'unbind', 'confirmVerified'] as const;
    const t0 = at('2026-11-23T09:00:00+08:00');
    for (const state of VERIFICATION_STATES) {
      const v = { state, deadline: t0 + DAY, qrExpiresAt: t0 + HOUR, submittedAt: t0, rejectedReason: null };
      for (const type of all) {
        const action = type === 'reject' ? { type, reason: 'x' } : { type };
        let accepted = true;
        try {
          act(v, action as never, t0, R);
        } catch (e) {
          if (!(e instanceof VerificationError)) throw e;
          accepted = false;
        }
        expect([state, type, accepted]).toEqual([state, type, EXPECTED[state]!.includes(type)]);
      }
    }
  });
});

describe('already verified on the platform', () => {
  it('settles a frozen or pending account as verified, with no deadline left', () => {
    const t0 = at('2026-11-23T09:00:00+08:00');
    const v = startVerification(true, t0, R);
    const frozen = advance(v, t0 + 8 * DAY);
    expect(frozen.state).toBe('frozen');
    expect(act(frozen, { type: 'confirmVerified' }, t0 + 8 * DAY, R)).toMatchObject({
      state: 'verified',
      deadline: null,
    });
    expect(() =>
      act({ ...v, state: 'verified', deadline: null }, { type: 'confirmVerified' }, t0, R),
    ).toThrow(VerificationError);
  });
});
