// A keyring file: the scope keys one writer (the owner or an admin) grants one member, sealed to that
// member's X25519 key and signed by the writer. Storage sees two member ids and a version number.
import { z } from 'zod';
import { openSealed, sealTo } from './crypto/box.ts';
import type { PrivateIdentity, PublicIdentity } from './crypto/identity.ts';
import type { ScopeKey } from './crypto/scope-keys.ts';
import { encodeSigned, type ParsedSigned, packPlain, parseSigned, unpackPlain } from './signed-file.ts';
import { scopeKeySchema } from './sync-schemas.ts';

export interface KeyringHeader {
  readonly team: string;
  readonly to: string;
  readonly from: string;
  readonly v: number;
}

const aadFor = (h: KeyringHeader) => `shopwarden/sync/keyring/v1|${h.team}|${h.to}|${h.from}|${h.v}`;

export function encodeKeyring(opts: {
  team: string;
  writer: PrivateIdentity;
  to: PublicIdentity;
  version: number;
  keys: readonly ScopeKey[];
}): Buffer {
  const header: KeyringHeader = { team: opts.team, to: opts.to.id, from: opts.writer.id, v: opts.version };
  return encodeSigned('SWK1', header, sealTo(opts.to.box, packPlain(opts.keys), aadFor(header)), opts.writer);
}

const headerSchema = z.strictObject({
  team: z.string().regex(/^[0-9a-f]{32}$/),
  to: z.string().regex(/^[0-9a-f]{32}$/),
  from: z.string().regex(/^[0-9a-f]{32}$/),
  v: z.number().int().min(1),
});

export function readKeyring(bytes: Uint8Array): { parsed: ParsedSigned; header: KeyringHeader } | null {
  const parsed = parseSigned('SWK1', bytes);
  if (!parsed) return null;
  const h = headerSchema.safeParse(parsed.header);
  return h.success ? { parsed, header: h.data } : null;
}

/** The keys in a keyring sealed to `me`, or null when it does not open or holds something malformed. */
export function openKeyring(
  me: PrivateIdentity,
  kr: { parsed: ParsedSigned; header: KeyringHeader },
): ScopeKey[] | null {
  const plain = openSealed(me, kr.parsed.body, aadFor(kr.header));
  if (!plain) return null;
  const keys = z.array(scopeKeySchema).max(100_000).safeParse(unpackPlain(plain));
  return keys.success ? keys.data : null;
}
