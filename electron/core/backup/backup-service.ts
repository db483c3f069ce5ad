// Encrypted backups of the whole data folder: made on demand, daily while unlocked and before risky
// operations, into a folder the user picked (USB disk, NAS share, cloud-drive folder); verified and
// restored from any .swbackup file. The backup key is scrypt(backup password) (the master password
// unless the user chose another); it is kept sealed with the data key so automatic backups need no
// prompt, and re-derived when the master password changes.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BackupInfo, BackupStatus } from '../../../shared/contract/backup-types.ts';
import { AppError, errorMessages, isErrorCode } from '../../../shared/contract/errors.ts';
import { backupsToKeep } from '../../../shared/domain/backup-rotation.ts';
import { fileStamp } from '../../../shared/domain/china-time.ts';
import { backupReminder, type Reminder } from '../../../shared/domain/reminders.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { newParams, type ScryptParams } from '../crypto/kdf.ts';
import type { Clock } from '../ports.ts';
import { DocumentStore, type StorageContext } from '../storage/document-store.ts';
import { fsyncDir, storageError } from '../storage/fs-durable.ts';
import { encodeDocument } from '../storage/inspect.ts';
import type { Vault } from '../vault/vault.ts';
import {
  BACKUP_EXTENSION,
  type BackupCounts,
  type BackupManifest,
  type BackupPart,
  backupKey,
  decodeBackup,
  encodeBackup,
  headerKdf,
} from './backup-format.ts';

export const BACKUP_CONFIG = 'backup';
/** Folders in the data folder that never go into a backup: history, quarantine, replaced data. */
const NOT_BACKED_UP = /^(generations|damaged|replaced-[^/]+)\//;
const NOT_BACKED_UP_FILES = new Set(['backup.json']);
const DAY = 86_400_000;
export const OVERDUE_AFTER_MS = 2 * DAY;

const configSchema = z.strictObject({
  folder: z.string().min(1).max(1000),
  passwordMode: z.enum(['master', 'custom']),
  kdf: z.strictObject({
    algo: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: z.string().max(64),
  }),
  /** The backup key, sealed with the data key (so only an unlocked app can make a backup). */
  sealedKey: z.string().max(1000),
  lastSuccessAt: z.number().nullable(),
  lastFile: z.string().max(300).nullable(),
  lastError: z
    .strictObject({ at: z.number(), code: z.string().max(60), message: z.string().max(500) })
    .nullable(),
});
type Config = z.infer<typeof configSchema>;

export interface BackupSource {
  /** Every shop document as it is now (journal applied), by its path in the data folder. */
  shopDocuments(): Array<{ path: string; data: unknown }>;
  counts(): BackupCounts;
}

export interface BackupDeps {
  ctx: StorageContext;
  vault: Vault;
  audit: AuditLog;
  clock: Clock;
  appVersion: string;
  source: BackupSource;
  /** Swaps the data folder's content and reassembles the core (see create-core). */
  replaceData(write: () => void): Promise<void>;
  onChanged(): void;
}

const SEAL_AAD = 'shopwarden/backup-key/v1';

export class BackupService {
  private readonly doc: DocumentStore<Config>;

  constructor(private readonly d: BackupDeps) {
    this.doc = new DocumentStore(d.ctx, BACKUP_CONFIG, configSchema);
    try {
      this.doc.load();
    } catch {
      // A damaged backup config with no good generation only turns automatic backups off until set again;
      // the damage itself was reported by the store.
    }
  }

  status(): BackupStatus {
    const c = this.doc.peek();
    const now = this.d.clock.now();
    return {
      configured: !!c,
      folder: c?.folder ?? null,
      passwordMode: c?.passwordMode ?? null,
      lastSuccessAt: c?.lastSuccessAt ?? null,
      lastFile: c?.lastFile ?? null,
      lastError: c?.lastError ?? null,
      // Never succeeded yet is a failure (shown as such), not "overdue": configuring runs one at once.
      overdue: !!c && c.lastSuccessAt !== null && now - c.lastSuccessAt > OVERDUE_AFTER_MS,
      files: c ? this.listFolder(c.folder) : [],
    };
  }

