// The backup area's slice of the handlers: backups, restore, and the recovery kit.
import type { BackupSummary } from '../../../shared/contract/backup-types.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Handlers } from '../dispatch.ts';
import type { SessionService } from '../session/session-service.ts';
import type { BackupManifest } from './backup-format.ts';
import type { BackupService } from './backup-service.ts';

type BackupHandlers = Pick<
  Handlers,
  | 'backup.status'
  | 'backup.configure'
  | 'backup.run'
  | 'backup.inspect'
  | 'backup.restore'
  | 'kit.status'
  | 'kit.create'
  | 'vault.unlockWithRecoveryKey'
>;

const summary = (m: BackupManifest): BackupSummary => ({
  appVersion: m.appVersion,
  createdAt: m.createdAt,
  counts: m.counts,
  parts: m.parts.length,
  bytes: m.parts.reduce((n, p) => n + p.size, 0),
});

export function backupHandlers(d: {
  backup: BackupService;
  session: SessionService;
  audit: AuditLog;
  guardUsable(): void;
}): BackupHandlers {
  const { backup, session, audit } = d;
  return {
    'backup.status': () => backup.status(),
    'backup.configure': (r) =>
      backup.configure({ folder: r.folder, masterPassword: r.masterPassword, password: r.password }),
    'backup.run': () => backup.run('manual'),
    'backup.inspect': async (r) => summary(await backup.inspect(r.file, r.password)),
    'backup.restore': async (r) => summary(await backup.restore(r.file, r.password)),
    'kit.status': () => session.vault.recoveryKit(),
    'kit.create': async (r) => {
      const made = await session.vault.createRecoveryKit(r.masterPassword);
      audit.append({
        action: 'kit.created',
        object: 'vault',
        summary: '新建应急恢复包（旧的作废）/ recovery kit created (any earlier one no longer works)',
      });
      return made;
    },
    'vault.unlockWithRecoveryKey': (r) => {
      d.guardUsable();
      return session.unlockWithRecoveryKey(r.recoveryKey, r.next, r.confirm);
    },
  };
}

/**
 * Risky operations (removing many records, importing many) make a backup first when backups are set up:
 * best effort, so a missing USB disk never blocks the user's work (the failure is on the dashboard).
 */
export function backupBeforeRisky(
  handlers: Pick<Handlers, 'subaccounts.delete' | 'agents.retire' | 'staff.commitImport'>,
  backup: BackupService,
): Pick<Handlers, 'subaccounts.delete' | 'agents.retire' | 'staff.commitImport'> {
  return {
    'subaccounts.delete': (r) => {
      if (r.ids.length > 1) backup.before('before-bulk');
      return handlers['subaccounts.delete'](r);
    },
    'agents.retire': (r) => {
      if (r.mode === 'delete' && r.ids.length > 1) backup.before('before-bulk');
      return handlers['agents.retire'](r);
    },
    'staff.commitImport': (r) => {
      backup.before('before-import');
      return handlers['staff.commitImport'](r);
    },
  };
}
