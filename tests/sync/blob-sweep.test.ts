// Attached files nothing names any more leave the target, deleted by the owner (or, while it is away, an admin) a week after it first saw them
// unnamed; a file whose record is still on its way (its author uploads the file first) survives; a file of
// another team, an unreadable one, and everything while the owner cannot tell what is named, stay. Against
// real Apache mod_dav and rclone (started here on loopback) and a shared folder.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../electron/core/ports.ts';
import { encodeBlob } from '../../electron/core/sync/blob.ts';
import type { BlobIO } from '../../electron/core/sync/blobs.ts';
import { DEFAULT_COMPACT } from '../../electron/core/sync/compact.ts';
import { createIdentity } from '../../electron/core/sync/crypto/identity.ts';
import { newScopeKey } from '../../electron/core/sync/crypto/scope-keys.ts';
import { blobName, parseBlobName } from '../../electron/core/sync/targets/target.ts';
import { type StartedTarget, targetKinds, useTarget } from './support/target-kinds.ts';
import { invite, type Machine, machine, skewedClock } from './support/team-cores.ts';

const kinds = targetKinds(['apache', 'rclone', 'folder']);
const DAY = 24 * 60 * 60_000;
// The product's own grace (a week), not one of the test's: shortening it must fail the checks below.
const HOUSEKEEPING = { compact: { after: 10_000, deletes: 1000, orphanMs: DEFAULT_COMPACT.orphanMs } };

/** A clock the test moves forward by days (on top of real time, which the engine's backoff needs). */
function movableClock(): Clock & { days(n: number): void } {
  let offset = 0;
  const base = skewedClock(0);
  return { ...base, now: () => base.now() + offset, days: (n) => (offset += n * DAY) };
}

/** The attached files of one computer, and what its records name (null: cannot tell now). */
function files() {
  const have = new Map<string, Buffer>();
  const io: { named: Set<string> | null; blob: BlobIO } = {
    named: new Set<string>(),
    blob: {
      read: (id) => have.get(id) ?? null,
      write: (id, b) => void have.set(id, b),
      named: () => io.named,
    },
  };
  return { have, io };
}

const idOf = (n: number) => n.toString(16).padStart(32, 'a');

