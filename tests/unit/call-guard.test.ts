// The app-call guard reads the authorisation table: what a role may not write, it may not ask main to write,
// whatever a screen shows. Every call that writes a guarded kind, each area a role may not read, and the
// member list, which is the owner's alone.
import { describe, expect, it } from 'vitest';
import { isCallRefused } from '../../electron/core/team/handlers.ts';

const LEAD_REFUSED = [
  'shops.create',
  'shops.update',
  'shops.setArchived',
  'templates.create',
  'templates.update',
  'templates.delete',
  'rules.update',
  'transfer.commitImport',
  'deposit.list',
  'deposit.create',
  'deposit.revealAccount',
  'recovery.list',
  'recovery.create',
  'team.invite',
  'team.approve',
  'team.setGrant',
  'team.remove',
];
const LEAD_ALLOWED = [
  'subaccounts.create',
  'subaccounts.changePassword',
  'subaccounts.delete',
  'agents.createBatch',
  'verification.act',
  'staff.create',
  'staff.update',
  'shops.list',
  'templates.list',
  'rules.get',
  'team.syncNow',
  'team.resolveConflict',
];

describe('which app calls a role is refused', () => {
  it('a lead: every call that writes shops, templates, rules or imports, every deposit and recovery call, the member list', () => {
    for (const m of LEAD_REFUSED) expect(isCallRefused('lead', m), m).toBe(true);
    for (const m of LEAD_ALLOWED) expect(isCallRefused('lead', m), m).toBe(false);
  });

  it('an admin: everything but the member list', () => {
    for (const m of [...LEAD_REFUSED, ...LEAD_ALLOWED])
      expect(isCallRefused('admin', m), m).toBe(m.startsWith('team.') && LEAD_REFUSED.includes(m));
  });

  it('the owner and a computer without a team: nothing', () => {
    for (const m of [...LEAD_REFUSED, ...LEAD_ALLOWED]) {
      expect(isCallRefused('owner', m), m).toBe(false);
      expect(isCallRefused(null, m), m).toBe(false);
    }
  });
});
