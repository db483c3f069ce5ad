import { z } from 'zod';
import type {
  BackupInfo,
  BackupStatus,
  BackupSummary,
  RecoveryKitCreated,
  RecoveryKitStatus,
} from '../backup-types.ts';
import { empty, password, returns } from '../spec.ts';
import type { VaultStatus } from '../types.ts';

// A path the user typed or picked; main resolves it. Never a URL, never control characters.
const filePath = z
  .string()
  .min(1)
  .max(1000)
  .refine((s) => [...s].every((ch) => ch.charCodeAt(0) >= 32) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(s));

export const backupMethods = {
  'backup.status': { request: empty, response: returns<BackupStatus>(), whileLocked: false },
  'backup.configure': {
    request: z.strictObject({
      folder: filePath,
      masterPassword: password,
      // null: the backups use the master password (the default).
      password: z.strictObject({ password, confirm: password }).nullable(),
    }),
    response: returns<BackupStatus>(),
    whileLocked: false,
  },
  'backup.run': { request: empty, response: returns<BackupInfo>(), whileLocked: false },
  // Allowed while locked: a new machine has no vault yet, and checking a file changes nothing.
  'backup.inspect': {
    request: z.strictObject({ file: filePath, password }),
    response: returns<BackupSummary>(),
    whileLocked: true,
  },
  // Allowed while locked only when no vault exists yet (first run); the service refuses otherwise.
  // `confirm`: the user saw the comparison with what is here and chose to replace it.
  'backup.restore': {
    request: z.strictObject({ file: filePath, password, confirm: z.boolean() }),
    response: returns<BackupSummary>(),
    whileLocked: true,
  },
  // The system folder picker (desktop app); `available: false` where there is none (the path is typed).
  'backup.pickFolder': {
    request: empty,
    response: returns<{ available: boolean; folder: string | null }>(),
    whileLocked: false,
  },
  'kit.status': { request: empty, response: returns<RecoveryKitStatus>(), whileLocked: true },
  'kit.create': {
    request: z.strictObject({ masterPassword: password }),
    response: returns<RecoveryKitCreated>(),
    whileLocked: false,
  },
  'vault.unlockWithRecoveryKey': {
    request: z.strictObject({ recoveryKey: z.string().min(1).max(200), next: password, confirm: password }),
    response: returns<VaultStatus>(),
    whileLocked: true,
  },
} as const;
