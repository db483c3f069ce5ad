// Three members (owner, admin, lead) on three machines, synchronising through each kind of target the
// product supports — Apache mod_dav and rclone's WebDAV server, both started here on loopback, and a shared
// folder — with every guarantee of the design checked where a user would notice it.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { keyId } from '../../electron/core/sync/crypto/scope-keys.ts';
import { encodeSegment, openSegment, readSegment } from '../../electron/core/sync/segment.ts';
import { segmentName, TEAM_FILE } from '../../electron/core/sync/targets/target.ts';
import { mainScope, staffScope } from '../../shared/domain/sync/scopes.ts';
import { type StartedTarget, targetKinds, useTarget } from './support/target-kinds.ts';
import { canaryHits, davTarget, type Machine, settle, threeMemberTeam } from './support/team-cores.ts';

const kinds = targetKinds(['apache', 'rclone', 'folder']);

/** What a lead's machine holds in any form: its state and outbox, opened with its own key. */
function plainOf(m: Machine): string {
  const parts: string[] = [];
  for (const f of fs.readdirSync(m.dir, { recursive: true }) as string[]) {
    if (fs.statSync(path.join(m.dir, f)).isDirectory()) continue;
    const raw = fs.readFileSync(path.join(m.dir, f));
    if (f === 'state.bin') parts.push(m.sealer.open(raw, 'shopwarden/sync/state').toString('utf8'));
    else if (f === 'outbox.log')
      for (const line of raw.toString('latin1').split('\n').filter(Boolean))
        parts.push(m.sealer.open(Buffer.from(line, 'base64url'), 'shopwarden/sync/outbox').toString('utf8'));
    else parts.push(raw.toString('latin1'));
  }
  return `${parts.join('\n')}\n${JSON.stringify(m.engine.allRecords())}`;
}

/** Records in a canonical form (field order is insertion order, which differs between machines). */
const stateOf = (m: Machine) => structuredClone(m.engine.allRecords());

