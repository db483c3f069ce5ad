// Validators for what people type about themselves and their shops. Pure; each returns the normalised
// value or null, so callers store the canonical form.

/** Mainland China mobile: 11 digits starting 1[3-9], after removing +86/0086, spaces and dashes. */
export function normalizeMobile(input: string): string | null {
  let s = input.replace(/[\s-]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  return /^1[3-9]\d{9}$/.test(s) ? s : null;
}

export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '****';
}

export function normalizeEmail(input: string): string | null {
  const s = input.trim();
  if (s.length > 254) return null;
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(s) ? s.toLowerCase() : null;
}

export function maskEmail(email: string): string {
  const [user = '', domain = ''] = email.split('@');
  return `${user.slice(0, 1)}***@${domain}`;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * Resident ID number (GB 11643-1999): 17 digits + check character, with a real birth date not in the
 * future. `today` is injected so the rule is testable. Returns the upper-cased number or null.
 */
export function normalizeIdNumber(input: string, today: Date = new Date()): string | null {
  const s = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return null;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  if (ID_CHECK[sum % 11] !== s[17]) return null;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return null;
  if (y < 1900 || birth.getTime() > today.getTime()) return null;
  return s;
}

/** Luhn check for bank card numbers (a warning, not a block: some cards do not use it). */
export function luhnValid(input: string): boolean {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}
