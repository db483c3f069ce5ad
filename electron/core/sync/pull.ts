// Reading the team folder: one listing, then only the files that changed. Every file is checked before
// anything in it is used — the member list against the pinned owner key and its version, keyrings against
// their writer and version, segments against their author's key and hash chain — and a file that fails is
// refused and reported while local data stays as it was.
import { randomBytes } from 'node:crypto';
import {
  applyChange,
  openConflicts,
  recordKey,
  type SyncRecord,
} from '../../../shared/domain/sync/records.ts';
import { mayWrite } from '../../../shared/domain/sync/scopes.ts';
import {
  addReport,
  displayName,
  dropUnentitled,
  type EngineContext,
  keysById,
  memberOf,
  mergeKeys,
} from './engine-context.ts';
import { openKeyring, readKeyring } from './keyring.ts';
import { looksCutShort, openSegment, readSegment, segmentHash } from './segment.ts';
import { signatureHolds } from './signed-file.ts';
import { report } from './sync-reports.ts';
import { parseSegmentName, type RemoteEntry, TEAM_FILE } from './targets/target.ts';
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
    if (writer !== state.owner && (writer as { role?: string }).role !== 'admin') {
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
): Promise<number> {
  const { state } = ctx;
  const byAuthor = new Map<string, Map<number, string>>();
  for (const e of entries) {
    const p = parseSegmentName(e.name);
    if (!p || p.author === state.me.id) continue;
    const m = byAuthor.get(p.author) ?? new Map<number, string>();
    m.set(p.seq, e.name);
    byAuthor.set(p.author, m);
  }
  let applied = 0;
  const keys = keysById(ctx);
  if (state.rescan) {
    state.seen = {};
    state.rescan = false;
  }
  for (const [author, names] of byAuthor) {
    const removed = state.teamBody?.removed.find((r) => r.id === author);
    // A removed member's segments up to the last one the owner had seen stay valid; later ones are refused.
    const member = memberOf(ctx, author) ?? removed;
    const lastAllowed = removed && !memberOf(ctx, author) ? removed.lastSeq : Number.POSITIVE_INFINITY;
    const who = displayName(ctx, author);
    const seen = state.seen[author] ?? { seq: 0, hash: '' };
    const high = Math.max(state.high[author] ?? 0, seen.seq);
    const maxListed = Math.max(...names.keys());
    if (maxListed < high) {
      addReport(ctx, report('rollback', ctx.now(), who, `s-${author}: ${maxListed} < ${high}`));
      continue;
    }
    if (!member) continue;
    for (let seq = seen.seq + 1; seq <= maxListed; seq++) {
      if (seq > lastAllowed) {
        addReport(ctx, report('removed-author', ctx.now(), who, names.get(seq) ?? names.get(maxListed)));
        break;
      }
      const name = names.get(seq);
      if (!name) {
        addReport(ctx, report('gap', ctx.now(), who, names.get(maxListed)));
        break;
      }
      const bytes = await ctx.target.get(name);
      if (!bytes) break;
      const seg = readSegment(bytes);
      if (!seg) {
        // Cut short: an upload in progress or broken off, read again next time. Anything else is refused.
        addReport(ctx, report(looksCutShort(bytes) ? 'incomplete' : 'tampered', ctx.now(), who, name));
        break;
      }
      const prev = state.seen[author]?.hash ?? null;
      const authentic =
        signatureHolds(seg.parsed, member.sign) &&
        seg.header.team === state.team &&
        seg.header.a === author &&
        seg.header.q === seq &&
        seg.header.p === (prev || null);
      const opened = authentic ? openSegment(seg, keys) : null;
      if (!opened) {
        addReport(ctx, report('tampered', ctx.now(), who, name));
        break;
      }
      for (const group of opened.groups) {
        for (const change of group.changes) {
          if (change.scope !== group.key.scope) {
            addReport(ctx, report('not-entitled', ctx.now(), who, name));
            continue;
          }
          if (change.h.n !== author) {
            addReport(ctx, report('forged-stamp', ctx.now(), who, name));
            continue;
          }
          if (!mayWrite(member, change.scope)) {
            addReport(ctx, report('not-entitled', ctx.now(), who, name));
            continue;
          }
          ctx.hlc.observe(change.h);
          const k = recordKey(change);
          const r = applyChange(state.records[k], change);
          state.records[k] = r.record;
          if (r.changed) state.conflicts = openConflicts(state.conflicts, r.record);
          if (r.changed || r.conflicts.length) touched.set(k, r.record);
          for (const c of r.conflicts)
            state.conflicts.push({ ...c, cid: randomBytes(8).toString('hex'), at: ctx.now() });
        }
      }
      state.seen[author] = { seq, hash: segmentHash(bytes) };
      state.high[author] = Math.max(state.high[author] ?? 0, seq);
      applied++;
    }
  }
  return applied;
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
  const applied = await readSegments(ctx, entries, touched);
  return { entries, applied, touched: [...touched.values()] };
}
