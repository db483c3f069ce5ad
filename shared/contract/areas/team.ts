// Team members and end-to-end encrypted sync (issue #12): connecting a WebDAV folder or a shared folder,
// inviting and approving members, grants, removal with its rotation checklist, conflicts, the sync state.
import { z } from 'zod';
import { returns, safeId } from '../spec.ts';
import type {
  ConflictView,
  InviteView,
  RotationItemView,
  TeamMembersView,
  TeamStatus,
} from '../team-types.ts';

const memberId = z.string().regex(/^[0-9a-f]{32}$/);
const inviteId = z.string().regex(/^[0-9a-f]{16}$/);
const name = z.string().trim().min(1).max(40);

export const teamConnection = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('webdav'),
    url: z.string().trim().min(1).max(500),
    username: z.string().min(1).max(200),
    password: z.string().min(1).max(500),
  }),
  z.strictObject({ kind: z.literal('folder'), dir: z.string().trim().min(1).max(1000) }),
]);

const grant = z.strictObject({
  role: z.enum(['admin', 'lead']),
  shops: z.array(safeId).max(1000),
});

export const teamMethods = {
  'team.status': { request: z.strictObject({}), response: returns<TeamStatus>(), whileLocked: false },
  /** Reaches the target, lists it, writes and removes a probe file: nothing about the team is changed. */
  'team.testConnection': {
    request: z.strictObject({ connection: teamConnection }),
    response: returns<{ warning: 'plain-http-local' | null }>(),
    whileLocked: false,
  },
  /** Makes this vault the owner of a new team on the target and uploads everything in it. */
  'team.create': {
    request: z.strictObject({ connection: teamConnection, ownerName: name }),
    response: returns<TeamStatus>(),
    whileLocked: false,
  },
  /** Asks to join with the owner's invite code (an empty vault only); answers the safety code to compare. */
  'team.join': {
    request: z.strictObject({ connection: teamConnection, code: z.string().trim().min(10).max(200), name }),
    response: returns<TeamStatus>(),
    whileLocked: false,
  },
  /**
   * Joins with the text the owner sent (pasted whole, or read from the invite file) and the 16 digits the owner
   * said by voice: the text carries the server, the folder and, if the owner chose, the login. An empty vault
   * only; answers the safety code to compare.
   */
  'team.joinByInvite': {
    request: z.strictObject({
      text: z.string().min(1).max(20_000),
      oneTimeCode: z.string().trim().min(1).max(60),
      name,
      login: z
        .strictObject({ username: z.string().min(1).max(200), password: z.string().min(1).max(500) })
        .nullable(),
    }),
    response: returns<TeamStatus>(),
    whileLocked: false,
  },
  'team.members': { request: z.strictObject({}), response: returns<TeamMembersView>(), whileLocked: false },
  /** One invite, single-use: the text to send, and the 16 digits to tell the joiner by voice. */
  'team.invite': {
    request: z.strictObject({
      minutes: z
        .number()
        .int()
        .min(5)
        .max(7 * 24 * 60),
      includeLogin: z.boolean(),
    }),
    response: returns<InviteView>(),
    whileLocked: false,
  },
  'team.approve': {
    request: z.strictObject({ inviteId, memberId, grant }),
    response: returns<TeamMembersView>(),
    whileLocked: false,
  },
  'team.setGrant': {
    request: z.strictObject({ memberId, grant }),
    response: returns<TeamMembersView>(),
    whileLocked: false,
  },
  /** Removes a member: keys renewed for everything written afterwards; answers the rotation checklist. */
  'team.remove': {
    request: z.strictObject({ memberId }),
    response: returns<{ members: TeamMembersView; rotate: RotationItemView[] }>(),
    whileLocked: false,
  },
  'team.conflicts': { request: z.strictObject({}), response: returns<ConflictView[]>(), whileLocked: false },
  /** keep: dismiss (what won stays); restore: the value that lost is written back for everyone. */
  'team.resolveConflict': {
    request: z.strictObject({ cid: z.string().regex(/^[0-9a-f]{16}$/), choice: z.enum(['keep', 'restore']) }),
    response: returns<ConflictView[]>(),
    whileLocked: false,
  },
  'team.syncNow': { request: z.strictObject({}), response: returns<TeamStatus>(), whileLocked: false },
  'team.setPollSeconds': {
    request: z.strictObject({ seconds: z.number().int().min(15).max(3600) }),
    response: returns<TeamStatus>(),
    whileLocked: false,
  },
} as const;
