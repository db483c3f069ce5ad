// Master-password strength shown while typing. A rough estimate (character pool x length, minus obvious
// patterns) is enough to steer people away from weak choices; the hard rule is only the minimum length.

export const MASTER_PASSWORD_MIN_LENGTH = 10;

export type StrengthLevel = 0 | 1 | 2 | 3 | 4;

export interface Strength {
  level: StrengthLevel;
  bits: number;
  meetsMinimum: boolean;
}

const COMMON_FRAGMENTS = [
  'password',
  'qwerty',
  'admin',
  'taobao',
  'jd',
  '123456',
  'abcdef',
  'iloveyou',
  '111111',
];

export function passwordStrength(password: string): Strength {
  const chars = Array.from(password);
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/[0-9]/.test(password)) pool += 10;
  if (/[^A-Za-z0-9]/.test(password)) pool += 33;
  // A CJK character comes from a much larger pool; count it generously but not as thousands of symbols.
  if (/[\u4e00-\u9fff]/.test(password)) pool += 200;

  const unique = new Set(chars).size;
  // Repeats add little: count each character after the first few occurrences as half.
  const effectiveLength = Math.min(chars.length, unique * 2);
  let bits = pool > 0 ? effectiveLength * Math.log2(pool) : 0;

  const lower = password.toLowerCase();
  for (const fragment of COMMON_FRAGMENTS) {
    if (lower.includes(fragment)) bits -= fragment.length * 3;
  }
  if (/^(.)\1+$/.test(password)) bits = Math.min(bits, 4);
  if (isSequential(lower)) bits = Math.min(bits, 10);
  bits = Math.max(0, Math.round(bits));

  let level: StrengthLevel = 0;
  if (bits >= 28) level = 1;
  if (bits >= 45) level = 2;
  if (bits >= 60) level = 3;
  if (bits >= 80) level = 4;
  const meetsMinimum = chars.length >= MASTER_PASSWORD_MIN_LENGTH;
  if (!meetsMinimum && level > 1) level = 1;
  return { level, bits, meetsMinimum };
}

function isSequential(s: string): boolean {
  if (s.length < 4) return false;
  let up = true;
  let down = true;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    if (d !== 1) up = false;
    if (d !== -1) down = false;
  }
  return up || down;
}
