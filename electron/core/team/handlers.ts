// Contract handlers for the team area: thin, each a call into the service.
import {
  RECORD_RULES,
  type RecordAction,
  type RecordKind,
} from '../../../shared/domain/sync/authorisation.ts';
import { type MemberRole, mayRead } from '../../../shared/domain/sync/scopes.ts';
import type { Handlers } from '../dispatch.ts';
import type { TeamService } from './team-service.ts';

type Methods = Extract<keyof Handlers, `team.${string}`>;

export function teamHandlers(team: TeamService): Pick<Handlers, Methods> {
  return {
    'team.status': () => team.status(),
    'team.testConnection': (r) => team.testConnection(r.connection),
    'team.create': (r) => team.create(r.connection, r.ownerName),
    'team.join': (r) => team.join(r.connection, r.code, r.name),
    'team.members': () => team.members(),
    'team.invite': (r) => team.invite(r.minutes, r.includeLogin),
    'team.joinByInvite': (r) => team.joinByInvite(r.text, r.oneTimeCode, r.name, r.login),
    'team.approve': (r) => team.approve(r.inviteId, r.memberId, r.grant),
    'team.setGrant': (r) => team.setGrant(r.memberId, r.grant),
    'team.remove': (r) => team.remove(r.memberId),
    'team.conflicts': () => team.conflicts(),
    'team.resolveConflict': (r) => team.resolveConflict(r.cid, r.choice),
    'team.syncNow': () => team.syncNow(),
    'team.setPollSeconds': (r) => team.setPollSeconds(r.seconds),
  };
}

/**
 * What each app call writes, by record kind, so the call is judged by the same table that judges what
 * arrives by sync (shared/domain/sync/authorisation.ts): a member whose role may not do that is refused
 * before anything runs, whatever the screen shows. Holding a scope's key is no licence to write it (every
 * member holds the global key, where templates and rules live); the table is.
 */
const CALL_WRITES: Readonly<Record<string, readonly [RecordKind, RecordAction]>> = {
  'shops.create': ['shop', 'create'],
  'shops.update': ['shop', 'change'],
  'shops.setArchived': ['shop', 'change'],
  'templates.create': ['template', 'create'],
  'templates.update': ['template', 'change'],
  'templates.delete': ['template', 'delete'],
  'rules.update': ['rules', 'change'],
  // An import makes shops with their main accounts.
  'transfer.commitImport': ['shop', 'create'],
};

/** Areas whose every call reads or writes one kind (a member who may not read its scope may not call them). */
const AREA_KINDS: Readonly<Record<string, RecordKind>> = { deposit: 'deposit', recovery: 'recovery-draft' };

/** The member list is the owner's alone to change (the owner signs it). */
const OWNER_ONLY = new Set(['team.invite', 'team.approve', 'team.setGrant', 'team.remove']);

/** Whether a member with `role` in a team is refused `method` (no team: nothing to refuse). */
export function isCallRefused(role: MemberRole | null, method: string): boolean {
  if (!role) return false;
  if (OWNER_ONLY.has(method)) return role !== 'owner';
  // Only the role matters here: which shop a call touches is checked where the write is queued.
  const grant = { role, shops: [] };
  const area = AREA_KINDS[method.slice(0, method.indexOf('.'))];
  if (area) return !mayRead(grant, RECORD_RULES[area].scope);
  const writes = CALL_WRITES[method];
  if (!writes) return false;
  const [kind, action] = writes;
  return !RECORD_RULES[kind][action].some((r) => r === role);
}
