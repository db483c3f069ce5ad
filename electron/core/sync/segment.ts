// A segment: one push of one member's changes. Changes are grouped by scope and each group is sealed with
// that scope's newest key, so a member reads exactly the groups whose keys they hold. The header names the
// author, their sequence number and the hash of their previous segment: each author's segments form a
// signed hash chain, which is how a reader notices a replayed, removed or swapped segment.
import { createHash } from 'node:crypto';
import type { RecordChange } from '../../../shared/domain/sync/records.ts';
import type { PrivateIdentity } from './crypto/identity.ts';
import type { ScopeKey } from './crypto/scope-keys.ts';
import { type GroupHeader, type OpenedGroups, openGroups, readGroups, sealGroups } from './sealed-groups.ts';
import { encodeSigned, type ParsedSigned, parseSigned } from './signed-file.ts';
import { changeListSchema } from './sync-schemas.ts';

export interface SegmentHeader {
  readonly team: string;
  readonly a: string;
  readonly q: number;
  readonly p: string | null;
  readonly g: readonly GroupHeader[];
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
  const { groups, body } = sealGroups(opts.changes, opts.keys, (kid) =>
    aadFor(opts.team, opts.author.id, opts.seq, kid),
  );
  const header: SegmentHeader = { team: opts.team, a: opts.author.id, q: opts.seq, p: opts.prev, g: groups };
  return encodeSigned('SWS1', header, body, opts.author);
}

/** The header of a segment, checked for shape only (the caller verifies the signature with the author's key). */
export function readSegment(bytes: Uint8Array): { parsed: ParsedSigned; header: SegmentHeader } | null {
  const parsed = parseSigned('SWS1', bytes);
  if (!parsed) return null;
  const h = parsed.header;
  if (typeof h.team !== 'string' || typeof h.a !== 'string' || !/^[0-9a-f]{32}$/.test(h.a)) return null;
  if (!Number.isSafeInteger(h.q) || (h.q as number) < 1) return null;
  if (h.p !== null && (typeof h.p !== 'string' || !/^[0-9a-f]{64}$/.test(h.p))) return null;
  if (!readGroups(h.g, parsed.body.length)) return null;
  return { parsed, header: h as unknown as SegmentHeader };
}

/**
 * Opens the groups this reader holds keys for (null when any group fails: the segment was made wrongly or
 * altered); `unopened` lists the key ids of the groups it could not open.
 */
export function openSegment(
  seg: { parsed: ParsedSigned; header: SegmentHeader },
  keysById: ReadonlyMap<string, ScopeKey>,
): OpenedGroups<RecordChange> | null {
  const h = seg.header;
  return openGroups(
    h.g,
    seg.parsed.body,
    keysById,
    (kid) => aadFor(h.team, h.a, h.q, kid),
    (v) => {
      const r = changeListSchema.safeParse(v);
      return r.success ? (r.data as RecordChange[]) : null;
    },
  );
}
