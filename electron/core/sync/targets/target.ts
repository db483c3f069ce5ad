// Where a team's files live: a WebDAV folder or a shared folder. The target is untrusted storage: it can
// lose, delay, cut, replay or alter anything, and every reader checks what it gets. Everything a target
// does is one of four things, so the sync engine neither knows nor cares which kind it talks to.

export interface RemoteEntry {
  readonly name: string;
  readonly size: number;
  /** Changes whenever the content does (an ETag, or size+mtime for a folder). */
  readonly tag: string;
}

export interface SyncTarget {
  /** Creates the team folder if it is missing. */
  ensure(): Promise<void>;
  /** Every file in the team folder, in one request. */
  list(): Promise<RemoteEntry[]>;
  /** A file's bytes, or null when it is not there. */
  get(name: string): Promise<Buffer | null>;
  /** Writes a whole file (replacing it). */
  put(name: string, bytes: Buffer): Promise<void>;
  remove(name: string): Promise<void>;
  /** How many requests (or folder operations) were made, and the bytes sent: for the request budget. */
  readonly counters: { requests: number; bytesUp: number; bytesDown: number };
}

export type TargetErrorKind =
  | 'auth'
  | 'busy'
  | 'quota'
  | 'server'
  | 'network'
  | 'tls'
  | 'not-found'
  | 'refused';

/** A target failure in words the sync state shows; `retryAfterMs` when the server asked for a pause. */
export class TargetError extends Error {
  constructor(
    readonly kind: TargetErrorKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TargetError';
  }
}

/** Names the engine writes; anything else in the folder (a stray upload, a desktop.ini) is ignored. */
export const REMOTE_NAME =
  /^(team\.swt|k-[0-9a-f]{32}-[0-9a-f]{32}\.swk|s-[0-9a-f]{32}-[0-9]{10}\.sws|j-[0-9a-f]{16}-[0-9a-f]{32}\.swj|c-[0-9a-f]{32}-[0-9]{10}\.swc|b-[0-9a-f]{32}\.swb)$/;

export const segmentName = (author: string, seq: number) =>
  `s-${author}-${String(seq).padStart(10, '0')}.sws`;
export const keyringName = (to: string, from: string) => `k-${to}-${from}.swk`;
export const joinName = (invite: string, member: string) => `j-${invite}-${member}.swj`;
export const TEAM_FILE = 'team.swt';
/** An attached file (see blob.ts). */
export const blobName = (id: string) => `b-${id}.swb`;

/** A snapshot: the owner's `round`-th compaction of every scope. */
export const snapshotName = (owner: string, round: number) =>
  `c-${owner}-${String(round).padStart(10, '0')}.swc`;

export function parseSnapshotName(name: string): { owner: string; round: number } | null {
  const m = /^c-([0-9a-f]{32})-([0-9]{10})\.swc$/.exec(name);
  return m ? { owner: m[1] ?? '', round: Number(m[2]) } : null;
}

export function parseBlobName(name: string): string | null {
  return /^b-([0-9a-f]{32})\.swb$/.exec(name)?.[1] ?? null;
}

export function parseSegmentName(name: string): { author: string; seq: number } | null {
  const m = /^s-([0-9a-f]{32})-([0-9]{10})\.sws$/.exec(name);
  return m ? { author: m[1] ?? '', seq: Number(m[2]) } : null;
}
