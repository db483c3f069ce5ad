// A shop's change journal: each change to a shop document is one appended, fsync'd line holding the
// changed record, so persisting one change writes a few hundred bytes instead of the whole shop. The
// electron-store snapshot is rewritten (compacted) every COMPACT_AFTER entries or for bulk changes.
// The first line names the snapshot version the journal continues (its data SHA-256), so a journal is
// never replayed onto a version it does not belong to. Each line carries a hash of its entry; lines are
// whole records, so one bad line loses only that record and every good line around it is kept.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { safeId } from '../../../shared/contract/spec.ts';
import { DAMAGED_DIR } from '../storage/document-store.ts';
import {
  appendFully,
  ensurePrivateDir,
  fsyncDir,
  storageError,
  timestampForName,
} from '../storage/fs-durable.ts';
import { type ShopDoc, shopDocSchema, subAccountSchema } from './schemas.ts';

export const COMPACT_AFTER = 64;
/** A write changing more records than this goes straight to a new snapshot. */
export const BULK_CHANGE = 16;

const changeSchema = z.discriminatedUnion('k', [
  z.strictObject({ k: z.literal('sub'), v: subAccountSchema }),
  z.strictObject({ k: z.literal('del'), id: safeId }),
  z.strictObject({ k: z.literal('shop'), v: shopDocSchema.shape.shop }),
]);
const baseSchema = z.strictObject({ k: z.literal('base'), sha: z.string().regex(/^[0-9a-f]{64}$/) });
export type JournalEntry = z.infer<typeof changeSchema>;

const hashOf = (json: string) => createHash('sha256').update(json).digest('hex').slice(0, 32);

function encodeLine(e: unknown): string {
  const json = JSON.stringify(e);
  return `{"h":"${hashOf(json)}","e":${json}}\n`;
}

export const encodeEntry = (e: JournalEntry): string => encodeLine(e);

export interface JournalDamage {
  kind: 'torn-tail' | 'nul-filled' | 'checksum' | 'empty';
  /** What the bad lines held, as far as can be read ("line N" where not even a name is readable). */
  lost: string[];
}

export interface JournalRead {
  /** SHA-256 of the snapshot version this journal continues; null for a journal without a header. */
  base: string | null;
  entries: JournalEntry[];
  damage: JournalDamage | null;
}

/** What is named as lost when the damaged bytes hold no readable record name at all. */
export const UNREADABLE_CHANGES =
  '快照之后的更改（无法读取，记录名不详）/ changes since the last snapshot (unreadable, names unknown)';

/** Parses journal text: every good line is kept, bad ones are named; a last line without newline is torn. */
export function parseJournal(text: string): JournalRead {
  // A journal is created whole (temp file and rename), so an empty one can only be damage.
  if (text.length === 0)
    return { base: null, entries: [], damage: { kind: 'empty', lost: [UNREADABLE_CHANGES] } };
  const lines = text.split('\n');
  const tail = lines.pop() ?? '';
  const entries: JournalEntry[] = [];
  const lost: string[] = [];
  let base: string | null = null;
  let nul = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const decoded = decodeLine(line);
    if (decoded === null) {
      nul ||= line.includes('\u0000');
      lost.push(describeBad(line, i + 1));
    } else if (decoded.k === 'base') {
      if (i === 0) base = decoded.sha;
    } else entries.push(decoded);
  }
  let kind: JournalDamage['kind'] | null = lost.length > 0 ? (nul ? 'nul-filled' : 'checksum') : null;
  if (tail.length > 0) {
    // A last line without its newline is a write that never returned (never acknowledged) — unless it is
    // all NUL bytes, which is damage that must not be glued in front of the next append.
    // A torn tail is not listed as lost: it was never acknowledged to anyone.
    const onlyNul = tail.replaceAll('\u0000', '').length === 0;
    if (kind === null) kind = onlyNul ? 'nul-filled' : 'torn-tail';
    if (onlyNul) lost.push(UNREADABLE_CHANGES);
  }
  return { base, entries, damage: kind ? { kind, lost } : null };
}

export class ShopJournal {
  constructor(readonly file: string) {}

