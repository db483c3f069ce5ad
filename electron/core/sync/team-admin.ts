// Changing the team: making it, inviting, approving, changing a member's grant, removing a member, adding
// a shop's scopes. The member list is the owner's to sign; keyrings are written by the owner or an admin
// and hold, for each member, exactly the keys that member's grant entitles them to. Taking access away
// starts a new key epoch for every scope concerned, so what is written afterwards is unreadable with the
// keys the member had.
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors.ts';
import { isDeleted } from '../../../shared/domain/sync/records.ts';
import { type MemberGrant, mainScope, mayRead, staffScope } from '../../../shared/domain/sync/scopes.ts';
import { publicPart } from './crypto/identity.ts';
import { latestKeys, newScopeKey, type ScopeKey } from './crypto/scope-keys.ts';
import { type EngineContext, memberOf, myGrant, nextVersion, putOwn } from './engine-context.ts';
import {
  encodeJoinRequest,
  inviteCode,
  newInvite,
  openJoinRequest,
  parseInviteCode,
  safetyCode,
} from './invite.ts';
import { encodeKeyring } from './keyring.ts';
import { joinName, keyringName, type RemoteEntry, TEAM_FILE } from './targets/target.ts';
import { encodeTeamDoc, readTeamDoc, type TeamMember } from './team-doc.ts';

const CLOCK_MARGIN_MS = 12 * 3600_000;

function requireOwner(ctx: EngineContext): void {
  if (myGrant(ctx)?.role !== 'owner')
    throw new AppError('SYNC_NOT_ALLOWED', { message: 'only the owner can change members' });
}

export async function writeTeamDoc(ctx: EngineContext): Promise<void> {
  const { state } = ctx;
  const teamKey = latestKeys(state.keys).get('team');
  if (!state.team || !state.teamBody || !teamKey) throw new Error('no team');
  await putOwn(
    ctx,
    TEAM_FILE,
    encodeTeamDoc({
      team: state.team,
      version: state.teamVersion,
      owner: state.me,
      teamKey,
      body: state.teamBody,
    }),
  );
}

const digestOf = (keys: readonly ScopeKey[]) =>
  createHash('sha256')
    .update(
      keys
        .map((k) => `${k.scope}#${k.epoch}#${k.key}`)
        .sort()
        .join('\n'),
    )
    .digest('hex');

/** Writes each member's keyring where what they are entitled to has changed since this machine last wrote it. */
export async function publishKeyrings(ctx: EngineContext): Promise<void> {
  const { state } = ctx;
  const grant = myGrant(ctx);
  if (!state.team || !state.teamBody || (grant?.role !== 'owner' && grant?.role !== 'admin')) return;
  for (const m of state.teamBody.members) {
    const keys = state.keys.filter((k) => mayRead(m, k.scope));
    const digest = digestOf(keys);
    const prev = state.keyringTo[m.id];
    if (prev?.digest === digest) continue;
    const v = nextVersion(prev?.v ?? 0, ctx.now());
    await putOwn(
      ctx,
      keyringName(m.id, state.me.id),
      encodeKeyring({ team: state.team, writer: state.me, to: m, version: v, keys }),
    );
    state.keyringTo[m.id] = { v, digest };
  }
}

export async function createTeam(ctx: EngineContext, ownerName: string): Promise<void> {
  const { state } = ctx;
  if (state.team)
    throw new AppError('SYNC_ALREADY_SET_UP', { message: 'this vault already belongs to a team' });
  state.team = randomBytes(16).toString('hex');
  state.owner = publicPart(state.me);
  state.keys = [newScopeKey('team', 0), newScopeKey('global', 0), newScopeKey('private', 0)];
  state.teamBody = {
    members: [{ ...publicPart(state.me), role: 'owner', shops: [], name: ownerName, since: ctx.now() }],
    removed: [],
  };
  state.teamVersion = 1;
  await ctx.target.ensure();
  await writeTeamDoc(ctx);
  await publishKeyrings(ctx);
}

/**
 * Keys for a shop's two scopes (owner or admin), made here and now so the shop can be written at once, also
 * offline. Members entitled to them get them in their keyrings at the next sync, which always writes
 * keyrings before the segments sealed with the new keys.
 */
export function addShopScopes(ctx: EngineContext, shopId: string): boolean {
  const role = myGrant(ctx)?.role;
  if (role !== 'owner' && role !== 'admin')
    throw new AppError('SYNC_NOT_ALLOWED', { message: 'only owners and admins add shops' });
  const have = new Set(ctx.state.keys.map((k) => k.scope));
  let added = false;
  for (const scope of [staffScope(shopId), mainScope(shopId)])
    if (!have.has(scope)) {
      ctx.state.keys.push(newScopeKey(scope, 0));
      added = true;
    }
  return added;
}

