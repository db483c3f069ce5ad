// The real client: LibreOffice Calc opens the exported .xlsx and saves it as CSV. A cell that ran as a
// formula would come out as its result (=1+1 as 2, =HYPERLINK(...) as its label); every cell must come
// out exactly as stored, the password included (defect 9).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShopView, SubAccountView } from '../../shared/contract/inventory-types.ts';
import { callers } from '../support/contract-calls.ts';
import { taobaoShop, typedSub } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, type TestCore } from '../support/test-core.ts';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
let tc: TestCore;
const { ok } = callers(() => tc.core);
beforeEach(async () => {
  tc = makeTestCore();
  await ok('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
});
afterEach(async () => {
  await tc.core.shutdown();
  fs.rmSync(tc.dataDir, { recursive: true, force: true });
});

describe('exported .xlsx in LibreOffice Calc', () => {
  it('every cell, the formula-looking ones and the password included, reads back exactly as stored', async () => {
    if (!soffice)
      throw new Error('LibreOffice is missing: apt-get install libreoffice-calc-nogui (.ci/run does)');
    const shop = await ok<ShopView>('shops.create', taobaoShop('=1+1', { mainLogin: '+main' }));
    const password = '=2*3+Pass-123';
    await ok<SubAccountView>('subaccounts.create', typedSub(shop.id, '小王', password));
    const file = await ok<{ contentBase64: string }>('subaccounts.export', {
      format: 'xlsx',
      includeSecrets: true,
      masterPassword: GOOD_PASSWORD,
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-lo-'));
    try {
      const xlsx = path.join(dir, 'export.xlsx');
      fs.writeFileSync(xlsx, Buffer.from(file.contentBase64, 'base64'));
      const r = spawnSync(
        soffice,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76',
          '--outdir',
          dir,
          xlsx,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      const csv = fs.readFileSync(path.join(dir, 'export.csv'), 'utf8');
      const row = csv.split('\n')[1]!;
      expect(row.startsWith('=1+1,')).toBe(true);
      expect(row).toContain('+main:小王');
      expect(row).toContain(password);
      expect(row).not.toMatch(/(^|,)2(,|$)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