  read(): JournalRead | null {
    // Most shops have no journal at start; asking first avoids a thrown ENOENT per shop, which is costly.
    if (!fs.existsSync(this.file)) return null;
    return parseJournal(fs.readFileSync(this.file, 'utf8'));
  }

  exists(): boolean {
    return fs.existsSync(this.file);
  }

  /**
   * Appends durably. A new journal starts with the snapshot version it continues. On any failure (disk
   * full, I/O error, short write) the file is cut back to where it was, so no fragment is left to spoil
   * the next append, and the error is thrown: the change was not made.
   */
  append(entries: JournalEntry[], baseSha: string): void {
    // A new journal appears whole (header and first entries, by rename), never as an empty file.
    if (!fs.existsSync(this.file)) {
      try {
        writeJournalFile(this.file, entries, baseSha);
      } catch (err) {
        throw storageError(err, `writing ${path.basename(this.file)}`);
      }
      return;
    }
    appendFully(this.file, Buffer.from(entries.map(encodeLine).join(''), 'utf8'));
  }

  /** After a snapshot holds everything: empty the journal durably. */
  clear(): void {
    if (!fs.existsSync(this.file)) return;
    fs.rmSync(this.file);
    fsyncDir(path.dirname(this.file));
  }

  /** Copies the journal as it is into damaged/ (never deleted), returning its name there. */
  quarantine(dataDir: string, problem: string, now: number): string {
    const dir = path.join(dataDir, DAMAGED_DIR);
    ensurePrivateDir(dir);
    const name = `${path.basename(this.file)}.${timestampForName(now)}.${problem}.bad`;
    fs.copyFileSync(this.file, path.join(dir, name));
    fsyncDir(dir);
    return path.posix.join(DAMAGED_DIR, name);
  }
}

/** Writes a finished journal (a generation's continuation) atomically and durably. */
export function writeJournalFile(file: string, entries: JournalEntry[], baseSha: string | null): void {
  const text = (baseSha ? encodeLine({ k: 'base', sha: baseSha }) : '') + entries.map(encodeLine).join('');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600, flush: true });
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

function decodeLine(line: string): JournalEntry | z.infer<typeof baseSchema> | null {
  try {
    const o = JSON.parse(line) as { h?: unknown; e?: unknown };
    if (typeof o.h !== 'string' || o.h !== hashOf(JSON.stringify(o.e))) return null;
    const parsed = changeSchema.safeParse(o.e);
    if (parsed.success) return parsed.data;
    const base = baseSchema.safeParse(o.e);
    return base.success ? base.data : null;
  } catch {
    return null;
  }
}

/** The record a bad line held, by name where its text still shows one. */
function describeBad(line: string, lineNo: number): string {
  const nick = /"nickname":"((?:[^"\\]|\\.){1,64})"/.exec(line)?.[1];
  if (nick) {
    try {
      return JSON.parse(`"${nick}"`) as string;
    } catch {
      // fall through to the line number
    }
  }
  return `line ${lineNo}`;
}

/** The entries that turn `before` into `after`; unchanged records keep their identity, so `!==` finds changes. */
export function diffShop(before: ShopDoc, after: ShopDoc): JournalEntry[] {
  const out: JournalEntry[] = [];
  if (before.shop !== after.shop) out.push({ k: 'shop', v: after.shop });
  for (const [id, sub] of Object.entries(after.subAccounts))
    if (before.subAccounts[id] !== sub) out.push({ k: 'sub', v: sub });
  for (const id of Object.keys(before.subAccounts))
    if (!Object.hasOwn(after.subAccounts, id)) out.push({ k: 'del', id });
  return out;
}

export function replay(snapshot: ShopDoc, entries: JournalEntry[]): ShopDoc {
  if (entries.length === 0) return snapshot;
  let shop = snapshot.shop;
  const subAccounts = { ...snapshot.subAccounts };
  for (const e of entries) {
    if (e.k === 'shop') shop = e.v;
    else if (e.k === 'sub') subAccounts[e.v.id] = e.v;
    else delete subAccounts[e.id];
  }
  return { shop, subAccounts };
}
