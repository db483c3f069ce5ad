// Snapshots and compaction: the owner folds the history into a snapshot and deletes what it covers, and
// every member — one who was away while the segments went, one who joins afterwards, a lead given a new
// shop — still ends with exactly what the full history gives, reading the snapshot instead of the history.
// Against real Apache mod_dav (started here on loopback) and a shared folder.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncTarget } from '../../electron/core/sync/targets/target.ts';
import { parseSegmentName, parseSnapshotName } from '../../electron/core/sync/targets/target.ts';
import { compareHlc } from '../../shared/domain/sync/hlc.ts';
import { mainScope, staffScope } from '../../shared/domain/sync/scopes.ts';
import { type StartedTarget, targetKinds, useTarget } from './support/target-kinds.ts';
import {
  canaryHits,
  folderTarget,
  invite,
  type Machine,
  machine,
  settle,
  type TargetMaker,
  tempDir,
  threeMemberTeam,
} from './support/team-cores.ts';

const kinds = targetKinds(['apache', 'folder']);

/** Small figures so a test makes a snapshot after a dozen uploads rather than two hundred. */
const COMPACT = { compact: { after: 12, deletes: 1000 } };

const stateOf = (m: Machine) => structuredClone(m.engine.allRecords());

/** Records of the scopes a member can read, as the owner holds them. */
function ownerView(owner: Machine, scopes: readonly string[]) {
  return Object.fromEntries(
    Object.entries(stateOf(owner)).filter(([, r]) => scopes.includes(r.scope) || r.scope === 'global'),
  );
}

async function names(target: SyncTarget) {
  return (await target.list()).map((e) => e.name);
}

/** This team's snapshots (earlier tests' teams share the server root). */
const snapshotsOf = (listed: readonly string[], owner: Machine) =>
  listed.filter((n) => parseSnapshotName(n)?.owner === owner.engine.memberId);

/** Counts the files a machine downloads during one sync. */
function countingTarget(make: TargetMaker): { target: SyncTarget; gets: string[] } {
  const inner = make();
  const gets: string[] = [];
  const target: SyncTarget = {
    ensure: () => inner.ensure(),
    list: () => inner.list(),
    get: (n) => {
      gets.push(n);
      return inner.get(n);
    },
    put: (n, b) => inner.put(n, b),
    remove: (n) => inner.remove(n),
    counters: inner.counters,
  };
  return { target, gets };
}

/** Twenty uploads from the admin and the owner: sub-accounts in both shops, main passwords, edits, a delete. */
async function history(owner: Machine, admin: Machine, shops: readonly string[]) {
  const [shopA, shopB] = shops as [string, string];
  owner.engine.put({ scope: mainScope(shopA), kind: 'shop-main', id: shopA }, { password: 'CANARY-main-A' });
  owner.engine.put({ scope: mainScope(shopB), kind: 'shop-main', id: shopB }, { password: 'CANARY-main-B' });
  await owner.engine.syncNow();
  for (let i = 0; i < 10; i++) {
    const shop = i % 2 ? shopB : shopA;
    admin.engine.put(
      { scope: staffScope(shop), kind: 'subaccount', id: `sub${i}` },
      { name: `店:客服${i}`, password: `pw-${i}-a` },
    );
    await admin.engine.syncNow();
    owner.engine.put({ scope: staffScope(shop), kind: 'subaccount', id: `sub${i}` }, { note: `第${i}号` });
    await owner.engine.syncNow();
  }
  admin.engine.remove({ scope: staffScope(shopA), kind: 'subaccount', id: 'sub0' });
  await admin.engine.syncNow();
}

