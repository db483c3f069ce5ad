// Reading the team folder: one listing, then only the files that changed. Every file is checked before
// anything in it is used — the member list against the pinned owner key and its version, keyrings against
// their writer and version, segments against their author's key and hash chain — and a file that fails is
// refused and reported while local data stays as it was.
import { randomBytes } from 'node:crypto';
import { grantAt } from '../../../shared/domain/sync/authorisation.ts';
import {
  applyChange,
  mergeRecord,
  openConflicts,
  recordKey,
  type SyncRecord,
} from '../../../shared/domain/sync/records.ts';
import { admitChange, admitSnapshotRecord, noteHome } from './arrival.ts';
import {
  addReport,
  displayName,
  dropUnentitled,
  type EngineContext,
  keysById,
  memberOf,
  mergeKeys,
  myGrant,
  newestSnapshot,
  noteUnopened,
  snapshotWriter,
} from './engine-context.ts';
import { openKeyring, readKeyring } from './keyring.ts';
import { openSegment, readSegment, segmentHash } from './segment.ts';
import { looksCutShort, MAX_REMOTE_FILE, signatureHolds } from './signed-file.ts';
import { type Covers, openSnapshot, readSnapshot } from './snapshot.ts';
import { report } from './sync-reports.ts';
import { parseSegmentName, type RemoteEntry, segmentName, TEAM_FILE } from './targets/target.ts';
import { openTeamDoc, readTeamDoc } from './team-doc.ts';

/**
 * Reads keyrings addressed to this machine. The first pass (owner's only, not final) runs before the member
 * list is read: a keyring holding keys of a grant this machine does not know of yet is left for the final
 * pass, after the list.
 */
async function refreshKeyrings(
  ctx: EngineContext,
  entries: readonly RemoteEntry[],
  ownerOnly: boolean,
): Promise<void> {
  const final = !ownerOnly;
  const { state } = ctx;
  const prefix = `k-${state.me.id}-`;
  for (const e of entries) {
    if (!e.name.startsWith(prefix) || state.tags[e.name] === e.tag) continue;
    const from = e.name.slice(prefix.length, prefix.length + 32);
    const writer = state.owner?.id === from ? state.owner : ownerOnly ? undefined : memberOf(ctx, from);
    if (!writer) continue;
    if (
      e.size > MAX_REMOTE_FILE ||
      (writer !== state.owner && (writer as { role?: string }).role !== 'admin')
    ) {
      addReport(ctx, report('keyring-refused', ctx.now(), displayName(ctx, from), e.name));
      state.tags[e.name] = e.tag;
      continue;
    }
    const bytes = await ctx.target.get(e.name);
    if (!bytes) continue;
    const kr = readKeyring(bytes);
    const ok =
      kr &&
      kr.header.team === state.team &&
      kr.header.to === state.me.id &&
      kr.header.from === from &&
      signatureHolds(kr.parsed, writer.sign);
    if (!ok) {
      addReport(ctx, report('keyring-refused', ctx.now(), displayName(ctx, from), e.name));
      state.tags[e.name] = e.tag;
      continue;
    }
    const seen = state.keyringFrom[from] ?? 0;
    if (kr.header.v < seen) addReport(ctx, report('rollback', ctx.now(), displayName(ctx, from), e.name));
    if (kr.header.v > seen) {
      const keys = openKeyring(state.me, kr);
      if (!keys) {
        addReport(ctx, report('keyring-refused', ctx.now(), displayName(ctx, from), e.name));
      } else {
        if (mergeKeys(ctx, keys) > 0 && !final) continue;
        state.keyringFrom[from] = kr.header.v;
      }
    }
    state.tags[e.name] = e.tag;
  }
}

