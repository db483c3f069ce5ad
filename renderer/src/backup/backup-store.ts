// The backup area's data module: status of automatic backups and the recovery kit, and the calls that
// change them. Screens read this store; only this module talks to the bridge for the area.
import { create } from 'zustand';
import type {
  BackupInfo,
  BackupStatus,
  BackupSummary,
  RecoveryKitCreated,
  RecoveryKitStatus,
  SafetyBackup,
} from '../../../shared/contract/backup-types.ts';
import { storageApi, vaultApi } from '../session/session-api.ts';
import { useSession } from '../stores/session-store.ts';
import { backupApi, kitApi } from './backup-api.ts';

interface BackupState {
  status: BackupStatus | null;
  kit: RecoveryKitStatus | null;
  load(): Promise<void>;
  configure(input: {
    folder: string;
    masterPassword: string;
    password: { password: string; confirm: string } | null;
  }): Promise<BackupStatus>;
  runNow(): Promise<BackupInfo>;
  /** The system folder picker (desktop app): the folder chosen, or `available: false` where there is none. */
  pickFolder(): Promise<{ available: boolean; folder: string | null }>;
  inspect(file: string, password: string): Promise<BackupSummary>;
  /** Replaces the data; the app is locked afterwards (the backup's master password opens it). */
  restore(file: string, password: string): Promise<BackupSummary>;
  createKit(masterPassword: string): Promise<RecoveryKitCreated>;
  /** Unlocks and sets the new password; answers the safety backup made before (null: none needed). */
  unlockWithRecoveryKey(recoveryKey: string, next: string, confirm: string): Promise<SafetyBackup | null>;
}

export const useBackup = create<BackupState>((set, get) => ({
  status: null,
  kit: null,

  async load() {
    const [status, kit] = await Promise.all([backupApi.status({}), kitApi.status({})]);
    set({ status, kit });
  },

  async configure(input) {
    const status = await backupApi.configure(input);
    set({ status });
    return status;
  },

  async runNow() {
    try {
      return await backupApi.run({});
    } finally {
      // Success or failure, the status (last success, last error, file list) changed.
      set({ status: await backupApi.status({}) });
    }
  },

  pickFolder: () => backupApi.pickFolder({}),

  inspect: (file, password) => backupApi.inspect({ file, password }),

  async restore(file, password) {
    const summary = await backupApi.restore({ file, password, confirm: true });
    set({ status: null, kit: null });
    await useSession.getState().refreshStatus();
    return summary;
  },

  async createKit(masterPassword) {
    const made = await kitApi.create({ masterPassword });
    set({ kit: await kitApi.status({}) });
    return made;
  },

  async unlockWithRecoveryKey(recoveryKey, next, confirm) {
    const status = await vaultApi.unlockWithRecoveryKey({ recoveryKey, next, confirm });
    useSession.setState({ status, recovery: await storageApi.getRecoveryReport({}) });
    await get().load();
    const safety = get().status?.lastSafety ?? null;
    return safety?.reason === 'before-kit-reset' ? safety : null;
  },
}));