export function createInvite(
  ctx: EngineContext,
  validMs: number,
): { id: string; code: string; expiresAt: number } {
  requireOwner(ctx);
  const { state } = ctx;
  if (!state.team) throw new AppError('SYNC_NOT_SET_UP', { message: 'no team yet' });
  const inv = newInvite(state.team, state.me.id, ctx.now(), validMs);
  state.invites.push(inv);
  return { id: inv.id, code: inviteCode(inv), expiresAt: inv.expiresAt };
}

/** Owner: reads join requests for open invites; expired invites are dropped with their requests. */
export async function readJoins(ctx: EngineContext, entries: readonly RemoteEntry[]): Promise<void> {
  const { state } = ctx;
  if (myGrant(ctx)?.role !== 'owner' || !state.team) return;
  const now = ctx.now();
  const expired = state.invites.filter((i) => i.expiresAt <= now).map((i) => i.id);
  state.invites = state.invites.filter((i) => i.expiresAt > now);
  state.joins = state.joins.filter((j) => !expired.includes(j.invite));
  for (const e of entries) {
    const m = /^j-([0-9a-f]{16})-([0-9a-f]{32})\.swj$/.exec(e.name);
    if (!m) continue;
    const inv = state.invites.find((i) => i.id === m[1]);
    if (!inv) {
      if (expired.includes(m[1] ?? '')) await ctx.target.remove(e.name);
      continue;
    }
    if (state.joins.some((j) => j.invite === inv.id && j.request.identity.id === m[2])) continue;
    const bytes = await ctx.target.get(e.name);
    const req = bytes ? openJoinRequest(inv, bytes) : null;
    if (!req || req.identity.id !== m[2]) continue;
    state.joins.push({
      invite: inv.id,
      request: req,
      safetyCode: safetyCode(state.team, state.me.sign, req.identity.sign, inv.id),
    });
  }
}

/** A new member asks to join with the owner's code; returns the safety code to compare with the owner's screen. */
export async function requestJoin(ctx: EngineContext, code: string, name: string): Promise<string> {
  const { state } = ctx;
  if (state.team)
    throw new AppError('SYNC_ALREADY_SET_UP', { message: 'this vault already belongs to a team' });
  const inv = parseInviteCode(code);
  if (!inv) throw new AppError('SYNC_INVITE_INVALID', { message: 'not an invite code (typo?)' });
  // The owner's clock decides (it drops expired invites); here only a code expired beyond any plausible clock
  // difference between two computers is refused at once.
  if (inv.expiresAt + CLOCK_MARGIN_MS <= ctx.now())
    throw new AppError('SYNC_INVITE_EXPIRED', { message: 'the invite has expired' });
  const bytes = await ctx.target.get(TEAM_FILE);
  const doc = bytes ? readTeamDoc(bytes) : null;
  // The member id is a hash of the owner's signing key, so this pins exactly the key the owner's code names.
  if (!doc || doc.header.team !== inv.team || doc.header.owner.id !== inv.owner)
    throw new AppError('SYNC_TEAM_NOT_FOUND', { message: 'the folder holds no team matching this invite' });
  await ctx.target.put(joinName(inv.id, state.me.id), encodeJoinRequest(inv, state.me, name, ctx.now()));
  state.team = inv.team;
  state.owner = doc.header.owner;
  const code6 = safetyCode(inv.team, doc.header.owner.sign, state.me.sign, inv.id);
  state.joining = { invite: inv, name, safetyCode: code6 };
  return code6;
}

