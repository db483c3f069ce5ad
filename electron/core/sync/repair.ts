// Putting back what the server lost or someone altered, from this machine's own copies: its segments (the
// journal keeps each byte for byte), the keyrings it writes, and, for the owner, the member list. A server
// restored from an older copy, a deleted file or one changed by anyone holding the WebDAV password is
// mended at the author's next sync, so readers who set a file aside get the real one, and a member who
// joins afterwards can catch up. Costs nothing while everything is in place: it reads the listing the sync
// already made and fetches a file only when its tag changed behind this machine's back.
import { addReport, type EngineContext, myGrant, putOwn, sha256 } from './engine-context.ts';
import { report } from './sync-reports.ts';
import { keyringName, type RemoteEntry, segmentName, TEAM_FILE } from './targets/target.ts';
import { writeTeamDoc } from './team-admin.ts';

const sha = sha256;

/**
 * Whether an own file is missing, or was rewritten by someone else: its tag is recorded at first sight after
 * this machine wrote it, and when it moves the file is fetched (one GET) and compared with what was written,
 * so a server that only re-tags a file costs one request and puts back nothing.
 */
async function lostOrAltered(
  ctx: EngineContext,
  name: string,
  listed: ReadonlyMap<string, RemoteEntry>,
  written: Uint8Array | string | undefined,
): Promise<boolean> {
  const e = listed.get(name);
  if (!e) return true;
  const known = ctx.state.ownTags[name];
  if (known === undefined || known === e.tag || written === undefined) {
    ctx.state.ownTags[name] = e.tag;
    return false;
  }
  const there = await ctx.target.get(name);
  const want = typeof written === 'string' ? written : sha(written);
  if (there && sha(there) === want) {
    ctx.state.ownTags[name] = e.tag;
    return false;
  }
  return true;
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
  const gone = (name: string) => name.startsWith(`s-${me}-`) && Number(name.slice(35, 45)) <= covered;
  for (const name of Object.keys(state.ownTags)) if (gone(name)) delete state.ownTags[name];
  // A segment's copy is its journal file; only the other files need their digest.
  for (const name of Object.keys(state.ownHashes)) if (name.startsWith('s-')) delete state.ownHashes[name];
  for (let seq = covered + 1; seq <= state.mySeq; seq++) {
    const name = segmentName(me, seq);
    // Only files it has a copy of: a segment written before the journal existed cannot be put back.
    const mine =
      listed.has(name) && state.ownTags[name] === listed.get(name)?.tag ? undefined : store.loadJournal(seq);
    if (!mine) {
      if (listed.has(name)) await lostOrAltered(ctx, name, listed, undefined);
      continue;
    }
    if (!(await lostOrAltered(ctx, name, listed, mine))) continue;
    await putOwn(ctx, name, mine);
    mended++;
  }
  if (grant.role === 'owner' || grant.role === 'admin')
    for (const m of state.teamBody?.members ?? []) {
      const name = keyringName(m.id, me);
      // Written again by publishKeyrings, with a newer version, right after this.
      if (state.keyringTo[m.id] && (await lostOrAltered(ctx, name, listed, state.ownHashes[name]))) {
        delete state.keyringTo[m.id];
        mended++;
      }
    }
  if (
    grant.role === 'owner' &&
    state.teamBody &&
    (await lostOrAltered(ctx, TEAM_FILE, listed, state.ownHashes[TEAM_FILE]))
  ) {
    await writeTeamDoc(ctx);
    mended++;
  }
  if (mended) addReport(ctx, report('own-repaired', ctx.now(), String(mended)));
  return mended;
}
