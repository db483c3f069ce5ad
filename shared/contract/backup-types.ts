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
  /** Backup files in the folder, newest first (full paths). */
  files: Array<{ file: string; size: number; modifiedAt: number }>;
}

/** What a backup file holds, read and checked without restoring it. */
export interface BackupSummary {
  appVersion: string;
  createdAt: string;
  counts: BackupCountsView;
  parts: number;
  bytes: number;
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
