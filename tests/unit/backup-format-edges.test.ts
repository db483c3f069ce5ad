// The edges of the backup format a user meets when something is already wrong: files too short to be
// anything, a header that is not an object, one from a newer version, a header rewritten with its checksum
// recomputed (a slot that opens but keys that do not), paths that would leave the data folder, bytes added
// at the end; and the key slots each costing the one derivation they should (kit, custom password, p > 1).
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_MAGIC,
  type BackupKeys,
  type BackupPart,
  encodeBackup,
  openBackup,
  opensWith,
  parseHeader,
} from '../../electron/core/backup/backup-format.ts';
import { newRecipient, sealPrivateForCustom } from '../../electron/core/backup/backup-keys.ts';
import { seal } from '../../electron/core/crypto/aead.ts';
import { deriveKey, newParams } from '../../electron/core/crypto/kdf.ts';
import { newRecoveryKey, normalizeRecoveryKey } from '../../electron/core/vault/vault.ts';
import { encodeBackupV1 } from '../support/backup-v1.ts';

const PASSWORD = '正确的马电池订书钉-42';
const CUSTOM = 'a backup password of its own';
const cost = { N: 2 ** 10, r: 8, p: 1 };
const counts = { shops: 1, subAccounts: 2, staff: 0, cases: 0, drafts: 0, attachments: 1, auditEntries: 3 };
const parts: BackupPart[] = [
  { path: 'vault.json', bytes: Buffer.from('{"v":1}') },
  { path: 'shops/s1.json', bytes: Buffer.from('{"shop":1}') },
  { path: 'attachments/abc', bytes: randomBytes(64), sealed: true },
];
const meta = (device = 'pc') => ({
  appVersion: '1',
  createdAt: '2026-12-07T00:00:00.000Z',
  device,
  locked: false,
  counts,
});

interface Made {
  file: Buffer;
  kit: string;
}

/** A backup whose vault has a master slot, a kit slot and a custom password (each with `p`). */
async function made(withParts = parts, p = 1, device?: string, password = PASSWORD): Promise<Made> {
  const dataKey = randomBytes(32);
  const kdf = newParams({ ...cost, p });
  const kit = newRecoveryKey();
  const kitKdf = newParams({ ...cost, p });
  const customKdf = newParams({ ...cost, p });
  const recipient = newRecipient(dataKey);
  const keys: BackupKeys = {
    recipient,
    slots: {
      master: { kdf, wrappedKey: seal(await deriveKey(password, kdf), dataKey, 'shopwarden/data-key/v1') },
      kit: {
        kdf: kitKdf,
        wrappedKey: seal(
          await deriveKey(normalizeRecoveryKey(kit), kitKdf),
          dataKey,
          'shopwarden/recovery-kit/v1',
        ),
        createdAt: '2026-12-01T00:00:00.000Z',
      },
    },
    custom: {
      kdf: customKdf,
      wrapped: sealPrivateForCustom(await deriveKey(CUSTOM, customKdf), dataKey, recipient.sealedPrivate),
    },
  };
  return { file: encodeBackup(keys, meta(device), withParts), kit };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'opened',
    (e: { code?: string }) => e.code ?? String(e),
  );

/** The file with its header rewritten and the header's checksum recomputed (the body left as it was). */
function rewritten(file: Buffer, change: (h: Record<string, unknown>) => unknown): Buffer {
  const at = BACKUP_MAGIC.length;
  const len = file.readUInt32BE(at);
  const header = JSON.parse(file.subarray(at + 4, at + 4 + len).toString('utf8'));
  return framedWith(JSON.stringify(change(header)), file.subarray(at + 4 + len + 32));
}

