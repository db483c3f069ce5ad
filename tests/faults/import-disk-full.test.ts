// An import on a full disk: refused whole with DISK_FULL when even its intent cannot be written (nothing
// changed, no temp file left, fine once space is back); and when the disk fills between shop files, the
// user is told the import is saved and will be completed, and the next start completes all of it.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreBackendFactory } from '../../electron/core/ports.ts';
import { confBackendFactory } from '../../electron/host/node-adapters.ts';
import type { ShopView } from '../../shared/contract/inventory-types.ts';
import type { RecoveryEvent } from '../../shared/contract/types.ts';
import { callers } from '../support/contract-calls.ts';
import { GOOD_PASSWORD, makeTestCore, tempDataDir } from '../support/test-core.ts';

const dirs: string[] = [];
const openSync = fs.openSync;
afterEach(() => {
  fs.openSync = openSync;
  syncBuiltinESMExports();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

// Pinduoduo binds a phone to each sub-account: each row has its own, as the form would require.
const CSV = ['店铺名称,平台,主账号,子账号,密码,绑定手机']
  .concat(
    Array.from({ length: 6 }, (_, s) => [
      `满盘店${s},拼多多,pdd${s},,Main-Pass-${s},`,
      `满盘店${s},拼多多,pdd${s},客服${s},Sub-Pass-${s},1390000000${s}`,
    ]).flat(),
  )
  .join('\n');

async function opened(dataDir: string, backendFactory?: StoreBackendFactory) {
  const tc = makeTestCore({ dataDir, ...(backendFactory ? { backendFactory } : {}) });
  const c = callers(() => tc.core);
  return { tc, ...c };
}

const importedShops = async (ok: ReturnType<typeof callers>['ok']) =>
  (await ok<ShopView[]>('shops.list', { includeArchived: true })).filter((s) => s.name.startsWith('满盘店'))
    .length;

describe('an import on a full disk', () => {
  it('DISK_FULL before anything is written: nothing changed, no temp file, and it works once space is back', async () => {
    const dataDir = tempDataDir('sw-import-full');
    dirs.push(dataDir);
    const { tc, ok, refused } = await opened(dataDir);
    await ok('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
    const { token } = await ok<{ token: string }>('transfer.readImport', {
      fileName: 'a.csv',
      contentBase64: Buffer.from(CSV).toString('base64'),
    });
    fs.openSync = ((p: fs.PathLike, ...rest: unknown[]) => {
      if (String(p).includes('transfer-intent')) throw errno('ENOSPC');
      return (openSync as (...a: unknown[]) => number)(p, ...rest);
    }) as typeof fs.openSync;
    syncBuiltinESMExports();
    const r = await refused('transfer.commitImport', { token, skipInvalid: false });
    expect(r.code).toBe('DISK_FULL');
    expect(await importedShops(ok)).toBe(0);
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('transfer-intent'))).toEqual([]);

    fs.openSync = openSync;
    syncBuiltinESMExports();
    await ok('transfer.commitImport', { token, skipInvalid: false });
    expect(await importedShops(ok)).toBe(6);
    await tc.core.shutdown();
  });

  it('the disk fills between shop files: IMPORT_INTERRUPTED now, every shop there after the next start', async () => {
    const dataDir = tempDataDir('sw-import-full');
    dirs.push(dataDir);
    let writes = 0;
    const full = { after: Number.POSITIVE_INFINITY };
    const factory: StoreBackendFactory = (o) => {
      const real = confBackendFactory(o);
      return {
        path: real.path,
        writeText(text) {
          if (++writes > full.after) throw errno('ENOSPC');
          real.writeText(text);
        },
      };
    };
    const first = await opened(dataDir, factory);
    await first.ok('vault.setup', {
      password: GOOD_PASSWORD,
      confirm: GOOD_PASSWORD,
      rememberOnDevice: false,
    });
    const { token } = await first.ok<{ token: string }>('transfer.readImport', {
      fileName: 'a.csv',
      contentBase64: Buffer.from(CSV).toString('base64'),
    });
    full.after = writes + 2;
    const r = await first.refused('transfer.commitImport', { token, skipInvalid: false });
    expect(r.code).toBe('IMPORT_INTERRUPTED');
    expect(r.message).toContain('saved in full');
    expect(fs.existsSync(path.join(dataDir, 'transfer-intent.json'))).toBe(true);
    await first.tc.core.shutdown();

    const second = await opened(dataDir);
    await second.ok('vault.unlock', { password: GOOD_PASSWORD });
    expect(await importedShops(second.ok)).toBe(6);
    const subs = await second.ok<Array<{ fullName: string }>>('subaccounts.list', {});
    expect(subs.map((s) => s.fullName).sort()).toEqual(
      Array.from({ length: 6 }, (_, s) => `客服${s}`).sort(),
    );
    const report = await second.ok<RecoveryEvent[]>('storage.getRecoveryReport', {});
    expect(report).toEqual([expect.objectContaining({ problem: 'interrupted-import', replayed: 6 })]);
    expect(fs.existsSync(path.join(dataDir, 'transfer-intent.json'))).toBe(false);
    await second.tc.core.shutdown();
  });
});
