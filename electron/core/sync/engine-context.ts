// What the sync steps (pull, push, team changes) share: this machine's state and store, the target, the
// clock. One object, so each step is a plain function over it and the engine only schedules them.
import { createHash } from 'node:crypto';
import type { HybridClock } from '../../../shared/domain/sync/hlc.ts';
import { type MemberGrant, mayRead } from '../../../shared/domain/sync/scopes.ts';
import type { ScopeKey } from './crypto/scope-keys.ts';
import { keyId } from './crypto/scope-keys.ts';
import type { LocalStore } from './local-store.ts';
import { MAX_REPORTS, type SyncReport } from './sync-reports.ts';
import type { SyncState } from './sync-state.ts';
import type { SyncTarget } from './targets/target.ts';
import type { TeamMember } from './team-doc.ts';

export interface EngineContext {
  readonly state: SyncState;
  readonly store: LocalStore;
  readonly target: SyncTarget;
  readonly hlc: HybridClock;
  now(): number;
  /** Where each record lives, by kind and id (built when first needed; see arrival.ts). */
  homes?: Map<string, string> | undefined;
}

/**
 * The next version of a file this machine writes again and again (the member list, a keyring): one more than
 * the last, and never less than the time, so a machine whose state went back (restored from a backup)
 * still writes versions newer than any it wrote before — readers refuse an older version as a rollback.
 */
export const nextVersion = (prev: number, now: number) => Math.max(prev + 1, now);

/**
 * Writes a file this machine owns (its segments, keyrings, the member list, snapshots). Its tag is taken
 * from the next listing, so a later change of tag means someone else rewrote it (see repair.ts).
 */
export async function putOwn(ctx: EngineContext, name: string, bytes: Buffer): Promise<void> {
  await ctx.target.put(name, bytes);
  delete ctx.state.ownTags[name];
  ctx.state.ownHashes[name] = sha256(bytes);
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function addReport(ctx: EngineContext, r: SyncReport): void {
  // The same refusal of the same file is one report, not one per poll.
  if (ctx.state.reports.some((x) => x.code === r.code && x.file === r.file && x.en === r.en)) return;
  ctx.state.reports.push(r);
  if (ctx.state.reports.length > MAX_REPORTS)
    ctx.state.reports.splice(0, ctx.state.reports.length - MAX_REPORTS);
}

export const memberOf = (ctx: EngineContext, id: string): TeamMember | undefined =>
  ctx.state.teamBody?.members.find((m) => m.id === id);

export function myGrant(ctx: EngineContext): MemberGrant | null {
  if (ctx.state.owner && ctx.state.owner.id === ctx.state.me.id) return { role: 'owner', shops: [] };
  return memberOf(ctx, ctx.state.me.id) ?? null;
}

/**
 * Whose snapshots count: the owner's and current admins'. A snapshot carries records of every member, so it
 * is trusted as far as its writer is; a demoted or removed admin's is ignored (and replaced by the next
 * compaction).
 */
export function snapshotWriter(ctx: EngineContext, id: string): { id: string; sign: string } | null {
  const { state } = ctx;
  if (state.owner?.id === id) return state.owner;
  const m = memberOf(ctx, id);
  return m?.role === 'admin' ? m : null;
}

/** The newest trusted snapshot listed: highest round, the smaller writer id on a tie (the same for everyone). */
export function newestSnapshot(
  ctx: EngineContext,
  entries: readonly { name: string; size: number }[],
  maxSize: number,
): { name: string; round: number; writer: string } | null {
  let newest: { name: string; round: number; writer: string } | null = null;
  for (const e of entries) {
    const m = /^c-([0-9a-f]{32})-([0-9]{10})\.swc$/.exec(e.name);
    if (!m || e.size > maxSize || !snapshotWriter(ctx, m[1] ?? '')) continue;
    const round = Number(m[2]);
    const writer = m[1] ?? '';
    if (!newest || round > newest.round || (round === newest.round && writer < newest.writer))
      newest = { name: e.name, round, writer };
  }
  return newest;
}

export const displayName = (ctx: EngineContext, id: string) =>
  memberOf(ctx, id)?.name ?? ctx.state.teamBody?.removed.find((r) => r.id === id)?.name ?? id.slice(0, 8);

export function keysById(ctx: EngineContext): Map<string, ScopeKey> {
  return new Map(ctx.state.keys.map((k) => [keyId(k), k]));
}

/**
 * Adds keys (one per scope and epoch), keeping only those this member is entitled to, when that is known.
 * Returns how many were left out (the caller reads the member list and tries again: a new grant may be in it).
 */
export function mergeKeys(ctx: EngineContext, incoming: readonly ScopeKey[]): number {
  const grant = myGrant(ctx);
  const have = new Set(ctx.state.keys.map((k) => `${k.scope}#${k.epoch}`));
  const scopes = new Set(ctx.state.keys.map((k) => k.scope));
  let left = 0;
  for (const k of incoming) {
    if (grant && !mayRead(grant, k.scope)) {
      left++;
      continue;
    }
    if (have.has(`${k.scope}#${k.epoch}`)) continue;
    ctx.state.keys.push(k);
    // Granted again before the local documents let go of it: nothing to let go of.
    ctx.state.withdrawn = ctx.state.withdrawn.filter((x) => x !== k.scope);
    // Groups already read without this key (it arrived after them): read everything again.
    const kid = keyId(k);
    if (ctx.state.unopened.includes(kid)) {
      ctx.state.unopened = ctx.state.unopened.filter((x) => x !== kid);
      ctx.state.rescan = true;
    }
    have.add(`${k.scope}#${k.epoch}`);
    // A scope new to this machine (a shop just granted) has history in segments already read and skipped
    // for want of its key: read every author's segments again (applying twice changes nothing).
    // This member's own segments count too: what it wrote there was deleted here with the shop.
    if (!scopes.has(k.scope) && (Object.keys(ctx.state.seen).length || ctx.state.mySeq > 0))
      ctx.state.rescan = true;
    scopes.add(k.scope);
  }
  return left;
}

/** Most key ids remembered as unopened: a lead's would otherwise grow by every main-account key ever made. */
const MAX_UNOPENED = 10_000;

export function noteUnopened(ctx: EngineContext, kids: readonly string[]): void {
  const { state } = ctx;
  for (const kid of kids) if (!state.unopened.includes(kid)) state.unopened.push(kid);
  if (state.unopened.length > MAX_UNOPENED) state.unopened.splice(0, state.unopened.length - MAX_UNOPENED);
}

/** Forgets keys, and the records read with them, this member is no longer entitled to (a grant taken away). */
export function dropUnentitled(ctx: EngineContext): void {
  const grant = myGrant(ctx);
  if (!grant) return;
  const kept = ctx.state.keys.filter((k) => mayRead(grant, k.scope));
  // Scopes taken away are remembered until the local documents have let go of what they held of them.
  for (const k of ctx.state.keys)
    if (!mayRead(grant, k.scope) && !ctx.state.withdrawn.includes(k.scope)) ctx.state.withdrawn.push(k.scope);
  ctx.state.keys = kept;
  for (const [key, r] of Object.entries(ctx.state.records))
    if (!mayRead(grant, r.scope)) delete ctx.state.records[key];
  ctx.homes = undefined;
  ctx.state.conflicts = ctx.state.conflicts.filter((c) => mayRead(grant, c.scope));
}