  /** Sets the folder and the password; the master password is asked for again either way. */
  async configure(input: {
    folder: string;
    masterPassword: string;
    password?: { password: string; confirm: string } | null;
  }): Promise<BackupStatus> {
    if (!(await this.d.vault.verifyPassword(input.masterPassword)))
      throw new AppError('WRONG_PASSWORD', { fields: { masterPassword: 'wrong_password' } });
    const custom = input.password ?? null;
    if (custom) {
      const fields: Record<string, 'password_too_short' | 'password_mismatch'> = {};
      if (Array.from(custom.password).length < 10) fields.password = 'password_too_short';
      if (custom.password !== custom.confirm) fields.confirm = 'password_mismatch';
      if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
    }
    const folder = path.resolve(input.folder);
    this.checkFolder(folder);
    const kdf = newParams(this.d.vault.kdfCost());
    const key = await backupKey(custom?.password ?? input.masterPassword, kdf);
    const before = this.doc.peek();
    this.doc.set({
      folder,
      passwordMode: custom ? 'custom' : 'master',
      kdf,
      sealedKey: this.d.vault.sealWithKey(key.toString('base64'), SEAL_AAD),
      lastSuccessAt: before?.lastSuccessAt ?? null,
      lastFile: before?.lastFile ?? null,
      lastError: null,
    });
    key.fill(0);
    this.d.audit.append({
      action: 'backup.configured',
      object: 'backup',
      summary: `文件夹 / folder ${folder}; 密码 / password: ${custom ? 'custom' : 'master'}`,
    });
    // The first backup is made at once: a folder that turns out unusable is said now, not tomorrow.
    try {
      this.run('manual');
    } catch {
      // Recorded as lastError; the status returned shows it.
    }
    this.d.onChanged();
    return this.status();
  }

  /** After a master-password change: backups "with the master password" follow the new one. */
  async masterPasswordChanged(next: string): Promise<void> {
    const c = this.doc.peek();
    if (c?.passwordMode !== 'master') return;
    const kdf = newParams(this.d.vault.kdfCost());
    const key = await backupKey(next, kdf);
    this.doc.set({ ...c, kdf, sealedKey: this.d.vault.sealWithKey(key.toString('base64'), SEAL_AAD) });
    key.fill(0);
  }

  /** Makes a backup now into the configured folder. `reason` names what asked for it (audited). */
  run(
    reason:
      | 'manual'
      | 'daily'
      | 'before-restore'
      | 'before-password-change'
      | 'before-bulk'
      | 'before-import',
  ): BackupInfo {
    const c = this.doc.peek();
    if (!c) throw new AppError('BACKUP_NOT_CONFIGURED');
    const now = this.d.clock.now();
    try {
      this.checkFolder(c.folder);
      let key: Buffer;
      try {
        key = Buffer.from(this.d.vault.openWithKey(c.sealedKey, SEAL_AAD), 'base64');
      } catch {
        // Sealed by another vault's key (this data came from a backup of another one): set it up again.
        throw new AppError('BACKUP_NOT_CONFIGURED', { message: 'backup key does not open with this vault' });
      }
      const counts = this.d.source.counts();
      const bytes = encodeBackup(
        key,
        c.kdf,
        { appVersion: this.d.appVersion, createdAt: new Date(now).toISOString(), counts },
        this.collect(),
      );
      key.fill(0);
      // Beijing time to the minute, then milliseconds into the minute: sortable, unique per run.
      const name = `shopwarden-${fileStamp(now)}${String(now % 60_000).padStart(5, '0')}${BACKUP_EXTENSION}`;
      writeAtomically(path.join(c.folder, name), bytes);
      this.rotate(c.folder);
      this.doc.set({ ...c, lastSuccessAt: now, lastFile: name, lastError: null });
      this.d.audit.append({
        action: 'backup.created',
        object: 'backup',
        summary: `${reason}: ${name}, ${bytes.length} bytes`,
      });
      this.d.onChanged();
      return { file: name, createdAt: now, size: bytes.length, counts };
    } catch (err) {
      const e = err instanceof AppError ? err : storageError(err, 'backup');
      try {
        this.doc.set({ ...c, lastError: { at: now, code: e.code, message: e.message.slice(0, 500) } });
      } catch {
        // The failure itself is still returned to the caller and shown; nothing else to do here.
      }
      this.d.onChanged();
      throw e;
    }
  }

