// Response and event payload types. Requests are zod schemas in methods.ts; responses are produced by our
// own core, so a type is enough for them.

export type Language = 'zh-CN' | 'en-US';

export type LockReason = 'start' | 'manual' | 'idle' | 'suspend' | 'screen-lock' | 'quit';

export type VaultState = 'uninitialized' | 'locked' | 'unlocked' | 'unrecoverable';

export interface VaultStatus {
  state: VaultState;
  /** Remembered on this device and not yet used in this run: a cold start may skip the password. */
  deviceUnlockAvailable: boolean;
  rememberSupported: boolean;
  /** How long unlock attempts stay refused, in ms from now (relative, so clock skew cannot matter), or null. */
  retryAfterMs: number | null;
  lockReason: LockReason | null;
}

export interface Settings {
  autoLockMinutes: number;
  clipboardSeconds: number;
  language: Language;
  rememberOnDevice: boolean;
}

export type CorruptionKind =
  | 'empty'
  | 'nul-filled'
  | 'truncated'
  | 'not-json'
  | 'schema'
  | 'checksum'
  | 'authentication'
  | 'missing'
  /** A last write that never finished (a crash or power cut mid-append): it was never acknowledged. */
  | 'torn-tail'
  /** The file is shorter than its anchor says: its newest entries are missing. */
  | 'anchor'
  /** An import stopped between two shop files (crash, power cut); it was completed at the next start. */
  | 'interrupted-import'
  /** A restore from a backup stopped midway (crash, power cut, full disk); it was undone at the next start. */
  | 'interrupted-restore';

export interface RecoveryEvent {
  /** File name relative to the data folder. */
  file: string;
  problem: CorruptionKind;
  /** Where the bad file was moved, relative to the data folder. It is never deleted. */
  movedTo: string;
  /** The generation restored, relative to the data folder, or null when none was good. */
  restoredFrom: string | null;
  /** When the restored generation had been written (ISO), or null. */
  restoredVersionAt: string | null;
  at: string;
  /** Changes re-applied on top of the restored version (from the journal that followed it). */
  replayed?: number;
  /** What could not be recovered: record names, or "line N" where even the name is unreadable. */
  lost?: string[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  action: string;
  object: string;
  summary: string;
  prev: string;
  hash: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
}

export type AuditVerifyResult =
  | { ok: true; count: number }
  | {
      ok: false;
      count: number;
      brokenAt: number;
      /** 'anchor': the newest entries are gone (the file is shorter than its anchored head). */
      reason: 'hash-mismatch' | 'chain-break' | 'unreadable' | 'anchor';
    };

export interface AppInfo {
  version: string;
  platform: string;
  dataDir: string;
  /** 'env' when SHOPWARDEN_DATA_DIR chose the folder: Settings says so, since it is not the usual place. */
  dataDirSource?: 'env' | 'default';
  transport: 'electron' | 'http';
  /** Whether copied secrets are kept out of the OS clipboard history. */
  clipboardHistory: 'excluded' | 'not-excludable' | 'no-history';
}

export interface RevealedSecret {
  value: string;
  hideAfterMs: number;
}

export interface CopiedSecret {
  clearAfterMs: number;
}