export async function approveJoin(
  ctx: EngineContext,
  inviteId: string,
  memberId: string,
  grant: MemberGrant,
): Promise<void> {
  requireOwner(ctx);
  const { state } = ctx;
  const join = state.joins.find((j) => j.invite === inviteId && j.request.identity.id === memberId);
  const inv = state.invites.find((i) => i.id === inviteId);
  if (!join || !inv || inv.expiresAt <= ctx.now())
    throw new AppError('SYNC_INVITE_EXPIRED', { message: 'no such request, or its invite has expired' });
  if (grant.role === 'owner') throw new AppError('VALIDATION_FAILED', { message: 'a team has one owner' });
  if (!state.teamBody) throw new Error('no team');
  state.teamBody = {
    members: [
      ...state.teamBody.members.filter((m) => m.id !== memberId),
      {
        ...join.request.identity,
        role: grant.role,
        shops: [...grant.shops],
        name: join.request.name,
        since: ctx.now(),
      },
    ],
    removed: state.teamBody.removed.filter((r) => r.id !== memberId),
  };
  state.teamVersion = nextVersion(state.teamVersion, ctx.now());
  // Keyrings first, then the list: a reader never sees a list sealed with a key its keyring lacks.
  await publishKeyrings(ctx);
  await writeTeamDoc(ctx);
  state.invites = state.invites.filter((i) => i.id !== inviteId);
  state.joins = state.joins.filter((j) => j.invite !== inviteId);
  await ctx.target.remove(joinName(inviteId, memberId));
}

/** New epochs for the scopes a member could read before and cannot (or must not) read after. */
function rekey(ctx: EngineContext, scopes: Iterable<string>): void {
  const latest = latestKeys(ctx.state.keys);
  for (const scope of new Set(scopes)) {
    const cur = latest.get(scope);
    ctx.state.keys.push(newScopeKey(scope, cur ? cur.epoch + 1 : 0));
  }
}

export async function setMemberGrant(
  ctx: EngineContext,
  memberId: string,
  grant: MemberGrant,
): Promise<void> {
  requireOwner(ctx);
  const { state } = ctx;
  const old = memberOf(ctx, memberId);
  if (!old || !state.teamBody || old.role === 'owner' || grant.role === 'owner')
    throw new AppError('VALIDATION_FAILED', { message: 'no such member, or an owner change' });
  // The old grant stays in force for the segments of theirs already read here; later ones are judged by the
  // new grant (a demoted admin's changes written after this count as a lead's).
  const through = Math.max(state.seen[memberId]?.seq ?? 0, state.high[memberId] ?? 0);
  const past = [...(old.past ?? []), { role: old.role, shops: [...old.shops], through }].slice(-100);
  const next: TeamMember = { ...old, role: grant.role, shops: [...grant.shops], past };
  const lost = [...new Set(state.keys.map((k) => k.scope))].filter(
    (s) => mayRead(old, s) && !mayRead(next, s),
  );
  rekey(ctx, lost);
  state.teamBody = {
    ...state.teamBody,
    members: state.teamBody.members.map((m) => (m.id === memberId ? next : m)),
  };
  state.teamVersion = nextVersion(state.teamVersion, ctx.now());
  await publishKeyrings(ctx);
  await writeTeamDoc(ctx);
}

export interface RotationItem {
  readonly scope: string;
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly fields: string[];
}

/**
 * Removes a member: new epochs for every scope they could read (the team list's own included), a member
 * list that names them as removed after their last seen segment, keyrings rewritten, theirs deleted.
 * Returns every password they could see, for the rotation checklist.
 */
export async function removeMember(
  ctx: EngineContext,
  memberId: string,
  entries: readonly RemoteEntry[],
): Promise<RotationItem[]> {
  requireOwner(ctx);
  const { state } = ctx;
  const m = memberOf(ctx, memberId);
  if (!m || !state.teamBody || m.role === 'owner')
    throw new AppError('VALIDATION_FAILED', { message: 'no such member' });
  const rotate: RotationItem[] = [];
  for (const r of Object.values(state.records)) {
    if (!mayRead(m, r.scope) || isDeleted(r)) continue;
    const fields = Object.keys(r.fields).filter((f) => /password/i.test(f) && r.fields[f]?.v);
    const name = r.fields.name?.v ?? r.fields.login?.v ?? r.id;
    if (fields.length) rotate.push({ scope: r.scope, kind: r.kind, id: r.id, name: String(name), fields });
  }
  rekey(
    ctx,
    [...new Set(state.keys.map((k) => k.scope))].filter((s) => mayRead(m, s)),
  );
  state.teamBody = {
    members: state.teamBody.members.filter((x) => x.id !== memberId),
    removed: [
      ...state.teamBody.removed,
      { ...m, lastSeq: Math.max(state.seen[memberId]?.seq ?? 0, state.high[memberId] ?? 0), at: ctx.now() },
    ],
  };
  state.teamVersion = nextVersion(state.teamVersion, ctx.now());
  await publishKeyrings(ctx);
  await writeTeamDoc(ctx);
  delete state.keyringTo[memberId];
  for (const e of entries) if (e.name.startsWith(`k-${memberId}-`)) await ctx.target.remove(e.name);
  return rotate;
}