describe.each(kinds)('attached files nothing names, over $name', (kind) => {
  const { server: started, skipReason } = useTarget(kind);
  let server: StartedTarget;
  beforeEach(() => {
    if (kind.available) server = started();
  });

  async function team(mine: ReadonlySet<string>) {
    const clock = movableClock();
    const owner: Machine = machine(server.makeTarget, { ...HOUSEKEEPING, clock });
    const admin: Machine = machine(server.makeTarget, { ...HOUSEKEEPING, clock });
    await owner.engine.createTeam('老板');
    await invite(owner.engine, admin.engine, '管理员小王', { role: 'admin', shops: [] });
    const o = files();
    const a = files();
    owner.engine.setBlobIO(o.io.blob);
    admin.engine.setBlobIO(a.io.blob);
    // The app's documents take every record at once (nothing stays undelivered).
    owner.engine.onRemoteChanges(() => true);
    admin.engine.onRemoteChanges(() => true);
    // Only this test's files (earlier tests' teams share the server root).
    const listed = async () =>
      new Set(
        (await server.makeTarget().list())
          .map((e) => parseBlobName(e.name))
          .filter((x) => x !== null && mine.has(x)),
      );
    return { clock, owner, admin, o, a, listed };
  }

  it.skipIf(!kind.available)(
    `a file unnamed for a week goes; one named again meanwhile, and every named one, stay ${skipReason}`,
    async () => {
      const [kept, late, dropped, extra] = [idOf(1), idOf(2), idOf(3), idOf(7)];
      const { clock, owner, admin, o, a, listed } = await team(new Set([kept, late, dropped, extra]));
      for (const id of [kept, late, dropped]) {
        a.have.set(id, Buffer.from(`file ${id}`));
        admin.engine.putBlob(id, 'private');
      }
      a.io.named = new Set([kept, late, dropped]);
      await admin.engine.syncNow();
      expect(await listed()).toEqual(new Set([kept, late, dropped]));

      // The owner's records name only `kept` so far: the record naming `late` is still on its way.
      o.io.named = new Set([kept]);
      await owner.engine.syncNow();
      clock.days(4);
      await owner.engine.syncNow();
      // The owner's app restarts: what it has seen unnamed, and since when, is still known afterwards.
      const restarted = owner.reopen();
      restarted.engine.setBlobIO(o.io.blob);
      restarted.engine.onRemoteChanges(() => true);
      // It arrives: `late` is named now, and being unnamed earlier counts for nothing later.
      o.io.named = new Set([kept, late]);
      await restarted.engine.syncNow();
      clock.days(4);
      for (let i = 0; i < 3; i++) await restarted.engine.syncNow();
      // Eight days and five syncs after the owner first saw it unnamed, `dropped` goes. `late` was unnamed
      // for four days of those eight, then named: it stays, and nothing named is touched.
      expect(await listed()).toEqual(new Set([kept, late]));
      // `late` is removed from its case now. A clock moved a week forward between two syncs is not enough:
      // it goes on the third sync that finds it unnamed.
      o.io.named = new Set([kept]);
      await restarted.engine.syncNow();
      clock.days(8);
      await restarted.engine.syncNow();
      expect(await listed()).toEqual(new Set([kept, late]));
      await restarted.engine.syncNow();
      expect(await listed()).toEqual(new Set([kept]));
      expect(restarted.engine.status().reports).toEqual([]);
      // With the owner away, an admin lets go of what nothing names (a file it uploaded, then removed from
      // its case), after the same week and syncs, and keeps what its records name.
      a.have.set(extra, Buffer.from('extra'));
      admin.engine.putBlob(extra, 'private');
      a.io.named = new Set([kept, extra]);
      await admin.engine.syncNow();
      expect(await listed()).toEqual(new Set([kept, extra]));
      a.io.named = new Set([kept]);
      await admin.engine.syncNow();
      clock.days(4);
      await admin.engine.syncNow();
      expect(await listed()).toEqual(new Set([kept, extra]));
      // An hour short of the week it is still kept; the hour after, it goes.
      clock.days(3 - 1 / 24);
      await admin.engine.syncNow();
      expect(await listed()).toEqual(new Set([kept, extra]));
      clock.days(2 / 24);
      await admin.engine.syncNow();
      expect(await listed()).toEqual(new Set([kept]));
    },
  );

  it.skipIf(!kind.available)(
    `while the owner cannot tell what is named, and for files not its team's, nothing is deleted ${skipReason}`,
    async () => {
      const [ours, foreign, garbage] = [idOf(4), idOf(5), idOf(6)];
      const { clock, owner, admin, o, a, listed } = await team(new Set([ours, foreign, garbage]));
      a.have.set(ours, Buffer.from('ours'));
      admin.engine.putBlob(ours, 'private');
      await admin.engine.syncNow();
      const target = server.makeTarget();
      const other = encodeBlob({
        team: 'f'.repeat(32),
        author: createIdentity(),
        id: foreign,
        key: newScopeKey('private', 0),
        bytes: Buffer.from('another team'),
      });
      await target.put(blobName(foreign), other);
      await target.put(blobName(garbage), Buffer.from('not a sealed file at all'));
      // The documents cannot be read: nothing is judged, however long.
      o.io.named = null;
      for (let i = 0; i < 4; i++) {
        await owner.engine.syncNow();
        clock.days(8);
      }
      expect(await listed()).toEqual(new Set([ours, foreign, garbage]));
      // Readable again and naming nothing: only this team's file goes.
      o.io.named = new Set();
      for (let i = 0; i < 4; i++) {
        await owner.engine.syncNow();
        clock.days(8);
      }
      expect(await listed()).toEqual(new Set([foreign, garbage]));
      expect((await target.get(blobName(foreign)))?.equals(other)).toBe(true);
    },
  );
});
