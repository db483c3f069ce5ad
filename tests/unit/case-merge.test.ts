// Two deposit cases of one shop opened apart, merged where they meet: the same result on every computer
// (whichever pair order it finds them in), and no side's work undone by the other's untouched checklist.
import { describe, expect, it } from 'vitest';
import { duplicateCases, mergeCases } from '../../electron/core/deposit/case-merge.ts';
import type { CaseRecord } from '../../electron/core/deposit/deposit-schema.ts';
import { rng } from '../sync/support/random.ts';

const KEYS = ['orders', 'aftersales', 'login', 'materials', 'account'];

type Item = CaseRecord['items'][number];

function randomCase(r: () => number, id: string): CaseRecord {
  const pickOf = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  return {
    id,
    shopId: 'shop1',
    amount: 5000,
    state: pickOf(['preparing', 'preparing', 'submitted', 'in-review'] as const),
    items: KEYS.map(
      (key, n): Item => ({
        id: `${id}-i${n}`,
        key,
        section: 'preconditions',
        text: { zh: key, en: key },
        done: r() < 0.4,
        note: r() < 0.3 ? `note-${id}-${n}` : '',
        date: null,
        attachable: false,
        recoveryLink: false,
        attachments: [],
      }),
    ).concat(
      r() < 0.5
        ? [
            <Item>{
              id: `${id}-own`,
              key: null,
              section: 'materials',
              text: { zh: '自己加的', en: 'own' },
              done: false,
              note: '',
              date: null,
              attachable: false,
              recoveryLink: false,
              attachments: [],
            },
          ]
        : [],
    ),
    account: null,
    submittedOn: null,
    rejectionReason: null,
    blockedReason: null,
    refundedOn: null,
    timeline: [{ at: `2026-12-0${1 + Math.floor(r() * 5)}T00:00:00Z`, event: 'created', detail: id }],
    createdAt: `2026-12-0${1 + Math.floor(r() * 3)}T00:00:00Z`,
    updatedAt: '2026-12-07T00:00:00Z',
  };
}

const mergeAll = (cases: Record<string, CaseRecord>) => {
  const [pair] = duplicateCases(cases);
  if (!pair) throw new Error('no pair');
  return mergeCases(pair[0], pair[1]);
};

describe('merging two live deposit cases of one shop', () => {
  it('gives the same case whichever computer merges, and keeps every tick and note of both (300 random pairs)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const a = randomCase(r, 'caseA');
      const b = randomCase(r, 'caseB');
      const one = mergeAll({ caseA: a, caseB: b });
      const other = mergeAll({ caseB: b, caseA: a });
      expect(other, `seed ${seed}`).toEqual(one);
      for (const key of KEYS) {
        const merged = one.items.find((i) => i.key === key);
        const sides = [a, b].map((c) => c.items.find((i) => i.key === key));
        if (sides.some((i) => i?.done)) expect(merged?.done, `seed ${seed} ${key}`).toBe(true);
        for (const s of sides) if (s?.note) expect(merged?.note, `seed ${seed} ${key}`).toContain(s.note);
      }
      expect(one.items.filter((i) => i.key === null)).toHaveLength(
        [a, b].filter((c) => c.items.some((i) => i.key === null)).length,
      );
      expect(one.timeline).toHaveLength(2);
    }
  });

  it('leaves a refunded case and other shops alone', () => {
    const r = rng(7);
    const a = { ...randomCase(r, 'a'), state: 'refunded' as const };
    const b = randomCase(r, 'b');
    const c = { ...randomCase(r, 'c'), shopId: 'shop2' };
    expect(duplicateCases({ a, b, c })).toEqual([]);
  });
});
