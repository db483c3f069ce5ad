// Sync when things go wrong, against a real Apache mod_dav behind a proxy that misbehaves: connections cut
// mid-upload and mid-download, half-stored files, 503/507 with Retry-After, two writers at once, a crash
// between the server taking a segment and this machine noting it, kill -9 while writing, a full local disk
// and a torn outbox. No acknowledged local change is lost, local data is never corrupted, and the sync
// state says in words what is wrong.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendIo, realAppendIo } from '../../electron/core/storage/fs-durable.ts';
import { FolderTarget } from '../../electron/core/sync/targets/folder-target.ts';
import type { SyncTarget } from '../../electron/core/sync/targets/target.ts';
import { staffScope } from '../../shared/domain/sync/scopes.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { type FaultProxy, startFaultProxy } from './support/fault-proxy.ts';
import {
  davTarget,
  folderTarget,
  invite,
  machine,
  settle,
  tempDir,
  threeMemberTeam,
} from './support/team-cores.ts';
import { type DavServer, serversAvailable, startApache } from './support/webdav-servers.ts';

const available = serversAvailable().apache;
const sub = (id: string) => ({ scope: staffScope('shopA'), kind: 'subaccount', id });

describe.skipIf(!available)('sync faults against Apache mod_dav behind a fault proxy', () => {
  let server: DavServer;
  let proxy: FaultProxy;
  beforeAll(async () => {
    server = await startApache();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  afterEach(async () => {
    await proxy?.stop();
  });

  async function team(opts: Parameters<typeof threeMemberTeam>[2] = {}) {
    proxy = await startFaultProxy(server.url);
    const t = await threeMemberTeam(davTarget(server, proxy.url), [0, 0, 0], opts);
    return t;
  }
  const segmentsOf = async (author: string) =>
    (await davTarget(server)().list()).filter((e) => e.name.startsWith(`s-${author}-`)).map((e) => e.name);

  it('a connection cut mid-upload loses nothing; the retry sends the same segment once', async () => {
    const t = await team();
    for (let i = 0; i < 3; i++) t.admin.engine.put(sub(`cut${i}`), { name: `a:cut${i}`, password: `p${i}` });
    proxy.plan = (r) => (r.method === 'PUT' ? { kind: 'drop-upload' } : { kind: 'pass' });
    await expect(t.admin.engine.syncNow()).rejects.toThrow();
    expect(t.admin.engine.status()).toMatchObject({ phase: 'offline', waiting: 3 });
    expect(t.admin.engine.status().error?.zh).toMatch(/连不上同步服务器/);
    expect(await segmentsOf(t.admin.engine.memberId)).toEqual([]);
    proxy.plan = () => ({ kind: 'pass' });
    await t.admin.engine.syncNow();
    expect(t.admin.engine.status()).toMatchObject({ phase: 'idle', waiting: 0, error: null });
    expect(await segmentsOf(t.admin.engine.memberId)).toHaveLength(1);
    await t.owner.engine.syncNow();
    expect(
      t.owner.engine
        .records({ kind: 'subaccount' })
        .map((r) => r.id)
        .sort(),
    ).toEqual(['cut0', 'cut1', 'cut2']);
  });

  it('a half-stored upload is not applied by readers (and not called tampering) until the retry replaces it', async () => {
    const t = await team();
    t.admin.engine.put(sub('half'), { name: 'a:half', password: 'whole-value' });
    proxy.plan = (r) =>
      r.method === 'PUT' && r.path.includes('/s-') ? { kind: 'partial-put' } : { kind: 'pass' };
    await expect(t.admin.engine.syncNow()).rejects.toThrow();
    proxy.plan = () => ({ kind: 'pass' });
    const before = structuredClone(t.owner.engine.allRecords());
    await t.owner.engine.syncNow();
    expect(t.owner.engine.allRecords()).toEqual(before);
    const codes = t.owner.engine.status().reports.map((r) => r.code);
    expect(codes).toContain('incomplete');
    expect(codes).not.toContain('tampered');
    await t.admin.engine.syncNow();
    await t.owner.engine.syncNow();
    expect(t.owner.engine.get(sub('half'))?.fields.password?.v).toBe('whole-value');
  });

  it('a snapshot upload cut half-way deletes nothing; members go on reading the segments, and the retry completes it', async () => {
    const t = await team({ compact: { after: 6, deletes: 100 } });
    for (let i = 0; i < 6; i++) {
      t.admin.engine.put(sub(`snap${i}`), { name: `a:snap${i}`, password: `sp${i}` });
      await t.admin.engine.syncNow();
    }
    const before = await segmentsOf(t.admin.engine.memberId);
    expect(before).toHaveLength(6);
    proxy.plan = (r) =>
      r.method === 'PUT' && r.path.includes('/c-') ? { kind: 'partial-put' } : { kind: 'pass' };
    await expect(t.owner.engine.syncNow()).rejects.toThrow();
    proxy.plan = () => ({ kind: 'pass' });
    expect(await segmentsOf(t.admin.engine.memberId)).toEqual(before);
    // The lead, behind, finds the half-stored snapshot: not used, not called tampering; the segments serve.
    await t.lead.engine.syncNow();
    const codes = t.lead.engine.status().reports.map((r) => r.code);
    expect(codes).toContain('incomplete');
    expect(codes).not.toContain('tampered');
    expect(t.lead.engine.records({ kind: 'subaccount' })).toHaveLength(6);
    // The owner's next sync writes the snapshot whole; the one after, finding it listed as the newest,
    // deletes what it covers.
    await t.owner.engine.syncNow();
    expect(await segmentsOf(t.admin.engine.memberId)).toEqual(before);
    await t.owner.engine.syncNow();
    expect(await segmentsOf(t.admin.engine.memberId)).toEqual([]);
    const late = machine(davTarget(server, proxy.url));
    await invite(t.owner.engine, late.engine, '新管理员', { role: 'admin', shops: [] });
    await settle([t.owner, late]);
    expect(late.engine.records({ kind: 'subaccount' })).toHaveLength(6);
    expect(late.engine.status().reports).toEqual([]);
  });

  it('downloads cut off or truncated are not applied, and are fetched again at the next poll', async () => {
    const t = await team();
    t.admin.engine.put(sub('dl'), { name: 'a:dl', password: 'x1' });
    await t.admin.engine.syncNow();
    proxy.plan = (r) =>
      r.method === 'GET' && r.path.includes('/s-') ? { kind: 'drop-download' } : { kind: 'pass' };
    await expect(t.owner.engine.syncNow()).rejects.toThrow();
    expect(t.owner.engine.get(sub('dl'))).toBeUndefined();
    proxy.plan = (r) =>
      r.method === 'GET' && r.path.includes('/s-') ? { kind: 'truncate-download' } : { kind: 'pass' };
    await t.owner.engine.syncNow();
    expect(t.owner.engine.get(sub('dl'))).toBeUndefined();
    proxy.plan = () => ({ kind: 'pass' });
    await t.owner.engine.syncNow();
    expect(t.owner.engine.get(sub('dl'))?.fields.password?.v).toBe('x1');
  });

  it('503 with Retry-After: waits at least that long, says so, then catches up', async () => {
    proxy = await startFaultProxy(server.url);
    const clock = new ManualClock(Date.now());
    const owner = machine(davTarget(server, proxy.url), { clock });
    await owner.engine.createTeam('老板');
    await owner.engine.addShop('shopA');
    owner.engine.put(sub('busy'), { name: 'a:busy', password: 'b1' });
    proxy.plan = () => ({ kind: 'status', status: 503, retryAfterS: 120 });
    const start = proxy.log.length;
    owner.engine.start();
    clock.advance(0);
    await owner.engine.idle();
    const afterFirst = proxy.log.length;
    expect(afterFirst).toBe(start + 1);
    const st = owner.engine.status();
    expect(st.phase).toBe('error');
    expect(st.error?.zh).toMatch(/放慢/);
    expect(st.nextTryAt).toBeGreaterThanOrEqual(clock.now() + 120_000);
    // Local work goes on and asks nothing of the server while it waits.
    owner.engine.put(sub('busy2'), { name: 'a:busy2', password: 'b2' });
    clock.advance(119_000);
    await owner.engine.idle();
    expect(proxy.log.length).toBe(afterFirst);
    proxy.plan = () => ({ kind: 'pass' });
    clock.advance((st.nextTryAt ?? 0) - clock.now());
    await owner.engine.idle();
    expect(owner.engine.status()).toMatchObject({ phase: 'idle', waiting: 0 });
    owner.engine.stop();
  });

  it('507 (storage full) is said in words; every local change is kept and goes up when space is back', async () => {
    const t = await team();
    proxy.plan = (r) => (r.method === 'PUT' ? { kind: 'status', status: 507 } : { kind: 'pass' });
    t.admin.engine.put(sub('q1'), { name: 'a:q1', password: 'q' });
    await expect(t.admin.engine.syncNow()).rejects.toThrow();
    expect(t.admin.engine.status().error).toMatchObject({ kind: 'quota' });
    expect(t.admin.engine.status().error?.zh).toMatch(/空间已满/);
    expect(t.admin.engine.get(sub('q1'))).toBeDefined();
    const reopened = t.admin.reopen(davTarget(server, proxy.url)());
    expect(reopened.engine.status().waiting).toBe(1);
    proxy.plan = () => ({ kind: 'pass' });
    await reopened.engine.syncNow();
    await t.owner.engine.syncNow();
    expect(t.owner.engine.get(sub('q1'))?.fields.password?.v).toBe('q');
  });

  it('three writers at once, each upload held back, all converge', async () => {
    const t = await team();
    proxy.plan = (r) => (r.method === 'PUT' ? { kind: 'delay', ms: 30 } : { kind: 'pass' });
    const all = [t.owner, t.admin, t.lead];
    all.forEach((m, i) => {
      for (let j = 0; j < 5; j++)
        m.engine.put(sub(`w${j}`), { name: `a:w${j}`, [`by${i}`]: `v${i}-${j}`, note: `n${i}` });
    });
    await Promise.all(all.map((m) => m.engine.syncNow()));
    await settle(all);
    expect(structuredClone(t.lead.engine.allRecords())).toEqual(structuredClone(t.owner.engine.allRecords()));
    expect(structuredClone(t.admin.engine.allRecords())).toEqual(
      structuredClone(t.owner.engine.allRecords()),
    );
    const w0 = t.owner.engine.get(sub('w0'))?.fields;
    expect([w0?.by0?.v, w0?.by1?.v, w0?.by2?.v]).toEqual(['v0-0', 'v1-0', 'v2-0']);
  });
});

/** The real target, except that a put which reached the server is reported as failed (the answer was lost). */
function answerLost(inner: SyncTarget, when: (name: string) => boolean): SyncTarget {
  return {
    counters: inner.counters,
    ensure: () => inner.ensure(),
    list: () => inner.list(),
    get: (n) => inner.get(n),
    remove: (n) => inner.remove(n),
    put: async (n, b) => {
      await inner.put(n, b);
      if (when(n)) throw new Error('connection reset after the server stored the file');
    },
  };
}

describe('crashes and the local disk', () => {
  it('a crash after the server took a segment: after restart it is recognised, never sent again or forked; readers apply it once', async () => {
    const shared = path.join(tempDir('shared'), 'team');
    const t = await threeMemberTeam(folderTarget(shared));
    t.admin.engine.put(sub('c1'), { name: 'a:c1', password: 'once' });
    const lossy = t.admin.reopen(answerLost(new FolderTarget(shared), (n) => n.startsWith('s-')));
    await expect(lossy.engine.syncNow()).rejects.toThrow(/connection reset/);
    const first = fs.readFileSync(path.join(shared, `s-${t.admin.engine.memberId}-0000000001.sws`));
    await t.owner.engine.syncNow();
    expect(t.owner.engine.get(sub('c1'))).toBeDefined();
    const restarted = t.admin.reopen();
    await restarted.engine.syncNow();
    expect(restarted.engine.status().waiting).toBe(0);
    // A retry that the server had already taken is not news to the user.
    expect(restarted.engine.status().reports.map((r) => r.code)).not.toContain('own-restored');
    expect(fs.readFileSync(path.join(shared, `s-${t.admin.engine.memberId}-0000000001.sws`))).toEqual(first);
    expect(fs.readdirSync(shared).filter((n) => n.startsWith(`s-${t.admin.engine.memberId}`))).toHaveLength(
      1,
    );
    restarted.engine.put(sub('c2'), { name: 'a:c2', password: 'next' });
    await restarted.engine.syncNow();
    await t.owner.engine.syncNow();
    expect(t.owner.engine.status().reports.filter((r) => r.code === 'tampered' || r.code === 'gap')).toEqual(
      [],
    );
    expect(t.owner.engine.get(sub('c2'))?.fields.password?.v).toBe('next');
  });

  it('kill -9 while writing and syncing: every acknowledged change is there after restart and reaches the others', async () => {
    const shared = path.join(tempDir('shared'), 'team');
    const owner = machine(folderTarget(shared));
    await owner.engine.createTeam('老板');
    await owner.engine.addShop('shopA');
    const dir = tempDir('killed');
    const keyHex = randomBytes(32).toString('hex');
    const key = Buffer.from(keyHex, 'hex');
    const { openBytes, seal } = await import('../../electron/core/crypto/aead.ts');
    const sealer = {
      seal: (p: Buffer, a: string) => Buffer.from(seal(key, p, a), 'latin1'),
      open: (s: Buffer, a: string) => openBytes(key, s.toString('latin1'), a),
    };
    const admin = machine(folderTarget(shared), { dir, sealer });
    await invite(owner.engine, admin.engine, '管理员', { role: 'admin', shops: [] });
    const acked: string[] = [];
    const seed = Date.now() % 100_000;
    for (let round = 0; round < 4; round++) {
      const killAfter = 5 + ((seed * (round + 3)) % 40);
      const child = spawn(
        process.execPath,
        [
          '--experimental-transform-types',
          '--no-warnings',
          path.join(__dirname, 'support/sync-child.ts'),
          dir,
          shared,
          keyHex,
          `k${round}`,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      await new Promise<void>((resolve, reject) => {
        let buf = '';
        let n = 0;
        child.stdout.on('data', (d: Buffer) => {
          buf += d.toString();
          const lines = buf.split('\n');
          buf = lines.pop() ?? '';
          for (const l of lines) {
            acked.push(l);
            if (++n === killAfter) child.kill('SIGKILL');
          }
        });
        child.on('exit', (code, signal) =>
          signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${err}`)),
        );
      });
      const after = admin.reopen();
      // Each acknowledged change is there with exactly what was written (the child writes these values).
      for (const id of acked) {
        const r = after.engine.get(sub(id));
        expect([r?.fields.name?.v, r?.fields.password?.v], `seed ${seed}, ${id}`).toEqual([
          `a:${id}`,
          `pw-${id}`,
        ]);
      }
    }
    const final = admin.reopen();
    await settle([final, owner]);
    for (const id of acked)
      expect(owner.engine.get(sub(id))?.fields.password?.v, `seed ${seed}`).toBe(`pw-${id}`);
    expect(owner.engine.status().reports.filter((r) => r.code === 'tampered')).toEqual([]);
  }, 60_000);

  it('changes from others that the local documents could not take are handed over again after a restart', async () => {
    const shared = path.join(tempDir('shared'), 'team');
    const t = await threeMemberTeam(folderTarget(shared));
    t.owner.engine.put(sub('h1'), { name: 'a:h1', password: 'p1' });
    await t.owner.engine.syncNow();
    // The admin's documents refuse (a lock or a full disk at that moment).
    const got: string[] = [];
    const off = t.admin.engine.onRemoteChanges(() => false);
    await t.admin.engine.syncNow();
    off();
    expect(t.admin.engine.get(sub('h1'))).toBeDefined();
    const restarted = t.admin.reopen();
    restarted.engine.onRemoteChanges((records) => {
      got.push(...records.map((r) => r.id));
      return true;
    });
    restarted.engine.redeliver();
    expect(got).toContain('h1');
    // Delivered once: a second restart has nothing left to hand over.
    const again = restarted.reopen();
    const more: string[] = [];
    again.engine.onRemoteChanges((records) => {
      more.push(...records.map((r) => r.id));
      return true;
    });
    again.engine.redeliver();
    expect(more).toEqual([]);
  });

  it('a full local disk refuses the change with nothing written, and works again afterwards', async () => {
    const t = await threeMemberTeam(folderTarget(path.join(tempDir('shared'), 'team')));
    t.admin.engine.put(sub('d0'), { name: 'a:d0', password: 'kept' });
    appendIo.current = {
      ...realAppendIo,
      writeSync: () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
    };
    try {
      expect(() => t.admin.engine.put(sub('d1'), { name: 'a:d1', password: 'lost?' })).toThrow(
        /DISK_FULL|disk|space/i,
      );
    } finally {
      appendIo.current = realAppendIo;
    }
    expect(t.admin.engine.get(sub('d1'))).toBeUndefined();
    const again = t.admin.reopen();
    expect(again.engine.get(sub('d0'))?.fields.password?.v).toBe('kept');
    expect(again.engine.get(sub('d1'))).toBeUndefined();
    again.engine.put(sub('d2'), { name: 'a:d2', password: 'after' });
    await again.engine.syncNow();
    await t.owner.engine.syncNow();
    expect(t.owner.engine.get(sub('d2'))).toBeDefined();
  });

  it('a torn last outbox line (a write cut by a crash) is set aside and told; every whole line survives', async () => {
    const t = await threeMemberTeam(folderTarget(path.join(tempDir('shared'), 'team')));
    for (let i = 0; i < 3; i++) t.admin.engine.put(sub(`t${i}`), { name: `a:t${i}`, password: `p${i}` });
    fs.appendFileSync(path.join(t.admin.dir, 'outbox.log'), 'djEuQUJD');
    const again = t.admin.reopen();
    expect(again.engine.status().reports.find((r) => r.code === 'outbox-torn')?.zh).toMatch(/未写完/);
    again.engine.put(sub('t3'), { name: 'a:t3', password: 'p3' });
    const third = again.reopen();
    for (let i = 0; i < 4; i++) expect(third.engine.get(sub(`t${i}`))?.fields.password?.v).toBe(`p${i}`);
    expect(third.engine.status().waiting).toBe(4);
  });
});
