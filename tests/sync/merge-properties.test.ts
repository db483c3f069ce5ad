// The merge rules as properties over random histories: three members edit the same records (fields,
// deletes, restores) with clocks hours apart, and whatever order their changes arrive in, every machine
// ends with the same records; a value that lost to a concurrent write is in the conflict list.
import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, HybridClock, parseHlc } from '../../shared/domain/sync/hlc.ts';
import {
  applyChange,
  changeFor,
  mergeRecord,
  type RecordChange,
  recordKey,
  type SyncRecord,
  valuesOf,
} from '../../shared/domain/sync/records.ts';
import { pick, rng, shuffle } from './support/random.ts';

const AUTHORS = ['a'.repeat(32), 'b'.repeat(32), 'c'.repeat(32)];
const KEYS = [
  { scope: 'shop/s1/staff', kind: 'subaccount', id: 'r1' },
  { scope: 'shop/s1/staff', kind: 'subaccount', id: 'r2' },
  { scope: 'global', kind: 'person', id: 'p1' },
];
const FIELDS = ['name', 'password', 'note', '_deleted'];

type Replica = Record<string, SyncRecord>;

function apply(replica: Replica, c: RecordChange) {
  const k = recordKey(c);
  const r = applyChange(replica[k], c);
  replica[k] = r.record;
  return r.conflicts;
}

/** Each author edits its own replica, sometimes after taking in some of the others' changes so far. */
function history(seed: number) {
  const r = rng(seed);
  const skews = AUTHORS.map(() => Math.floor((r() - 0.5) * 6 * 3600_000));
  let wall = 1_800_000_000_000;
  const clocks = AUTHORS.map((a, i) => new HybridClock(a, () => wall + (skews[i] ?? 0)));
  const replicas: Replica[] = AUTHORS.map(() => ({}));
  const seenCount = AUTHORS.map(() => 0);
  const all: RecordChange[] = [];
  const steps = 10 + Math.floor(r() * 40);
  for (let s = 0; s < steps; s++) {
    wall += Math.floor(r() * 5000);
    const i = Math.floor(r() * AUTHORS.length);
    const replica = replicas[i] as Replica;
    if (r() < 0.3) {
      // Takes in everything written so far that it has not seen (a sync).
      for (const c of all.slice(seenCount[i])) {
        if (c.h.n !== AUTHORS[i]) {
          clocks[i]?.observe(c.h);
          apply(replica, c);
        }
      }
      seenCount[i] = all.length;
    }
    const key = pick(r, KEYS);
    const values: Record<string, string | boolean> = {};
    const n = 1 + Math.floor(r() * 2);
    for (let f = 0; f < n; f++) {
      const field = pick(r, FIELDS);
      values[field] = field === '_deleted' ? r() < 0.5 : `v${Math.floor(r() * 4)}`;
    }
    const change = changeFor(key, replica[recordKey(key)], values, (clocks[i] as HybridClock).tick());
    apply(replica, change);
    all.push(change);
  }
  return { all, r };
}

describe('hybrid logical clock', () => {
  it('stamps every local change later than everything it has seen, even with its wall clock hours behind', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      let wall = 1_800_000_000_000;
      const behind = new HybridClock('a'.repeat(32), () => wall - 5 * 3600_000);
      let last = behind.tick();
      for (let i = 0; i < 30; i++) {
        wall += Math.floor(r() * 1000);
        const remote = { w: wall + Math.floor(r() * 10_000), c: Math.floor(r() * 5), n: 'b'.repeat(32) };
        const observed = r() < 0.5;
        if (observed) behind.observe(remote);
        const next = behind.tick();
        expect(compareHlc(next, last), `seed ${seed}`).toBeGreaterThan(0);
        if (observed) expect(compareHlc(next, remote), `seed ${seed}`).toBeGreaterThan(0);
        last = next;
      }
      behind.observe({ w: wall + 3600_000, c: 7, n: 'b'.repeat(32) });
      expect(
        compareHlc(behind.tick(), { w: wall + 3600_000, c: 7, n: 'b'.repeat(32) }),
        `seed ${seed}`,
      ).toBeGreaterThan(0);
    }
  });

  it('reads back what it writes, and refuses malformed stamps', () => {
    const h = { w: 1_800_000_000_123, c: 42, n: 'f'.repeat(32) };
    expect(parseHlc(formatHlc(h))).toEqual(h);
    for (const bad of [
      '',
      'x',
      '0000000000.00000.',
      `${'z'.repeat(10)}.00000.${'a'.repeat(65)}`,
      '1.2.abc',
    ]) {
      expect(parseHlc(bad)).toBeNull();
    }
  });
});

