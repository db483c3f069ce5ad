// Encrypted backups of the whole data folder: made on demand, daily (locked or not) and before risky
// operations, into a folder the user picked (USB disk, NAS share, cloud-drive folder); verified and
// restored from any .swbackup file. A backup is sealed to the vault's backup key pair (backup-keys.ts), so
// making one needs no password and no unlock, and each file opens with the master password of its day,
// the recovery kit, or the custom backup password. Before an operation that replaces or bulk-changes data
// (import, restore, kit reset, team join) one path makes a safety backup here, verifies it and names it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type {
  BackupCountsView,
  BackupFileView,
  BackupInfo,
  BackupStatus,
  BackupSummary,
  OpensWithView,
  SafetyBackup,
  SafetyReason,
} from '../../../shared/contract/backup-types.ts';
import { AppError, errorMessages, isErrorCode } from '../../../shared/contract/errors.ts';
import { backupsToKeep } from '../../../shared/domain/backup-rotation.ts';
import { fileStamp } from '../../../shared/domain/china-time.ts';
import { backupReminder, type Reminder } from '../../../shared/domain/reminders.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { deriveKey, newParams, type ScryptParams } from '../crypto/kdf.ts';
import type { Clock } from '../ports.ts';
import { DocumentStore, type StorageContext } from '../storage/document-store.ts';
import { fsyncDir, storageError, writeAll } from '../storage/fs-durable.ts';
import { encodeDocument } from '../storage/inspect.ts';
import type { Vault } from '../vault/vault.ts';
import {
  BACKUP_EXTENSION,
  type BackupCounts,
  type BackupManifest,
  type BackupPart,
  encodeBackupChunks,
  openBackup,
  opensWith,
  parseHeader,
  readHeader,
} from './backup-format.ts';
import {
  newRecipient,
  openContentKey,
  openRecipient,
  type Recipient,
  recipientSchema,
  sealPrivateForCustom,
  vaultFingerprint,
} from './backup-keys.ts';
import { type RestoreHooks, replaceDataFolder } from './restore-intent.ts';

export const BACKUP_CONFIG = 'backup';
export const BACKUP_KEY_DOC = 'backup-key';
/** Safety backups, in the data folder (never inside another backup). */
export const SAFETY_DIR = 'safety';
const SAFETY_KEPT = 5;
/** Folders in the data folder that never go into a backup: history, quarantine, replaced data, safety. */
const NOT_BACKED_UP = /^(generations|damaged|safety|replaced-[^/]+)\//;
const NOT_BACKED_UP_FILES = new Set(['backup.json', 'restore-intent.json']);
const DAY = 86_400_000;
export const OVERDUE_AFTER_MS = 2 * DAY;

const configSchema = z.strictObject({
  folder: z.string().min(1).max(1000),
  passwordMode: z.enum(['master', 'custom']),
  /**
   * Custom backup password: the backup private key under scrypt(that password), and which public key it
   * belongs to (after a restore of another vault it no longer does, and is dropped).
   */
  custom: z
    .strictObject({
      kdf: z.strictObject({
        algo: z.literal('scrypt'),
        N: z.number().int(),
        r: z.number().int(),
        p: z.number().int(),
        salt: z.string().max(64),
      }),
      wrapped: z.string().max(600),
      for: z.string().max(64),
    })
    .nullable()
    .optional(),
  // Format 1 configs held a backup key sealed with the data key; read, no longer used.
  kdf: z.unknown().optional(),
  sealedKey: z.string().max(1000).optional(),
  lastSuccessAt: z.number().nullable(),
  lastFile: z.string().max(300).nullable(),
  lastError: z
    .strictObject({ at: z.number(), code: z.string().max(60), message: z.string().max(500) })
    .nullable(),
});
type Config = z.infer<typeof configSchema>;

export interface BackupSource {
  /** What the screens count now (shops, sub-accounts, staff, cases…), for the manifest and the comparison. */
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
  /** The computer's name, written into each backup (os.hostname() unless a test gives one). */
  device?: string;
}

type RunReason = 'manual' | 'daily' | 'before-password-change' | 'before-bulk' | 'key-changed' | SafetyReason;

const identitySchema = recipientSchema;

export class BackupService {
  private readonly doc: DocumentStore<Config>;
  private readonly identity: DocumentStore<Recipient>;
  /**
   * SHA-256 of each attachment already hashed this session, by path, with the file's identity then. An
   * attachment is written once under a random name and never changed in place, so a later backup reuses the
   * hash of a file whose inode, size and modification time are unchanged instead of reading it twice.
   */
  private readonly attachmentHashes = new Map<string, { id: string; sha256: string }>();

