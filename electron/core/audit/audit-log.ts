// Append-only audit log, one JSON line per entry, each entry carrying the hash of the one before it.
// Editing or removing any entry breaks the chain at that point, which verify() reports. Entries describe
// what happened to which object; they never hold a secret value.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditEntry, AuditVerifyResult } from '../../../shared/contract/types.ts';
import type { Clock } from '../ports.ts';
import { ensurePrivateDir } from '../storage/fs-durable.ts';

export const GENESIS = '0'.repeat(64);
export const AUDIT_FILE = 'audit.log';

export interface AuditInput {
  action: string;
  object: string;
  summary: string;
}

export function hashEntry(e: Omit<AuditEntry, 'hash'>): string {
  const canonical = JSON.stringify([e.seq, e.at, e.action, e.object, e.summary, e.prev]);
  return createHash('sha256').update(canonical).digest('hex');
}

export class AuditLog {
  readonly file: string;
  private entries: AuditEntry[] = [];
  private fd: number | undefined;

  constructor(
    dataDir: string,
    private readonly clock: Clock,
  ) {
    ensurePrivateDir(dataDir);
    this.file = path.join(dataDir, AUDIT_FILE);
    this.entries = readEntries(this.file).entries;
  }

  append(input: AuditInput): AuditEntry {
    return this.appendMany([input])[0]!;
  }

  /** One entry per input, written together and made durable with one fsync (a batch of 200 agents). */
  appendMany(inputs: AuditInput[]): AuditEntry[] {
    const at = new Date(this.clock.now()).toISOString();
    const made: AuditEntry[] = [];
    let last = this.entries.at(-1);
    for (const input of inputs) {
      const base = {
        seq: (last?.seq ?? 0) + 1,
        at,
        action: input.action,
        object: input.object,
        summary: input.summary,
        prev: last?.hash ?? GENESIS,
      };
      last = { ...base, hash: hashEntry(base) };
      made.push(last);
    }
    if (made.length === 0) return made;
    this.fd ??= fs.openSync(this.file, 'a', 0o600);
    fs.writeSync(this.fd, made.map((e) => `${JSON.stringify(e)}\n`).join(''));
    // An audit entry the user was told about must survive a crash.
    fs.fsyncSync(this.fd);
    this.entries.push(...made);
    return made;
  }

  /** Newest first, as a person reads a log. */
  list(offset: number, limit: number): { entries: AuditEntry[]; total: number } {
    const total = this.entries.length;
    const end = Math.max(0, total - offset);
    const start = Math.max(0, end - limit);
    return { entries: this.entries.slice(start, end).reverse(), total };
  }

  /** Verifies the file on disk, not the in-memory copy, so edits made behind our back are found. */
  verify(): AuditVerifyResult {
    return verifyFile(this.file);
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

function readEntries(file: string): { entries: AuditEntry[]; unreadableLine: number | null } {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const entries: AuditEntry[] = [];
  const lines = text.split('\n').filter((l) => l.length > 0);
  for (let i = 0; i < lines.length; i++) {
    try {
      entries.push(JSON.parse(lines[i]!) as AuditEntry);
    } catch {
      return { entries, unreadableLine: i + 1 };
    }
  }
  return { entries, unreadableLine: null };
}

export function verifyFile(file: string): AuditVerifyResult {
  const { entries, unreadableLine } = readEntries(file);
  let prev = GENESIS;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const expectedSeq = i + 1;
    if (e.prev !== prev || e.seq !== expectedSeq) {
      return { ok: false, count: entries.length, brokenAt: expectedSeq, reason: 'chain-break' };
    }
    const { hash, ...rest } = e;
    if (hashEntry(rest) !== hash)
      return { ok: false, count: entries.length, brokenAt: expectedSeq, reason: 'hash-mismatch' };
    prev = hash;
  }
  if (unreadableLine !== null) {
    return { ok: false, count: entries.length, brokenAt: unreadableLine, reason: 'unreadable' };
  }
  return { ok: true, count: entries.length };
}