async function refreshTeam(ctx: EngineContext, entries: readonly RemoteEntry[]): Promise<void> {
  const { state } = ctx;
  const entry = entries.find((e) => e.name === TEAM_FILE);
  if (!entry || !state.owner) return;
  if (state.tags[TEAM_FILE] === entry.tag && state.teamBody) return;
  if (entry.size > MAX_REMOTE_FILE) {
    addReport(ctx, report('team-refused', ctx.now(), displayName(ctx, state.owner.id), TEAM_FILE));
    return;
  }
  const bytes = await ctx.target.get(TEAM_FILE);
  if (!bytes) return;
  const doc = readTeamDoc(bytes);
  const owner = state.owner;
  if (
    !doc ||
    doc.header.team !== state.team ||
    doc.header.owner.id !== owner.id ||
    doc.header.owner.sign !== owner.sign ||
    !signatureHolds(doc.parsed, owner.sign)
  ) {
    addReport(ctx, report('team-refused', ctx.now(), displayName(ctx, owner.id), TEAM_FILE));
    return;
  }
  if (doc.header.v < state.teamVersion) {
    addReport(
      ctx,
      report(
        'rollback',
        ctx.now(),
        displayName(ctx, owner.id),
        `${TEAM_FILE} v${doc.header.v} < v${state.teamVersion}`,
      ),
    );
    return;
  }
  if (doc.header.v === state.teamVersion && state.teamBody) {
    state.tags[TEAM_FILE] = entry.tag;
    return;
  }
  const teamKey = keysById(ctx).get(doc.header.k);
  // Not yet (a joiner before the owner's keyring arrives) or never again (a removed member): nothing to read.
  // A member of the team whose keyring from the owner is gone while the list moved on has been removed.
  if (!teamKey) {
    const mine = entries.some((e) => e.name === `k-${state.me.id}-${owner.id}.swk`);
    if (state.teamBody && !mine && doc.header.v > state.teamVersion) state.excluded = true;
    return;
  }
  state.excluded = false;
  const body = openTeamDoc(doc, teamKey);
  if (!body) {
    addReport(ctx, report('team-refused', ctx.now(), displayName(ctx, owner.id), TEAM_FILE));
    return;
  }
  state.teamBody = body;
  state.teamVersion = doc.header.v;
  state.tags[TEAM_FILE] = entry.tag;
  dropUnentitled(ctx);
}

async function readSegments(
  ctx: EngineContext,
  entries: readonly RemoteEntry[],
  touched: Map<string, SyncRecord>,
  rereadOwn: boolean,
): Promise<number> {
  const { state } = ctx;
  const me = state.me.id;
  const byAuthor = new Map<string, Map<number, RemoteEntry>>();
  for (const e of entries) {
    const p = parseSegmentName(e.name);
    // This machine's own segments are read only when the server has some it does not know it wrote: its
    // state is older than its uploads (a vault restored from a backup, or a crash between an upload and
    // saving the state). They are read back like anyone's, and numbering goes on after them, so the chain
    // never forks and nothing uploaded since the backup is lost. After a key for a scope new here arrives
    // (a shop granted again) they are all read again too: the records this member wrote there before the
    // shop was taken away were deleted here with it.
    if (!p || (p.author === me && p.seq <= state.mySeq && !rereadOwn)) continue;
    const m = byAuthor.get(p.author) ?? new Map<number, RemoteEntry>();
    m.set(p.seq, e);
    byAuthor.set(p.author, m);
  }
  const ownBehind = byAuthor.has(me);
  const covered = state.snapshot?.covers[me];
  if (ownBehind)
    state.seen[me] = rereadOwn
      ? { seq: covered?.seq ?? 0, hash: covered?.hash ?? '' }
      : { seq: state.mySeq, hash: state.myHead ?? '' };
  try {
    return await readAuthors(ctx, byAuthor, touched);
  } finally {
    if (ownBehind) adoptOwn(ctx);
  }
}

