// A member's computer dies and its data folder comes back from an older backup (the sync state with it):
// the restored machine fetches back what it uploaded after the backup, numbers its next uploads after them
// (no fork in its chain, nothing refused by the others), and a restored owner still manages the team —
// its next member list and keyrings are newer than anything it wrote before. Against Apache and a folder.
import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { readKeyring } from '../../electron/core/sync/keyring.ts';
import { keyringName, TEAM_FILE } from '../../electron/core/sync/targets/target.ts';
import { readTeamDoc } from '../../electron/core/sync/team-doc.ts';
import { mainScope, staffScope } from '../../shared/domain/sync/scopes.ts';
import { type StartedTarget, targetKinds, useTarget } from './support/target-kinds.ts';
import { type Machine, machine, settle, tempDir, threeMemberTeam } from './support/team-cores.ts';

const kinds = targetKinds(['apache', 'folder']);

const sub = (shop: string, id: string) => ({ scope: staffScope(shop), kind: 'subaccount', id });

/** The data folder as a backup holds it, restored into a new folder (same vault key). */
function restoreCopy(m: Machine, server: StartedTarget): Machine {
  const dir = tempDir('restored');
  fs.cpSync(m.dir, dir, { recursive: true });
  return { ...m, dir, reopen: () => machine(server.makeTarget, { dir, sealer: m.sealer }) } as Machine;
}

const refusals = (m: Machine) =>
  m.engine
    .status()
    .reports.map((r) => r.code)
    .filter((c) => c !== 'own-restored');

describe.each(kinds)('a computer restored from an older backup, over $name', (kind) => {
  const { server: started, skipReason } = useTarget(kind);
  let server: StartedTarget;
  beforeEach(() => {
    if (kind.available) server = started();
  });

  it.skipIf(!kind.available)(
    `a restored admin gets back what it uploaded after the backup and goes on without a fork ${skipReason}`,
    async () => {
      const t = await threeMemberTeam(server.makeTarget);
      const [shopA] = t.shops;
      for (const i of [1, 2, 3]) {
        t.admin.engine.put(sub(shopA, `b${i}`), { name: `店:备份前${i}`, password: `before-${i}` });
        await t.admin.engine.syncNow();
      }
      const backup = restoreCopy(t.admin, server);
      for (const i of [4, 5, 6]) {
        t.admin.engine.put(sub(shopA, `b${i}`), { name: `店:备份后${i}`, password: `after-${i}` });
        await t.admin.engine.syncNow();
      }
      // The old computer is gone; the backup is restored on a new one.
      const restored = backup.reopen();
      await restored.engine.syncNow();
      for (const i of [4, 5, 6])
        expect(restored.engine.get(sub(shopA, `b${i}`))?.fields.password?.v).toBe(`after-${i}`);
      const told = restored.engine.status().reports.find((r) => r.code === 'own-restored');
      expect(told?.zh).toContain('3 段');
      expect(told?.en).toContain('3 later upload');
      expect(refusals(restored)).toEqual([]);
      // It goes on writing: everyone takes it, nobody refuses anything.
      restored.engine.put(sub(shopA, 'b7'), { name: '店:恢复后', password: 'restored-7' });
      await settle([t.owner, restored, t.lead]);
      for (const m of [t.owner, t.lead]) {
        expect(m.engine.get(sub(shopA, 'b7'))?.fields.password?.v).toBe('restored-7');
        expect(refusals(m)).toEqual([]);
      }
      expect(structuredClone(restored.engine.allRecords())).toEqual(
        structuredClone(t.owner.engine.allRecords()),
      );
    },
  );

  it.skipIf(!kind.available)(
    `a restored owner's next member list and keyrings are taken by every member (no rollback refused) ${skipReason}`,
    async () => {
      const t = await threeMemberTeam(server.makeTarget);
      const [shopA, shopB] = t.shops;
      await settle([t.owner, t.admin, t.lead]);
      const backup = restoreCopy(t.owner, server);
      // After the backup the owner changes the lead's shops a few times (ending with A and B), adds a shop C
      // and writes into both.
      for (const shops of [[shopA, shopB], [shopA], [shopB], [shopA, shopB]]) {
        await t.owner.engine.setMemberGrant(t.lead.engine.memberId, { role: 'lead', shops });
        await settle([t.owner, t.lead]);
      }
      t.owner.engine.addShop('shopC');
      t.owner.engine.put(sub('shopC', 'c1'), { name: 'C:小丙', password: 'c-pw' });
      t.owner.engine.put(
        { scope: mainScope('shopC'), kind: 'shop-main', id: 'shopC' },
        { password: 'C-main' },
      );
      await settle([t.owner, t.admin, t.lead]);
      expect(t.lead.engine.grant()?.shops).toEqual([shopA, shopB]);
      const target = server.makeTarget();
      const versions = async () => ({
        keyring: readKeyring(
          (await target.get(keyringName(t.lead.engine.memberId, t.owner.engine.memberId))) as Buffer,
        )?.header.v,
        team: readTeamDoc((await target.get(TEAM_FILE)) as Buffer)?.header.v,
      });
      const before = await versions();

      const owner = backup.reopen();
      await owner.engine.syncNow();
      // It knows the newer member list and holds shop C's keys again (from its own keyring).
      expect(owner.engine.team().body?.members.find((m) => m.id === t.lead.engine.memberId)?.shops).toEqual([
        shopA,
        shopB,
      ]);
      expect(owner.engine.get(sub('shopC', 'c1'))?.fields.password?.v).toBe('c-pw');
      // And it still manages the team: a new grant reaches the lead, a new shop's key reaches the admin.
      await owner.engine.setMemberGrant(t.lead.engine.memberId, { role: 'lead', shops: [shopA, 'shopC'] });
      owner.engine.addShop('shopD');
      owner.engine.put(sub('shopD', 'd1'), { name: 'D:小丁', password: 'd-pw' });
      await settle([owner, t.admin, t.lead]);
      // What the restored owner wrote is newer than anything the old computer wrote.
      const after = await versions();
      expect(after.keyring).toBeGreaterThan(before.keyring ?? Number.POSITIVE_INFINITY);
      expect(after.team).toBeGreaterThan(before.team ?? Number.POSITIVE_INFINITY);
      expect(t.lead.engine.grant()?.shops).toEqual([shopA, 'shopC']);
      expect(t.lead.engine.get(sub('shopC', 'c1'))?.fields.password?.v).toBe('c-pw');
      expect(t.lead.engine.records({ scope: staffScope(shopB) })).toEqual([]);
      expect(t.admin.engine.get(sub('shopD', 'd1'))?.fields.password?.v).toBe('d-pw');
      for (const m of [t.admin, t.lead]) expect(refusals(m)).toEqual([]);
    },
  );
});
