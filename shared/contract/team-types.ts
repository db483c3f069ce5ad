// What the team and sync screen shows. Never a key, a secret or another member's private data.
import type { MemberRole } from '../domain/sync/scopes.ts';

export type { MemberRole };

export type TeamPhase =
  | 'not-set-up'
  | 'waiting-approval'
  | 'removed'
  | 'idle'
  | 'syncing'
  | 'offline'
  | 'error';

export interface TeamConnectionView {
  kind: 'webdav' | 'folder';
  /** The WebDAV URL or the folder path. */
  address: string;
  username: string | null;
  /** Plain http on this machine or the local network: allowed, with a warning. */
  warning: 'plain-http-local' | null;
}

export interface TeamText {
  zh: string;
  en: string;
}

export interface TeamStatus {
  phase: TeamPhase;
  role: MemberRole | null;
  memberId: string | null;
  connection: TeamConnectionView | null;
  lastSyncAt: string | null;
  /** Local changes not yet uploaded. */
  waiting: number;
  error: (TeamText & { kind: string }) | null;
  nextTryAt: string | null;
  /** Refusals and warnings (tampered, rolled back, not entitled...), newest last. */
  reports: Array<TeamText & { code: string; at: string }>;
  conflicts: number;
  pollSeconds: number;
  /** While waiting for approval: the code to compare with the owner's screen. */
  safetyCode: string | null;
}

export interface TeamMemberView {
  id: string;
  name: string;
  role: MemberRole;
  shops: string[];
  since: string;
  me: boolean;
}

export interface TeamMembersView {
  members: TeamMemberView[];
  removed: Array<{ id: string; name: string; at: string }>;
  /** Join requests waiting for the owner, each with the safety code to compare. */
  joins: Array<{ inviteId: string; memberId: string; name: string; safetyCode: string }>;
  invites: Array<{ id: string; expiresAt: string }>;
}

export interface InviteView {
  id: string;
  /** The bare invite code (inside `text`; kept for a joiner who connects by hand). */
  code: string;
  expiresAt: string;
  /** What the owner sends over WeChat: pasted whole by the joiner, or saved as `fileName`. */
  text: string;
  fileName: string;
  /** Sixteen digits the owner tells the joiner by voice; `text` opens only with them. */
  oneTimeCode: string;
  /** Whether the WebDAV login is inside `text`. */
  withLogin: boolean;
}

/** A password the removed member could see: to be changed on the platform. */
export interface RotationItemView {
  shopName: string;
  account: string;
  what: 'main-password' | 'sub-password' | 'other';
}

export interface ConflictView {
  cid: string;
  at: string;
  kind: string;
  record: string;
  field: string;
  /** A secret's values are never sent to the page; "restore" still works. */
  secret: boolean;
  kept: string | null;
  lost: string | null;
  keptBy: string;
  lostBy: string;
}
