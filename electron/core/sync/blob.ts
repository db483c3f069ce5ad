// A file attached to a record (a deposit case's scan, a recovery draft's screenshot), carried as its own file
// on the target: sealed with its scope's key, signed by the member who attached it, named by the attachment's
// random id. Records name the id; a member who gets a record naming a file it lacks fetches the file. The
// target learns a random id and a padded size, nothing else.
import type { PrivateIdentity } from './crypto/identity.ts';
import { keyId, openWith, type ScopeKey, sealWith } from './crypto/scope-keys.ts';
import { encodeSigned, type ParsedSigned, parseSigned } from './signed-file.ts';

export interface BlobHeader {
  readonly team: string;
  readonly a: string;
  readonly id: string;
  readonly k: string;
  readonly n: string;
}

export const BLOB_ID = /^[0-9a-f]{32}$/;

const aadFor = (h: Omit<BlobHeader, 'n'>) => `shopwarden/sync/blob/v1|${h.team}|${h.a}|${h.id}|${h.k}`;

/** Attached files are at most 6 MiB; padding to 4 KiB hides the exact size. */
const PAD = 4096;

export function encodeBlob(opts: {
  team: string;
  author: PrivateIdentity;
  id: string;
  key: ScopeKey;
  bytes: Buffer;
}): Buffer {
  const total = Math.ceil((opts.bytes.length + 4) / PAD) * PAD;
  const padded = Buffer.alloc(total);
  padded.writeUInt32BE(opts.bytes.length, 0);
  opts.bytes.copy(padded, 4);
  const base = { team: opts.team, a: opts.author.id, id: opts.id, k: keyId(opts.key) };
  const { nonce, body } = sealWith(opts.key, padded, aadFor(base));
  const header: BlobHeader = { ...base, n: nonce.toString('base64url') };
  return encodeSigned('SWB1', header, body, opts.author);
}

/** The header of a blob, checked for shape only (the caller verifies the author's signature). */
export function readBlob(bytes: Uint8Array): { parsed: ParsedSigned; header: BlobHeader } | null {
  const parsed = parseSigned('SWB1', bytes);
  if (!parsed) return null;
  const h = parsed.header;
  if (typeof h.team !== 'string' || typeof h.a !== 'string' || !/^[0-9a-f]{32}$/.test(h.a)) return null;
  if (typeof h.id !== 'string' || !BLOB_ID.test(h.id)) return null;
  if (typeof h.k !== 'string' || !/^[0-9a-f]{16}$/.test(h.k) || typeof h.n !== 'string') return null;
  return { parsed, header: h as unknown as BlobHeader };
}

/** The file's bytes, or null when the key does not open it or the padding is wrong. */
export function openBlob(blob: { parsed: ParsedSigned; header: BlobHeader }, key: ScopeKey): Buffer | null {
  const plain = openWith(key, Buffer.from(blob.header.n, 'base64url'), blob.parsed.body, aadFor(blob.header));
  if (!plain || plain.length < 4) return null;
  const n = plain.readUInt32BE(0);
  if (n + 4 > plain.length) return null;
  return plain.subarray(4, 4 + n);
}