  /** A backup before an operation that replaces or removes much: best effort, never blocks the operation. */
  before(reason: 'before-restore' | 'before-password-change' | 'before-bulk' | 'before-import'): void {
    if (!this.doc.peek() || !this.d.vault.isUnlocked) return;
    try {
      this.run(reason);
    } catch {
      // Recorded in lastError and shown on the dashboard; the user's operation goes ahead.
    }
  }

  /** Daily while unlocked: runs when the last success is a day old. */
  dueNow(): boolean {
    const c = this.doc.peek();
    return (
      !!c &&
      this.d.vault.isUnlocked &&
      (c.lastSuccessAt === null || this.d.clock.now() - c.lastSuccessAt >= DAY)
    );
  }

  private timer: ReturnType<Clock['setTimeout']> | null = null;

  /** Checked at every unlock and then every hour while the app runs. */
  tickNow(): void {
    this.stop();
    if (this.dueNow()) {
      try {
        this.run('daily');
      } catch {
        // Recorded in lastError: the dashboard reminder and an OS notification say so.
      }
    }
    this.timer = this.d.clock.setTimeout(() => this.tickNow(), 3600_000);
  }

  stop(): void {
    if (this.timer) this.d.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** 校验备份: opens the file and checks every part, without restoring anything. */
  async inspect(file: string, password: string): Promise<BackupManifest> {
    return (await this.open(file, password)).manifest;
  }

  /**
   * 从备份恢复: allowed on a first run (no vault yet) or when unlocked. The current data (if any) is backed
   * up first and moved aside to replaced-<time>/ in the data folder, never deleted; then the backup's
   * files are written and the core reads them afresh (locked: the backup's master password opens it).
   */
  async restore(file: string, password: string): Promise<BackupManifest> {
    if (this.d.vault.state === 'locked') throw new AppError('RESTORE_NEEDS_UNLOCK');
    const { manifest, parts } = await this.open(file, password);
    this.before('before-restore');
    const dataDir = this.d.ctx.dataDir;
    const now = this.d.clock.now();
    const asideName = `replaced-${fileStamp(now)}-${now % 100_000}`;
    this.d.audit.append({
      action: 'backup.restored',
      object: 'backup',
      summary: `${path.basename(file)} (${manifest.createdAt}); 原数据移至 / current data moved to ${asideName}`,
    });
    await this.d.replaceData(() => {
      const aside = path.join(dataDir, asideName);
      const existing = fs.readdirSync(dataDir).filter((f) => !f.startsWith('replaced-'));
      if (existing.length > 0) {
        fs.mkdirSync(aside, { mode: 0o700 });
        for (const f of existing) fs.renameSync(path.join(dataDir, f), path.join(aside, f));
      }
      // Automatic backups keep going to the same folder (this machine's setting, not the backup's).
      const config = path.join(aside, `${BACKUP_CONFIG}.json`);
      if (fs.existsSync(config)) fs.copyFileSync(config, path.join(dataDir, `${BACKUP_CONFIG}.json`));
      // Each file written and flushed under a temporary name, then renamed; each folder made durable once.
      const dirs = new Set<string>([dataDir]);
      for (const p of parts) {
        const dest = path.join(dataDir, p.path);
        fs.mkdirSync(path.dirname(dest), { recursive: true, mode: 0o700 });
        const tmp = `${dest}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, p.bytes, { mode: 0o600, flush: true });
        fs.renameSync(tmp, dest);
        dirs.add(path.dirname(dest));
      }
      for (const d of dirs) fsyncDir(d);
    });
    return manifest;
  }

  private async open(
    file: string,
    password: string,
  ): Promise<{ manifest: BackupManifest; parts: BackupPart[] }> {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(path.resolve(file));
    } catch {
      throw new AppError('NOT_FOUND', { message: `cannot read ${file}` });
    }
    const kdf = headerKdf(bytes);
    const key = await backupKey(password, kdf);
    try {
      return decodeBackup(bytes, key);
    } finally {
      key.fill(0);
    }
  }

  /** The data folder as it is now: documents as on disk, each shop as one snapshot with its journal applied. */
  private collect(): BackupPart[] {
    const dataDir = this.d.ctx.dataDir;
    const parts: BackupPart[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const abs = path.join(dir, e.name);
        const rel = path.relative(dataDir, abs).split(path.sep).join('/');
        if (e.isDirectory()) {
          if (!NOT_BACKED_UP.test(`${rel}/`)) walk(abs);
          continue;
        }
        if (NOT_BACKED_UP_FILES.has(rel) || rel.endsWith('.tmp') || rel.includes('.tmp-')) continue;
        if (rel.startsWith('shops/')) continue;
        let bytes: Buffer = fs.readFileSync(abs);
        // A device-bound key means nothing on another machine: the restored vault asks for the password.
        if (rel === 'vault.json') bytes = withoutDeviceKey(bytes, this.d.clock.now());
        // Attachments are sealed with the data key already (random names, ciphertext contents).
        parts.push({ path: rel, bytes, sealed: rel.startsWith('attachments/') });
      }
    };
    walk(dataDir);
    const stamp = new Date(this.d.clock.now()).toISOString();
    for (const s of this.d.source.shopDocuments())
      parts.push({ path: s.path, bytes: Buffer.from(encodeDocument(s.data, stamp), 'utf8') });
    return parts;
  }

  private listFolder(folder: string): Array<{ file: string; size: number; modifiedAt: number }> {
    try {
      return fs
        .readdirSync(folder)
        .filter((f) => f.endsWith(BACKUP_EXTENSION))
        .map((f) => {
          const st = fs.statSync(path.join(folder, f));
          return { file: path.join(folder, f), size: st.size, modifiedAt: st.mtimeMs };
        })
        .sort((a, b) => b.modifiedAt - a.modifiedAt);
    } catch {
      return [];
    }
  }

  private rotate(folder: string): void {
    // Only files this app named are ever deleted; when each was made is read from its name.
    const files = fs
      .readdirSync(folder)
      .map((name) => ({ name, createdAt: createdFromName(name) }))
      .filter((f): f is { name: string; createdAt: number } => f.createdAt !== null);
    const keep = backupsToKeep(files, this.d.clock.now());
    for (const f of files) if (!keep.has(f.name)) fs.rmSync(path.join(folder, f.name), { force: true });
  }

  private checkFolder(folder: string): void {
    try {
      fs.accessSync(folder, fs.constants.W_OK);
      if (!fs.statSync(folder).isDirectory()) throw new Error('not a folder');
    } catch {
      throw new AppError('BACKUP_FOLDER_UNAVAILABLE', { details: { folder } });
    }
  }
}

/** The dashboard's view of backups: a failure since the last success, or no success for too long. */
export function backupReminders(s: BackupStatus): Reminder[] {
  if (!s.configured) return [];
  if (s.lastError && (s.lastSuccessAt === null || s.lastError.at > s.lastSuccessAt))
    return [
      backupReminder({ kind: 'backup-failed', dueAt: s.lastError.at, detail: describe(s.lastError.code) }),
    ];
  if (s.overdue && s.lastSuccessAt !== null) {
    return [
      backupReminder({
        kind: 'backup-overdue',
        dueAt: s.lastSuccessAt + OVERDUE_AFTER_MS,
        detail: s.folder ?? '',
      }),
    ];
  }
  return [];
}

const describe = (code: string) =>
  isErrorCode(code) ? `${errorMessages[code].zh} / ${errorMessages[code].en}` : code;

/** shopwarden-YYYYMMDDHHmm + milliseconds into the minute (Beijing time) → epoch ms; null for other names. */
function createdFromName(name: string): number | null {
  const m = /^shopwarden-(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{5})\.swbackup$/.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, ms] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!) - 8 * 3600_000 + ms!;
}

function withoutDeviceKey(bytes: Buffer, now: number): Buffer {
  const doc = JSON.parse(bytes.toString('utf8')) as { data: Record<string, unknown> };
  return Buffer.from(encodeDocument({ ...doc.data, deviceKey: null }, new Date(now).toISOString()), 'utf8');
}

/** Temp file, fsync, rename, fsync the folder: a half-written backup never carries the final name. */
function writeAtomically(file: string, bytes: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, bytes, { mode: 0o600, flush: true });
    fs.renameSync(tmp, file);
    fsyncDir(path.dirname(file));
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw storageError(err, `writing ${path.basename(file)}`);
  }
}

export type { ScryptParams };
