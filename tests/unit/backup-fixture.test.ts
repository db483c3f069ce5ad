// A backup written by format 2 as of 2026-12-07 (tests/fixtures/backup/, cheap test scrypt) must open in
// every later version with each of its three secrets, giving back exactly its files: the labels its keys are
// sealed under, its magic and its layout are a promise to every backup a user already has.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openBackup } from '../../electron/core/backup/backup-format.ts';
import { vaultFingerprint } from '../../electron/core/backup/backup-keys.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = fs.readFileSync(path.join(here, '../fixtures/backup/format2-2026-12-07.swbackup'));
const KIT = 'BQTD-7ZKY-KADG-FZEF-W5HV-2M80-F5CB-F5NX';

describe('a format-2 backup made on 2026-12-07', () => {
  it.each([
    ['the master password', '店务管家-fixture-2026'],
    ['the recovery key', KIT],
    ['the custom backup password', 'custom-fixture-pw'],
  ])('opens with %s and gives back exactly its files', async (_, secret) => {
    const opened = await openBackup(file, secret);
    expect(opened.header).toMatchObject({ format: 2, vault: '86f28821c2518147' });
    expect(opened.manifest).toMatchObject({
      format: 2,
      appVersion: '0.24.0',
      createdAt: '2026-12-07T12:00:00.000Z',
      device: 'SHOP-PC',
      locked: true,
      counts: { shops: 1, subAccounts: 1, staff: 0, cases: 0, drafts: 0, attachments: 1, auditEntries: 2 },
    });
    expect(opened.parts.map((p) => [p.path, p.bytes.toString('utf8'), !!p.sealed])).toEqual([
      ['vault.json', '{"fixture":"vault"}', false],
      ['shops/s1.json', '{"fixture":"shop 美妆旗舰店"}', false],
      ['attachments/0123456789abcdef.bin', 'sealed attachment bytes', true],
    ]);
  });

  it('the vault fingerprint that tells "another vault" apart is the same function of the data key', () => {
    expect(vaultFingerprint(Buffer.alloc(32, 1))).toBe('3cb3b83d2143177a');
  });
});
