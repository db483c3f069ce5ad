// The .swbackup container. Outside: a magic line and a small JSON header holding only what is needed to
// open the file, never a name, count or secret, followed by the header's own SHA-256, so a changed byte in
// it reads as damage and never as a wrong password. Format 2 (written now) wraps a random content key to
// the vault's backup key pair and carries the ways to reach its private half (backup-keys.ts): the master
// password of that moment, the recovery kit, a custom backup password. Format 1 (scrypt of the backup
// password with a key check) is still read. Inside, under AES-256-GCM with the content key: a manifest
// (format, app version, created, device, counts, and the SHA-256 of each part) followed by the parts,
// which are the data folder's files as they are on disk (secret fields stay sealed with the data key).
// Attachments are already AES-256-GCM ciphertext under the data key, with random names: they follow the
// encrypted body as they are, each checked against its SHA-256 in the authenticated manifest, so 50 MB of
// scans are not encrypted a second time (backup and restore stay near the speed of copying the bytes).
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { BackupCountsView } from '../../../shared/contract/backup-types.ts';
import { AppError } from '../../../shared/contract/errors.ts';
import { fromCrockford } from '../crypto/base32.ts';
import { deriveKey, type ScryptParams as KdfParams } from '../crypto/kdf.ts';
import { type KeySlots, openKeySlot } from '../vault/vault.ts';
import { newContentKey, openContentKey, openCustom, openRecipient, type Recipient } from './backup-keys.ts';

export const BACKUP_MAGIC = Buffer.from('SHOPWARDEN-BACKUP\n', 'ascii');
export const BACKUP_FORMAT = 2;
export const BACKUP_EXTENSION = '.swbackup';
const HASH_BYTES = 32;

// Tighter than the vault's own bounds: this comes from a file anyone could hand us, and scrypt's memory
// (128 * N * r bytes) must stay sane before the first derivation.
const kdfSchema = z.strictObject({
  algo: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 10)
    .max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().min(16).max(64),
});
const sealedText = z.string().min(10).max(600);

const MAX_OUTSIDE_LISTED = 500;

const headerV1Schema = z.strictObject({
  format: z.literal(1),
  kdf: kdfSchema,
  nonce: z.string().length(16),
  /** Bytes of encrypted body; the GCM tag follows it, then the already-sealed parts. */
  bodyLength: z.number().int().min(0),
  /** HMAC of a fixed label under the key: tells a wrong password from a damaged file. */
  keyCheck: z.string().length(44),
});

const headerV2Schema = z.strictObject({
  format: z.literal(2),
  /** The vault's backup public key the content key is wrapped to, and the ephemeral key of this file. */
  to: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  epk: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  wrapped: sealedText,
  /** The backup private key sealed with the data key, and the data key's wrappings at that moment. */
  priv: sealedText,
  vault: z.string().regex(/^[0-9a-f]{16}$/),
  master: z.strictObject({ kdf: kdfSchema, wrappedKey: sealedText }),
  kit: z.strictObject({ kdf: kdfSchema, wrappedKey: sealedText, createdAt: z.string().max(40) }).nullable(),
  custom: z.strictObject({ kdf: kdfSchema, wrapped: sealedText }).nullable(),
  nonce: z.string().length(16),
  bodyLength: z.number().int().min(0),
  /**
   * The sizes of the sealed parts that follow the body, in order (absent in early format-2 files, and when
   * there are too many to keep the header small): lets a restore hash them while the key is being derived.
   * The manifest inside still says what each must be.
   */
  outside: z.array(z.number().int().min(0)).max(MAX_OUTSIDE_LISTED).optional(),
});
type HeaderV1 = z.infer<typeof headerV1Schema>;
export type HeaderV2 = z.infer<typeof headerV2Schema>;
type Header = HeaderV1 | HeaderV2;

export type BackupCounts = BackupCountsView;

