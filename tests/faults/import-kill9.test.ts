// Guarantee: an import is all there or not there at all, whenever the process dies. A real child process
// confirms an import of 20 shops and 100 sub-accounts and is SIGKILLed at its 1st, 2nd, ... fsync after
// the confirm (through the intent file, each shop file and the audit); the app then starts on that data
// folder: either no imported shop exists (killed before the import was durable) or every shop and every
// sub-account with its exact password does, and a completion at start is told to the user.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ShopView } from '../../shared/contract/inventory-types.ts';
import type { RecoveryEvent } from '../../shared/contract/types.ts';
import { callers } from '../support/contract-calls.ts';
import { GOOD_PASSWORD, makeTestCore, tempDataDir } from '../support/test-core.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHOPS = 20;
const SUBS_PER_SHOP = 5;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function runChild(dataDir: string, killAt: number): Promise<{ acked: boolean; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--experimental-transform-types',
        '--no-warnings',
        path.join(here, 'support/import-child.ts'),
        dataDir,
        String(killAt),
        String(SHOPS),
        String(SUBS_PER_SHOP),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`import child failed (${code}): ${err}`));
      else resolve({ acked: out.includes('ACK'), killed: signal === 'SIGKILL' });
    });
  });
}

describe('kill -9 during an import', () => {
  it('leaves the import whole or absent at every fsync, and says when it completed one at start', async () => {
    const outcomes: string[] = [];
    for (const killAt of [1, 2, 3, 4, 6, 9, 14, 22, 30, 0]) {
      const dataDir = tempDataDir('sw-import-kill');
      dirs.push(dataDir);
      const run = await runChild(dataDir, killAt);
      const tc = makeTestCore({ dataDir });
      try {
        const { ok } = callers(() => tc.core);
        await ok('vault.unlock', { password: GOOD_PASSWORD });
        const imported = (await ok<ShopView[]>('shops.list', { includeArchived: true })).filter((s) =>
          s.name.startsWith('导入店'),
        );
        const report = await ok<RecoveryEvent[]>('storage.getRecoveryReport', {});
        const completed = report.some((e) => e.problem === 'interrupted-import');
        // All or nothing, and an acknowledged or completed import is whole: (acked, completed at start,
        // shops there) is one of these and nothing else.
        expect(
          [
            [true, false, SHOPS],
            [false, true, SHOPS],
            [false, false, SHOPS],
            [false, false, 0],
          ],
          `kill at fsync ${killAt}`,
        ).toContainEqual([run.acked, completed, imported.length]);
        if (imported.length === SHOPS) {
          const subs = await ok<Array<{ fullName: string }>>('subaccounts.list', {});
          expect(subs.filter((s) => /^main\d+:客服\d$/.test(s.fullName))).toHaveLength(SHOPS * SUBS_PER_SHOP);
          const file = await ok<{ contentBase64: string }>('transfer.exportBitwarden', {
            masterPassword: GOOD_PASSWORD,
            plaintextUnderstood: true,
          });
          const items = (
            JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as {
              items: Array<{ login: { username: string; password: string } }>;
            }
          ).items;
          for (const i of items) {
            const m = /^main(\d+):客服(\d)$/.exec(i.login?.username ?? '');
            if (m) expect(i.login?.password).toBe(`Sub-Pass-${m[1]}-${m[2]}`);
          }
        }
        // Nothing half done is left for a later start either, not even a temp file of the intent.
        expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('transfer-intent'))).toEqual([]);
        outcomes.push(imported.length === 0 ? 'absent' : completed ? 'completed-at-start' : 'whole');
      } finally {
        await tc.core.shutdown();
      }
    }
    // The kills landed before, inside and after the write: each outcome was seen at least once.
    expect(new Set(outcomes)).toEqual(new Set(['absent', 'completed-at-start', 'whole']));
  }, 120_000);
});