describe('per-field merge', () => {
  it('converges to the same records whatever order the changes arrive in (400 random histories)', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const { all, r } = history(seed);
      const results = [0, 1, 2, 3].map(() => {
        const replica: Replica = {};
        const order = shuffle(r, all);
        // Some changes arrive twice (a replayed segment): applying again changes nothing.
        for (const c of [...order, ...order.slice(0, Math.floor(order.length / 3))]) apply(replica, c);
        return replica;
      });
      for (const other of results.slice(1)) expect(other, `seed ${seed}`).toEqual(results[0]);
    }
  });

  it('a snapshot of any prefix, merged into a replica holding any other subset, then the rest, gives the same records (400 histories)', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const { all, r } = history(seed);
      const full: Replica = {};
      for (const c of all) apply(full, c);
      // The owner's snapshot covers a random prefix; the reader already had a random subset of the changes.
      const cut = Math.floor(r() * (all.length + 1));
      const snapshot: Replica = {};
      for (const c of shuffle(r, all.slice(0, cut))) apply(snapshot, c);
      const reader: Replica = {};
      for (const c of all) if (r() < 0.4) apply(reader, c);
      for (const rec of shuffle(r, Object.values(snapshot))) {
        const k = recordKey(rec);
        reader[k] = mergeRecord(reader[k], rec).record;
      }
      for (const c of shuffle(r, all.slice(cut))) apply(reader, c);
      expect(reader, `seed ${seed}`).toEqual(full);
    }
  });

  it('keeps the newest write of each field and merges different fields of one record', () => {
    const a = new HybridClock(AUTHORS[0] as string, () => 1000);
    const b = new HybridClock(AUTHORS[1] as string, () => 2000);
    const key = KEYS[0] as (typeof KEYS)[number];
    const base = changeFor(key, undefined, { name: 'n0', note: 'x0' }, a.tick());
    const start = applyChange(undefined, base).record;
    const byA = changeFor(key, start, { name: 'n-a' }, a.tick());
    const byB = changeFor(key, start, { note: 'x-b' }, b.tick());
    for (const order of [
      [byA, byB],
      [byB, byA],
    ]) {
      let rec: SyncRecord | undefined = start;
      for (const c of order) rec = applyChange(rec, c).record;
      expect(valuesOf(rec as SyncRecord)).toEqual({ name: 'n-a', note: 'x-b' });
    }
  });

  it('puts the losing value of two concurrent writes to one field in the conflict list, on either arrival order', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const a = new HybridClock(AUTHORS[0] as string, () => 1000 + Math.floor(r() * 10_000));
      const b = new HybridClock(AUTHORS[1] as string, () => 1000 + Math.floor(r() * 10_000));
      const key = KEYS[0] as (typeof KEYS)[number];
      const first = changeFor(key, undefined, { password: 'p0' }, a.tick());
      const start = applyChange(undefined, first).record;
      // b has the record (it synced), so its clock has seen the stamp; then both edit without syncing again.
      b.observe(first.h);
      const va = `pa${seed}`;
      const vb = `pb${seed}`;
      const byA = changeFor(key, start, { password: va }, a.tick());
      const byB = changeFor(key, start, { password: vb }, b.tick());
      const winner = compareHlc(byA.h, byB.h) > 0 ? va : vb;
      const loser = winner === va ? vb : va;
      for (const [first, second] of [
        [byA, byB],
        [byB, byA],
      ] as const) {
        const one = applyChange(start, first).record;
        const two = applyChange(one, second);
        expect(two.record.fields.password?.v, `seed ${seed}`).toBe(winner);
        expect(
          two.conflicts.map((c) => [c.kept.v, c.lost.v]),
          `seed ${seed}`,
        ).toEqual([[winner, loser]]);
      }
    }
  });

  it('reports no conflict when the later write was made on top of the earlier one', () => {
    const a = new HybridClock(AUTHORS[0] as string, () => 1000);
    const b = new HybridClock(AUTHORS[1] as string, () => 900);
    const key = KEYS[0] as (typeof KEYS)[number];
    const first = changeFor(key, undefined, { password: 'p1' }, a.tick());
    const rec = applyChange(undefined, first).record;
    b.observe(first.h);
    const second = changeFor(key, rec, { password: 'p2' }, b.tick());
    const out = applyChange(rec, second);
    expect(out.record.fields.password?.v).toBe('p2');
    expect(out.conflicts).toEqual([]);
  });
});