const manifestSchema = z.strictObject({
  format: z.union([z.literal(1), z.literal(2)]),
  appVersion: z.string().max(40),
  createdAt: z.string().max(40),
  /** The computer it was made on (absent in format 1). */
  device: z.string().max(200).optional(),
  /** Made while the app was locked (automatic daily backup): counts are those of the files, not the screens. */
  locked: z.boolean().optional(),
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
  /** Its SHA-256 (hex) when already known for exactly these bytes (see BackupService's attachment hashes). */
  sha256?: string;
}

/** Who may open a backup being made: the vault's backup key pair, its key slots now, a custom password. */
export interface BackupKeys {
  recipient: Recipient;
  slots: KeySlots;
  custom: { kdf: KdfParams; wrapped: string } | null;
}

export interface BackupMeta {
  appVersion: string;
  createdAt: string;
  device: string;
  locked: boolean;
  counts: BackupCounts;
}

const KEY_CHECK_LABEL = 'shopwarden/backup/key-check/v1';
const keyCheck = (key: Buffer) => createHmac('sha256', key).update(KEY_CHECK_LABEL).digest('base64');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest();

/** The manifest and the body's layout: what is sealed inside, what follows outside, the body's length. */
export function layout(manifest: Omit<BackupManifest, 'parts'>, parts: BackupPart[]) {
  const full: BackupManifest = {
    ...manifest,
    parts: parts.map((p) => ({
      path: p.path,
      size: p.bytes.length,
      sha256: p.sha256 ?? createHash('sha256').update(p.bytes).digest('hex'),
      outside: !!p.sealed,
    })),
  };
  const inside = parts.filter((p) => !p.sealed);
  const outside = parts.filter((p) => p.sealed);
  const manifestBytes = Buffer.from(JSON.stringify(full), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(manifestBytes.length);
  const bodyLength = 4 + manifestBytes.length + inside.reduce((n, p) => n + p.bytes.length, 0);
  return { inside, outside, manifestBytes, len, bodyLength };
}

/** Builds the whole file (format 2). No password is needed: the content key is wrapped to the public key. */
export function encodeBackup(keys: BackupKeys, meta: BackupMeta, parts: BackupPart[]): Buffer {
  return Buffer.concat(encodeBackupChunks(keys, meta, parts));
}

/**
 * The file as the pieces written one after another: the sealed attachments are written from their own
 * buffers, never copied into one large one first.
 */
export function encodeBackupChunks(keys: BackupKeys, meta: BackupMeta, parts: BackupPart[]): Buffer[] {
  const { inside, outside, manifestBytes, len, bodyLength } = layout(
    {
      format: BACKUP_FORMAT,
      appVersion: meta.appVersion,
      createdAt: meta.createdAt,
      device: meta.device.slice(0, 200),
      locked: meta.locked,
      counts: meta.counts,
    },
    parts,
  );
  const nonce = randomBytes(12);
  const content = newContentKey(keys.recipient.publicKey);
  const header: HeaderV2 = {
    format: 2,
    to: keys.recipient.publicKey,
    epk: content.epk,
    wrapped: content.wrapped,
    priv: keys.recipient.sealedPrivate,
    vault: keys.recipient.vault,
    master: { kdf: keys.slots.master.kdf, wrappedKey: keys.slots.master.wrappedKey },
    kit: keys.slots.kit,
    custom: keys.custom,
    nonce: nonce.toString('base64'),
    bodyLength,
    ...(outside.length <= MAX_OUTSIDE_LISTED ? { outside: outside.map((p) => p.bytes.length) } : {}),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerLen = Buffer.alloc(4);
  headerLen.writeUInt32BE(headerBytes.length);
  const framed = Buffer.concat([BACKUP_MAGIC, headerLen, headerBytes]);
  const aad = Buffer.concat([framed, sha(framed)]);
  const cipher = createCipheriv('aes-256-gcm', content.key, nonce);
  cipher.setAAD(aad);
  const body = [
    cipher.update(len),
    cipher.update(manifestBytes),
    ...inside.map((p) => cipher.update(p.bytes)),
  ];
  body.push(cipher.final());
  content.key.fill(0);
  return [aad, ...body, cipher.getAuthTag(), ...outside.map((p) => p.bytes)];
}

/** How far the first bytes are from the magic line: a few changed bytes are damage, not another file. */
function magicDistance(file: Buffer): number {
  let d = 0;
  for (let i = 0; i < BACKUP_MAGIC.length; i++) if (file[i] !== BACKUP_MAGIC[i]) d++;
  return d;
}

export interface ReadHeader {
  header: Header;
  aad: Buffer;
  body: Buffer;
  tag: Buffer;
  rest: Buffer;
}

/**
 * Reads the outside of a file, before any key derivation: refuses what is not a backup, one from a newer
 * version, and any damage to the header (its checksum in format 2) or to the file's length.
 */
export function readHeader(file: Buffer): ReadHeader {
  const { header, aadEnd } = parseHeader(file, file.length);
  const bodyEnd = aadEnd + header.bodyLength;
  return {
    header,
    aad: file.subarray(0, aadEnd),
    body: file.subarray(aadEnd, bodyEnd),
    tag: file.subarray(bodyEnd, bodyEnd + 16),
    rest: file.subarray(bodyEnd + 16),
  };
}

/**
 * The header from the first bytes of a file of `totalLength` bytes (the backup list reads only those):
 * checked as readHeader checks it.
 */
export function parseHeader(file: Buffer, totalLength: number): { header: Header; aadEnd: number } {
  if (totalLength < BACKUP_MAGIC.length + 4 || file.length < BACKUP_MAGIC.length + 4)
    throw new AppError('BACKUP_NOT_A_BACKUP');
  const distance = magicDistance(file);
  if (distance > 3) throw new AppError('BACKUP_NOT_A_BACKUP');
  if (distance > 0) throw new AppError('BACKUP_DAMAGED', { details: { where: 'header' } });
  const headerLen = file.readUInt32BE(BACKUP_MAGIC.length);
  const headerEnd = BACKUP_MAGIC.length + 4 + headerLen;
  if (headerLen > 8192 || file.length < headerEnd + 16) throw new AppError('BACKUP_DAMAGED');
  let raw: unknown;
  try {
    raw = JSON.parse(file.subarray(BACKUP_MAGIC.length + 4, headerEnd).toString('utf8'));
  } catch {
    throw new AppError('BACKUP_DAMAGED', { details: { where: 'header' } });
  }
  const format = (raw as { format?: unknown })?.format;
  // Every format from 2 on puts the header's SHA-256 right after it; checked before the format number is
  // believed, so a changed byte there reads as damage, not as "made by a newer version".
  const aadEnd = format === 1 ? headerEnd : headerEnd + HASH_BYTES;
  if (
    format !== 1 &&
    (file.length < aadEnd || !sha(file.subarray(0, headerEnd)).equals(file.subarray(headerEnd, aadEnd)))
  )
    throw new AppError('BACKUP_DAMAGED', { details: { where: 'header' } });
  if (typeof format === 'number' && format > BACKUP_FORMAT)
    throw new AppError('BACKUP_NEWER_FORMAT', { details: { format } });
  const parsed = (format === 1 ? headerV1Schema : headerV2Schema).safeParse(raw);
  if (!parsed.success) throw new AppError('BACKUP_DAMAGED', { details: { where: 'header' } });
  const header: Header = parsed.data;
  if (totalLength < aadEnd + header.bodyLength + 16)
    throw new AppError('BACKUP_DAMAGED', { details: { where: 'length' } });
  return { header, aadEnd };
}

/** What opens a file, read from its header alone (for the backup list). */
export interface OpensWith {
  format: 1 | 2;
  /** The master password's salt at that time (compare with the vault's now), or null in format 1. */
  masterSalt: string | null;
  kitCreatedAt: string | null;
  custom: boolean;
  vault: string | null;
}

export function opensWith(header: Header): OpensWith {
  if (header.format === 1)
    return { format: 1, masterSalt: null, kitCreatedAt: null, custom: true, vault: null };
  return {
    format: 2,
    masterSalt: header.master.kdf.salt,
    kitCreatedAt: header.kit?.createdAt ?? null,
    custom: header.custom !== null,
    vault: header.vault,
  };
}

/** A typed secret that has the recovery key's shape (160 bits in Crockford base32). */
const looksLikeKit = (secret: string) => fromCrockford(secret)?.length === 20;

/**
 * Opens a file with what the user typed: the master password of that time, the recovery key, or a custom
 * backup password. The likely slot is tried first, so the usual case costs one key derivation; `kdfs`
 * counts them (the bench checks). Wrong secret, damage and truncation each have their error.
 */
export async function openBackup(
  file: Buffer,
  secret: string,
  kdfs: { count: number } = { count: 0 },
  /** When `file` is only the first bytes: the file's size, and the whole file being read meanwhile. */
  rest?: { size: number; whole: Promise<Buffer> },
): Promise<{ manifest: BackupManifest; parts: BackupPart[]; header: Header }> {
  const { header } = parseHeader(file, rest?.size ?? file.length);
  const keyFound = findKey(header, secret, kdfs);
  // It may settle (a wrong password) before the read below does: handled here, awaited further down.
  keyFound.catch(() => {});
  let bytes: Buffer;
  try {
    bytes = rest ? await rest.whole : file;
  } catch {
    keyFound.then(
      (k) => k.fill(0),
      () => {},
    );
    throw new AppError('NOT_FOUND');
  }
  const read = readHeader(bytes);
  // The sealed parts are hashed while the key derivation still runs on its own thread.
  const early = earlyHashes(read);
  const key = await keyFound;
  try {
    return { ...decodeBody(read, key, early), header };
  } finally {
    key.fill(0);
  }
}

/** The content key, from the slot the secret opens; the usual case costs one key derivation. */
async function findKey(header: Header, secret: string, kdfs: { count: number }): Promise<Buffer> {
  let key: Buffer | null = null;
  if (header.format === 1) {
    kdfs.count++;
    key = await deriveKey(secret, header.kdf as KdfParams);
    if (keyCheck(key) !== header.keyCheck) throw new AppError('BACKUP_WRONG_PASSWORD');
  } else {
    const order: Array<'master' | 'kit' | 'custom'> = looksLikeKit(secret)
      ? ['kit', 'master']
      : ['master', 'custom'];
    for (const slot of order) {
      const priv = await openSlot(header, slot, secret, kdfs);
      if (priv) {
        key = openContentKey(priv, header.to, header.epk, header.wrapped);
        if (!key) throw new AppError('BACKUP_DAMAGED', { details: { where: 'key' } });
        break;
      }
    }
    if (!key) throw new AppError('BACKUP_WRONG_PASSWORD');
  }
  return key;
}

async function openSlot(
  header: HeaderV2,
  slot: 'master' | 'kit' | 'custom',
  secret: string,
  kdfs: { count: number },
) {
  if (slot === 'custom') {
    if (!header.custom) return null;
    kdfs.count++;
    const kek = await deriveKey(secret, header.custom.kdf as KdfParams);
    try {
      return openCustom(kek, header.custom.wrapped);
    } finally {
      kek.fill(0);
    }
  }
  if (slot === 'kit' && !header.kit) return null;
  kdfs.count++;
  const slots = { master: header.master, kit: header.kit } as KeySlots;
  const dataKey = await openKeySlot(slots, slot, secret);
  if (!dataKey) return null;
  try {
    const priv = openRecipient(dataKey, header.priv);
    // The slot opened but the private key did not: the header was rewritten (its checksum recomputed).
    if (!priv) throw new AppError('BACKUP_DAMAGED', { details: { where: 'key' } });
    return priv;
  } finally {
    dataKey.fill(0);
  }
}

/** The SHA-256 of each sealed part as the header's sizes cut them; none when the sizes do not add up. */
function earlyHashes(read: ReadHeader): string[] | null {
  const sizes = read.header.format === 2 ? read.header.outside : undefined;
  if (!sizes || sizes.reduce((n, s) => n + s, 0) !== read.rest.length) return null;
  let at = 0;
  return sizes.map((size) => {
    const sha = createHash('sha256')
      .update(read.rest.subarray(at, at + size))
      .digest('hex');
    at += size;
    return sha;
  });
}

/**
 * Decrypts the body and checks every part's size and SHA-256 against the authenticated manifest. `early`:
 * the sealed parts' hashes taken before, used when the manifest cuts them at the same places.
 */
function decodeBody(
  read: ReadHeader,
  key: Buffer,
  early: string[] | null = null,
): { manifest: BackupManifest; parts: BackupPart[] } {
  const { header, aad, body, tag, rest } = read;
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
  let nth = 0;
  const sizes = read.header.format === 2 ? read.header.outside : undefined;
  let aligned = early !== null;
  for (const p of manifest.parts) {
    const bytes = p.outside ? rest.subarray(out, out + p.size) : plain.subarray(at, at + p.size);
    // An early hash stands for this part only where the header cut the same bytes (same place, same size).
    if (p.outside && sizes?.[nth] !== p.size) aligned = false;
    const known = p.outside && aligned ? early?.[nth] : undefined;
    if (p.outside) {
      out += p.size;
      nth++;
    } else at += p.size;
    const sha = known ?? createHash('sha256').update(bytes).digest('hex');
    if (bytes.length !== p.size || sha !== p.sha256)
      throw new AppError('BACKUP_DAMAGED', { details: { part: p.path } });
    parts.push({ path: p.path, bytes, sealed: p.outside });
  }
  if (at !== plain.length || out !== rest.length) throw new AppError('BACKUP_DAMAGED');
  return { manifest, parts };
}