describe.each(kinds)('team sync over $name', (kind) => {
  const { server: started, skipReason } = useTarget(kind);
  let server: StartedTarget;
  beforeEach(() => {
    if (kind.available) server = started();
  });

  it.skipIf(!kind.available)(
    `three members edit at once and converge; the lead never holds a main-account secret ${skipReason}`,
    async () => {
      const t = await threeMemberTeam(server.makeTarget);
      const [shopA, shopB] = t.shops;
      const all = [t.owner, t.admin, t.lead];
      // The owner keeps the main account; a lead is refused locally before anything is written.
      t.owner.engine.put(
        { scope: mainScope(shopA), kind: 'shop-main', id: shopA },
        { password: 'CANARY-main-Aa1' },
      );
      t.owner.engine.put(
        { scope: mainScope(shopB), kind: 'shop-main', id: shopB },
        { password: 'CANARY-main-Bb2' },
      );
      t.owner.engine.put(
        { scope: staffScope(shopA), kind: 'shop', id: shopA },
        { name: '美妆旗舰店', platform: 'taobao' },
      );
      t.owner.engine.put(
        { scope: staffScope(shopB), kind: 'shop', id: shopB },
        { name: 'CANARY-shopB-name', platform: 'jd' },
      );
      t.owner.engine.put({ scope: 'private', kind: 'deposit', id: 'd1' }, { account: 'CANARY-bank-6222' });
      expect(() =>
        t.lead.engine.put({ scope: mainScope(shopA), kind: 'shop-main', id: shopA }, { password: 'x' }),
      ).toThrow(/not entitled/);
      await settle(all);
      // Concurrent edits on all three: different fields merge, the same field resolves one way everywhere.
      const sub = { scope: staffScope(shopA), kind: 'subaccount', id: 'sub1' };
      t.lead.engine.put(sub, { name: '美妆旗舰店:小美', password: 'lead-pw-1', note: 'from lead' });
      t.admin.engine.put(sub, { password: 'admin-pw-2', template: 'presales' });
      t.owner.engine.put(sub, { password: 'owner-pw-3', disabled: false });
      t.admin.engine.put(
        { scope: 'global', kind: 'person', id: 'p1' },
        { name: '王小二', phone: 'CANARY-13800138000' },
      );
      await Promise.all(all.map((m) => m.engine.syncNow()));
      await settle(all);
      expect(stateOf(t.admin)).toEqual(stateOf(t.owner));
      const sub1 = t.owner.engine.get(sub);
      expect(sub1?.fields.note?.v).toBe('from lead');
      expect(sub1?.fields.template?.v).toBe('presales');
      expect(['lead-pw-1', 'admin-pw-2', 'owner-pw-3']).toContain(sub1?.fields.password?.v);
      // The two values that lost are in the owner's conflict list.
      const lost = t.owner.engine.conflicts().map((c) => c.lost.v);
      expect(lost.length).toBeGreaterThanOrEqual(1);
      // The lead sees its shop, the staff registry and the merged sub-account, and nothing else.
      expect(t.lead.engine.get(sub)?.fields.password?.v).toBe(sub1?.fields.password?.v);
      expect(t.lead.engine.get({ scope: staffScope(shopA), kind: 'shop', id: shopA })?.fields.name?.v).toBe(
        '美妆旗舰店',
      );
      expect(t.lead.engine.records({ scope: staffScope(shopB) })).toEqual([]);
      expect(t.lead.engine.scopes()).toEqual(['global', staffScope(shopA), 'team'].sort());
      const leadPlain = plainOf(t.lead);
      for (const c of ['CANARY-main-Aa1', 'CANARY-main-Bb2', 'CANARY-bank-6222', 'CANARY-shopB-name'])
        expect(leadPlain.includes(c), c).toBe(false);
      // The lead's machine does hold what it is entitled to (so the scan above can find things).
      expect(leadPlain.includes('lead-pw-1') || leadPlain.includes(String(sub1?.fields.password?.v))).toBe(
        true,
      );
      // The server holds no plaintext at all: no secret, no name, no phone.
      for (const c of [
        'CANARY-main-Aa1',
        'CANARY-bank-6222',
        'CANARY-shopB-name',
        'CANARY-13800138000',
        '美妆旗舰店',
        '王小二',
        '小美',
        'lead-pw-1',
        '老板',
        '客服主管小李',
        'shopA',
        'subaccount',
      ])
        expect(canaryHits(server.root, c), c).toEqual([]);
    },
  );

  it.skipIf(!kind.available)(
    `a removed member's keys open nothing written afterwards ${skipReason}`,
    async () => {
      const t = await threeMemberTeam(server.makeTarget);
      const [shopA] = t.shops;
      const all = [t.owner, t.admin, t.lead];
      t.owner.engine.put(
        { scope: staffScope(shopA), kind: 'subaccount', id: 'old' },
        { name: 'a:old', password: 'seen-before' },
      );
      await settle(all);
      expect(t.lead.engine.get({ scope: staffScope(shopA), kind: 'subaccount', id: 'old' })).toBeDefined();
      const leadKeys = new Map(
        (
          JSON.parse(
            t.lead.sealer
              .open(fs.readFileSync(path.join(t.lead.dir, 'state.bin')), 'shopwarden/sync/state')
              .toString(),
          ).keys as Array<{ scope: string; epoch: number; key: string }>
        ).map((k) => [keyId(k), k]),
      );
      const rotate = await t.owner.engine.removeMember(t.lead.engine.memberId);
      // The rotation checklist names every password the lead could see.
      expect(rotate.map((r) => r.name)).toContain('a:old');
      t.owner.engine.put(
        { scope: staffScope(shopA), kind: 'subaccount', id: 'new' },
        { name: 'a:new', password: 'written-after' },
      );
      t.admin.engine.put(
        { scope: staffScope(shopA), kind: 'subaccount', id: 'new2' },
        { name: 'a:new2', password: 'admin-after' },
      );
      // The lead, not yet aware, writes too: refused by everyone else.
      t.lead.engine.put(
        { scope: staffScope(shopA), kind: 'subaccount', id: 'old' },
        { password: 'lead-after-removal' },
      );
      await settle([t.owner, t.admin]);
      await t.lead.engine.syncNow();
      await settle([t.owner, t.admin]);
      expect(t.lead.engine.get({ scope: staffScope(shopA), kind: 'subaccount', id: 'new' })).toBeUndefined();
      expect(t.lead.engine.status().phase).toBe('removed');
      expect(
        t.owner.engine.get({ scope: staffScope(shopA), kind: 'subaccount', id: 'old' })?.fields.password?.v,
      ).toBe('seen-before');
      expect(t.owner.engine.status().reports.map((r) => r.code)).toContain('removed-author');
      expect(
        t.admin.engine.get({ scope: staffScope(shopA), kind: 'subaccount', id: 'new' })?.fields.password?.v,
      ).toBe('written-after');
      // Every segment written after the removal, tried with every key the lead ever held: nothing opens.
      const target = server.makeTarget();
      const after = (await target.list()).filter(
        (e) => e.name.startsWith('s-') && !e.name.includes(t.lead.engine.memberId),
      );
      let opened = 0;
      let checked = 0;
      for (const e of after) {
        const seg = readSegment((await target.get(e.name)) as Buffer);
        const o = seg && openSegment(seg, leadKeys);
        const texts = JSON.stringify(o?.groups.flatMap((g) => g.items) ?? []);
        if (texts.includes('written-after') || texts.includes('admin-after')) opened++;
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
      expect(opened).toBe(0);
    },
  );

  it.skipIf(!kind.available)(
    `a flipped byte in a remote segment is refused and local data untouched; an old member list served again is detected ${skipReason}`,
    async () => {
      const t = await threeMemberTeam(server.makeTarget);
      const [shopA] = t.shops;
      const target = server.makeTarget();
      const oldTeam = (await target.get(TEAM_FILE)) as Buffer;
      t.admin.engine.put(
        { scope: staffScope(shopA), kind: 'subaccount', id: 's1' },
        { name: 'a:s1', password: 'one' },
      );
      await t.admin.engine.syncNow();
      await t.owner.engine.syncNow();
      const before = stateOf(t.owner);
      t.admin.engine.put({ scope: staffScope(shopA), kind: 'subaccount', id: 's1' }, { password: 'two' });
      await t.admin.engine.syncNow();
      const newest = (await target.list())
        .filter((e) => e.name.startsWith(`s-${t.admin.engine.memberId}`))
        .sort((a, b) => (a.name < b.name ? 1 : -1))[0];
      const bytes = (await target.get(newest?.name as string)) as Buffer;
      const mid = Math.floor(bytes.length / 2);
      bytes.writeUInt8(bytes.readUInt8(mid) ^ 0x10, mid);
      await target.put(newest?.name as string, bytes);
      await t.owner.engine.syncNow();
      expect(stateOf(t.owner)).toEqual(before);
      const tampered = t.owner.engine.status().reports.find((r) => r.code === 'set-aside');
      expect(tampered?.zh).toMatch(/篡改或损坏/);
      expect(tampered?.en).toMatch(/altered or damaged/);
      // The member list is taken back to an older version: refused, the current one kept.
      // A shop granted later brings its history with it.
      const bOld = { scope: staffScope(t.shops[1]), kind: 'subaccount', id: 'b-old' };
      t.owner.engine.put(bOld, { name: 'b:old', password: 'pb' });
      await t.owner.engine.syncNow();
      await t.lead.engine.syncNow();
      expect(t.lead.engine.get(bOld)).toBeUndefined();
      await t.owner.engine.setMemberGrant(t.lead.engine.memberId, { role: 'lead', shops: t.shops });
      await t.lead.engine.syncNow();
      expect(t.lead.engine.get(bOld)?.fields.password?.v).toBe('pb');
      const version = t.lead.engine.team().version;
      expect(version).toBeGreaterThan(1);
      expect(t.lead.engine.scopes()).toContain(staffScope(t.shops[1]));
      await target.put(TEAM_FILE, oldTeam);
      await t.lead.engine.syncNow();
      expect(t.lead.engine.team().version).toBe(version);
      expect(t.lead.engine.status().reports.map((r) => r.code)).toContain('rollback');
    },
  );

  it.skipIf(!kind.available)(
    `a lead's own signed segment writing a main account, another shop or with another's stamp is refused ${skipReason}`,
    async () => {
      const t = await threeMemberTeam(server.makeTarget);
      const [shopA, shopB] = t.shops;
      t.owner.engine.put(
        { scope: mainScope(shopA), kind: 'shop-main', id: shopA },
        { s_mainPassword: 'real-main' },
      );
      await settle([t.owner, t.admin, t.lead]);
      const before = structuredClone(t.owner.engine.allRecords());
      // The lead's machine, tampered with: it signs with its own key and seals with the only key it has for
      // shop A (staff), but the changes inside claim other scopes or another member's stamp.
      const state = JSON.parse(
        t.lead.sealer
          .open(fs.readFileSync(path.join(t.lead.dir, 'state.bin')), 'shopwarden/sync/state')
          .toString(),
      );
      const staffKey = (state.keys as Array<{ scope: string; epoch: number; key: string }>).find(
        (k) => k.scope === staffScope(shopA),
      );
      const stamp = { w: Date.now() + 3600_000, c: 0, n: state.me.id };
      const forged = [
        {
          scope: mainScope(shopA),
          kind: 'shop-main',
          id: shopA,
          h: stamp,
          set: { s_mainPassword: { v: 'stolen', b: null } },
        },
        {
          scope: staffScope(shopB),
          kind: 'subaccount',
          id: 'x',
          h: { ...stamp, c: 1 },
          set: { name: { v: 'b:x', b: null } },
        },
        {
          scope: staffScope(shopA),
          kind: 'subaccount',
          id: 'y',
          h: { ...stamp, c: 2, n: t.owner.engine.memberId },
          set: { name: { v: 'a:y', b: null } },
        },
      ];
      const bytes = encodeSegment({
        team: state.team,
        author: state.me,
        seq: state.mySeq + 1,
        prev: state.myHead,
        changes: forged as never,
        keys: new Map(forged.map((c) => [c.scope, staffKey as NonNullable<typeof staffKey>])),
      });
      await server.makeTarget().put(segmentName(state.me.id, state.mySeq + 1), bytes);
      await t.owner.engine.syncNow();
      await t.admin.engine.syncNow();
      for (const m of [t.owner, t.admin]) {
        expect(structuredClone(m.engine.allRecords())).toEqual(before);
        const codes = m.engine.status().reports.map((r) => r.code);
        expect(codes).toContain('not-entitled');
        expect(codes).toContain('forged-stamp');
      }
      expect(
        t.owner.engine.get({ scope: mainScope(shopA), kind: 'shop-main', id: shopA })?.fields.s_mainPassword
          ?.v,
      ).toBe('real-main');
    },
  );

  it.skipIf(!kind.available)(
    `clocks hours apart and a member offline for 100 changes still converge ${skipReason}`,
    async () => {
      const hour = 3600_000;
      const t = await threeMemberTeam(server.makeTarget, [0, 5 * hour, -7 * hour]);
      const [shopA] = t.shops;
      // The lead works offline (its requests fail), 100 changes; the others keep editing the same records.
      const offline = t.lead.reopen(unreachableTarget());
      for (let i = 0; i < 100; i++) {
        offline.engine.put(
          { scope: staffScope(shopA), kind: 'subaccount', id: `r${i % 20}` },
          { name: `a:r${i % 20}`, note: `lead ${i}` },
        );
        if (i % 10 === 0)
          t.admin.engine.put(
            { scope: staffScope(shopA), kind: 'subaccount', id: `r${i % 20}` },
            { note: `admin ${i}`, template: 'aftersales' },
          );
      }
      await expect(offline.engine.syncNow()).rejects.toThrow();
      expect(offline.engine.status()).toMatchObject({ phase: 'offline', waiting: 100 });
      expect(offline.engine.status().error?.zh).toMatch(/连不上/);
      await settle([t.owner, t.admin]);
      // Back online: the same data folder, the real target.
      const back = offline.reopen();
      await settle([t.owner, t.admin, back]);
      expect(back.engine.status().waiting).toBe(0);
      expect(stateOf(t.owner)).toEqual(stateOf(t.admin));
      // The lead holds exactly the owner's records of the scopes it may read, and nothing else.
      const leadView = back.engine.allRecords();
      const readable = new Set([staffScope(shopA), 'global']);
      for (const [k, r] of Object.entries(t.owner.engine.allRecords()))
        if (readable.has(r.scope)) expect(leadView[k]).toEqual(r);
        else expect(leadView[k]).toBeUndefined();
      expect(t.owner.engine.records({ kind: 'subaccount' })).toHaveLength(20);
    },
  );
});

/** A target that is never reachable (a closed loopback port): the machine is offline. */
function unreachableTarget() {
  return davTarget({ url: 'http://127.0.0.1:9/team', username: 'x', password: 'y' })();
}
