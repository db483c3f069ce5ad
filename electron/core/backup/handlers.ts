// The backup area's slice of the handlers: backups, restore, and the recovery kit.
import type { AuditLog } from '../audit/audit-log.ts';
import type { Handlers } from '../dispatch.ts';
import type { FolderPicker } from '../ports.ts';
import type { SessionService } from '../session/session-service.ts';
import type { BackupService } from './backup-service.ts';

type BackupHandlers = Pick<
  Handlers,
  | 'backup.status'
  | 'backup.configure'
  | 'backup.run'
  | 'backup.inspect'
  | 'backup.restore'
  | 'backup.pickFolder'
  | 'kit.status'
  | 'kit.create'
  | 'vault.unlockWithRecoveryKey'
>;

export function backupHandlers(d: {
  backup: BackupService;
  session: SessionService;
  audit: AuditLog;
  guardUsable(): void;
  folderPicker?: FolderPicker | undefined;
}): BackupHandlers {
  const { backup, session, audit } = d;
  return {
    'backup.status': () => backup.status(),
    'backup.configure': (r) =>
      backup.configure({ folder: r.folder, masterPassword: r.masterPassword, password: r.password }),
    'backup.run': () => backup.run('manual'),
    'backup.inspect': (r) => backup.inspect(r.file, r.password),
    'backup.restore': (r) => backup.restore(r.file, r.password, r.confirm),
    'backup.pickFolder': async () =>
      d.folderPicker
        ? { available: true, folder: await d.folderPicker.pickFolder() }
        : { available: false, folder: null },
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
    'vault.unlockWithRecoveryKey': async (r) => {
      d.guardUsable();
      // What was here is kept first, under the old password, before the new one replaces it.
      const status = await session.unlockWithRecoveryKey(r.recoveryKey, r.next, r.confirm, (key) => {
        backup.safetyBackup('before-kit-reset', key);
      });
      backup.keyChanged('kit-reset');
      return status;
    },
  };
}

/**
 * Bulk removals make a best-effort backup first when backups are set up: a missing USB disk never blocks the
 * user's work (the failure is on the dashboard). Imports, a restore, a kit reset and a team join go through
 * the one safety-backup path instead (BackupService.safetyBackup): made, verified and named, or no change.
 */
export function backupBeforeRisky(
  handlers: Pick<Handlers, 'subaccounts.delete' | 'agents.retire'>,
  backup: BackupService,
): Pick<Handlers, 'subaccounts.delete' | 'agents.retire'> {
  return {
    'subaccounts.delete': (r) => {
      if (r.ids.length > 1) backup.before('before-bulk');
      return handlers['subaccounts.delete'](r);
    },
    'agents.retire': (r) => {
      if (r.mode === 'delete' && r.ids.length > 1) backup.before('before-bulk');
      return handlers['agents.retire'](r);
    },
  };
}
