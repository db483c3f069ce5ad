// A snapshot: every record of every scope as the owner holds it after reading everything up to `covers`
// (per author: the sequence number and hash of the last segment it includes), sealed group by group with
// each scope's newest key and signed by the owner. A member who is behind, new, or re-reading after a new
// grant reads it instead of the history it replaces, then the segments after `covers`; that is what lets
// the owner delete old segments so the folder and its listing stop growing.
import type { SyncRecord } from '../../../shared/domain/sync/records.ts';
import type { PrivateIdentity } from './crypto/identity.ts';
import type { ScopeKey } from './crypto/scope-keys.ts';
import { type GroupHeader, type OpenedGroups, openGroups, readGroups, sealGroups } from './sealed-groups.ts';
import { encodeSigned, type ParsedSigned, parseSigned } from './signed-file.ts';
import { snapshotListSchema } from './sync-schemas.ts';

export type Covers = Readonly<Record<string, { readonly seq: number; readonly hash: string }>>;

export interface SnapshotHeader {
  readonly team: string;
  /** The owner who wrote it. */
  readonly w: string;
  /** Its round: each compaction one higher. */
  readonly r: number;
  readonly c: Covers;
  readonly g: readonly GroupHeader[];
}

const aadFor = (team: string, round: number, kid: string) =>
  `shopwarden/sync/snap/v1|${team}|${round}|${kid}`;

export function encodeSnapshot(opts: {
  team: string;
  owner: PrivateIdentity;
  round: number;
  covers: Covers;
  records: readonly SyncRecord[];
  keys: ReadonlyMap<string, ScopeKey>;
}): Buffer {
  const { groups, body } = sealGroups(opts.records, opts.keys, (kid) => aadFor(opts.team, opts.round, kid));
  const header: SnapshotHeader = {
    team: opts.team,
    w: opts.owner.id,
    r: opts.round,
    c: opts.covers,
    g: groups,
  };
  return encodeSigned('SWC1', header, body, opts.owner);
}

/** The header of a snapshot, checked for shape only (the caller verifies the owner's signature). */
export function readSnapshot(bytes: Uint8Array): { parsed: ParsedSigned; header: SnapshotHeader } | null {
  const parsed = parseSigned('SWC1', bytes);
  if (!parsed) return null;
  const h = parsed.header;
  if (typeof h.team !== 'string' || typeof h.w !== 'string' || !/^[0-9a-f]{32}$/.test(h.w)) return null;
  if (!Number.isSafeInteger(h.r) || (h.r as number) < 1) return null;
  if (typeof h.c !== 'object' || h.c === null || Array.isArray(h.c)) return null;
  for (const [author, at] of Object.entries(h.c as Record<string, unknown>)) {
    const x = at as Record<string, unknown>;
    if (!/^[0-9a-f]{32}$/.test(author) || !Number.isSafeInteger(x?.seq) || (x.seq as number) < 1) return null;
    if (typeof x.hash !== 'string' || !/^[0-9a-f]{64}$/.test(x.hash)) return null;
  }
  if (!readGroups(h.g, parsed.body.length)) return null;
  return { parsed, header: h as unknown as SnapshotHeader };
}

export function openSnapshot(
  snap: { parsed: ParsedSigned; header: SnapshotHeader },
  keysById: ReadonlyMap<string, ScopeKey>,
): OpenedGroups<SyncRecord> | null {
  const h = snap.header;
  return openGroups(
    h.g,
    snap.parsed.body,
    keysById,
    (kid) => aadFor(h.team, h.r, kid),
    (v) => {
      const r = snapshotListSchema.safeParse(v);
      return r.success ? (r.data as SyncRecord[]) : null;
    },
  );
}