describe.each(kinds)('snapshots and compaction over $name', (kind) => {
  const { server: started, skipReason } = useTarget(kind);
  let server: StartedTarget;
  beforeEach(() => {
    if (kind.available) server = started();
  });

  it.skipIf(!kind.available)(
    `a member away while the history was compacted, and one who joins afterwards, both end where the owner is ${skipReason}`,
    async () => {
      const t = await threeMemberTeam(server.makeTarget, [0, 0, 0], COMPACT);
      const [shopA] = t.shops;
      await settle([t.owner, t.admin, t.lead]);
      // The lead goes away; the history grows, and the owner compacts it.
      await history(t.owner, t.admin, t.shops);
      await t.owner.engine.syncNow();
      const target = server.makeTarget();
      const listed = await names(target);
      expect(snapshotsOf(listed, t.owner)).toHaveLength(1);
      // The old segments are gone: fewer than the twenty-odd uploads remain.
      const mine = new Set([t.owner, t.admin, t.lead].map((m) => m.engine.memberId));
      const segs = listed.filter((n) => mine.has(parseSegmentName(n)?.author ?? ''));
      expect(segs.length).toBeLessThan(12);
      // The snapshot holds no plaintext.
      for (const c of ['CANARY-main-A', 'pw-3-a', '客服', shopA])
        expect(canaryHits(server.root, c)).toEqual([]);

      // The lead comes back: it reads the snapshot instead of the deleted history.
      await settle([t.owner, t.admin, t.lead]);
      const leadScopes = [staffScope(shopA)];
      expect(stateOf(t.lead)).toEqual(ownerView(t.owner, leadScopes));
      expect(
        t.lead.engine.get({ scope: staffScope(shopA), kind: 'subaccount', id: 'sub2' })?.fields.note?.v,
      ).toBe('第2号');
      expect(JSON.stringify(stateOf(t.lead))).not.toContain('CANARY-main');
      expect(canaryHits(t.lead.dir, 'CANARY-main-A')).toEqual([]);
      expect(t.lead.engine.status().reports).toEqual([]);

      // A member who joins now reads one snapshot and the few segments after it, not the history.
      const counting = countingTarget(server.makeTarget);
      const late = machine(server.makeTarget, { ...COMPACT, target: counting.target });
      await invite(t.owner.engine, late.engine, '新管理员', { role: 'admin', shops: [] });
      await settle([t.owner, t.admin, t.lead, late]);
      expect(stateOf(late)).toEqual(stateOf(t.owner));
      expect(stateOf(t.admin)).toEqual(stateOf(t.owner));
      const segmentGets = counting.gets.filter((n) => parseSegmentName(n)).length;
      expect(counting.gets.filter((n) => parseSnapshotName(n)).length).toBeGreaterThanOrEqual(1);
      expect(segmentGets).toBeLessThan(12);
      expect(late.engine.status().reports).toEqual([]);

      // Work goes on after the compaction: an edit anywhere reaches everyone.
      t.lead.engine.put(
        { scope: staffScope(shopA), kind: 'subaccount', id: 'sub2' },
        { password: 'after-snap' },
      );
      await settle([t.owner, t.admin, t.lead, late]);
      for (const m of [t.admin, late])
        expect(
          m.engine.get({ scope: staffScope(shopA), kind: 'subaccount', id: 'sub2' })?.fields.password?.v,
        ).toBe('after-snap');
    },
  );

  it.skipIf(!kind.available)(
    `with the owner away an admin compacts; a member who joins later catches up from it; a demoted admin's snapshot is replaced ${skipReason}`,
    async () => {
      const t = await threeMemberTeam(server.makeTarget, [0, 0, 0], COMPACT);
      const [shopA] = t.shops;
      await settle([t.owner, t.admin, t.lead]);
      // The owner's computer is off: only the admin and the lead work, 30 uploads between them.
      for (let i = 0; i < 15; i++) {
        t.admin.engine.put(
          { scope: staffScope(shopA), kind: 'subaccount', id: `away${i}` },
          { nickname: `A:${i}` },
        );
        await t.admin.engine.syncNow();
        t.lead.engine.put(
          { scope: staffScope(shopA), kind: 'subaccount', id: `away${i}` },
          { note: `第${i}号` },
        );
        await t.lead.engine.syncNow();
      }
      await t.admin.engine.syncNow();
      await t.admin.engine.syncNow();
      const target = server.makeTarget();
      const byAdmin = snapshotsOf(await names(target), t.admin);
      expect(byAdmin).toHaveLength(1);
      const team = new Set([t.owner, t.admin, t.lead].map((m) => m.engine.memberId));
      const segs = (await names(target)).filter((n) => team.has(parseSegmentName(n)?.author ?? ''));
      expect(segs.length).toBeLessThan(12);
      // The owner comes back and invites someone; the newcomer reads the admin's snapshot.
      const late = machine(server.makeTarget, COMPACT);
      await invite(t.owner.engine, late.engine, '新管理员', { role: 'admin', shops: [] });
      await settle([t.owner, t.admin, t.lead, late]);
      expect(stateOf(late)).toEqual(stateOf(t.owner));
      expect(late.engine.records({ kind: 'subaccount' })).toHaveLength(15);
      expect(late.engine.status().reports).toEqual([]);
      // The admin is made a lead: its snapshot no longer counts; the owner writes one of its own at once and
      // the old one goes, and a member joining after that still gets everything.
      await t.owner.engine.setMemberGrant(t.admin.engine.memberId, { role: 'lead', shops: [shopA] });
      await settle([t.owner, t.admin, t.lead, late]);
      await t.owner.engine.syncNow();
      await t.owner.engine.syncNow();
      expect(snapshotsOf(await names(target), t.admin)).toEqual([]);
      expect(snapshotsOf(await names(target), t.owner).length).toBeGreaterThan(0);
      const later = machine(server.makeTarget, COMPACT);
      await invite(t.owner.engine, later.engine, '又一位管理员', { role: 'admin', shops: [] });
      await settle([t.owner, later]);
      expect(later.engine.records({ kind: 'subaccount' })).toHaveLength(15);
    },
  );

  it.skipIf(!kind.available)(
    `a lead granted a shop after its history was compacted gets that history from the snapshot ${skipReason}`,
    async () => {
      const t = await threeMemberTeam(server.makeTarget, [0, 0, 0], COMPACT);
      const [shopA, shopB] = t.shops;
      await history(t.owner, t.admin, t.shops);
      await settle([t.owner, t.admin, t.lead]);
      await t.owner.engine.syncNow();
      expect(snapshotsOf(await names(server.makeTarget()), t.owner)).toHaveLength(1);
      expect(t.lead.engine.records({ scope: staffScope(shopB) })).toEqual([]);
      await t.owner.engine.setMemberGrant(t.lead.engine.memberId, { role: 'lead', shops: [shopA, shopB] });
      await settle([t.owner, t.admin, t.lead]);
      expect(stateOf(t.lead)).toEqual(ownerView(t.owner, [staffScope(shopA), staffScope(shopB)]));
      expect(t.lead.engine.records({ scope: staffScope(shopB), kind: 'subaccount' })).toHaveLength(5);
      expect(JSON.stringify(stateOf(t.lead))).not.toContain('CANARY-main');
    },
  );

  it.skipIf(!kind.available)(
    `an altered snapshot is refused with local data untouched, and an older one served again is reported ${skipReason}`,
    async () => {
      const t = await threeMemberTeam(server.makeTarget, [0, 0, 0], COMPACT);
      await history(t.owner, t.admin, t.shops);
      await t.owner.engine.syncNow();
      const target = server.makeTarget();
      const [first] = snapshotsOf(await names(target), t.owner) as [string];
      const firstBytes = (await target.get(first)) as Buffer;
      // The lead, away for the whole history, finds the snapshot altered by one byte.
      const before = stateOf(t.lead);
      const bad = Buffer.from(firstBytes);
      bad[bad.length - 100] = (bad[bad.length - 100] ?? 0) ^ 0x01;
      await target.put(first, bad);
      await t.lead.engine.syncNow();
      // Nothing of the altered file is taken: whatever the lead holds now it has from segments still on the
      // server (reading carries on past what the snapshot covered), each field no newer than the owner's.
      const owner = t.owner.engine.allRecords();
      for (const [k, r] of Object.entries(t.lead.engine.allRecords()))
        for (const [f, cell] of Object.entries(r.fields)) {
          const theirs = owner[k]?.fields[f];
          expect(theirs, `${k} ${f}`).toBeDefined();
          expect(compareHlc(cell.h, theirs?.h ?? cell.h)).toBeLessThanOrEqual(0);
        }
      expect(Object.keys(before).length).toBeLessThanOrEqual(Object.keys(stateOf(t.lead)).length);
      const codes = t.lead.engine.status().reports.map((r) => r.code);
      expect(codes).toContain('tampered');
      expect(t.lead.engine.status().reports.find((r) => r.code === 'tampered')?.zh).toContain(first);
      // Put right, it is read and the lead catches up.
      await target.put(first, firstBytes);
      await settle([t.owner, t.admin, t.lead]);
      expect(
        t.lead.engine.records({ scope: staffScope(t.shops[0]), kind: 'subaccount' }).length,
      ).toBeGreaterThan(0);
      // A second round replaces the first; serving the first again (and hiding the second) is a rollback.
      await history(t.owner, t.admin, t.shops);
      await settle([t.owner, t.admin, t.lead]);
      await t.owner.engine.syncNow();
      await t.lead.engine.syncNow();
      const second = snapshotsOf(await names(target), t.owner);
      expect(second.some((n) => n !== first)).toBe(true);
      const recordsBefore = stateOf(t.lead);
      for (const n of second) await target.remove(n);
      await target.put(first, firstBytes);
      await t.lead.engine.syncNow();
      expect(t.lead.engine.status().reports.map((r) => r.code)).toContain('rollback');
      expect(stateOf(t.lead)).toEqual(recordsBefore);
    },
  );
});

