// The .swbackup container. Outside: a magic line and a small JSON header holding only what is needed to
// open the file (format, KDF parameters and salt, nonce, a key check), never a name, count or secret.
// Inside, under AES-256-GCM with a key from scrypt(backup password): a manifest (format, app version,
// created, counts, and the SHA-256 of each part) followed by the parts, which are the data folder's files
// as they are on disk (secret fields stay sealed with the data key; shop journals already applied).
// Attachments are already AES-256-GCM ciphertext under the data key, with random names: they follow the
// encrypted body as they are, each checked against its SHA-256 in the authenticated manifest, so 50 MB of
// scans are not encrypted a second time (backup and restore stay near the speed of copying the bytes).
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { BackupCountsView } from '../../../shared/contract/backup-types.ts';
import { AppError } from '../../../shared/contract/errors.ts';
import { deriveKey, type ScryptParams as KdfParams } from '../crypto/kdf.ts';

export const BACKUP_MAGIC = Buffer.from('SHOPWARDEN-BACKUP\n', 'ascii');
export const BACKUP_FORMAT = 1;
export const BACKUP_EXTENSION = '.swbackup';

const headerSchema = z.strictObject({
  format: z.number().int(),
  // Tighter than the vault's own bounds: this comes from a file anyone could hand us, and scrypt's memory
  // (128 * N * r bytes) must stay sane before the first derivation.
  kdf: z.strictObject({
    algo: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.string().min(16).max(64),
  }),
  nonce: z.string().length(16),
  /** Bytes of encrypted body; the GCM tag follows it, then the already-sealed parts. */
  bodyLength: z.number().int().min(0),
  /** HMAC of a fixed label under the key: tells a wrong password from a damaged file. */
  keyCheck: z.string().length(44),
});
type Header = z.infer<typeof headerSchema>;

export type BackupCounts = BackupCountsView;

const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  appVersion: z.string().max(40),
  createdAt: z.string().max(40),
  counts: z.strictObject({
    shops: z.number().int(),
    subAccounts: z.number().int(),
    staff: z.number().int(),
    cases: z.number().int(),
    drafts: z.number().int(),
    attachments: z.number().int(),
    auditEntries: z.number().int(),
  }),
  parts: z
    .array(
      z.strictObject({
        path: z.string().regex(/^(?!.*\.\.)[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)?$/),
        size: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        /** Already sealed with the data key: stored after the encrypted body, not inside it. */
        outside: z.boolean(),
      }),
    )
    .max(100_000),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export interface BackupPart {
  path: string;
  bytes: Buffer;
  /** Ciphertext already (an attachment sealed with the data key): kept outside the encrypted body. */
  sealed?: boolean;
}

const KEY_CHECK_LABEL = 'shopwarden/backup/key-check/v1';
const keyCheck = (key: Buffer) => createHmac('sha256', key).update(KEY_CHECK_LABEL).digest('base64');

/** scrypt(password) with the given parameters: the key that opens a backup. */
export async function backupKey(password: string, kdf: KdfParams): Promise<Buffer> {
  return deriveKey(password, kdf);
}

/** Builds the whole file. The key comes from backupKey() with `kdf`, whose salt the header carries. */
export function encodeBackup(
  key: Buffer,
  kdf: KdfParams,
  meta: { appVersion: string; createdAt: string; counts: BackupCounts },
  parts: BackupPart[],
): Buffer {
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    appVersion: meta.appVersion,
    createdAt: meta.createdAt,
    counts: meta.counts,
    parts: parts.map((p) => ({
      path: p.path,
      size: p.bytes.length,
      sha256: createHash('sha256').update(p.bytes).digest('hex'),
      outside: !!p.sealed,
    })),
  };
  const inside = parts.filter((p) => !p.sealed);
  const outside = parts.filter((p) => p.sealed);
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(manifestBytes.length);
  const bodyLength = 4 + manifestBytes.length + inside.reduce((n, p) => n + p.bytes.length, 0);
  const nonce = randomBytes(12);
  const header: Header = {
    format: BACKUP_FORMAT,
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

/** Reads the outside of a file: refuses what is not a backup, or is from a newer version, before any KDF. */
export function readHeader(file: Buffer): {
  header: Header;
  aad: Buffer;
  body: Buffer;
  tag: Buffer;
  rest: Buffer;
} {
  if (file.length < BACKUP_MAGIC.length + 4 || !file.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC))
    throw new AppError('BACKUP_NOT_A_BACKUP');
  const headerLen = file.readUInt32BE(BACKUP_MAGIC.length);
  const headerEnd = BACKUP_MAGIC.length + 4 + headerLen;
  if (headerLen > 4096 || file.length < headerEnd + 16) throw new AppError('BACKUP_DAMAGED');
  let raw: unknown;
  try {
    raw = JSON.parse(file.subarray(BACKUP_MAGIC.length + 4, headerEnd).toString('utf8'));
  } catch {
    throw new AppError('BACKUP_DAMAGED');
  }
  const format = (raw as { format?: unknown })?.format;
  if (typeof format === 'number' && format > BACKUP_FORMAT)
    throw new AppError('BACKUP_NEWER_FORMAT', { details: { format } });
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('BACKUP_DAMAGED');
  const bodyEnd = headerEnd + parsed.data.bodyLength;
  if (file.length < bodyEnd + 16) throw new AppError('BACKUP_DAMAGED');
  return {
    header: parsed.data,
    aad: file.subarray(0, headerEnd),
    body: file.subarray(headerEnd, bodyEnd),
    tag: file.subarray(bodyEnd, bodyEnd + 16),
    rest: file.subarray(bodyEnd + 16),
  };
}

/** Decrypts and checks every part's hash. Wrong password, damage and truncation each have their error. */
export function decodeBackup(file: Buffer, key: Buffer): { manifest: BackupManifest; parts: BackupPart[] } {
  const { header, aad, body, tag, rest } = readHeader(file);
  if (keyCheck(key) !== header.keyCheck) throw new AppError('BACKUP_WRONG_PASSWORD');
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.nonce, 'base64'));
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    plain = Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new AppError('BACKUP_DAMAGED');
  }
  const manifestLen = plain.readUInt32BE(0);
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(plain.subarray(4, 4 + manifestLen).toString('utf8')));
  } catch {
    throw new AppError('BACKUP_DAMAGED');
  }
  const parts: BackupPart[] = [];
  let at = 4 + manifestLen;
  let out = 0;
  for (const p of manifest.parts) {
    const bytes = p.outside ? rest.subarray(out, out + p.size) : plain.subarray(at, at + p.size);
    if (p.outside) out += p.size;
    else at += p.size;
    if (bytes.length !== p.size || createHash('sha256').update(bytes).digest('hex') !== p.sha256)
      throw new AppError('BACKUP_DAMAGED', { details: { part: p.path } });
    parts.push({ path: p.path, bytes, sealed: p.outside });
  }
  if (at !== plain.length || out !== rest.length) throw new AppError('BACKUP_DAMAGED');
  return { manifest, parts };
}

export function headerKdf(file: Buffer): KdfParams {
  const { kdf } = readHeader(file).header;
  return kdf as KdfParams;
}
