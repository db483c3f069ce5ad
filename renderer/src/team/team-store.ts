// The team area's data module: sync state, members, invites and conflicts. Screens call these actions;
// only this module talks to the bridge for the area. The state follows main's `team.changed` events, so
// the header's indicator and the screen stay current without polling.
import { create } from 'zustand';
import type { RequestOf } from '../../../shared/contract/methods.ts';
import type {
  ConflictView,
  InviteView,
  RotationItemView,
  TeamMembersView,
  TeamStatus,
} from '../../../shared/contract/team-types.ts';
import { bridge } from '../stores/session-store.ts';
import { teamApi } from './team-api.ts';

export type Connection = RequestOf<'team.testConnection'>['connection'];
export type Grant = RequestOf<'team.approve'>['grant'];

interface TeamState {
  status: TeamStatus | null;
  members: TeamMembersView | null;
  conflicts: ConflictView[];
  invite: InviteView | null;
  /** The rotation checklist of the last removal, until dismissed. */
  rotate: { name: string; items: RotationItemView[] } | null;
  load(): Promise<void>;
  loadMembers(): Promise<void>;
  loadConflicts(): Promise<void>;
  testConnection(connection: Connection): Promise<{ warning: 'plain-http-local' | null }>;
  create(connection: Connection, ownerName: string): Promise<void>;
  join(connection: Connection, code: string, name: string): Promise<void>;
  joinByInvite(
    text: string,
    oneTimeCode: string,
    name: string,
    login: { username: string; password: string } | null,
  ): Promise<void>;
  makeInvite(minutes: number, includeLogin: boolean): Promise<void>;
  approve(inviteId: string, memberId: string, grant: Grant): Promise<void>;
  setGrant(memberId: string, grant: Grant): Promise<void>;
  remove(memberId: string, name: string): Promise<void>;
  dismissRotation(): void;
  resolve(cid: string, choice: 'keep' | 'restore'): Promise<void>;
  syncNow(): Promise<void>;
  setPollSeconds(seconds: number): Promise<void>;
  listen(): () => void;
}

export const useTeam = create<TeamState>((set, get) => ({
  status: null,
  members: null,
  conflicts: [],
  invite: null,
  rotate: null,
  async load() {
    const status = await teamApi.status({});
    set({ status });
    if (status.role) await Promise.all([get().loadMembers(), get().loadConflicts()]);
  },
  async loadMembers() {
    set({ members: await teamApi.members({}) });
  },
  async loadConflicts() {
    set({ conflicts: await teamApi.conflicts({}) });
  },
  testConnection: (connection) => teamApi.testConnection({ connection }),
  async create(connection, ownerName) {
    set({ status: await teamApi.create({ connection, ownerName }) });
    await get().load();
  },
  async join(connection, code, name) {
    set({ status: await teamApi.join({ connection, code, name }) });
  },
  async joinByInvite(text, oneTimeCode, name, login) {
    set({ status: await teamApi.joinByInvite({ text, oneTimeCode, name, login }) });
  },
  async makeInvite(minutes, includeLogin) {
    set({ invite: await teamApi.invite({ minutes, includeLogin }) });
    await get().loadMembers();
  },
  async approve(inviteId, memberId, grant) {
    set({ members: await teamApi.approve({ inviteId, memberId, grant }), invite: null });
  },
  async setGrant(memberId, grant) {
    set({ members: await teamApi.setGrant({ memberId, grant }) });
  },
  async remove(memberId, name) {
    const r = await teamApi.remove({ memberId });
    set({ members: r.members, rotate: { name, items: r.rotate } });
  },
  dismissRotation: () => set({ rotate: null }),
  async resolve(cid, choice) {
    set({ conflicts: await teamApi.resolveConflict({ cid, choice }) });
  },
  async syncNow() {
    set({ status: await teamApi.syncNow({}) });
    if (get().status?.role) await Promise.all([get().loadMembers(), get().loadConflicts()]);
  },
  async setPollSeconds(seconds) {
    set({ status: await teamApi.setPollSeconds({ seconds }) });
  },
  listen() {
    return bridge().on('team.changed', (status) => {
      const before = get().status;
      set({ status });
      // A sync that brought members or conflicts: refresh those lists too.
      if (status.role && (status.lastSyncAt !== before?.lastSyncAt || status.conflicts !== before?.conflicts))
        void Promise.all([get().loadMembers(), get().loadConflicts()]).catch(() => undefined);
    });
  },
}));
