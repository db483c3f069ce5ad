// Guarantees under I/O faults and concurrency:
// - a full disk (ENOSPC), an I/O error (EIO) or short writes, injected where the real disk would produce
//   them (the append port of journals and the audit log; the document writer), fail the call with a clear
//   error in both languages, change nothing, lose nothing acknowledged, and the app works again once the
//   disk does;
// - parallel unlocks, parallel mutations of one shop (across a compaction) and a lock in the middle of
//   writes leave every acknowledged change on disk.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import type { StoreBackendFactory } from '../../electron/core/ports.ts';
import { type AppendIo, appendIo, realAppendIo } from '../../electron/core/storage/fs-durable.ts';
import { confBackendFactory } from '../../electron/host/node-adapters.ts';
import { errorMessages } from '../../shared/contract/errors.ts';
import { generatedSub } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, tempDataDir } from '../support/test-core.ts';
import { openWorkspace } from './support/workload.ts';

const dirs: string[] = [];
afterEach(() => {
  appendIo.current = realAppendIo;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** The document writer, with a switch that makes every write fail like a full disk. */
function switchableBackend(): { factory: StoreBackendFactory; failWith: { code: string | null } } {
  const failWith: { code: string | null } = { code: null };
  const factory: StoreBackendFactory = (o) => {
    const real = confBackendFactory(o);
    return {
      path: real.path,
      writeText(text) {
        if (failWith.code) throw errno(failWith.code);
        real.writeText(text);
      },
    };
  };
  return { factory, failWith };
}

async function start(dataDir: string, factory?: StoreBackendFactory) {
  const tc = makeTestCore({ dataDir, ...(factory ? { backendFactory: factory } : {}) });
  const ws = await openWorkspace(tc.core);
  return { tc, ws };
}

const nicknames = async (core: Core) => {
  const r = await core.dispatch('subaccounts.list', {});
  return r.ok ? (r.value as Array<{ nickname: string }>).map((s) => s.nickname).sort() : [];
};
const staffNames = async (core: Core) => {
  const r = await core.dispatch('staff.list', {});
  return r.ok ? (r.value as Array<{ name: string }>).map((s) => s.name).sort() : [];
};

describe('injected I/O faults', () => {
  for (const [label, io, code] of [
    [
      'disk full on append',
      {
        ...realAppendIo,
        writeSync: () => {
          throw errno('ENOSPC');
        },
      },
      'DISK_FULL',
    ],
    [
      'I/O error on fsync after a partial append',
      {
        ...realAppendIo,
        writeSync: (fd: number, data: Buffer, off: number, len: number) =>
          realAppendIo.writeSync(fd, data, off, Math.min(len, 9)),
        fsyncSync: () => {
          throw errno('EIO');
        },
      },
      'IO_ERROR',
    ],
  ] as Array<[string, AppendIo, string]>) {
    it(`${label}: ${code}, nothing changed, nothing acknowledged lost, working again afterwards`, async () => {
      const dataDir = tempDataDir('sw-io');
      dirs.push(dataDir);
      let { tc, ws } = await start(dataDir);
      await tc.core.dispatch('subaccounts.create', generatedSub(ws.shopId, '已确认'));
      const journal = path.join(dataDir, 'shops', `${ws.shopId}.journal`);
      const audit = path.join(dataDir, 'audit.log');
      const before = { journal: fs.readFileSync(journal), audit: fs.readFileSync(audit) };

      appendIo.current = io;
      const r = await tc.core.dispatch('subaccounts.create', generatedSub(ws.shopId, '未保存'));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe(code);
      // Both languages have the words for it.
      expect(errorMessages[code as keyof typeof errorMessages].zh).toMatch(/磁盘/);
      expect(errorMessages[code as keyof typeof errorMessages].en).toMatch(/disk/i);
      // Nothing changed: in memory, and on disk not even a fragment of the failed line.
      expect(await nicknames(tc.core)).toEqual(['已确认']);
      expect(fs.readFileSync(journal).equals(before.journal)).toBe(true);
      expect(fs.readFileSync(audit).equals(before.audit)).toBe(true);

      appendIo.current = realAppendIo;
      const again = await tc.core.dispatch('subaccounts.create', generatedSub(ws.shopId, '恢复后'));
      expect(again.ok).toBe(true);
      await tc.core.shutdown();
      ({ tc } = await start(dataDir));
      expect(await nicknames(tc.core)).toEqual(['已确认', '恢复后'].sort());
      const report = await tc.core.dispatch('storage.getRecoveryReport', {});
      expect(report).toEqual({ ok: true, value: [] });
      expect(await tc.core.dispatch('audit.verify', {})).toMatchObject({ ok: true, value: { ok: true } });
      await tc.core.shutdown();
    });
  }

  it('short writes (a few bytes per call) are continued until the whole change is written', async () => {
    const dataDir = tempDataDir('sw-io');
    dirs.push(dataDir);
    let { tc, ws } = await start(dataDir);
    let calls = 0;
    appendIo.current = {
      ...realAppendIo,
      writeSync: (fd, data, off, len) => {
        calls++;
        return realAppendIo.writeSync(fd, data, off, Math.min(len, 7));
      },
    };
    for (const n of ['甲', '乙', '丙'])
      expect((await tc.core.dispatch('subaccounts.create', generatedSub(ws.shopId, n))).ok).toBe(true);
    expect(calls).toBeGreaterThan(100);
    appendIo.current = realAppendIo;
    await tc.core.shutdown();
    ({ tc } = await start(dataDir));
    expect(await nicknames(tc.core)).toEqual(['甲', '乙', '丙'].sort());
    expect(await tc.core.dispatch('storage.getRecoveryReport', {})).toEqual({ ok: true, value: [] });
    await tc.core.shutdown();
  });

  it('a full disk while writing a document: DISK_FULL, the document unchanged, fine once space is back', async () => {
    const dataDir = tempDataDir('sw-io');
    dirs.push(dataDir);
    const { factory, failWith } = switchableBackend();
    let { tc } = await start(dataDir, factory);
    const person = (name: string, phone: string) =>
      tc.core.dispatch('staff.create', { name, phone, position: '客服', notes: '', idNumber: '' });
    expect((await person('甲', '13800138001')).ok).toBe(true);
    const staffFile = fs.readFileSync(path.join(dataDir, 'staff.json'));
    failWith.code = 'ENOSPC';
    const r = await person('乙', '13800138002');
    expect(!r.ok && r.error.code).toBe('DISK_FULL');
    expect(await staffNames(tc.core)).toEqual(['甲']);
    expect(fs.readFileSync(path.join(dataDir, 'staff.json')).equals(staffFile)).toBe(true);
    failWith.code = null;
    expect((await person('乙', '13800138002')).ok).toBe(true);
    await tc.core.shutdown();
    ({ tc } = await start(dataDir));
    expect(await staffNames(tc.core)).toEqual(['乙', '甲'].sort());
    await tc.core.shutdown();
  });
});

describe('concurrency', () => {
  it('parallel mutations of one shop, across a compaction, are all on disk after a restart', async () => {
    const dataDir = tempDataDir('sw-conc');
    dirs.push(dataDir);
    let { tc, ws } = await start(dataDir);
    // 70 at once: the journal compacts into a new snapshot part-way through the burst.
    const names = Array.from({ length: 70 }, (_, i) => `并发${String(i).padStart(2, '0')}`);
    const results = await Promise.all(
      names.map((n) => tc.core.dispatch('subaccounts.create', generatedSub(ws.shopId, n))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    await tc.core.shutdown();
    ({ tc } = await start(dataDir));
    expect(await nicknames(tc.core)).toEqual([...names].sort());
    expect(await tc.core.dispatch('storage.getRecoveryReport', {})).toEqual({ ok: true, value: [] });
    await tc.core.shutdown();
  });

  it('a lock in the middle of writes: each write either happened (and survives) or was refused as locked', async () => {
    const dataDir = tempDataDir('sw-conc');
    dirs.push(dataDir);
    let { tc, ws } = await start(dataDir);
    const names = Array.from({ length: 20 }, (_, i) => `锁${i}`);
    const calls = names.map((n, i) =>
      i === 10
        ? tc.core.dispatch('vault.lock', {}).then(() => null)
        : tc.core.dispatch('subaccounts.create', generatedSub(ws.shopId, n)),
    );
    const results = await Promise.all(calls);
    const done = names.filter((_, i) => results[i]?.ok);
    for (const [i, r] of results.entries())
      if (r && !r.ok) expect(r.error.code, names[i]).toBe('VAULT_LOCKED');
    expect(done.length).toBeGreaterThan(0);
    await tc.core.shutdown();
    ({ tc } = await start(dataDir));
    expect(await nicknames(tc.core)).toEqual([...done].sort());
    await tc.core.shutdown();
  });

  it('parallel unlocks with the right password all succeed and the counter ends at zero', async () => {
    const dataDir = tempDataDir('sw-conc');
    dirs.push(dataDir);
    const { tc } = await start(dataDir);
    await tc.core.dispatch('vault.lock', {});
    const results = await Promise.all(
      Array.from({ length: 8 }, () => tc.core.dispatch('vault.unlock', { password: GOOD_PASSWORD })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'vault.json'), 'utf8')).data.failedAttempts).toBe(0);
    await tc.core.shutdown();
  });
});
