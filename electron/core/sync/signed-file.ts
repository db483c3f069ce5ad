// The one shape every file on the sync target has: a 4-byte kind, a length-prefixed JSON header (ids,
// sequence numbers, nonces: nothing about the data), an opaque body, and the writer's Ed25519 signature over
// all of it. Parsing never trusts anything: sizes are bounded, and the caller verifies the signature with
// the key it already knows for the writer the header names before reading anything else.
import { gunzipSync, gzipSync } from 'node:zlib';
import { type PrivateIdentity, signBytes, verifyBytes } from './crypto/identity.ts';

export type FileKind = 'SWS1' | 'SWK1' | 'SWT1' | 'SWJ1' | 'SWC1' | 'SWB1';

/** Large enough for a first upload of a big vault in one segment; anything larger is refused unread. */
export const MAX_REMOTE_FILE = 64 * 1024 * 1024;
const MAX_HEADER = 256 * 1024;

export function encodeSigned(
  kind: FileKind,
  header: object,
  body: Uint8Array,
  signer: PrivateIdentity,
): Buffer {
  const h = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(h.length);
  const signed = Buffer.concat([Buffer.from(kind, 'latin1'), len, h, body]);
  return Buffer.concat([signed, signBytes(signer, signed)]);
}

export interface ParsedSigned {
  readonly header: Record<string, unknown>;
  readonly body: Buffer;
  readonly signed: Buffer;
  readonly signature: Buffer;
}

/** Splits a file of the expected kind, or returns null when it is not one (wrong kind, cut short, junk). */
export function parseSigned(kind: FileKind, bytes: Uint8Array): ParsedSigned | null {
  const buf = Buffer.from(bytes);
  if (buf.length < 8 + 64 || buf.length > MAX_REMOTE_FILE) return null;
  if (buf.subarray(0, 4).toString('latin1') !== kind) return null;
  const hlen = buf.readUInt32BE(4);
  if (hlen > MAX_HEADER || 8 + hlen + 64 > buf.length) return null;
  let header: unknown;
  try {
    header = JSON.parse(buf.subarray(8, 8 + hlen).toString('utf8'));
  } catch {
    return null;
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return null;
  return {
    header: header as Record<string, unknown>,
    body: buf.subarray(8 + hlen, buf.length - 64),
    signed: buf.subarray(0, buf.length - 64),
    signature: buf.subarray(buf.length - 64),
  };
}

/**
 * Whether a file of `kind` with groups (a segment or a snapshot) that does not parse is merely shorter than
 * its header says (an upload still running or cut off: read it again later) rather than altered (refuse).
 */
export function looksCutShort(bytes: Uint8Array, kind: FileKind): boolean {
  const buf = Buffer.from(bytes);
  if (buf.length < 8) return true;
  if (buf.subarray(0, 4).toString('latin1') !== kind) return false;
  const hlen = buf.readUInt32BE(4);
  if (8 + hlen + 64 > buf.length) return true;
  try {
    const h = JSON.parse(buf.subarray(8, 8 + hlen).toString('utf8')) as { g?: Array<{ l?: number }> };
    const total = (h.g ?? []).reduce((n, g) => n + (Number(g.l) || 0), 0);
    return 8 + hlen + total + 64 > buf.length;
  } catch {
    return false;
  }
}

export const signatureHolds = (p: ParsedSigned, signPublic: string) =>
  verifyBytes(signPublic, p.signed, p.signature);

const PAD = 256;

/**
 * Compresses, then pads to a multiple of 256 bytes before sealing, so a ciphertext's size says little about
 * how many records it holds.
 */
export function packPlain(value: unknown): Buffer {
  const z = gzipSync(Buffer.from(JSON.stringify(value), 'utf8'));
  const total = Math.ceil((z.length + 4) / PAD) * PAD;
  const out = Buffer.alloc(total);
  out.writeUInt32BE(z.length, 0);
  z.copy(out, 4);
  return out;
}

/** The inverse of packPlain; null for anything that is not one (bounded: at most 256 MiB unpacked). */
export function unpackPlain(buf: Buffer): unknown {
  if (buf.length < 4) return null;
  const n = buf.readUInt32BE(0);
  if (n + 4 > buf.length) return null;
  try {
    return JSON.parse(
      gunzipSync(buf.subarray(4, 4 + n), { maxOutputLength: 256 * 1024 * 1024 }).toString('utf8'),
    );
  } catch {
    return null;
  }
}