describe('compaction budget', () => {
  it('deletes at most the configured number of files per sync, and never one a member still needs', async () => {
    const dir = tempDir('shared');
    const inner = folderTarget(path.join(dir, 'team'));
    const removed: string[] = [];
    const make: TargetMaker = () => {
      const t = inner();
      return {
        ...t,
        list: () => t.list(),
        get: (n) => t.get(n),
        put: (n, b) => t.put(n, b),
        ensure: () => t.ensure(),
        counters: t.counters,
        remove: async (n) => {
          removed.push(n);
          await t.remove(n);
        },
      };
    };
    const t = await threeMemberTeam(make, [0, 0, 0], { compact: { after: 12, deletes: 4 } });
    const [shopA] = t.shops;
    const perSync: number[] = [];
    for (let i = 0; i < 30; i++) {
      t.admin.engine.put(
        { scope: staffScope(shopA), kind: 'subaccount', id: `s${i % 7}` },
        { note: `第${i}次` },
      );
      await t.admin.engine.syncNow();
      const n = removed.length;
      await t.owner.engine.syncNow();
      perSync.push(removed.length - n);
    }
    expect(Math.max(...perSync)).toBeLessThanOrEqual(4);
    expect(removed.length).toBeGreaterThan(0);
    // An upload after the last snapshot stays however often the owner syncs.
    t.admin.engine.put({ scope: 'global', kind: 'person', id: 'late' }, { name: '后来的人' });
    await t.admin.engine.syncNow();
    const late = (await names(make())).filter((n) => parseSegmentName(n)?.author === t.admin.engine.memberId);
    const newest = late.sort().at(-1) as string;
    for (let i = 0; i < 10; i++) await t.owner.engine.syncNow();
    expect(await names(make())).toContain(newest);
    // Files of an author nobody knows (a stray upload, another program) never make the owner compact again.
    const rounds = async () => (await names(make())).filter((n) => parseSnapshotName(n)).sort();
    const before = await rounds();
    const stray = 'f'.repeat(32);
    for (let i = 1; i <= 20; i++)
      fs.writeFileSync(path.join(dir, 'team', `s-${stray}-${String(i).padStart(10, '0')}.sws`), 'junk');
    for (let i = 0; i < 5; i++) await t.owner.engine.syncNow();
    expect(await rounds()).toEqual(before);
    expect(removed.filter((n) => n.includes(stray))).toEqual([]);
    // Nothing a member needs went: one joining now, and the lead who was away, end where the owner is.
    const joiner = machine(make);
    await invite(t.owner.engine, joiner.engine, '新管理员', { role: 'admin', shops: [] });
    await settle([t.owner, t.admin, t.lead, joiner]);
    expect(stateOf(joiner)).toEqual(stateOf(t.owner));
    expect(stateOf(t.lead)).toEqual(ownerView(t.owner, [staffScope(shopA)]));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
