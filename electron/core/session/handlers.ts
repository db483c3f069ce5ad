// Contract handlers for the app's identity and the vault session: set up, unlock, lock, change password.
import type { AppInfo } from '../../../shared/contract/types.ts';
import type { BackupService } from '../backup/backup-service.ts';
import type { Handlers } from '../dispatch.ts';
import type { ClipboardPort } from '../ports.ts';
import type { SessionService } from './session-service.ts';

type Methods = Extract<keyof Handlers, `vault.${string}` | `session.${string}` | 'app.getInfo'>;

export function sessionHandlers(d: {
  info: Pick<AppInfo, 'version' | 'platform' | 'transport' | 'dataDirSource'>;
  dataDir: string;
  clipboard: Pick<ClipboardPort, 'history'>;
  session: SessionService;
  backup: Pick<BackupService, 'before' | 'keyChanged'>;
  /** Throws when the data folder cannot be used (unlocking then would write over what is there). */
  guardUsable(): void;
}): Omit<Pick<Handlers, Methods>, 'vault.unlockWithRecoveryKey'> {
  const { session } = d;
  return {
    'app.getInfo': () => ({ ...d.info, dataDir: d.dataDir, clipboardHistory: d.clipboard.history() }),
    'vault.getStatus': () => session.status(),
    'vault.setup': (r) => {
      d.guardUsable();
      return session.setup(r.password, r.confirm, r.rememberOnDevice);
    },
    'vault.unlock': (r) => {
      d.guardUsable();
      return session.unlock(r.password);
    },
    'vault.unlockWithDevice': () => {
      d.guardUsable();
      return session.unlockWithDevice();
    },
    'vault.lock': () => session.lock('manual'),
    'vault.changePassword': async (r) => {
      d.backup.before('before-password-change');
      const status = await session.changePassword(r.current, r.next, r.confirm);
      d.backup.keyChanged('password-changed');
      return status;
    },
    'session.reportActivity': () => null,
  };
}
