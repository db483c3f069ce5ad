// The per-field merge rules' edges: list values compare by content, a conflict is settled by a later write to
// its field (and only its own record's), a snapshot record merges like its changes, a tombstone is a field.
import { describe, expect, it } from 'vitest';
import type { Hlc } from '../../shared/domain/sync/hlc.ts';
import {
  applyChange,
  isDeleted,
  mergeRecord,
  openConflicts,
  sameValue,
  valuesOf,
} from '../../shared/domain/sync/records.ts';

const h = (w: number, n = 'a'.repeat(32)): Hlc => ({ w, c: 0, n });
const key = { scope: 'global', kind: 'person', id: 'p1' };

describe('merge edges', () => {
  it('compares list values by content', () => {
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameValue(['a', 'b'], ['a'])).toBe(false);
    expect(sameValue(['a'], ['a', 'b'])).toBe(false);
    expect(sameValue(['a', 'b'], ['a', 'c'])).toBe(false);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue(['a'], 'a')).toBe(false);
    expect(sameValue('x', 'x')).toBe(true);
  });

  it('keeps a concurrent loser as a conflict until a later write settles that field', () => {
    const first = applyChange(undefined, { ...key, h: h(1), set: { name: { v: '王一', b: null } } }).record;
    const both = applyChange(first, {
      ...key,
      h: h(2, 'b'.repeat(32)),
      set: { name: { v: '王二', b: null } },
    });
    expect(both.conflicts).toHaveLength(1);
    expect(both.changed).toBe(true);
    expect(both.record.fields.name?.v).toBe('王二');
    // The same change again changes nothing and reports nothing.
    const again = applyChange(both.record, {
      ...key,
      h: h(2, 'b'.repeat(32)),
      set: { name: { v: '王二', b: null } },
    });
    expect(again.changed).toBe(false);
    expect(again.conflicts).toEqual([]);
    // An older write loses without changing anything.
    const older = applyChange(both.record, { ...key, h: h(0), set: { name: { v: '旧', b: null } } });
    expect(older.changed).toBe(false);
    expect(older.record.fields.name?.v).toBe('王二');
    const open = both.conflicts;
    const other = applyChange(undefined, {
      ...key,
      id: 'p2',
      h: h(9),
      set: { name: { v: 'x', b: null } },
    }).record;
    expect(openConflicts(open, other)).toEqual(open);
    // A write to the same id in another scope or of another kind settles nothing here.
    const later = { name: { v: 'y', h: h(9), b: null } };
    for (const elsewhere of [
      { ...key, scope: 'shop:s1:staff', fields: later },
      { ...key, kind: 'template', fields: later },
    ])
      expect(openConflicts(open, elsewhere)).toEqual(open);
    // Nor does a write to another field of the same record.
    expect(openConflicts(open, { ...key, fields: { note: { v: 'n', h: h(9), b: null } } })).toEqual(open);
    expect(openConflicts(open, both.record)).toEqual(open);
    const settled = applyChange(both.record, {
      ...key,
      h: h(3),
      set: { name: { v: '王三', b: h(2, 'b'.repeat(32)) } },
    });
    expect(openConflicts(open, settled.record)).toEqual([]);
    // A quiet bookkeeping field never makes one.
    const q = applyChange(first, {
      ...key,
      h: h(2, 'b'.repeat(32)),
      set: { updatedAt: { v: 'later', b: null } },
    });
    const q2 = applyChange(q.record, { ...key, h: h(3), set: { updatedAt: { v: 'other', b: null } } });
    expect(q2.conflicts).toEqual([]);
  });

  it('merges a snapshot record field by field, with its conflicts, and reads a tombstone as deleted', () => {
    const here = applyChange(undefined, { ...key, h: h(5), set: { name: { v: '本机', b: null } } }).record;
    const snap = {
      ...key,
      fields: { name: { v: '快照', h: h(6, 'c'.repeat(32)), b: null }, note: { v: 'n', h: h(1), b: null } },
    };
    const m = mergeRecord(here, snap);
    expect(m.changed).toBe(true);
    expect(m.record.fields.name?.v).toBe('快照');
    expect(m.conflicts).toHaveLength(1);
    expect(mergeRecord(undefined, { ...key, fields: {} }).record).toEqual({ ...key, fields: {} });
    const gone = applyChange(m.record, { ...key, h: h(7), set: { _deleted: { v: true, b: null } } }).record;
    expect(isDeleted(gone)).toBe(true);
    expect(isDeleted(m.record)).toBe(false);
    expect(valuesOf(gone)).toEqual({ name: '快照', note: 'n' });
  });
});