/** Numbering goes on after this machine's own segments read back from the server; says so unless it was a retry. */
function adoptOwn(ctx: EngineContext): void {
  const { state } = ctx;
  const me = state.me.id;
  let at = state.seen[me];
  // Past a hole too (a restored computer whose server lost one of its uploads): numbering goes on after the
  // highest of its own segments that verified, so none is ever overwritten with different bytes.
  for (const [q, a] of Object.entries(state.ahead[me] ?? {}))
    if (!at || Number(q) > at.seq) at = { seq: Number(q), hash: a.hash };
  delete state.seen[me];
  delete state.high[me];
  delete state.ahead[me];
  if (!at || at.seq <= state.mySeq) return;
  const retried = ctx.store.loadPending()?.seq === at.seq && at.seq === state.mySeq + 1;
  const count = at.seq - state.mySeq;
  state.mySeq = at.seq;
  state.myHead = at.hash;
  if (!retried) addReport(ctx, report('own-restored', ctx.now(), String(count)));
}

/** A segment that could not be used: reported with its reason, read again only once its file changes. */
function setAside(
  ctx: EngineContext,
  name: string,
  tag: string,
  who: string,
  why: 'damaged' | 'forged' | 'unreadable',
): void {
  ctx.state.aside[name] = tag;
  const words = {
    damaged: { zh: '文件损坏或不完整', en: 'the file is damaged or incomplete' },
    forged: {
      zh: '签名、作者、序号或前后衔接校验失败，可能被篡改',
      en: 'its signature, author, number or link to the previous one failed: possibly altered',
    },
    unreadable: {
      zh: '加密内容无法打开或格式不对',
      en: 'its sealed content could not be opened or has the wrong shape',
    },
  }[why];
  addReport(ctx, report('set-aside', ctx.now(), who, name, words));
}

/**
 * Reads each author's segments in order. A segment that is missing, damaged, forged or refused is set aside
 * and reported, and reading goes on with that author's later segments that verify on their own (signature,
 * author, number): one altered or deleted file never freezes the team. `seen` stays the run read without a
 * hole (what a snapshot may cover and the hash chain is checked along); segments applied beyond a hole wait
 * in `ahead` until the hole is filled — the author uploads it again — and are then checked against it.
 */
