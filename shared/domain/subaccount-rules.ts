// Sub-account names and passwords under each platform's rules. Pure functions of the platform spec.
import { platform } from './platforms/catalog.ts';
import type { PasswordPolicy, PlatformId } from './platforms/types.ts';
import { ADVISED_PASSWORD } from './platforms/types.ts';
import { normalizeMobile } from './validators.ts';

export type NameProblem = 'empty' | 'too_long' | 'bad_chars' | 'all_digits' | 'taken';

/** Length the platform counts: a CJK character counts as `cjkWeight`. */
export function weightedLength(s: string, cjkWeight: 1 | 2): number {
  let n = 0;
  for (const ch of s) n += cjkWeight === 2 && /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return n;
}

/** The full name as the platform shows it: Taobao/Tmall `主账号:昵称`, others the name itself. */
export function fullSubAccountName(platformId: PlatformId, mainAccount: string, nickname: string): string {
  return platform(platformId).name_rule.composedWithMain ? `${mainAccount}:${nickname}` : nickname;
}

export function checkSubAccountName(
  platformId: PlatformId,
  mainAccount: string,
  nickname: string,
  takenFullNames: ReadonlySet<string>,
): NameProblem | null {
  const rule = platform(platformId).name_rule;
  const nick = nickname.trim();
  if (!nick) return 'empty';
  if (!rule.allowed.test(nick)) return 'bad_chars';
  if (rule.notAllDigits && /^\d+$/.test(nick)) return 'all_digits';
  const full = fullSubAccountName(platformId, mainAccount, nick);
  if (weightedLength(full, rule.cjkWeight) > rule.maxLength) return 'too_long';
  if (takenFullNames.has(full.toLowerCase())) return 'taken';
  return null;
}

export type PhoneProblem = 'required' | 'invalid_mobile' | 'in_use';

/**
 * The one rule for a sub-account's bound phone, wherever it enters (the form, an import): a platform that
 * binds a phone to each sub-account needs one, a given phone must be a mainland mobile, and on such a
 * platform no two sub-accounts of one shop share it. `inUse` answers for the normalised number.
 */
export function checkSubAccountPhone(
  platformId: PlatformId,
  typed: string,
  inUse: (phone: string) => boolean,
): { phone: string | null; problem: PhoneProblem | null } {
  const spec = platform(platformId);
  if (!typed.trim()) return { phone: null, problem: spec.phonePerSubAccount ? 'required' : null };
  const phone = normalizeMobile(typed);
  if (!phone) return { phone: null, problem: 'invalid_mobile' };
  if (spec.phonePerSubAccount && inUse(phone)) return { phone, problem: 'in_use' };
  return { phone, problem: null };
}

/** A free name close to the one asked for: the same with the smallest free number appended. */
export function suggestFreeName(
  platformId: PlatformId,
  mainAccount: string,
  nickname: string,
  takenFullNames: ReadonlySet<string>,
): string | null {
  const rule = platform(platformId).name_rule;
  const base = nickname.trim().replace(/\d+$/, '') || nickname.trim();
  if (rule.allowed.source.includes('@')) {
    // E-mail names (Amazon) cannot take a number; there is no sensible suggestion.
    return null;
  }
  for (let i = 2; i < 1000; i++) {
    let candidate = `${base}${i}`;
    // Shorten the base if the number pushes it over the limit.
    while (
      candidate.length > String(i).length &&
      weightedLength(fullSubAccountName(platformId, mainAccount, candidate), rule.cjkWeight) > rule.maxLength
    ) {
      candidate = `${Array.from(candidate.slice(0, -String(i).length))
        .slice(0, -1)
        .join('')}${i}`;
    }
    if (checkSubAccountName(platformId, mainAccount, candidate, takenFullNames) === null) return candidate;
  }
  return null;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'needs_upper' | 'needs_lower' | 'needs_digit';

export function checkPassword(policy: PasswordPolicy, password: string): PasswordProblem | null {
  const n = Array.from(password).length;
  if (n < policy.minLength) return 'too_short';
  if (n > policy.maxLength) return 'too_long';
  if (policy.requireUpper && !/[A-Z]/.test(password)) return 'needs_upper';
  if (policy.requireLower && !/[a-z]/.test(password)) return 'needs_lower';
  if (policy.requireDigit && !/\d/.test(password)) return 'needs_digit';
  return null;
}

/** The platform's rule, tightened to our advice but never beyond the platform's maximum length. */
export function advisedPolicy(platformId: PlatformId): PasswordPolicy {
  const p = platform(platformId).password;
  return {
    minLength: Math.min(Math.max(p.minLength, ADVISED_PASSWORD.minLength), p.maxLength),
    maxLength: p.maxLength,
    requireUpper: true,
    requireLower: true,
    requireDigit: true,
  };
}

// No look-alikes (0/O, 1/l/I) so a password read aloud or typed from a card comes out right.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!@#$%^&*-_=+';
const FORMULA_LEAD = '=+-@';

/**
 * A password meeting the advised policy for the platform. `randomInt(n)` must return a uniform integer in
 * [0, n) from a cryptographic source (main passes node:crypto's randomInt).
 */
export function generatePassword(
  platformId: PlatformId,
  randomInt: (n: number) => number,
  length?: number,
): string {
  const policy = advisedPolicy(platformId);
  const len = Math.min(policy.maxLength, Math.max(policy.minLength, length ?? 16));
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const pick = (set: string) => set[randomInt(set.length)]!;
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < len) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  // Never lead with a character a spreadsheet reads as a formula (= + - @): a password exported to CSV or
  // pasted into a sheet must stay exactly itself. Upper-case, lower-case and digits always exist to swap in.
  const safe = chars.findIndex((c) => !FORMULA_LEAD.includes(c));
  [chars[0], chars[safe]] = [chars[safe]!, chars[0]!];
  return chars.join('');
}

/** Letters and digits nobody misreads on a printed handout or types wrong on a phone: no 0/O, 1/l/I. */
const EASY_CONSONANTS = 'bdfghjkmnprstvwz';
const EASY_VOWELS = 'aeiu';
const EASY_DIGITS = '23456789';

/**
 * An easy-to-type password for a temporary agent, still meeting the platform's advised policy: three
 * capitalised pronounceable syllable pairs and three digits, e.g. `BafuKemiTosa482` (about 44 bits: 3 x
 * log2(16*4*16*4) + 3 x log2(8); fine for an account that lives a few weeks and is disabled after).
 */
export function generateEasyPassword(platformId: PlatformId, randomInt: (n: number) => number): string {
  const pick = (set: string) => set[randomInt(set.length)]!;
  const word = () => {
    const w = pick(EASY_CONSONANTS) + pick(EASY_VOWELS) + pick(EASY_CONSONANTS) + pick(EASY_VOWELS);
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const policy = advisedPolicy(platformId);
  let out = word() + word() + word() + pick(EASY_DIGITS) + pick(EASY_DIGITS) + pick(EASY_DIGITS);
  while (out.length < policy.minLength) out += pick(EASY_DIGITS);
  return out.slice(0, policy.maxLength);
}
