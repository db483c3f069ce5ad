// Joining a team. The owner makes a one-time invite: an id, a secret and the owner's key fingerprint, shown
// as a code and a QR. The new member's app writes a join request sealed with a key derived from the secret
// (storage cannot read the name in it, nor forge one without the code) and signed with the new member's own
// key. Both screens then show a six-digit safety code computed from both public keys: if they match, no one
// in between swapped a key, and the owner approves.
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { fromCrockford, toCrockford } from '../crypto/base32.ts';
import { type PrivateIdentity, type PublicIdentity, verifyBytes } from './crypto/identity.ts';
import { openWith, sealWith } from './crypto/scope-keys.ts';
import { encodeSigned, packPlain, parseSigned, unpackPlain } from './signed-file.ts';
import { publicIdentitySchema } from './sync-schemas.ts';

export interface Invite {
  /** 16 hex digits; names the join file. */
  readonly id: string;
  /** 32 bytes, base64url: never written anywhere but the code. */
  readonly secret: string;
  /** The owner's member id (32 hex digits): the joiner checks the team list is signed by this key. */
  readonly owner: string;
  readonly team: string;
  readonly expiresAt: number;
}

/** CRC-16/CCITT: unlike a truncated hash it catches every error within 16 bits, so any one mistyped character. */
function crc16(data: Buffer): Buffer {
  let crc = 0xffff;
  for (const b of data) {
    crc ^= b << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  const out = Buffer.alloc(2);
  out.writeUInt16BE(crc);
  return out;
}

export function newInvite(team: string, owner: string, now: number, validMs: number): Invite {
  return {
    id: randomBytes(8).toString('hex'),
    secret: randomBytes(32).toString('base64url'),
    owner,
    team,
    expiresAt: now + validMs,
  };
}

/**
 * The code a new member types or scans: version, team, owner, invite id, secret, expiry (minutes), and a
 * CRC-16 so a typo is caught before anything is asked of the server.
 */
export function inviteCode(inv: Invite): string {
  const body = Buffer.concat([
    Buffer.from([1]),
    Buffer.from(inv.team, 'hex'),
    Buffer.from(inv.owner, 'hex'),
    Buffer.from(inv.id, 'hex'),
    Buffer.from(inv.secret, 'base64url'),
    (() => {
      const b = Buffer.alloc(4);
      b.writeUInt32BE(Math.floor(inv.expiresAt / 60_000));
      return b;
    })(),
  ]);
  const check = crc16(body);
  const text = toCrockford(Buffer.concat([body, check]));
  return text.match(/.{1,4}/g)?.join('-') ?? text;
}

export function parseInviteCode(code: string): Invite | null {
  const raw = fromCrockford(code);
  if (!raw || raw.length !== 1 + 16 + 16 + 8 + 32 + 4 + 2 || raw[0] !== 1) return null;
  const body = raw.subarray(0, raw.length - 2);
  const check = crc16(body);
  if (!timingSafeEqual(check, raw.subarray(raw.length - 2))) return null;
  return {
    team: body.subarray(1, 17).toString('hex'),
    owner: body.subarray(17, 33).toString('hex'),
    id: body.subarray(33, 41).toString('hex'),
    secret: body.subarray(41, 73).toString('base64url'),
    expiresAt: body.readUInt32BE(73) * 60_000,
  };
}

const joinKey = (inv: Pick<Invite, 'secret' | 'id'>) => ({
  scope: 'join',
  epoch: 0,
  key: Buffer.from(
    hkdfSync(
      'sha256',
      Buffer.from(inv.secret, 'base64url'),
      Buffer.alloc(0),
      `shopwarden/sync/join/${inv.id}`,
      32,
    ),
  ).toString('base64url'),
});

export interface JoinRequest {
  readonly identity: PublicIdentity;
  readonly name: string;
  readonly at: number;
}

const joinSchema = z.strictObject({
  identity: publicIdentitySchema,
  name: z.string().min(1).max(64),
  at: z.number().int(),
});

export function encodeJoinRequest(inv: Invite, me: PrivateIdentity, name: string, now: number): Buffer {
  const req: JoinRequest = { identity: { id: me.id, sign: me.sign, box: me.box }, name, at: now };
  const { nonce, body } = sealWith(
    joinKey(inv),
    packPlain(req),
    `shopwarden/sync/join/v1|${inv.team}|${inv.id}|${me.id}`,
  );
  return encodeSigned(
    'SWJ1',
    { team: inv.team, i: inv.id, id: me.id, n: nonce.toString('base64url') },
    body,
    me,
  );
}

/** The request, when it opens with the invite's secret and is signed by the key inside it; else null. */
export function openJoinRequest(inv: Invite, bytes: Uint8Array): JoinRequest | null {
  const p = parseSigned('SWJ1', bytes);
  if (!p) return null;
  const h = p.header;
  if (h.team !== inv.team || h.i !== inv.id || typeof h.id !== 'string' || typeof h.n !== 'string')
    return null;
  const plain = openWith(
    joinKey(inv),
    Buffer.from(h.n, 'base64url'),
    p.body,
    `shopwarden/sync/join/v1|${inv.team}|${inv.id}|${h.id}`,
  );
  if (!plain) return null;
  const req = joinSchema.safeParse(unpackPlain(plain));
  if (!req.success || req.data.identity.id !== h.id) return null;
  if (!verifyBytes(req.data.identity.sign, p.signed, p.signature)) return null;
  return req.data;
}

/** Six digits both people read out: the same on both screens only if both hold the same two keys. */
export function safetyCode(team: string, ownerSign: string, memberSign: string, inviteId: string): string {
  const mac = createHmac('sha256', 'shopwarden/sync/safety-code')
    .update(`${team}|${ownerSign}|${memberSign}|${inviteId}`)
    .digest();
  const n = mac.readUInt32BE(0) % 1_000_000;
  const s = n.toString().padStart(6, '0');
  return `${s.slice(0, 3)} ${s.slice(3)}`;
}
