// Replacing the data folder's content with a backup's files, so that a crash, a power cut or a full disk
// at any point leaves either the old data or the new, never a mix. Before the first move, an intent file
// names the entries that were there; the old entries are moved (renamed) into replaced-<time>/, the
// backup's files are written, and the intent is removed last. Found at the next start (or on a failure
// now), an intent is rolled back: the backup's files go, the old entries come back. The restore did not
// happen, nothing was lost, and the user is told.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecoveryEvent } from '../../../shared/contract/types.ts';
import { fsyncDir, writeAll } from '../storage/fs-durable.ts';
import type { BackupPart } from './backup-format.ts';

export const RESTORE_INTENT = 'restore-intent.json';
/** Entries of the data folder a restore never moves or replaces: the replaced data, the safety backups. */
export const kept = (name: string) =>
  name.startsWith('replaced-') || name === 'safety' || name === RESTORE_INTENT;

/** Points the fault suite stops at to look at the disk as a crash there would leave it. */
export interface RestoreHooks {
  afterMove?: () => void;
  afterPart?: (path: string) => void;
}

const intentSchema = z.strictObject({
  aside: z.string().regex(/^replaced-[0-9A-Za-z-]+$/),
  existing: z.array(z.string().max(255)).max(100_000),
  startedAt: z.string().max(40),
});
type Intent = z.infer<typeof intentSchema>;

function writeIntent(dataDir: string, intent: Intent): void {
  const file = path.join(dataDir, RESTORE_INTENT);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(intent), { mode: 0o600, flush: true });
  fs.renameSync(tmp, file);
  fsyncDir(dataDir);
}

/**
 * Moves what is in `dataDir` aside into `asideName` and writes `parts` in its place; `keepFromAside` files
 * (this machine's own settings) are copied back. On any failure, rolls back and rethrows.
 */
export function replaceDataFolder(
  dataDir: string,
  asideName: string,
  parts: BackupPart[],
  keepFromAside: string[],
  now: Date,
  hooks: RestoreHooks = {},
): void {
  const existing = fs.readdirSync(dataDir).filter((f) => !kept(f));
  writeIntent(dataDir, { aside: asideName, existing, startedAt: now.toISOString() });
  try {
    const aside = path.join(dataDir, asideName);
    fs.mkdirSync(aside, { mode: 0o700 });
    for (const f of existing) fs.renameSync(path.join(dataDir, f), path.join(aside, f));
    fsyncDir(aside);
    fsyncDir(dataDir);
    hooks.afterMove?.();
    for (const f of keepFromAside)
      if (fs.existsSync(path.join(aside, f))) fs.copyFileSync(path.join(aside, f), path.join(dataDir, f));
    // Each file written and flushed under a temporary name, then renamed; each folder made durable once.
    const dirs = new Set<string>([dataDir]);
    for (const p of parts) {
      const dest = path.join(dataDir, p.path);
      fs.mkdirSync(path.dirname(dest), { recursive: true, mode: 0o700 });
      const tmp = `${dest}.${process.pid}.tmp`;
      const fd = fs.openSync(tmp, 'w', 0o600);
      try {
        writeAll(fd, [p.bytes]);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, dest);
      dirs.add(path.dirname(dest));
      hooks.afterPart?.(p.path);
    }
    for (const d of dirs) fsyncDir(d);
  } catch (err) {
    rollBack(dataDir);
    throw err;
  }
  fs.rmSync(path.join(dataDir, RESTORE_INTENT), { force: true });
  fsyncDir(dataDir);
}

/**
 * At start: a restore that did not finish is undone. Returns what to tell the user, or null when there was
 * none. An unreadable intent is left in place (and said), never acted on by guess.
 */
export function rollBackInterruptedRestore(dataDir: string, now: Date): RecoveryEvent | null {
  const file = path.join(dataDir, RESTORE_INTENT);
  if (!fs.existsSync(file)) return null;
  const startedAt = readIntent(dataDir)?.startedAt ?? null;
  const undone = rollBack(dataDir);
  return {
    file: RESTORE_INTENT,
    problem: 'interrupted-restore',
    movedTo: '',
    restoredFrom: undone ? RESTORE_INTENT : '',
    restoredVersionAt: startedAt,
    at: now.toISOString(),
    ...(undone ? {} : { lost: ['未完成的恢复 / an unfinished restore'] }),
  };
}

function readIntent(dataDir: string): Intent | null {
  try {
    const parsed = intentSchema.safeParse(
      JSON.parse(fs.readFileSync(path.join(dataDir, RESTORE_INTENT), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Puts the old entries back and removes the backup's; true when done (the intent is then removed). */
function rollBack(dataDir: string): boolean {
  const intent = readIntent(dataDir);
  if (!intent) return false;
  const aside = path.join(dataDir, intent.aside);
  const old = new Set(intent.existing);
  // What is here and was not here before is the backup's (half-)written content.
  for (const f of fs.readdirSync(dataDir))
    if (!kept(f) && !old.has(f)) fs.rmSync(path.join(dataDir, f), { recursive: true, force: true });
  if (fs.existsSync(aside)) {
    for (const f of fs.readdirSync(aside)) {
      if (!old.has(f)) continue;
      // A same-named entry here is the backup's (the old one is in the aside folder): replaced by the old.
      fs.rmSync(path.join(dataDir, f), { recursive: true, force: true });
      fs.renameSync(path.join(aside, f), path.join(dataDir, f));
    }
    fs.rmSync(aside, { recursive: true, force: true });
  }
  fsyncDir(dataDir);
  fs.rmSync(path.join(dataDir, RESTORE_INTENT), { force: true });
  fsyncDir(dataDir);
  return true;
}
