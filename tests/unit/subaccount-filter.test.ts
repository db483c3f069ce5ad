// The list filter runs on every keystroke, so it caches each record's lower-cased search text. Whatever it
// caches, it must answer exactly what matching each field on its own answers, for every record and query.
import { describe, expect, it } from 'vitest';
import {
  type FilterableSubAccount,
  filterSubAccounts,
  filterWhileTyping,
  type LastFilter,
  type SubAccountFilter,
} from '../../shared/domain/subaccount-filter.ts';

// Letters that lower-case in interesting ways (Σ/ς, İ, ẞ), CJK, the Taobao colon, spaces and the NUL that the
// cache uses as its field separator.
const ALPHABET = [
  'a',
  'A',
  'Σ',
  'σ',
  'ς',
  'İ',
  'i',
  'ẞ',
  '店',
  '铺',
  '客',
  '服',
  ':',
  ' ',
  '0',
  '1',
  '\u0000',
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const text = (r: () => number, max: number) =>
  Array.from({ length: Math.floor(r() * (max + 1)) }, () => ALPHABET[Math.floor(r() * ALPHABET.length)]).join(
    '',
  );

/** Each field on its own, lower-cased on its own; the separator cannot be typed into a match, so it is ignored. */
function reference(rows: FilterableSubAccount[], f: SubAccountFilter) {
  const q = (f.search ?? '').trim().toLowerCase().split('\u0000').join('');
  return rows.filter(
    (r) => !q || [r.fullName, r.shopName, r.staffName ?? ''].some((field) => field.toLowerCase().includes(q)),
  );
}

describe('filterSubAccounts search', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`matches each field on its own, for every record and query (seed ${seed})`, () => {
      const r = rng(seed);
      const rows: FilterableSubAccount[] = Array.from({ length: 300 }, (_, i) => ({
        shopId: `s${i % 3}`,
        platform: 'taobao',
        templateId: null,
        status: 'active',
        sync: 'pending',
        verification: 'pending',
        staffId: r() < 0.5 ? null : `p${i}`,
        fullName: text(r, 8),
        shopName: text(r, 5),
        staffName: r() < 0.5 ? null : text(r, 4),
      }));
      for (let k = 0; k < 200; k++) {
        const search = text(r, 3);
        const f = { search };
        // Twice: the second answer comes from the cache.
        for (let pass = 0; pass < 2; pass++) {
          const got = filterSubAccounts(rows, f);
          expect(got).toEqual(reference(rows, f));
        }
      }
    });
  }

  it('a query never matches across the end of one field and the start of the next', () => {
    const row = {
      shopId: 's',
      platform: 'taobao',
      templateId: null,
      status: 'active',
      sync: 'pending',
      verification: 'pending',
      staffId: null,
      fullName: '旗舰店:小王',
      shopName: '旗舰店',
      staffName: null,
    } satisfies FilterableSubAccount;
    expect(filterSubAccounts([row], { search: '小王旗' })).toEqual([]);
    expect(filterSubAccounts([row], { search: '小王' })).toEqual([row]);
  });

  for (const seed of [11, 12, 13, 14]) {
    it(`while typing, deleting and changing filters the list is what a fresh search gives (seed ${seed})`, () => {
      const r = rng(seed);
      const make = (n: number): FilterableSubAccount[] =>
        Array.from({ length: n }, (_, i) => ({
          shopId: `s${i % 3}`,
          platform: i % 2 ? 'taobao' : 'jd',
          templateId: null,
          status: i % 5 ? 'active' : 'disabled',
          sync: 'pending',
          verification: 'pending',
          staffId: r() < 0.5 ? null : `p${i}`,
          fullName: text(r, 6),
          shopName: text(r, 4),
          staffName: r() < 0.5 ? null : text(r, 3),
        }));
      let all = make(200);
      let filter: SubAccountFilter = {};
      let search = '';
      let last: LastFilter<FilterableSubAccount> | null = null;
      for (let step = 0; step < 400; step++) {
        const roll = r();
        if (roll < 0.5) search += ALPHABET[Math.floor(r() * ALPHABET.length)];
        else if (roll < 0.75) search = search.slice(0, -1);
        else if (roll < 0.85) filter = r() < 0.5 ? {} : { shopId: `s${Math.floor(r() * 3)}` };
        else if (roll < 0.9) all = make(150 + Math.floor(r() * 100));
        else search = text(r, 3);
        last = filterWhileTyping(all, filter, search, last);
        expect(last.rows).toEqual(filterSubAccounts(all, { ...filter, search }));
      }
    });
  }
});
