// What a snapshot's cells must pass where they arrive: each cell is judged by its own author (current or
// removed) against every grant that author ever held, and a record whose id already lives in another scope
// is refused whole. Driven through a bare engine context so each rule is seen on its own.
import { describe, expect, it } from 'vitest';
import { admitChange, admitSnapshotRecord } from '../../electron/core/sync/arrival.ts';
import type { EngineContext } from '../../electron/core/sync/engine-context.ts';
import type { TeamMember } from '../../electron/core/sync/team-doc.ts';
import type { Hlc } from '../../shared/domain/sync/hlc.ts';
import type { SyncRecord } from '../../shared/domain/sync/records.ts';
import { staffScope } from '../../shared/domain/sync/scopes.ts';

const OWNER = 'o'.repeat(32);
const LEAD = 'l'.repeat(32);
const GONE = 'g'.repeat(32);
const h = (n: string, w = 1): Hlc => ({ w, c: 0, n });

const member = (id: string, role: TeamMember['role'], shops: string[], past?: TeamMember['past']) =>
  ({
    id,
    sign: 'x',
    box: 'x',
    role,
    shops,
    name: id.slice(0, 1),
    since: 0,
    ...(past ? { past } : {}),
  }) as TeamMember;

function ctxWith(records: SyncRecord[], members: TeamMember[], removed: TeamMember[] = []): EngineContext {
  const state = {
    records: Object.fromEntries(records.map((r) => [`${r.scope}\u0000${r.kind}\u0000${r.id}`, r])),
    teamBody: { members, removed: removed.map((m) => ({ ...m, lastSeq: 3, at: 1 })) },
    reports: [] as { code: string }[],
  };
  return { state, now: () => 0 } as unknown as EngineContext;
}

const sub = (scope: string, fields: SyncRecord['fields'], id = 'x1'): SyncRecord => ({
  scope,
  kind: 'subaccount',
  id,
  fields,
});
const codes = (ctx: EngineContext) => ctx.state.reports.map((r) => r.code);

describe('a snapshot record where it arrives', () => {
  it('is refused whole, with a report, when its id already lives in another shop here', () => {
    const here = sub(staffScope('s1'), { login: { v: 'a', h: h(OWNER), b: null } });
    const ctx = ctxWith([here], [member(OWNER, 'owner', []), member(LEAD, 'lead', ['s1', 's2'])]);
    const moved = sub(staffScope('s2'), { login: { v: 'b', h: h(LEAD, 2), b: null } });
    expect(admitSnapshotRecord(ctx, moved, 'snap-1')).toBeNull();
    expect(codes(ctx)).toEqual(['id-reused']);
    // The same record in its own shop passes.
    expect(admitSnapshotRecord(ctx, { ...moved, scope: staffScope('s1') }, 'snap-1')?.fields.login?.v).toBe(
      'b',
    );
  });

  it("keeps a removed member's cells they were entitled to, and drops an unknown author's", () => {
    const ctx = ctxWith([], [member(OWNER, 'owner', [])], [member(GONE, 'lead', ['s1'])]);
    const rec = sub(staffScope('s1'), {
      login: { v: 'kept', h: h(GONE), b: null },
      note: { v: 'stranger', h: h('z'.repeat(32)), b: null },
    });
    const out = admitSnapshotRecord(ctx, rec, 'snap-1');
    expect(out?.fields.login?.v).toBe('kept');
    expect(out?.fields.note).toBeUndefined();
    expect(codes(ctx)).toEqual(['not-entitled']);
  });

  it('admits a cell written under any grant its author ever held, not only every one', () => {
    // The lead held s2 before (past grant), holds s1 now: a cell in s2 was written under the old grant.
    const lead = member(LEAD, 'lead', ['s1'], [{ role: 'lead', shops: ['s2'], through: 5 }]);
    const ctx = ctxWith([], [member(OWNER, 'owner', []), lead]);
    const rec = sub(staffScope('s2'), { login: { v: 'then', h: h(LEAD), b: null } });
    expect(admitSnapshotRecord(ctx, rec, 'snap-1')?.fields.login?.v).toBe('then');
    // A shop it never held is refused, and nothing is left of the record.
    const never = sub(staffScope('s3'), { login: { v: 'no', h: h(LEAD), b: null } });
    expect(admitSnapshotRecord(ctx, never, 'snap-1')).toBeNull();
    expect(codes(ctx)).toEqual(['not-entitled']);
  });
});

describe('a change where it arrives', () => {
  it('refuses an id living in another shop even when the grant allows the write', () => {
    const here = sub(staffScope('s1'), { login: { v: 'a', h: h(OWNER), b: null } });
    const ctx = ctxWith([here], [member(OWNER, 'owner', []), member(LEAD, 'lead', ['s1', 's2'])]);
    const change = {
      scope: staffScope('s2'),
      kind: 'subaccount',
      id: 'x1',
      h: h(LEAD, 2),
      set: { login: { v: 'b', b: null } },
    };
    expect(admitChange(ctx, LEAD, { role: 'lead', shops: ['s1', 's2'] }, change, 'seg-1')).toBe(false);
    expect(codes(ctx)).toEqual(['id-reused']);
    expect(
      admitChange(ctx, LEAD, { role: 'lead', shops: ['s1', 's2'] }, { ...change, id: 'x2' }, 'seg-1'),
    ).toBe(true);
  });
});