async function readAuthors(
  ctx: EngineContext,
  byAuthor: ReadonlyMap<string, ReadonlyMap<number, RemoteEntry>>,
  touched: Map<string, SyncRecord>,
): Promise<number> {
  const { state } = ctx;
  let applied = 0;
  const keys = keysById(ctx);
  for (const [author, names] of orderedAuthors(ctx, byAuthor)) {
    const removed = state.teamBody?.removed.find((r) => r.id === author);
    // A removed member's segments up to the last one the owner had seen stay valid; later ones are refused.
    const member = memberOf(ctx, author) ?? removed;
    const lastAllowed = removed && !memberOf(ctx, author) ? removed.lastSeq : Number.POSITIVE_INFINITY;
    const who = displayName(ctx, author);
    let prefix = state.seen[author] ?? { seq: 0, hash: '' };
    const ahead = { ...(state.ahead[author] ?? {}) };
    const high = Math.max(state.high[author] ?? 0, prefix.seq);
    const maxListed = Math.max(...names.keys());
    // Older than what was read before: the folder was rolled back. Said, and what is there is still read;
    // the authors upload again what the server lost.
    if (maxListed < high)
      addReport(ctx, report('rollback', ctx.now(), who, `s-${author}: ${maxListed} < ${high}`));
    if (!member) continue;
    let top = high;
    for (let seq = prefix.seq + 1; seq <= maxListed; seq++) {
      const inRun = seq === prefix.seq + 1;
      const was = ahead[seq];
      if (was) {
        if (inRun) {
          // The hole before it is filled: the run goes on, checked along the chain.
          if (was.p !== (prefix.hash || null))
            addReport(ctx, report('tampered', ctx.now(), who, segmentName(author, seq)));
          prefix = { seq, hash: was.hash };
          delete ahead[seq];
        }
        continue;
      }
      if (seq > lastAllowed) {
        addReport(
          ctx,
          report('removed-author', ctx.now(), who, names.get(seq)?.name ?? segmentName(author, seq)),
        );
        break;
      }
      const entry = names.get(seq);
      if (!entry) {
        addReport(ctx, report('gap', ctx.now(), who, segmentName(author, seq)));
        continue;
      }
      if (state.aside[entry.name] === entry.tag) continue;
      // Larger than any file this app writes: refused unread (a file 1,000x a real one never reaches memory).
      if (entry.size > MAX_REMOTE_FILE) {
        setAside(ctx, entry.name, entry.tag, who, 'damaged');
        continue;
      }
      const bytes = await ctx.target.get(entry.name);
      if (!bytes) {
        addReport(ctx, report('gap', ctx.now(), who, entry.name));
        continue;
      }
      const seg = readSegment(bytes);
      if (!seg) {
        // The newest one cut short is most likely still being uploaded: read again next time.
        if (seq === maxListed && looksCutShort(bytes, 'SWS1')) {
          addReport(ctx, report('incomplete', ctx.now(), who, entry.name));
          break;
        }
        setAside(ctx, entry.name, entry.tag, who, 'damaged');
        continue;
      }
      const authentic =
        signatureHolds(seg.parsed, member.sign) &&
        seg.header.team === state.team &&
        seg.header.a === author &&
        seg.header.q === seq &&
        (!inRun || seg.header.p === (prefix.hash || null));
      const opened = authentic ? openSegment(seg, keys) : null;
      if (!opened) {
        setAside(ctx, entry.name, entry.tag, who, authentic ? 'unreadable' : 'forged');
        continue;
      }
      noteUnopened(ctx, opened.unopened);
      const grant = grantAt(member, seq);
      for (const group of opened.groups) {
        for (const change of group.items) {
          if (change.scope !== group.key.scope) {
            addReport(ctx, report('not-entitled', ctx.now(), who, entry.name));
            continue;
          }
          if (!admitChange(ctx, author, grant, change, entry.name)) continue;
          ctx.hlc.observe(change.h);
          take(ctx, applyChange(state.records[recordKey(change)], change), touched);
        }
      }
      delete state.aside[entry.name];
      const hash = segmentHash(bytes);
      if (inRun) prefix = { seq, hash };
      else ahead[seq] = { hash, p: seg.header.p };
      top = Math.max(top, seq);
      applied++;
    }
    state.seen[author] = prefix;
    state.high[author] = top;
    if (Object.keys(ahead).length) state.ahead[author] = ahead;
    else delete state.ahead[author];
  }
  return applied;
}

/**
 * The owner first, then admins, then everyone else: a record's id is bound to the scope it is first read in
 * (see arrival.ts), so on a computer reading the whole history (a new member) the writers who may place
 * records anywhere are read before anyone who could plant a copy of an id elsewhere.
 */
function orderedAuthors<T>(ctx: EngineContext, byAuthor: ReadonlyMap<string, T>): Array<[string, T]> {
  const rank = (id: string) => {
    if (id === ctx.state.owner?.id) return 0;
    return memberOf(ctx, id)?.role === 'admin' ? 1 : 2;
  };
  return [...byAuthor].sort((a, b) => rank(a[0]) - rank(b[0]));
}

/** Applies one record (from a segment or a snapshot) and keeps the conflicts it makes. */
function take(ctx: EngineContext, r: ReturnType<typeof applyChange>, touched: Map<string, SyncRecord>): void {
  const { state } = ctx;
  const k = recordKey(r.record);
  state.records[k] = r.record;
  noteHome(ctx, r.record);
  if (r.changed) state.conflicts = openConflicts(state.conflicts, r.record);
  if (r.changed || r.conflicts.length) touched.set(k, r.record);
  for (const c of r.conflicts)
    state.conflicts.push({ ...c, cid: randomBytes(8).toString('hex'), at: ctx.now() });
}

const behind = (ctx: EngineContext, covers: Covers) =>
  Object.entries(covers).some(
    ([author, at]) => author !== ctx.state.me.id && (ctx.state.seen[author]?.seq ?? 0) < at.seq,
  );