  constructor(private readonly d: BackupDeps) {
    this.doc = new DocumentStore(d.ctx, BACKUP_CONFIG, configSchema);
    this.identity = new DocumentStore(d.ctx, BACKUP_KEY_DOC, identitySchema);
    for (const store of [this.doc, this.identity])
      try {
        store.load();
      } catch {
        // Damaged with no good generation: the config turns automatic backups off until set again; the key
        // pair is made anew at the next unlock. The damage itself was reported by the store.
      }
  }

  status(): BackupStatus {
    const c = this.doc.peek();
    const now = this.d.clock.now();
    const safety = this.listFolder(this.safetyDir());
    return {
      configured: !!c,
      folder: c?.folder ?? null,
      passwordMode: c ? (c.custom ? 'custom' : 'master') : null,
      lastSuccessAt: c?.lastSuccessAt ?? null,
      lastFile: c?.lastFile ?? null,
      lastError: c?.lastError ?? null,
      // Never succeeded yet is a failure (shown as such), not "overdue": configuring runs one at once.
      overdue: !!c && c.lastSuccessAt !== null && now - c.lastSuccessAt > OVERDUE_AFTER_MS,
      files: c ? this.listFolder(c.folder) : [],
      safety,
      lastSafety: safety[0] ? safetyOf(safety[0]) : null,
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
    const recipient = this.ensureIdentity();
    let customSlot: Config['custom'] = null;
    if (custom) {
      const kdf = newParams(this.d.vault.kdfCost());
      const kek = await deriveKey(custom.password, kdf);
      customSlot = {
        kdf,
        wrapped: sealPrivateForCustom(kek, this.d.vault.dataKey(), recipient.sealedPrivate),
        for: recipient.publicKey,
      };
      kek.fill(0);
    }
    const before = this.doc.peek();
    this.doc.set({
      folder,
      passwordMode: custom ? 'custom' : 'master',
      custom: customSlot,
      lastSuccessAt: before?.lastSuccessAt ?? null,
      lastFile: before?.lastFile ?? null,
      lastError: null,
    });
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

  /**
   * The one path after the vault's key changed hands: a new master password, a kit reset, a restore. The
   * backup key pair must open with the data key here (after a restore of another vault it is made anew,
   * and a custom password bound to the old one is dropped), and a backup is made at once so the newest
   * one opens with today's password. Older files keep opening with their own day's password or the kit:
   * that is what the returned words say.
   */
  keyChanged(why: 'password-changed' | 'kit-reset' | 'restored'): { zh: string; en: string } {
    this.ensureIdentity();
    const c = this.doc.peek();
    if (c) {
      try {
        this.run('key-changed');
      } catch {
        // Recorded in lastError and shown on the dashboard.
      }
    }
    this.d.audit.append({
      action: 'backup.keyChanged',
      object: 'backup',
      summary: `${why}: 旧备份仍可用当时的主密码或应急恢复包打开 / older backups still open with the master password of their day or the recovery kit`,
    });
    return {
      zh: '之前的备份仍可用当时的主密码或应急恢复包打开；新的备份使用现在的主密码。',
      en: 'Earlier backups still open with the master password of their day or the recovery kit; new ones use the current master password.',
    };
  }

  /** At each unlock: the key pair exists and opens here (made anew after a restore of another vault). */
  unlocked(): void {
    this.ensureIdentity();
    this.tickNow();
  }

  private ensureIdentity(): Recipient {
    const key = this.d.vault.dataKey();
    const have = this.identity.peek();
    const pair = have && openRecipient(key, have.sealedPrivate) ? have : newRecipient(key);
    if (pair !== have) this.identity.set(pair);
    const c = this.doc.peek();
    // A custom password sealed another pair's private key (a new pair, or a restore of another vault's
    // backup): it cannot open backups made from now on, so the list stops saying it does.
    if (c?.custom && c.custom.for !== pair.publicKey)
      this.doc.set({ ...c, passwordMode: 'master', custom: null });
    return pair;
  }

  /** Makes a backup now into the configured folder. `reason` names what asked for it (audited). */
  run(reason: RunReason): BackupInfo {
    const c = this.doc.peek();
    if (!c) throw new AppError('BACKUP_NOT_CONFIGURED');
    const now = this.d.clock.now();
    try {
      this.checkFolder(c.folder);
      // Two backups in one millisecond (before and after a password change) never share a name.
      let at = now;
      const nameAt = (t: number) =>
        `shopwarden-${fileStamp(t)}${String(t % 60_000).padStart(5, '0')}${BACKUP_EXTENSION}`;
      while (fs.existsSync(path.join(c.folder, nameAt(at)))) at++;
      const name = nameAt(at);
      const made = this.write(path.join(c.folder, name), now);
      this.rotate(c.folder);
      this.doc.set({ ...c, lastSuccessAt: now, lastFile: name, lastError: null });
      this.d.audit.append({
        action: 'backup.created',
        object: 'backup',
        summary: `${reason}: ${name}, ${made.size} bytes`,
      });
      this.d.onChanged();
      return { file: name, createdAt: now, size: made.size, counts: made.counts };
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

  /** Encodes the data folder as it is now and writes it durably to `file`. Needs no unlock. */
  private write(file: string, now: number): { size: number; counts: BackupCounts } {
    const recipient = this.identity.peek();
    const slots = this.d.vault.keySlots();
    if (!recipient || !slots) throw new AppError('BACKUP_NEEDS_UNLOCK');
    const c = this.doc.peek();
    const custom = c?.custom && c.custom.for === recipient.publicKey ? c.custom : null;
    const locked = !this.d.vault.isUnlocked;
    const counts = this.countsNow();
    const chunks = encodeBackupChunks(
      {
        recipient,
        slots,
        custom: custom ? { kdf: custom.kdf as ScryptParams, wrapped: custom.wrapped } : null,
      },
      {
        appVersion: this.d.appVersion,
        createdAt: new Date(now).toISOString(),
        device: this.d.device ?? os.hostname(),
        locked,
        counts,
      },
      this.collect(),
    );
    writeAtomically(file, chunks);
    return { size: chunks.reduce((n, c) => n + c.length, 0), counts };
  }

  private countsNow(): BackupCounts {
    try {
      return this.d.source.counts();
    } catch {
      // Locked, some areas cannot count: the files are what the backup holds either way.
      return { shops: 0, subAccounts: 0, staff: 0, cases: 0, drafts: 0, attachments: 0, auditEntries: 0 };
    }
  }

  /**
   * The one path before an operation that replaces or bulk-changes data: a backup into the data folder's
   * safety/ folder, read back and opened with the data key (`dataKey`, given by a kit reset that holds
   * it before the vault does), and named to the caller. When it cannot be made or does not verify, the
   * operation does not run (BACKUP_SAFETY_FAILED). A first run with nothing here needs none (null).
   */
  safetyBackup(reason: SafetyReason, dataKey?: Buffer): SafetyBackup | null {
    if (this.d.vault.state === 'uninitialized') return null;
    const now = this.d.clock.now();
    const dir = this.safetyDir();
    let at = now;
    const nameAt = (t: number) =>
      `safety-${fileStamp(t)}${String(t % 60_000).padStart(5, '0')}-${reason}${BACKUP_EXTENSION}`;
    while (fs.existsSync(path.join(dir, nameAt(at)))) at++;
    const name = nameAt(at);
    const file = path.join(dir, name);
    try {
      if (!this.identity.peek() && dataKey) this.identity.set(newRecipient(dataKey));
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      this.write(file, now);
      this.verifyWith(dataKey ?? this.d.vault.dataKey(), file);
      this.rotateSafety(dir);
    } catch (err) {
      try {
        fs.rmSync(file, { force: true });
      } catch {
        // Nothing was written there (the folder itself could not be made).
      }
      const code = err instanceof AppError ? err.code : 'STORAGE_WRITE_FAILED';
      throw new AppError('BACKUP_SAFETY_FAILED', { details: { cause: code } });
    }
    this.d.audit.append({ action: 'backup.safety', object: 'backup', summary: `${reason}: ${name}` });
    this.d.onChanged();
    return { file, reason, createdAt: now };
  }

  /** Reads a file just written and opens every part with the data key: no password, no key derivation. */
  private verifyWith(dataKey: Buffer, file: string): void {
    const bytes = fs.readFileSync(file);
    const read = readHeader(bytes);
    if (read.header.format !== 2) throw new AppError('BACKUP_DAMAGED');
    const priv = openRecipient(dataKey, read.header.priv);
    const key = priv && openContentKey(priv, read.header.to, read.header.epk, read.header.wrapped);
    if (!key) throw new AppError('BACKUP_DAMAGED');
    key.fill(0);
  }

  /** A backup before a change of the master password or a bulk delete: best effort, never blocks it. */
  before(reason: 'before-password-change' | 'before-bulk'): void {
    if (!this.doc.peek()) return;
    try {
      this.run(reason);
    } catch {
      // Recorded in lastError and shown on the dashboard; the user's operation goes ahead.
    }
  }

  /** For the fault suite: runs between moving the old data aside and writing the backup's files. */
  restoreHooks: RestoreHooks = {};

  /** Daily, locked or not: runs when the last success is a day old. */
  dueNow(): boolean {
    const c = this.doc.peek();
    return (
      !!c &&
      this.d.vault.state !== 'uninitialized' &&
      (c.lastSuccessAt === null || this.d.clock.now() - c.lastSuccessAt >= DAY)
    );
  }

  private timer: ReturnType<Clock['setTimeout']> | null = null;

  /** Checked at start, at every unlock and then every hour while the app runs, locked or not. */
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

  /** 校验备份: opens the file and checks every part, and compares it with what is here, without restoring. */
  async inspect(file: string, password: string): Promise<BackupSummary> {
    return this.summarise((await this.open(file, password)).opened, null);
  }

  /**
   * 从备份恢复: allowed on a first run (no vault yet) or when unlocked, and only once the user has seen the
   * comparison and confirmed. What is here is kept first as a verified safety backup (restorable like any
   * other; the result names it) and moved aside to replaced-<time>/; then the backup's files are written
   * and the core reads them afresh (locked: the backup's master password opens it).
   */
  async restore(
    file: string,
    password: string,
    confirmed: boolean,
    kdfs?: { count: number },
  ): Promise<BackupSummary> {
    if (this.d.vault.state === 'locked') throw new AppError('RESTORE_NEEDS_UNLOCK');
    if (!confirmed) throw new AppError('RESTORE_NOT_CONFIRMED');
    const { opened } = await this.open(file, password, kdfs);
    const { manifest, parts } = opened;
    const summary = this.summarise(opened, null);
    const safety = this.safetyBackup('before-restore');
    const dataDir = this.d.ctx.dataDir;
    const now = this.d.clock.now();
    // Never an existing folder's name: two restores in one minute each keep their own replaced data.
    let asideName = `replaced-${fileStamp(now)}-${now % 100_000}`;
    for (let n = 2; fs.existsSync(path.join(dataDir, asideName)); n++)
      asideName = `replaced-${fileStamp(now)}-${now % 100_000}-${n}`;
    this.d.audit.append({
      action: 'backup.restored',
      object: 'backup',
      summary: `${path.basename(file)} (${manifest.createdAt}); 原数据已备份 / current data kept in ${safety ? path.basename(safety.file) : '-'}`,
    });
    try {
      await this.d.replaceData(() =>
        // Automatic backups keep going to the same folder (this machine's setting, not the backup's).
        replaceDataFolder(
          dataDir,
          asideName,
          parts,
          [`${BACKUP_CONFIG}.json`],
          new Date(now),
          this.restoreHooks,
        ),
      );
    } catch (err) {
      // Rolled back: the data is as it was; the safety backup made above stays.
      throw storageError(err, 'restore');
    }
    return { ...summary, safetyBackup: safety?.file ?? null };
  }

  private summarise(
    opened: {
      manifest: BackupManifest;
      parts: BackupPart[];
      header: ReturnType<typeof readHeader>['header'];
    },
    safetyBackup: string | null,
  ): BackupSummary {
    const m = opened.manifest;
    const here = this.d.vault.state === 'uninitialized' ? null : this.countsNow();
    const current = here && this.d.vault.isUnlocked ? here : null;
    const mine =
      this.identity.peek()?.vault ??
      (this.d.vault.isUnlocked ? vaultFingerprint(this.d.vault.dataKey()) : null);
    const theirs = opened.header.format === 2 ? opened.header.vault : null;
    return {
      appVersion: m.appVersion,
      createdAt: m.createdAt,
      device: m.device ?? null,
      counts: m.counts,
      parts: m.parts.length,
      bytes: m.parts.reduce((n, p) => n + p.size, 0),
      current,
      sameVault: current === null || mine === null || theirs === null ? null : mine === theirs,
      holdsLess: current !== null && holdsLess(m.counts, current),
      safetyBackup,
    };
  }

  private async open(file: string, password: string, kdfs?: { count: number }) {
    const where = path.resolve(file);
    let head: Buffer;
    let size: number;
    try {
      head = Buffer.alloc(16_384);
      const fd = fs.openSync(where, 'r');
      try {
        head = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0));
        size = fs.fstatSync(fd).size;
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      throw new AppError('NOT_FOUND', { message: `cannot read ${file}` });
    }
    // The whole file is read while the key is derived (both run off the main thread).
    const whole = fs.promises.readFile(where);
    whole.catch(() => {});
    return { opened: await openBackup(head, password, kdfs, { size, whole }) };
  }

  /** The data folder as it is now, file by file as on disk (shop journals with their documents). */
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
        // Attachments are sealed with the data key already (random names, ciphertext contents).
        if (rel.startsWith('attachments/')) {
          parts.push(this.attachmentPart(abs, rel));
          continue;
        }
        let bytes: Buffer = fs.readFileSync(abs);
        // A device-bound key means nothing on another machine: the restored vault asks for the password.
        if (rel === 'vault.json') bytes = withoutDeviceKey(bytes, this.d.clock.now());
        parts.push({ path: rel, bytes });
      }
    };
    walk(dataDir);
    return parts;
  }

