// Names for a batch of temporary agents from a pattern with one sequence placeholder, e.g.
// `双11客服{01}` → 双11客服01, 双11客服02, … The digits in the braces give the first number and the width.

export type PatternProblem = 'no_placeholder' | 'many_placeholders' | 'bad_count';

const PLACEHOLDER = /\{(\d{1,4})\}/g;

export interface ExpandedNames {
  names: string[];
  problem: PatternProblem | null;
}

export function expandNamePattern(pattern: string, count: number, max = 200): ExpandedNames {
  if (!Number.isInteger(count) || count < 1 || count > max) return { names: [], problem: 'bad_count' };
  const matches = [...pattern.matchAll(PLACEHOLDER)];
  if (matches.length === 0) return { names: [], problem: 'no_placeholder' };
  if (matches.length > 1) return { names: [], problem: 'many_placeholders' };
  const m = matches[0]!;
  const digits = m[1]!;
  const first = Number(digits);
  const before = pattern.slice(0, m.index);
  const after = pattern.slice(m.index + m[0].length);
  const names: string[] = [];
  for (let i = 0; i < count; i++)
    names.push(`${before}${String(first + i).padStart(digits.length, '0')}${after}`);
  return { names, problem: null };
}

/**
 * A lead may type the full name (`主账号:昵称{01}`) as the platform shows it; the main-account prefix is
 * the shop's, so it is taken off and the rest is the nickname pattern.
 */
export function nicknamePattern(pattern: string, mainLogin: string): string {
  const p = pattern.trim();
  const prefix = `${mainLogin}:`;
  return p.startsWith(prefix) ? p.slice(prefix.length) : p;
}
