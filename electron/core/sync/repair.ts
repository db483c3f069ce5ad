// Putting back what the server lost or someone altered, from this machine's own copies: its segments (the
// journal keeps each byte for byte), the keyrings it writes, and, for the owner, the member list. A server
// restored from an older copy, a deleted file or one changed by anyone holding the WebDAV password is
// mended at the author's next sync, so readers who set a file aside get the real one, and a member who
// joins afterwards can catch up. Costs nothing while everything is in place: it reads the listing the sync
// already made and fetches a file only when its tag changed behind this machine's back.
import { createHash } from 'node:crypto';
import { addReport, type EngineContext, myGrant, putOwn } from './engine-context.ts';
import { report } from './sync-reports.ts';
import { keyringName, type RemoteEntry, segmentName, TEAM_FILE } from './targets/target.ts';
import { writeTeamDoc } from './team-admin.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Records the tag of each own file at first sight; returns whether the file was changed by someone else
 * since (its tag moved), or is missing.
 */
function lostOrAltered(ctx: EngineContext, name: string, listed: ReadonlyMap<string, RemoteEntry>): boolean {
  const e = listed.get(name);
  if (!e) return true;
  const known = ctx.state.ownTags[name];
  if (known === undefined) {
    ctx.state.ownTags[name] = e.tag;
    return false;
  }
  return known !== e.tag;
}

/** Returns how many files were uploaded again. */
export async function repairOwn(ctx: EngineContext, entries: readonly RemoteEntry[]): Promise<number> {
  const { state, store } = ctx;
  const grant = myGrant(ctx);
  if (!state.team || !grant) return 0;
  const me = state.me.id;
  const listed = new Map(entries.map((e) => [e.name, e]));
  let mended = 0;
  // Segments a snapshot covers may be deleted by compaction: those are not this machine's to put back.
  const covered = state.snapshot?.covers[me]?.seq ?? 0;
  if (covered > 0) store.pruneJournal(covered);
  for (const name of Object.keys(state.ownTags))
    if (name.startsWith(`s-${me}-`) && Number(name.slice(35, 45)) <= covered) delete state.ownTags[name];
  for (let seq = covered + 1; seq <= state.mySeq; seq++) {
    const name = segmentName(me, seq);
    if (!lostOrAltered(ctx, name, listed)) continue;
    const mine = store.loadJournal(seq);
    if (!mine) continue;
    if (listed.has(name)) {
      // The tag moved: a rewrite by someone else, or only a server that re-tags. Put back only what differs.
      const there = await ctx.target.get(name);
      if (there && sha(there) === sha(mine)) {
        state.ownTags[name] = listed.get(name)?.tag ?? '';
        continue;
      }
    }
    await putOwn(ctx, name, mine);
    mended++;
  }
  if (grant.role === 'owner' || grant.role === 'admin')
    for (const m of state.teamBody?.members ?? []) {
      const name = keyringName(m.id, me);
      // Written again by publishKeyrings, with a newer version, right after this.
      if (state.keyringTo[m.id] && lostOrAltered(ctx, name, listed)) {
        delete state.keyringTo[m.id];
        mended++;
      }
    }
  if (grant.role === 'owner' && state.teamBody && lostOrAltered(ctx, TEAM_FILE, listed)) {
    await writeTeamDoc(ctx);
    mended++;
  }
  if (mended) addReport(ctx, report('own-repaired', ctx.now(), String(mended)));
  return mended;
}
