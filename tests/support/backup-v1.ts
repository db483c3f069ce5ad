// Writes a backup in format 1, as the app wrote them before format 2 (scrypt of the backup password, a key
// check, no header checksum): the tests prove such files still open and are still checked.
import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import {
  BACKUP_MAGIC,
  type BackupCounts,
  type BackupPart,
  layout,
} from '../../electron/core/backup/backup-format.ts';
import type { ScryptParams as KdfParams } from '../../electron/core/crypto/kdf.ts';

const keyCheck = (key: Buffer) =>
  createHmac('sha256', key).update('shopwarden/backup/key-check/v1').digest('base64');

/** The key is scrypt(backup password) with `kdf`. */
export function encodeBackupV1(
  key: Buffer,
  kdf: KdfParams,
  meta: { appVersion: string; createdAt: string; counts: BackupCounts },
  parts: BackupPart[],
): Buffer {
  const { inside, outside, manifestBytes, len, bodyLength } = layout(
    { format: 1, appVersion: meta.appVersion, createdAt: meta.createdAt, counts: meta.counts },
    parts,
  );
  const nonce = randomBytes(12);
  const header = {
    format: 1,
    kdf: { algo: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p, salt: kdf.salt },
    nonce: nonce.toString('base64'),
    bodyLength,
    keyCheck: keyCheck(key),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerLen = Buffer.alloc(4);
  headerLen.writeUInt32BE(headerBytes.length);
  const aad = Buffer.concat([BACKUP_MAGIC, headerLen, headerBytes]);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const body = [
    cipher.update(len),
    cipher.update(manifestBytes),
    ...inside.map((p) => cipher.update(p.bytes)),
  ];
  body.push(cipher.final());
  return Buffer.concat([aad, ...body, cipher.getAuthTag(), ...outside.map((p) => p.bytes)]);
}
