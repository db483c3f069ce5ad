// Contract handlers for the team area: thin, each a call into the service.
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
    'team.invite': (r) => team.invite(r.minutes),
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
 * What a 客服主管 (lead) may not do in the app, whatever the screen shows: the main account, deposits,
 * recovery drafts, templates and rules belong to the owner and admins. The sync keys enforce the same
 * for data (a lead has no key to write those scopes); this refuses the call before anything changes.
 */
export const LEAD_FORBIDDEN = new Set<string>([
  'shops.create',
  'shops.update',
  'shops.setArchived',
  'templates.create',
  'templates.update',
  'templates.delete',
  'rules.update',
  'transfer.commitImport',
  'team.invite',
  'team.approve',
  'team.setGrant',
  'team.remove',
]);

export const isLeadForbidden = (method: string) =>
  LEAD_FORBIDDEN.has(method) || method.startsWith('deposit.') || method.startsWith('recovery.');
