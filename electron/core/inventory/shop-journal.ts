// A shop's change journal: each change to a shop document is one appended, fsync'd line holding the
// changed record, so persisting one change writes a few hundred bytes instead of the whole shop. The
// electron-store snapshot is rewritten (compacted) every COMPACT_AFTER entries or for bulk changes.
// Each line carries a hash of its entry: a torn last line (a write that never returned) is dropped; a bad
// line anywhere else is damage, reported like any other.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { safeId } from '../../../shared/contract/spec.ts';
import { DAMAGED_DIR } from '../storage/document-store.ts';
import { ensurePrivateDir, fsyncDir, timestampForName } from '../storage/fs-durable.ts';
import { type ShopDoc, shopDocSchema, subAccountSchema } from './schemas.ts';

export const COMPACT_AFTER = 64;
/** A write changing more records than this goes straight to a new snapshot. */
export const BULK_CHANGE = 16;

const entrySchema = z.discriminatedUnion('k', [
  z.strictObject({ k: z.literal('sub'), v: subAccountSchema }),
  z.strictObject({ k: z.literal('del'), id: safeId }),
  z.strictObject({ k: z.literal('shop'), v: shopDocSchema.shape.shop }),
]);
export type JournalEntry = z.infer<typeof entrySchema>;

const hashOf = (json: string) => createHash('sha256').update(json).digest('hex').slice(0, 32);

export function encodeEntry(e: JournalEntry): string {
  const json = JSON.stringify(e);
  return `{"h":"${hashOf(json)}","e":${json}}\n`;
}

export interface JournalRead {
  entries: JournalEntry[];
  /** 1-based line of the first damaged line that is not a torn tail, or null. */
  badLine: number | null;
}

export class ShopJournal {
  constructor(readonly file: string) {}

  read(): JournalRead {
    // Most shops have no journal at start; asking first avoids a thrown ENOENT per shop, which is costly.
    if (!fs.existsSync(this.file)) return { entries: [], badLine: null };
    const text = fs.readFileSync(this.file, 'utf8');
    const lines = text.split('\n');
    const complete = text.endsWith('\n') ? lines.slice(0, -1) : lines.slice(0, -1);
    const entries: JournalEntry[] = [];
    for (let i = 0; i < complete.length; i++) {
      const entry = decode(complete[i]!);
      if (!entry) return { entries, badLine: i + 1 };
      entries.push(entry);
    }
    // A last line without its newline is a write that never finished: it was never acknowledged.
    return { entries, badLine: null };
  }

  append(entries: JournalEntry[]): void {
    const fd = fs.openSync(this.file, 'a', 0o600);
    try {
      fs.writeSync(fd, entries.map(encodeEntry).join(''));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** After a snapshot holds everything: empty the journal durably. */
  clear(): void {
    if (!fs.existsSync(this.file)) return;
    fs.rmSync(this.file);
    fsyncDir(path.dirname(this.file));
  }

  moveAside(dataDir: string, problem: string, now: number): string {
    const dir = path.join(dataDir, DAMAGED_DIR);
    ensurePrivateDir(dir);
    const name = `${path.basename(this.file)}.${timestampForName(now)}.${problem}.bad`;
    fs.renameSync(this.file, path.join(dir, name));
    fsyncDir(dir);
    return path.posix.join(DAMAGED_DIR, name);
  }
}

function decode(line: string): JournalEntry | null {
  try {
    const o = JSON.parse(line) as { h?: unknown; e?: unknown };
    if (typeof o.h !== 'string' || o.h !== hashOf(JSON.stringify(o.e))) return null;
    const parsed = entrySchema.safeParse(o.e);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
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
