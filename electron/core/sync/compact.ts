// Compaction, by the owner or an admin (the members who read every scope): when enough segments have piled
// up since the last snapshot, write a new one covering everything read so far, then delete what it covers a
// few files per sync, so a deletion spree never eats a WebDAV request budget. Readers that are
// behind read the snapshot instead of the deleted segments; nothing is deleted before the snapshot that
// covers it is on the server.
import { latestKeys } from './crypto/scope-keys.ts';
import { type EngineContext, myGrant, newestSnapshot, putOwn, snapshotWriter } from './engine-context.ts';
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

/** A member or former member of this team (a folder may hold another team's files: never touched). */
const ofThisTeam = (ctx: EngineContext, id: string) =>
  id === ctx.state.owner?.id ||
  !!ctx.state.teamBody?.members.some((m) => m.id === id) ||
  !!ctx.state.teamBody?.removed.some((m) => m.id === id);

/** Whether a file may go once `snap` (this machine's own, the newest trusted one) is on the server. */
function covered(ctx: EngineContext, name: string, snap: { round: number; covers: Covers }): boolean {
  const seg = parseSegmentName(name);
  if (seg) return seg.seq <= (snap.covers[seg.author]?.seq ?? 0);
  const old = parseSnapshotName(name);
  if (!old || !ofThisTeam(ctx, old.owner)) return false;
  // Older rounds, and any snapshot of a writer no longer trusted (it covers nothing any more).
  return old.round < snap.round || (old.owner !== ctx.state.me.id && !snapshotWriter(ctx, old.owner));
}

/**
 * Writes a snapshot when due and deletes files it covers. The owner and every admin compact, so a team whose
 * owner is away still keeps its folder small: an admin waits for twice as many segments, so the owner
 * usually does it. Deleting is for the writer of the newest trusted snapshot only, once that snapshot is in a
 * listing: readers read the newest one, so nothing it does not cover is ever deleted, and two computers that
 * compacted at once do not both delete. `entries` is the listing this sync read; returns how many requests it
 * made. Only when every local change is uploaded and every group read was opened: a snapshot must hold
 * everything it claims to cover.
 */
export async function compact(
  ctx: EngineContext,
  entries: readonly RemoteEntry[],
  opts: CompactOptions,
): Promise<number> {
  const { state, store } = ctx;
  const me = state.me.id;
  const role = myGrant(ctx)?.role;
  if (!state.team || (role !== 'owner' && role !== 'admin')) return 0;
  let requests = 0;
  const listed = entries.map((e) => e.name);
  const mine = state.snapshot?.by === me || (state.snapshot && !state.snapshot.by && state.owner?.id === me);
  const current = state.snapshot;
  // Only segments a snapshot could fold in count: this machine's and those of authors it has read. A stray
  // or refused author's files would otherwise make a new snapshot every sync.
  const beyond = listed.filter((n) => {
    const seg = parseSegmentName(n);
    const readable = seg && (seg.author === me || state.seen[seg.author] !== undefined);
    return readable && !(current && covered(ctx, n, current));
  });
  // This machine's last snapshot gone from the server (a rollback, a deletion), or one of a writer no longer
  // trusted listed: segments they covered may be gone, so a new one is written at once, or a member joining
  // now could not catch up.
  const lost = !!mine && current !== null && !listed.includes(snapshotName(me, current.round));
  const untrusted = listed.some((n) => {
    const p = parseSnapshotName(n);
    return p !== null && ofThisTeam(ctx, p.owner) && !snapshotWriter(ctx, p.owner);
  });
  const newest = newestSnapshot(ctx, entries, Number.POSITIVE_INFINITY);
  const newestIsMine = !!mine && current !== null && newest?.writer === me && newest.round === current.round;
  const due = beyond.length >= opts.after * (role === 'owner' ? 1 : 2);
  if ((due || lost || (untrusted && !newestIsMine)) && settled(ctx)) {
    const keys = latestKeys(state.keys);
    const records = Object.values(state.records);
    if (records.every((r) => keys.has(r.scope))) {
      const covers: Record<string, { seq: number; hash: string }> = { ...state.seen };
      if (state.mySeq > 0 && state.myHead) covers[me] = { seq: state.mySeq, hash: state.myHead };
      // One round count for the whole team: one higher than any snapshot listed or read.
      const listedRounds = listed.map((n) => parseSnapshotName(n)?.round ?? 0);
      const round = Math.max(current?.round ?? 0, ...listedRounds) + 1;
      const bytes = encodeSnapshot({ team: state.team, owner: state.me, round, covers, records, keys });
      await putOwn(ctx, snapshotName(me, round), bytes);
      requests++;
      state.snapshot = { round, covers, by: me };
      store.saveState(state);
      // Deleting waits for a listing that shows it is the newest.
      return requests;
    }
  }
  if (!current || !newestIsMine) return requests;
  const doomed = listed.filter((n) => covered(ctx, n, current)).slice(0, opts.deletes);
  for (const name of doomed) {
    await ctx.target.remove(name);
    requests++;
  }
  return requests;
}
