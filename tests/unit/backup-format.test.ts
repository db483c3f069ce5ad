// The backup container read byte by byte: a change anywhere in the header (magic, length, JSON, its
// checksum) is damage, never a wrong password; a whole header with the wrong secret is a wrong password;
// format 1 files (scrypt + key check) still open and are still checked.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type BackupKeys, encodeBackup, openBackup } from '../../electron/core/backup/backup-format.ts';
import { newRecipient } from '../../electron/core/backup/backup-keys.ts';
import { seal } from '../../electron/core/crypto/aead.ts';
import { deriveKey, newParams } from '../../electron/core/crypto/kdf.ts';
import { encodeBackupV1 } from '../support/backup-v1.ts';

const PASSWORD = '正确的马电池订书钉-42';
const cost = { N: 2 ** 10, r: 8, p: 1 };
const counts = { shops: 1, subAccounts: 2, staff: 0, cases: 0, drafts: 0, attachments: 1, auditEntries: 3 };
const parts = [
  { path: 'vault.json', bytes: Buffer.from('{"v":1}') },
  { path: 'attachments/abc', bytes: randomBytes(64), sealed: true },
];

async function made(withParts = parts): Promise<{ file: Buffer; headerEnd: number }> {
  const dataKey = randomBytes(32);
  const kdf = newParams(cost);
  const kek = await deriveKey(PASSWORD, kdf);
  const keys: BackupKeys = {
    recipient: newRecipient(dataKey),
    slots: { master: { kdf, wrappedKey: seal(kek, dataKey, 'shopwarden/data-key/v1') }, kit: null },
    custom: null,
  };
  const meta = {
    appVersion: '1',
    createdAt: '2026-12-07T00:00:00.000Z',
    device: 'pc',
    locked: false,
    counts,
  };
  const file = encodeBackup(keys, meta, withParts);
  return { file, headerEnd: 18 + 4 + file.readUInt32BE(18) + 32 };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'opened',
    (e: { code?: string }) => e.code ?? String(e),
  );

describe('the backup header', () => {
  it('opens whole with the password, and is a wrong password (not damage) with another one', async () => {
    const { file } = await made();
    const opened = await openBackup(file, PASSWORD);
    expect(opened.manifest.counts).toEqual(counts);
    expect(opened.parts.map((p) => p.bytes)).toEqual(parts.map((p) => p.bytes));
    expect(await codeOf(openBackup(file, 'not the password'))).toBe('BACKUP_WRONG_PASSWORD');
  });

  it('one changed byte at every offset of the header and its checksum reads as damage', async () => {
    const { file, headerEnd } = await made();
    const kdfs = { count: 0 };
    const seen = new Map<string, number>();
    for (let at = 0; at < headerEnd; at++) {
      const bad = Buffer.from(file);
      bad[at]! ^= 0x01;
      const code = await codeOf(openBackup(bad, PASSWORD, kdfs));
      seen.set(code, (seen.get(code) ?? 0) + 1);
      expect(code, `offset ${at}`).toBe('BACKUP_DAMAGED');
    }
    // Told before any key derivation: the user is not made to wait for a verdict on a damaged file.
    expect(kdfs.count).toBe(0);
    expect([...seen.keys()]).toEqual(['BACKUP_DAMAGED']);
  });

  it('a changed byte in the body or a cut anywhere is damage too', async () => {
    const { file, headerEnd } = await made();
    for (const at of [headerEnd, headerEnd + 5, file.length - 70, file.length - 1]) {
      const bad = Buffer.from(file);
      bad[at]! ^= 0x80;
      expect(await codeOf(openBackup(bad, PASSWORD)), `offset ${at}`).toBe('BACKUP_DAMAGED');
    }
    for (const len of [headerEnd - 1, headerEnd + 1, Math.floor(file.length / 2), file.length - 1])
      expect(await codeOf(openBackup(file.subarray(0, len), PASSWORD)), `cut at ${len}`).toBe(
        'BACKUP_DAMAGED',
      );
    expect(await codeOf(openBackup(Buffer.from('PK\u0003\u0004 a zip file, long enough'), PASSWORD))).toBe(
      'BACKUP_NOT_A_BACKUP',
    );
  });

  it('each sealed part is checked, whether the header lists their sizes or (past 500) not', async () => {
    const sealed = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        path: `attachments/a${i}`,
        bytes: randomBytes(8 + (i % 5)),
        sealed: true,
      }));
    for (const n of [3, 501]) {
      const many = [parts[0]!, ...sealed(n)];
      const { file } = await made(many);
      const header = JSON.parse(file.subarray(22, 22 + file.readUInt32BE(18)).toString('utf8'));
      expect(header.outside, `${n} parts`).toEqual(
        n <= 500 ? many.slice(1).map((p) => p.bytes.length) : undefined,
      );
      const opened = await openBackup(file, PASSWORD);
      expect(opened.parts.map((p) => p.bytes)).toEqual(many.map((p) => p.bytes));
      const sizes = many.slice(1).map((p) => p.bytes.length);
      const start = file.length - sizes.reduce((a, b) => a + b, 0);
      // The first byte of the first, of the middle and of the last sealed part.
      const mid = Math.floor(n / 2);
      for (const at of [
        start,
        start + sizes.slice(0, mid).reduce((a, b) => a + b, 0),
        file.length - sizes.at(-1)!,
      ]) {
        const bad = Buffer.from(file);
        bad[at]! ^= 0x01;
        expect(await codeOf(openBackup(bad, PASSWORD)), `${n} parts, offset ${at}`).toBe('BACKUP_DAMAGED');
      }
    }
  });

  it('the usual open costs exactly one key derivation', async () => {
    const { file } = await made();
    const kdfs = { count: 0 };
    await openBackup(file, PASSWORD, kdfs);
    expect(kdfs.count).toBe(1);
  });
});

describe('format 1 files (made before)', () => {
  it('still open with their password, and still tell a wrong password and damage apart', async () => {
    const kdf = newParams(cost);
    const key = await deriveKey(PASSWORD, kdf);
    const file = encodeBackupV1(
      key,
      kdf,
      { appVersion: '0.9', createdAt: '2026-01-01T00:00:00.000Z', counts },
      parts,
    );
    const opened = await openBackup(file, PASSWORD);
    expect(opened.manifest.format).toBe(1);
    expect(opened.parts.map((p) => p.bytes)).toEqual(parts.map((p) => p.bytes));
    expect(await codeOf(openBackup(file, 'wrong one'))).toBe('BACKUP_WRONG_PASSWORD');
    const bad = Buffer.from(file);
    bad[file.length - 20]! ^= 1;
    expect(await codeOf(openBackup(bad, PASSWORD))).toBe('BACKUP_DAMAGED');
  });
});
