// What one machine knows about its team, kept between runs (sealed, in LocalStore).
import type { Hlc } from '../../../shared/domain/sync/hlc.ts';
import type { Conflict, SyncRecord } from '../../../shared/domain/sync/records.ts';
import type { PrivateIdentity, PublicIdentity } from './crypto/identity.ts';
import type { ScopeKey } from './crypto/scope-keys.ts';
import type { Invite, JoinRequest } from './invite.ts';
import type { Covers } from './snapshot.ts';
import type { SyncReport } from './sync-reports.ts';
import type { TeamBody } from './team-doc.ts';

export interface ConflictEntry extends Conflict {
  readonly cid: string;
  readonly at: number;
}

export interface PendingJoin {
  readonly invite: string;
  readonly request: JoinRequest;
  readonly safetyCode: string;
}

export interface SyncState {
  readonly format: 1;
  me: PrivateIdentity;
  team: string | null;
  /** The owner's key, pinned when the team was made or joined: the only key a member list may be signed with. */
  owner: PublicIdentity | null;
  teamVersion: number;
  teamBody: TeamBody | null;
  keys: ScopeKey[];
  /** The newest keyring version applied from each writer. */
  keyringFrom: Record<string, number>;
  /** Keyrings this machine wrote: version and a digest of what they held, so unchanged ones are not rewritten. */
  keyringTo: Record<string, { v: number; digest: string }>;
  /** Per author: the last segment applied and its hash (replay and rollback detection). */
  seen: Record<string, { seq: number; hash: string }>;
  /**
   * Per author: segments applied beyond a hole in `seen` (a segment missing or set aside), with their hash
   * and the hash they name as previous, checked once the hole is filled.
   */
  ahead: Record<string, Record<number, { hash: string; p: string | null }>>;
  /** Segments set aside (damaged, forged, refused), by name, with the tag they had: read again once it changes. */
  aside: Record<string, string>;
  /** Tags of files this machine wrote, as first listed after writing: a change means someone else altered it. */
  ownTags: Record<string, string>;
  /** Digests of the keyrings, member list and snapshots this machine last wrote, to tell a re-tag from a rewrite. */
  ownHashes: Record<string, string>;
  /** Per author: the highest segment ever applied, kept across a re-read (rollback detection). */
  high: Record<string, number>;
  /** Every author's segments are to be read again from the first (a key for a new scope arrived). */
  rescan: boolean;
  mySeq: number;
  /** The highest outbox number already uploaded. */
  uploadedO: number;
  myHead: string | null;
  clock: Hlc;
  records: Record<string, SyncRecord>;
  conflicts: ConflictEntry[];
  reports: SyncReport[];
  /** Remote tags of the member list and keyrings last read, so unchanged files are not fetched again. */
  tags: Record<string, string>;
  /** Owner: open invites (with their secrets) and the join requests that arrived for them. */
  invites: Invite[];
  joins: PendingJoin[];
  /** A member who has asked to join and waits for approval. */
  joining: { invite: Invite; name: string; safetyCode: string } | null;
  lastSyncAt: number | null;
  /** This member was removed: the list moved on under a key it was not given, and its keyring is gone. */
  excluded: boolean;
  /** Records changed by others that the local documents have not taken yet (see SyncEngine.onRemoteChanges). */
  undelivered: string[];
  /**
   * Key ids of groups read without the key to open them. Most belong to scopes this member may not read; if
   * a key with one of these ids arrives later, everything is read again (see mergeKeys).
   */
  unopened: string[];
  /** Attached files to upload (before the next segment), by id and the scope whose key seals them. */
  blobsOut: Array<{ id: string; scope: string }>;
  /** Attached files named by records that this machine does not have yet. */
  blobsIn: string[];
  /**
   * Owner: attached files on the target that no record here names, by id: when this machine first saw that
   * and in how many syncs since (see sweepBlobs).
   */
  orphans: Record<string, { since: number; syncs: number }>;
  /** Scopes this member could read and no longer may (a grant or role taken away), until the app has let go. */
  withdrawn: string[];
  /** The newest snapshot this machine has read or written: its round, what it covers, who wrote it. */
  snapshot: { round: number; covers: Covers; by?: string } | null;
}
