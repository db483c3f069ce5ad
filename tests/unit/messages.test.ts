// Every message exists in both languages, with the same placeholders: a key missing in English shows the
// Chinese text (or the raw key) to an English user, a lost {{count}} shows a sentence with a hole.
import { describe, expect, it } from 'vitest';
import { enUS } from '../../renderer/src/i18n/en-US.ts';
import { zhCN } from '../../renderer/src/i18n/zh-CN.ts';

type Tree = { [k: string]: string | Tree };

function flatten(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  const zh = flatten(zhCN as unknown as Tree);
  const en = flatten(enUS as unknown as Tree);

  it('Chinese and English have exactly the same keys', () => {
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
    expect(zh.size).toBeGreaterThan(300);
  });

  it('each message has the same placeholders in both languages, and none is empty', () => {
    const differ = [...zh.keys()]
      .filter((k) => en.has(k))
      .filter((k) => placeholders(zh.get(k)!).join() !== placeholders(en.get(k)!).join());
    expect(differ).toEqual([]);
    expect([...zh, ...en].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });
});
