// A segment: one push of one member's changes. Changes are grouped by scope and each group is sealed with
// that scope's newest key, so a member reads exactly the groups whose keys they hold. The header names the
// author, their sequence number and the hash of their previous segment: each author's segments form a
// signed hash chain, which is how a reader notices a replayed, removed or swapped segment.
import { createHash } from 'node:crypto';
import type { RecordChange } from '../../../shared/domain/sync/records.ts';
import type { PrivateIdentity } from './crypto/identity.ts';
import { keyId, openWith, type ScopeKey, sealWith } from './crypto/scope-keys.ts';
import { encodeSigned, type ParsedSigned, packPlain, parseSigned, unpackPlain } from './signed-file.ts';
import { changeListSchema } from './sync-schemas.ts';

export interface SegmentHeader {
  readonly team: string;
  readonly a: string;
  readonly q: number;
  readonly p: string | null;
  readonly g: ReadonlyArray<{ readonly k: string; readonly n: string; readonly l: number }>;
}

const aadFor = (team: string, author: string, seq: number, kid: string) =>
  `shopwarden/sync/seg/v1|${team}|${author}|${seq}|${kid}`;

export const segmentHash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function encodeSegment(opts: {
  team: string;
  author: PrivateIdentity;
  seq: number;
  prev: string | null;
  changes: readonly RecordChange[];
  keys: ReadonlyMap<string, ScopeKey>;
}): Buffer {
  const byScope = new Map<string, RecordChange[]>();
  for (const c of opts.changes) {
    const list = byScope.get(c.scope) ?? [];
    list.push(c);
    byScope.set(c.scope, list);
  }
  const groups: Array<{ k: string; n: string; l: number }> = [];
  const bodies: Buffer[] = [];
  // Sorted by key id, not by scope, so the order says nothing either.
  const sealed = [...byScope].map(([scope, changes]) => {
    const key = opts.keys.get(scope);
    if (!key) throw new Error(`no key for scope ${scope}`);
    return { kid: keyId(key), key, changes };
  });
  sealed.sort((x, y) => (x.kid < y.kid ? -1 : 1));
  for (const s of sealed) {
    const { nonce, body } = sealWith(
      s.key,
      packPlain(s.changes),
      aadFor(opts.team, opts.author.id, opts.seq, s.kid),
    );
    groups.push({ k: s.kid, n: nonce.toString('base64url'), l: body.length });
    bodies.push(body);
  }
  const header: SegmentHeader = { team: opts.team, a: opts.author.id, q: opts.seq, p: opts.prev, g: groups };
  return encodeSigned('SWS1', header, Buffer.concat(bodies), opts.author);
}

/** The header of a segment, checked for shape only (the caller verifies the signature with the author's key). */
export function readSegment(bytes: Uint8Array): { parsed: ParsedSigned; header: SegmentHeader } | null {
  const parsed = parseSigned('SWS1', bytes);
  if (!parsed) return null;
  const h = parsed.header;
  if (typeof h.team !== 'string' || typeof h.a !== 'string' || !/^[0-9a-f]{32}$/.test(h.a)) return null;
  if (!Number.isSafeInteger(h.q) || (h.q as number) < 1) return null;
  if (h.p !== null && (typeof h.p !== 'string' || !/^[0-9a-f]{64}$/.test(h.p))) return null;
  if (!Array.isArray(h.g)) return null;
  let total = 0;
  for (const g of h.g as unknown[]) {
    const x = g as Record<string, unknown>;
    if (
      typeof x?.k !== 'string' ||
      typeof x.n !== 'string' ||
      !Number.isSafeInteger(x.l) ||
      (x.l as number) < 16
    )
      return null;
    total += x.l as number;
  }
  if (total !== parsed.body.length) return null;
  return { parsed, header: h as unknown as SegmentHeader };
}

/**
 * Whether a segment that does not parse is merely shorter than it says it is (an upload still running or cut
 * off: read it again later) rather than altered (refuse and warn).
 */
export function looksCutShort(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes);
  if (buf.length < 8) return true;
  if (buf.subarray(0, 4).toString('latin1') !== 'SWS1') return false;
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

export interface OpenedGroup {
  readonly key: ScopeKey;
  readonly changes: RecordChange[];
}

/**
 * Opens the groups this reader holds keys for. A group that fails authentication or holds malformed changes
 * makes the whole segment unreadable (null): a signed segment with a bad group was made wrongly or altered.
 */
export function openSegment(
  seg: { parsed: ParsedSigned; header: SegmentHeader },
  keysById: ReadonlyMap<string, ScopeKey>,
): { groups: OpenedGroup[]; skipped: number } | null {
  const groups: OpenedGroup[] = [];
  let skipped = 0;
  let off = 0;
  for (const g of seg.header.g) {
    const body = seg.parsed.body.subarray(off, off + g.l);
    off += g.l;
    const key = keysById.get(g.k);
    if (!key) {
      skipped++;
      continue;
    }
    const plain = openWith(
      key,
      Buffer.from(g.n, 'base64url'),
      body,
      aadFor(seg.header.team, seg.header.a, seg.header.q, g.k),
    );
    if (!plain) return null;
    const parsed = changeListSchema.safeParse(unpackPlain(plain));
    if (!parsed.success) return null;
    groups.push({ key, changes: parsed.data as RecordChange[] });
  }
  return { groups, skipped };
}