  /** An attachment as a part, read through one descriptor so its identity and bytes are of the same file. */
  private attachmentPart(abs: string, rel: string): BackupPart {
    const fd = fs.openSync(abs, 'r');
    try {
      const st = fs.fstatSync(fd, { bigint: true });
      const id = `${st.ino}/${st.size}/${st.mtimeNs}/${st.ctimeNs}`;
      const bytes = fs.readFileSync(fd);
      const known = this.attachmentHashes.get(rel);
      if (known?.id === id) return { path: rel, bytes, sealed: true, sha256: known.sha256 };
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      this.attachmentHashes.set(rel, { id, sha256 });
      return { path: rel, bytes, sealed: true, sha256 };
    } finally {
      fs.closeSync(fd);
    }
  }

  private safetyDir(): string {
    return path.join(this.d.ctx.dataDir, SAFETY_DIR);
  }

  private listFolder(folder: string): BackupFileView[] {
    try {
      return fs
        .readdirSync(folder)
        .filter((f) => f.endsWith(BACKUP_EXTENSION))
        .map((f) => {
          const st = fs.statSync(path.join(folder, f));
          return {
            file: path.join(folder, f),
            size: st.size,
            modifiedAt: st.mtimeMs,
            opensWith: this.opensWithView(path.join(folder, f)),
          };
        })
        .sort((a, b) => b.modifiedAt - a.modifiedAt);
    } catch {
      return [];
    }
  }

