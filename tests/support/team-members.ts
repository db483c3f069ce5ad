// Real cores as team members in their own data folders: one set up, and one joining the owner's team with the
// invite code and matching safety digits, as the screens do it.
import { expect } from 'vitest';
import type { InviteView, TeamMembersView, TeamStatus } from '../../shared/contract/team-types.ts';
import { callers } from './contract-calls.ts';
import { makeTestCore, setUpVault } from './test-core.ts';

export async function member() {
  const t = makeTestCore();
  await setUpVault(t.core);
  return { ...t, ...callers(() => t.core) };
}
export type Member = Awaited<ReturnType<typeof member>>;

const sync = (m: Member) => m.ok<TeamStatus>('team.syncNow');

export async function join(
  owner: Member,
  joiner: Member,
  folder: string,
  name: string,
  grant: { role: 'admin' | 'lead'; shops: string[] },
) {
  const inv = await owner.ok<InviteView>('team.invite', { minutes: 30, includeLogin: true });
  const waiting = await joiner.ok<TeamStatus>('team.join', {
    connection: { kind: 'folder', dir: folder },
    code: inv.code,
    name,
  });
  expect(waiting.phase).toBe('waiting-approval');
  await sync(owner);
  const members = await owner.ok<TeamMembersView>('team.members');
  const req = members.joins.find((j) => j.name === name);
  // Both screens show the same six digits.
  expect(req?.safetyCode).toBe(waiting.safetyCode);
  await owner.ok('team.approve', { inviteId: req?.inviteId, memberId: req?.memberId, grant });
  const joined = await sync(joiner);
  expect(joined).toMatchObject({ phase: 'idle', role: grant.role });
}