/**
 * Reads the newest trusted snapshot (the owner's or an admin's: whoever compacted last) when this machine is
 * behind what it covers (new, re-reading after a grant, or away while old segments were deleted), then moves
 * every author's position up to it, so only the segments after it are read. A machine that has read past it
 * never downloads it.
 */
async function readSnapshotIfBehind(
  ctx: EngineContext,
  entries: readonly RemoteEntry[],
  touched: Map<string, SyncRecord>,
): Promise<void> {
  const { state } = ctx;
  if (!state.owner || !myGrant(ctx)) return;
  const newest = newestSnapshot(ctx, entries, MAX_REMOTE_FILE);
  if (!newest || newest.writer === state.me.id) return;
  const writer = snapshotWriter(ctx, newest.writer);
  if (!writer) return;
  const who = displayName(ctx, newest.writer);
  if (state.snapshot && newest.round < state.snapshot.round) {
    addReport(ctx, report('rollback', ctx.now(), who, `${newest.name} < ${state.snapshot.round}`));
    return;
  }
  if (
    state.snapshot?.round === newest.round &&
    state.snapshot.by === newest.writer &&
    !behind(ctx, state.snapshot.covers)
  )
    return;
  const bytes = await ctx.target.get(newest.name);
  if (!bytes) return;
  const snap = readSnapshot(bytes);
  const authentic =
    snap &&
    signatureHolds(snap.parsed, writer.sign) &&
    snap.header.team === state.team &&
    snap.header.w === newest.writer &&
    snap.header.r === newest.round;
  if (!snap || !authentic) {
    addReport(
      ctx,
      report(!snap && looksCutShort(bytes, 'SWC1') ? 'incomplete' : 'tampered', ctx.now(), who, newest.name),
    );
    return;
  }
  state.snapshot = { round: snap.header.r, covers: snap.header.c, by: newest.writer };
  if (!behind(ctx, snap.header.c)) return;
  const opened = openSnapshot(snap, keysById(ctx));
  if (!opened) {
    addReport(ctx, report('tampered', ctx.now(), who, newest.name));
    return;
  }
  noteUnopened(ctx, opened.unopened);
  for (const group of opened.groups)
    for (const record of group.items) {
      if (record.scope !== group.key.scope) {
        addReport(ctx, report('not-entitled', ctx.now(), who, newest.name));
        continue;
      }
      const admitted = admitSnapshotRecord(ctx, record, newest.name);
      if (!admitted) continue;
      for (const cell of Object.values(admitted.fields)) ctx.hlc.observe(cell.h);
      take(ctx, mergeRecord(state.records[recordKey(admitted)], admitted), touched);
    }
  for (const [author, at] of Object.entries(snap.header.c)) {
    if (author === state.me.id || (state.seen[author]?.seq ?? 0) >= at.seq) continue;
    state.seen[author] = { seq: at.seq, hash: at.hash };
    state.high[author] = Math.max(state.high[author] ?? 0, at.seq);
    const ahead = state.ahead[author];
    if (ahead) for (const q of Object.keys(ahead)) if (Number(q) <= at.seq) delete ahead[Number(q)];
  }
}

/**
 * One poll: a listing, then whatever changed. Returns the listing, how many segments were applied and the
 * records they changed.
 */
export async function pull(
  ctx: EngineContext,
): Promise<{ entries: RemoteEntry[]; applied: number; touched: SyncRecord[] }> {
  const entries = await ctx.target.list();
  await refreshKeyrings(ctx, entries, true);
  await refreshTeam(ctx, entries);
  await refreshKeyrings(ctx, entries, false);
  // A keyring read just now may hold the key of a newer member list.
  await refreshTeam(ctx, entries);
  const touched = new Map<string, SyncRecord>();
  const rescan = ctx.state.rescan;
  if (rescan) {
    ctx.state.seen = {};
    ctx.state.ahead = {};
    ctx.state.aside = {};
    ctx.state.rescan = false;
  }
  await readSnapshotIfBehind(ctx, entries, touched);
  const applied = await readSegments(ctx, entries, touched, rescan);
  return { entries, applied, touched: [...touched.values()] };
}