  /** What opens a file, from its first bytes (its header), compared with this vault's password and kit. */
  private opensWithView(file: string): OpensWithView | null {
    let fd: number | null = null;
    try {
      fd = fs.openSync(file, 'r');
      const head = Buffer.alloc(16_384);
      const n = fs.readSync(fd, head, 0, head.length, 0);
      const o = opensWith(parseHeader(head.subarray(0, n), fs.fstatSync(fd).size).header);
      const slots = this.d.vault.keySlots();
      const mine = this.identity.peek()?.vault ?? null;
      return {
        currentMaster: o.masterSalt !== null && o.masterSalt === slots?.master.kdf.salt,
        kitCreatedAt: o.kitCreatedAt,
        currentKit: o.kitCreatedAt !== null && o.kitCreatedAt === slots?.kit?.createdAt,
        custom: o.custom,
        otherVault: o.vault !== null && mine !== null && o.vault !== mine,
      };
    } catch {
      return null;
    } finally {
      if (fd !== null) fs.closeSync(fd);
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

  /** The newest few safety backups are kept; older ones go (each is a whole copy of the data). */
  private rotateSafety(dir: string): void {
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^safety-\d{17}-[a-z-]+\.swbackup$/.test(f))
      .sort()
      .reverse();
    for (const f of files.slice(SAFETY_KEPT)) fs.rmSync(path.join(dir, f), { force: true });
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

/** Fewer of what a user would miss: shops, sub-accounts, staff or deposit cases. */
export function holdsLess(backup: BackupCountsView, here: BackupCountsView): boolean {
  return (
    backup.shops < here.shops ||
    backup.subAccounts < here.subAccounts ||
    backup.staff < here.staff ||
    backup.cases < here.cases
  );
}

function safetyOf(f: BackupFileView): SafetyBackup | null {
  const m = /^safety-\d{17}-(before-import|before-restore|before-kit-reset|before-join)\.swbackup$/.exec(
    path.basename(f.file),
  );
  return m ? { file: f.file, reason: m[1] as SafetyReason, createdAt: f.modifiedAt } : null;
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
function writeAtomically(file: string, chunks: Buffer[]): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      writeAll(fd, chunks);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    fsyncDir(path.dirname(file));
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw storageError(err, `writing ${path.basename(file)}`);
  }
}

export type { ScryptParams };
