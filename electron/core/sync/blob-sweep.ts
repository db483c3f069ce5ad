// Attached files nothing names any more (removed from a case, or their case or draft deleted) are deleted
// from the target by the owner or an admin, the members who read every record that can name a file (so a
// team whose owner is away still lets go of them; two doing it at once delete the same file, harmlessly). A file is
// judged unnamed only when this machine is settled and its documents have taken every record read, and it
// goes only after it has stayed unnamed for `orphanMs` (a week by default) and several syncs: another
// member uploads a file before the segment naming it, so a file can be unnamed for as long as that member's
// upload is interrupted. A file of another team, or one that cannot be read, is left alone.

import { readBlob } from './blob.ts';
import type { BlobIO } from './blobs.ts';
import { type CompactOptions, settled } from './compact.ts';
import { type EngineContext, myGrant } from './engine-context.ts';
import type { SyncState } from './sync-state.ts';
import { blobName, parseBlobName, type RemoteEntry } from './targets/target.ts';

/** Syncs a file must be seen unnamed in, besides the time, before it goes (a clock set forward is not enough). */
const MIN_SYNCS = 3;

/** Returns the number of requests made. */
export async function sweepBlobs(
  ctx: EngineContext,
  entries: readonly RemoteEntry[],
  io: BlobIO | null,
  opts: Pick<CompactOptions, 'orphanMs' | 'deletes'>,
): Promise<number> {
  const { state, store, target } = ctx;
  const role = myGrant(ctx)?.role;
  if (!state.team || (role !== 'owner' && role !== 'admin') || !io) return 0;
  if (!settled(ctx) || state.undelivered.length > 0) return 0;
  const named = io.named();
  if (!named) return 0;
  const now = ctx.now();
  const listed = entries.map((e) => parseBlobName(e.name)).filter((id): id is string => id !== null);
  const unnamed = new Set(listed.filter((id) => !named.has(id) && !state.blobsOut.some((b) => b.id === id)));
  // Named again, or gone from the target: no longer a candidate.
  const orphans: SyncState['orphans'] = {};
  for (const id of unnamed) {
    const was = state.orphans[id];
    orphans[id] = was ? { since: Math.min(was.since, now), syncs: was.syncs + 1 } : { since: now, syncs: 1 };
  }
  // Most syncs see nothing new: the state is written only when what it holds changed.
  if (JSON.stringify(orphans) !== JSON.stringify(state.orphans)) {
    state.orphans = orphans;
    store.saveState(state);
  }
  let requests = 0;
  const due = [...unnamed].filter((id) => {
    const o = orphans[id];
    return o !== undefined && o.syncs >= MIN_SYNCS && now - o.since >= opts.orphanMs;
  });
  for (const id of due.slice(0, opts.deletes)) {
    const bytes = await target.get(blobName(id));
    requests++;
    const blob = bytes ? readBlob(bytes) : null;
    if (blob && blob.header.team === state.team && blob.header.id === id) {
      await target.remove(blobName(id));
      requests++;
    }
    // Deleted, or not ours to delete: either way its count starts again (a foreign file is read once a week).
    state.orphans = Object.fromEntries(Object.entries(state.orphans).filter(([k]) => k !== id));
    store.saveState(state);
  }
  return requests;
}
