// What the backup and recovery-kit calls return.

export interface BackupCountsView {
  shops: number;
  subAccounts: number;
  staff: number;
  cases: number;
  drafts: number;
  attachments: number;
  auditEntries: number;
}

export interface BackupInfo {
  file: string;
  createdAt: number;
  size: number;
  counts: BackupCountsView;
}

export interface BackupStatus {
  configured: boolean;
  folder: string | null;
  passwordMode: 'master' | 'custom' | null;
  lastSuccessAt: number | null;
  lastFile: string | null;
  lastError: { at: number; code: string; message: string } | null;
  /** Configured, and no success for more than two days. */
  overdue: boolean;
  /** Backup files in the folder, newest first (full paths), each with what opens it. */
  files: BackupFileView[];
  /** Safety backups made on this computer before an import, a restore, a kit reset or a team join. */
  safety: BackupFileView[];
  /** The newest safety backup and what it was made before (said in the result of that operation). */
  lastSafety: SafetyBackup | null;
}

export interface BackupFileView {
  file: string;
  size: number;
  modifiedAt: number;
  /** What opens it, read from its header; null when the header cannot be read (damaged). */
  opensWith: OpensWithView | null;
}

/** Which secrets open a backup, as the list says it. */
export interface OpensWithView {
  /** The master password of today opens it; false: only an earlier one (or the kit). */
  currentMaster: boolean;
  /** When the recovery kit that opens it was made; null when none does. */
  kitCreatedAt: string | null;
  /** That kit is the one the vault has now. */
  currentKit: boolean;
  custom: boolean;
  /** Made by another vault (not the one here). */
  otherVault: boolean;
}

export type SafetyReason = 'before-import' | 'before-restore' | 'before-kit-reset' | 'before-join';

export interface SafetyBackup {
  file: string;
  reason: SafetyReason;
  createdAt: number;
}

/** What a backup file holds, read and checked without restoring it. */
export interface BackupSummary {
  appVersion: string;
  createdAt: string;
  /** The computer it was made on (older backups: null). */
  device: string | null;
  counts: BackupCountsView;
  parts: number;
  bytes: number;
  /** What is here now, to compare before restoring (null on a first run: nothing here). */
  current: BackupCountsView | null;
  /** The backup is of this vault; false: of another one; null: nothing here to compare. */
  sameVault: boolean | null;
  /** The backup holds fewer shops, sub-accounts, staff or cases than are here now. */
  holdsLess: boolean;
  /** After a restore: the safety backup that keeps what was replaced (restorable like any other). */
  safetyBackup: string | null;
}

export interface RecoveryKitStatus {
  exists: boolean;
  createdAt: string | null;
}

/** Shown once: the key itself, grouped for typing. */
export interface RecoveryKitCreated {
  key: string;
  createdAt: string;
}
