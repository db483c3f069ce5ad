// Deposit-case lists and draft forms as per-item record fields: what is written reads back the same, on any
// computer, whatever order an object's keys come in; records written before the split still read.
import { describe, expect, it } from 'vitest';
import {
  canonical,
  caseListFields,
  draftChecksFrom,
  draftFieldsFrom,
  draftListFields,
  ITEM_ORDER,
  itemsFrom,
  timelineFrom,
} from '../../electron/core/team/private-fields.ts';
import { applyChange, changeFor, valuesOf } from '../../shared/domain/sync/records.ts';
import { pick, rng, shuffle } from '../sync/support/random.ts';

interface Item {
  id: string;
  done: boolean;
  note: string;
}
interface Entry {
  at: string;
  event: string;
  detail: string;
}

/** The same object with its keys in a random order. */
const reorder = <T extends object>(r: () => number, o: T): T =>
  Object.fromEntries(shuffle(r, Object.entries(o))) as T;

function randomCase(r: () => number) {
  const items: Item[] = Array.from({ length: 1 + Math.floor(r() * 12) }, (_, i) => ({
    id: `item${i}-${Math.floor(r() * 1e6)}`,
    done: r() < 0.5,
    note: pick(r, ['', '已核对', 'a "quoted" note', '多行\n说明']),
  }));
  const timeline: Entry[] = Array.from({ length: Math.floor(r() * 8) }, (_, i) => ({
    at: `2026-11-${String(10 + Math.floor(r() * 5)).padStart(2, '0')}T0${i % 10}:00:00.000Z`,
    event: pick(r, ['created', 'itemDone', 'submitted']),
    detail: pick(r, ['', '清单', 'x']),
  }));
  return { items, timeline };
}

const sortedTimeline = (t: readonly Entry[]) =>
  [...new Map(t.map((e) => [canonical(e), e])).values()].sort((a, b) =>
    `${a.at}\u0000${canonical(a)}` < `${b.at}\u0000${canonical(b)}` ? -1 : 1,
  );

describe('case lists as fields', () => {
  it('read back as written (items in order, timeline oldest first) for 300 random cases', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const c = randomCase(r);
      const fields = caseListFields(c, undefined, []);
      expect(itemsFrom(fields), `seed ${seed}`).toEqual(c.items);
      expect(timelineFrom(fields), `seed ${seed}`).toEqual(sortedTimeline(c.timeline));
    }
  });

  it('the same case with its objects keys in another order gives the same fields', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const r = rng(seed);
      const c = randomCase(r);
      const other = {
        items: c.items.map((i) => reorder(r, i)),
        timeline: c.timeline.map((e) => reorder(r, e)),
      };
      expect(caseListFields(other, undefined, []), `seed ${seed}`).toEqual(caseListFields(c, undefined, []));
    }
  });

  it('an item this edit removed is nulled; an item only someone else has is left alone', () => {
    const a = { id: 'a', done: false, note: '' };
    const b = { id: 'b', done: true, note: '' };
    const removed = caseListFields({ items: [a], timeline: [] }, { items: [a, b] }, []);
    const nulled = Object.entries(removed).filter(([, v]) => v === null);
    expect(nulled).toHaveLength(1);
    expect(itemsFrom(removed)).toEqual([a]);
    // A computer that never had `b` writes nothing about it.
    const unaware = caseListFields({ items: [a], timeline: [] }, { items: [a] }, []);
    expect(Object.values(unaware).filter((v) => v === null)).toEqual([]);
  });

  it('two computers adding an item each keep both, the same way on both, whichever order wins', () => {
    const base = [{ id: 'a', done: false, note: '' }];
    const x = { id: 'x', done: false, note: '' };
    const y = { id: 'y', done: false, note: '' };
    const key = { scope: 'private', kind: 'deposit', id: 'case1' };
    const start = applyChange(
      undefined,
      changeFor(key, undefined, caseListFields({ items: base, timeline: [] }, undefined, []), {
        w: 1,
        c: 0,
        n: 'o',
      }),
    ).record;
    const fromX = changeFor(
      key,
      start,
      caseListFields({ items: [...base, x], timeline: [] }, { items: base }, []),
      { w: 2, c: 0, n: 'p' },
    );
    const fromY = changeFor(
      key,
      start,
      caseListFields({ items: [...base, y], timeline: [] }, { items: base }, []),
      { w: 2, c: 0, n: 'q' },
    );
    const one = applyChange(applyChange(start, fromX).record, fromY);
    const two = applyChange(applyChange(start, fromY).record, fromX);
    expect(one.record).toEqual(two.record);
    const ids = (itemsFrom(valuesOf(one.record)) as Item[]).map((i) => i.id);
    // The old item keeps its place; both new ones follow it.
    expect(ids[0]).toBe('a');
    expect([...ids].sort()).toEqual(['a', 'x', 'y']);
    // The order field is bookkeeping: its concurrent write is not a conflict to look at.
    expect([...one.conflicts, ...two.conflicts].map((c) => c.field)).not.toContain(ITEM_ORDER);
  });

  it('a record written before the split still reads, and the next write clears the old field', () => {
    const items = [{ id: 'a', done: true, note: '旧' }];
    const timeline = [{ at: '2026-11-01T00:00:00.000Z', event: 'created', detail: '' }];
    const old = { items: JSON.stringify(items), timeline: JSON.stringify(timeline) };
    expect(itemsFrom(old)).toEqual(items);
    expect(timelineFrom(old)).toEqual(timeline);
    const next = caseListFields({ items, timeline }, { items }, ['items', 'timeline']);
    expect(next.items).toBeNull();
    expect(next.timeline).toBeNull();
    expect(itemsFrom(next)).toEqual(items);
    expect(timelineFrom({ ...old, ...next })).toEqual(timeline);
  });
});

describe('draft form as fields', () => {
  it('fields and checks read back; a removed key is removed; old one-field drafts still read', () => {
    const after = {
      fields: { subject: '找回', body: '正文' },
      checks: { 'id-photo': true, 'licence-ok': false },
    };
    const f = draftListFields(after, { fields: { subject: 'x', to: 'a@b.c' } }, []);
    expect(draftFieldsFrom(f)).toEqual(after.fields);
    expect(draftChecksFrom(f)).toEqual(after.checks);
    const old = { fields: JSON.stringify({ to: 'a@b.c' }), checks: JSON.stringify({ 'id-photo': false }) };
    expect(draftFieldsFrom({ ...old, ...f })).toEqual(after.fields);
    expect(draftChecksFrom({ ...old, ...f })).toEqual(after.checks);
    expect(draftFieldsFrom(old)).toEqual({ to: 'a@b.c' });
  });
});