/** Magic, the length, `headerText`, its SHA-256, then `after`. */
function framedWith(headerText: string, after: Buffer = Buffer.alloc(64)): Buffer {
  const h = Buffer.from(headerText, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(h.length);
  const framed = Buffer.concat([BACKUP_MAGIC, len, h]);
  return Buffer.concat([framed, createHash('sha256').update(framed).digest(), after]);
}

describe('files too short, and headers that are not a backup header', () => {
  it('short files: not a backup below the magic and its length, damaged from there', async () => {
    const m = BACKUP_MAGIC.length;
    const kdfs = { count: 0 };
    expect(await codeOf(openBackup(Buffer.from(BACKUP_MAGIC.subarray(0, m)), PASSWORD, kdfs))).toBe(
      'BACKUP_NOT_A_BACKUP',
    );
    expect(await codeOf(openBackup(Buffer.concat([BACKUP_MAGIC, Buffer.alloc(3)]), PASSWORD, kdfs))).toBe(
      'BACKUP_NOT_A_BACKUP',
    );
    expect(await codeOf(openBackup(Buffer.concat([BACKUP_MAGIC, Buffer.alloc(4)]), PASSWORD, kdfs))).toBe(
      'BACKUP_DAMAGED',
    );
    // Three changed letters of the magic are damage to a backup; four are some other file.
    const { file } = await made();
    for (const [changed, code] of [
      [3, 'BACKUP_DAMAGED'],
      [4, 'BACKUP_NOT_A_BACKUP'],
    ] as const) {
      const bad = Buffer.from(file);
      for (let i = 0; i < changed; i++) bad[i]! ^= 0x20;
      expect(await codeOf(openBackup(bad, PASSWORD, kdfs)), `${changed} letters`).toBe(code);
    }
    // A header longer than any the app writes.
    const long = Buffer.concat([BACKUP_MAGIC, Buffer.from([0, 0, 0x20, 0x01]), Buffer.alloc(9000, 0x20)]);
    expect(await codeOf(openBackup(long, PASSWORD, kdfs))).toBe('BACKUP_DAMAGED');
    expect(kdfs.count).toBe(0);
  });

  it('a header that is JSON but no object, or of a newer format, is said so before any derivation', async () => {
    const kdfs = { count: 0 };
    expect(await codeOf(openBackup(framedWith('null'), PASSWORD, kdfs))).toBe('BACKUP_DAMAGED');
    expect(await codeOf(openBackup(framedWith('[1,2]'), PASSWORD, kdfs))).toBe('BACKUP_DAMAGED');
    expect(await codeOf(openBackup(framedWith('{"format":3}'), PASSWORD, kdfs))).toBe('BACKUP_NEWER_FORMAT');
    expect(await codeOf(openBackup(framedWith('{"format":"3"}'), PASSWORD, kdfs))).toBe('BACKUP_DAMAGED');
    expect(await codeOf(openBackup(framedWith('{"format":2}'), PASSWORD, kdfs))).toBe('BACKUP_DAMAGED');
    const { file } = await made();
    // Longer or shorter keys and ids than the format has: refused by the header's own check.
    for (const change of [
      (h: Record<string, unknown>) => ({ ...h, to: `${h.to}A` }),
      (h: Record<string, unknown>) => ({ ...h, to: `A${h.to}` }),
      (h: Record<string, unknown>) => ({ ...h, epk: `${h.epk}A` }),
      (h: Record<string, unknown>) => ({ ...h, epk: `A${h.epk}` }),
      (h: Record<string, unknown>) => ({ ...h, vault: `${h.vault}0` }),
      (h: Record<string, unknown>) => ({ ...h, vault: `0${h.vault}` }),
    ])
      expect(await codeOf(openBackup(rewritten(file, change), PASSWORD, kdfs))).toBe('BACKUP_DAMAGED');
    expect(kdfs.count).toBe(0);
  });

  it('a file cut inside its last 16 bytes is damage found from the header alone', async () => {
    const { file } = await made(parts.filter((p) => !p.sealed));
    const kdfs = { count: 0 };
    for (const cut of [1, 8, 16])
      expect(
        await codeOf(openBackup(file.subarray(0, file.length - cut), PASSWORD, kdfs)),
        `cut ${cut}`,
      ).toBe('BACKUP_DAMAGED');
    expect(kdfs.count).toBe(0);
  });

  it('bytes added after the last part are damage', async () => {
    const { file } = await made();
    expect(await codeOf(openBackup(Buffer.concat([file, Buffer.from([0])]), PASSWORD))).toBe(
      'BACKUP_DAMAGED',
    );
    const { file: plain } = await made(parts.filter((p) => !p.sealed));
    expect(await codeOf(openBackup(Buffer.concat([plain, Buffer.from([0])]), PASSWORD))).toBe(
      'BACKUP_DAMAGED',
    );
  });

  it('a header rewritten with its checksum recomputed: the slot opens, the keys do not, and it is damage', async () => {
    const { file } = await made();
    const other = await made();
    const header = (f: Buffer) =>
      JSON.parse(f.subarray(22, 22 + f.readUInt32BE(18)).toString('utf8')) as Record<string, unknown>;
    // Another file's wrapped content key, or its sealed private key, in this header.
    for (const field of ['wrapped', 'priv']) {
      const bad = rewritten(file, (h) => ({ ...h, [field]: header(other.file)[field] }));
      expect(await codeOf(openBackup(bad, PASSWORD)), field).toBe('BACKUP_DAMAGED');
    }
  });
});

describe('what the backup holds, and where its parts may go', () => {
  it('starts with the magic, and keeps at most 200 characters of the device name', async () => {
    const { file } = await made(parts, 1, '店'.repeat(300));
    expect(file.subarray(0, BACKUP_MAGIC.length).toString('ascii')).toBe('SHOPWARDEN-BACKUP\n');
    const opened = await openBackup(file, PASSWORD);
    expect(opened.manifest.device).toBe('店'.repeat(200));
  });

  it('a part whose path would leave the data folder, or go deeper than one folder, is damage', async () => {
    for (const bad of ['../evil.json', 'shops/../../evil', 'ab/..', 'a/b/c', '/abs', 'x y'])
      expect(
        await codeOf(
          openBackup((await made([...parts, { path: bad, bytes: Buffer.from('x') }])).file, PASSWORD),
        ),
        bad,
      ).toBe('BACKUP_DAMAGED');
    expect(
      await codeOf(
        openBackup((await made([{ path: 'a.b-c_d/e.f', bytes: Buffer.from('x') }])).file, PASSWORD),
      ),
    ).toBe('opened');
  });
});

describe('each way in costs the derivations it should', () => {
  it('master password: one; recovery key: one; custom password: two (master tried first); wrong: each slot once', async () => {
    const { file, kit } = await made(parts, 2);
    const count = async (secret: string) => {
      const kdfs = { count: 0 };
      const code = await codeOf(openBackup(file, secret, kdfs));
      return [code, kdfs.count];
    };
    expect(await count(PASSWORD)).toEqual(['opened', 1]);
    expect(await count(kit)).toEqual(['opened', 1]);
    expect(await count(kit.toLowerCase().replaceAll('-', ' '))).toEqual(['opened', 1]);
    expect(await count(CUSTOM)).toEqual(['opened', 2]);
    expect(await count('not any of them')).toEqual(['BACKUP_WRONG_PASSWORD', 2]);
    // A kit-shaped key that is not this vault's: the kit slot, then the master slot.
    expect(await count(newRecoveryKey())).toEqual(['BACKUP_WRONG_PASSWORD', 2]);
  });

  it('a master password that happens to look like a recovery key still opens, after the kit slot', async () => {
    const lookalike = newRecoveryKey();
    const { file } = await made(parts, 1, undefined, lookalike);
    const kdfs = { count: 0 };
    expect(await codeOf(openBackup(file, lookalike, kdfs))).toBe('opened');
    expect(kdfs.count).toBe(2);
  });

  it('a wrong password found before the file is read is not an unhandled failure', async () => {
    const { file } = await made();
    const head = file.subarray(0, 16_384);
    let release: () => void = () => {};
    const whole = new Promise<Buffer>((r) => {
      release = () => r(file);
    });
    const opening = codeOf(openBackup(head, 'wrong', { count: 0 }, { size: file.length, whole }));
    // Long enough for both slots' derivations to fail first.
    await new Promise((r) => setTimeout(r, 300));
    release();
    expect(await opening).toBe('BACKUP_WRONG_PASSWORD');
  });
});

describe('what the backup list says opens each file', () => {
  it('the master password of its day, the kit and the custom password where the file has them', async () => {
    const { file } = await made();
    const head = parseHeader(file, file.length).header;
    expect(opensWith(head)).toMatchObject({
      format: 2,
      custom: true,
      kitCreatedAt: '2026-12-01T00:00:00.000Z',
    });
    const dataKey = randomBytes(32);
    const kdf = newParams(cost);
    const bare = encodeBackup(
      {
        recipient: newRecipient(dataKey),
        slots: {
          master: {
            kdf,
            wrappedKey: seal(await deriveKey(PASSWORD, kdf), dataKey, 'shopwarden/data-key/v1'),
          },
          kit: null,
        },
        custom: null,
      },
      meta(),
      parts,
    );
    const h = parseHeader(bare, bare.length).header;
    expect(opensWith(h)).toEqual({
      format: 2,
      masterSalt: kdf.salt,
      kitCreatedAt: null,
      custom: false,
      vault: newRecipient(dataKey).vault,
    });
    // A format-1 file opens with the one password it was made with.
    const key = await deriveKey(PASSWORD, kdf);
    const v1 = encodeBackupV1(
      key,
      kdf,
      { appVersion: '0.9', createdAt: '2026-01-01T00:00:00.000Z', counts },
      parts,
    );
    expect(opensWith(parseHeader(v1, v1.length).header)).toEqual({
      format: 1,
      masterSalt: null,
      kitCreatedAt: null,
      custom: true,
      vault: null,
    });
  });
});
