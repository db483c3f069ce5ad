// Compaction, done by the owner only (the one member who can read every scope): when enough segments have
// piled up since the last snapshot, write a new one covering everything read so far, then delete what it
// covers a few files per sync, so a deletion spree never eats a WebDAV request budget. Readers that are
// behind read the snapshot instead of the deleted segments; nothing is deleted before the snapshot that
// covers it is on the server.
import { latestKeys } from './crypto/scope-keys.ts';
import { type EngineContext, putOwn } from './engine-context.ts';
import { type Covers, encodeSnapshot } from './snapshot.ts';
import { parseSegmentName, parseSnapshotName, type RemoteEntry, snapshotName } from './targets/target.ts';

export interface CompactOptions {
  /** A new snapshot once this many segments are on the server beyond the last one. */
  readonly after: number;
  /** At most this many files deleted per sync. */
  readonly deletes: number;
  /** An attached file no record names is deleted after this long (see blob-sweep.ts). */
  readonly orphanMs: number;
}

export const DEFAULT_COMPACT: CompactOptions = {
  after: 200,
  deletes: 30,
  orphanMs: 7 * 24 * 60 * 60 * 1000,
};

/**
 * What this machine holds is settled: its own changes are uploaded and every group it read was opened. Only
 * then may the owner write down what the team holds (a snapshot) or judge what nothing names any more.
 */
export function settled(ctx: EngineContext): boolean {
  const { state, store } = ctx;
  return (
    state.unopened.length === 0 &&
    !state.rescan &&
    store.readOutbox().entries.length === 0 &&
    !store.loadPending()
  );
}

function covered(name: string, snap: { round: number; covers: Covers }, owner: string): boolean {
  const seg = parseSegmentName(name);
  if (seg) return seg.seq <= (snap.covers[seg.author]?.seq ?? 0);
  const old = parseSnapshotName(name);
  return !!old && old.owner === owner && old.round < snap.round;
}

/**
 * Writes a snapshot when due and deletes files an earlier one covers. `entries` is the listing this sync
 * read; returns how many requests it made. Only when every local change is uploaded and every group read
 * was opened: a snapshot must hold everything it claims to cover.
 */
export async function compact(
  ctx: EngineContext,
  entries: readonly RemoteEntry[],
  opts: CompactOptions,
): Promise<number> {
  const { state, store, target } = ctx;
  const me = state.me.id;
  if (!state.team || state.owner?.id !== me) return 0;
  let requests = 0;
  let listed = entries.map((e) => e.name);
  // Only segments a snapshot could fold in count: this machine's and those of authors it has read. A stray
  // or refused author's files would otherwise make a new snapshot every sync.
  const beyond = listed.filter((n) => {
    const seg = parseSegmentName(n);
    const readable = seg && (seg.author === me || state.seen[seg.author] !== undefined);
    return readable && !(state.snapshot && covered(n, state.snapshot, me));
  });
  // The last snapshot gone from the server (a rollback, a deletion): segments it covered may be gone too, so
  // a new one is written at once, or a member joining now could not catch up.
  const lost = state.snapshot !== null && !listed.includes(snapshotName(me, state.snapshot.round));
  if ((beyond.length >= opts.after || lost) && settled(ctx)) {
    const keys = latestKeys(state.keys);
    const records = Object.values(state.records);
    if (records.every((r) => keys.has(r.scope))) {
      const covers: Record<string, { seq: number; hash: string }> = { ...state.seen };
      if (state.mySeq > 0 && state.myHead) covers[me] = { seq: state.mySeq, hash: state.myHead };
      const round = (state.snapshot?.round ?? 0) + 1;
      const bytes = encodeSnapshot({ team: state.team, owner: state.me, round, covers, records, keys });
      await putOwn(ctx, snapshotName(me, round), bytes);
      requests++;
      state.snapshot = { round, covers };
      store.saveState(state);
      listed = [...listed, snapshotName(me, round)];
    }
  }
  if (!state.snapshot) return requests;
  const snap = state.snapshot;
  const doomed = listed.filter((n) => covered(n, snap, me)).slice(0, opts.deletes);
  for (const name of doomed) {
    await target.remove(name);
    requests++;
  }
  return requests;
}
