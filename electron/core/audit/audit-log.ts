// Append-only audit log, one JSON line per entry, each entry carrying the hash of the one before it.
// Editing or removing any entry breaks the chain at that point; the head (count + last hash) is anchored
// in a second durable file, so cutting off the newest entries is found too. The chain is checked at
// every start: damage is quarantined (the file copied to damaged/ as it was), every entry that still
// verifies on its own is kept, and the user is told what was lost. Entries never hold a secret value.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type {
  AuditEntry,
  AuditVerifyResult,
  CorruptionKind,
  RecoveryEvent,
} from '../../../shared/contract/types.ts';
import type { Clock } from '../ports.ts';
import { DAMAGED_DIR } from '../storage/document-store.ts';
import {
  appendFully,
  ensurePrivateDir,
  fsyncDir,
  rawDurableWrite,
  timestampForName,
} from '../storage/fs-durable.ts';
import { encodeDocument, inspectDocument } from '../storage/inspect.ts';

export const GENESIS = '0'.repeat(64);
export const AUDIT_FILE = 'audit.log';
export const AUDIT_ANCHOR_FILE = 'audit-anchor.json';

const anchorSchema = z.strictObject({ count: z.number().int().min(0), hash: z.string().max(64) });
type Anchor = z.infer<typeof anchorSchema>;

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
  private readonly anchorFile: string;
  private entries: AuditEntry[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly clock: Clock,
    onRecovered: (e: RecoveryEvent) => void = () => {},
  ) {
    ensurePrivateDir(dataDir);
    this.file = path.join(dataDir, AUDIT_FILE);
    this.anchorFile = path.join(dataDir, AUDIT_ANCHOR_FILE);
    const event = this.loadChecked();
    if (event) onRecovered(event);
  }

  append(input: AuditInput): AuditEntry {
    return this.appendMany([input])[0]!;
  }

  /** One entry per input, written together and made durable with one fsync (a batch of 200 agents). */
  appendMany(inputs: AuditInput[]): AuditEntry[] {
    const made = chain(this.entries.at(-1), inputs, new Date(this.clock.now()).toISOString());
    if (made.length === 0) return made;
    // An audit entry the user was told about must survive a crash; a failed append leaves nothing behind.
    appendFully(this.file, Buffer.from(made.map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8'));
    this.entries.push(...made);
    this.writeAnchor();
    return made;
  }

  /** Newest first, as a person reads a log. */
  list(offset: number, limit: number): { entries: AuditEntry[]; total: number } {
    const total = this.entries.length;
    const end = Math.max(0, total - offset);
    const start = Math.max(0, end - limit);
    return { entries: this.entries.slice(start, end).reverse(), total };
  }

  /** Verifies the file on disk against its anchor, not the in-memory copy, so edits behind our back are found. */
  verify(): AuditVerifyResult {
    return verifyFile(this.file, readAnchor(this.anchorFile));
  }

  close(): void {
    // Every append already closed its descriptor after the fsync; nothing stays open.
  }

  /** Reads and checks the log; repairs and describes any damage. */
  private loadChecked(): RecoveryEvent | null {
    let text: string | null = null;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const anchorRead = readAnchorChecked(this.anchorFile);
    const scan = scanLog(text ?? '');
    const anchor = anchorRead.anchor;
    const anchored =
      anchor === null ||
      anchor.count === 0 ||
      scan.good.some((e) => e.seq === anchor.count && e.hash === anchor.hash);
    if (scan.problem === null && anchored) {
      this.entries = scan.good;
      if (anchorRead.ok) return null;
      // Only the anchor is damaged: the log itself verifies, so nothing was lost; a new anchor is written.
      const movedTo = this.quarantine(this.anchorFile, 'checksum');
      this.writeAnchor();
      return {
        file: AUDIT_ANCHOR_FILE,
        problem: 'checksum',
        movedTo,
        restoredFrom: AUDIT_FILE,
        restoredVersionAt: null,
        at: new Date(this.clock.now()).toISOString(),
        lost: [],
      };
    }
    const problem: CorruptionKind = scan.problem ?? 'anchor';
    const movedTo = text === null ? '' : this.quarantine(this.file, problem);
    const lost = [...scan.lost];
    if (!anchored && anchor) {
      const have = Math.max(0, ...scan.good.map((e) => e.seq));
      lost.push(have + 1 === anchor.count ? `entry ${anchor.count}` : `entries ${have + 1}-${anchor.count}`);
    }
    // Keep every entry that verifies on its own. If they no longer form one chain from the start, they are
    // chained again (the originals stay in damaged/), so the live log verifies and keeps growing.
    const kept = scan.chained ? scan.good : rechain(scan.good);
    const at = new Date(this.clock.now()).toISOString();
    const note = chain(
      kept.at(-1),
      [
        {
          action: 'audit.recovered',
          object: AUDIT_FILE,
          summary: `${problem}: original moved to ${movedTo || '-'}; kept ${kept.length} entries; lost ${lost.join(', ') || 'none'}`,
        },
      ],
      at,
    );
    this.entries = [...kept, ...note];
    rawDurableWrite(this.file, this.entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    this.writeAnchor();
    return {
      file: AUDIT_FILE,
      problem,
      movedTo,
      restoredFrom: AUDIT_FILE,
      restoredVersionAt: null,
      at,
      lost,
    };
  }

  private quarantine(file: string, problem: string): string {
    const dir = path.join(this.dataDir, DAMAGED_DIR);
    ensurePrivateDir(dir);
    const name = `${path.basename(file)}.${timestampForName(this.clock.now())}.${problem}.bad`;
    fs.copyFileSync(file, path.join(dir, name));
    fsyncDir(dir);
    return path.posix.join(DAMAGED_DIR, name);
  }

  private writeAnchor(): void {
    const last = this.entries.at(-1);
    const anchor: Anchor = { count: last?.seq ?? 0, hash: last?.hash ?? GENESIS };
    try {
      rawDurableWrite(this.anchorFile, encodeDocument(anchor, new Date(this.clock.now()).toISOString()));
    } catch {
      // The entries are durable already; an anchor that lags only weakens the truncation check until
      // the next append rewrites it, and never makes a good log look damaged.
    }
  }
}

function chain(last: AuditEntry | undefined, inputs: AuditInput[], at: string): AuditEntry[] {
  const made: AuditEntry[] = [];
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
  return made;
}

/** Re-links entries that verify on their own into one chain, keeping their time, action, object and text. */
function rechain(entries: AuditEntry[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const e of entries) out.push(...chain(out.at(-1), [e], e.at));
  return out;
}

interface Scan {
  /** Entries whose own hash verifies, in file order. */
  good: AuditEntry[];
  /** Whether the good entries form one unbroken chain from the start. */
  chained: boolean;
  problem: CorruptionKind | null;
  lost: string[];
  firstBad: { line: number; reason: 'hash-mismatch' | 'chain-break' | 'unreadable' } | null;
}

const entryShape = z.strictObject({
  seq: z.number().int().min(1),
  at: z.string(),
  action: z.string(),
  object: z.string(),
  summary: z.string(),
  prev: z.string(),
  hash: z.string(),
});

function scanLog(text: string): Scan {
  const good: AuditEntry[] = [];
  const lost: string[] = [];
  let lineProblem: CorruptionKind | null = null;
  let firstBad: Scan['firstBad'] = null;
  let chained = true;
  const lines = text.split('\n');
  const tail = lines.pop() ?? '';
  // A last line without its newline is an append that never finished (never acknowledged) or NUL damage.
  const tailProblem: CorruptionKind | null =
    tail.length === 0 ? null : tail.replaceAll('\u0000', '').length === 0 ? 'nul-filled' : 'torn-tail';
  let prev = GENESIS;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let entry: AuditEntry | null = null;
    try {
      const parsed = entryShape.safeParse(JSON.parse(line));
      if (parsed.success) entry = parsed.data;
    } catch {
      entry = null;
    }
    if (!entry || hashEntry(withoutHash(entry)) !== entry.hash) {
      lineProblem ??= line.includes('\u0000') ? 'nul-filled' : entry ? 'checksum' : 'schema';
      lost.push(`line ${i + 1}`);
      firstBad ??= { line: i + 1, reason: entry ? 'hash-mismatch' : 'unreadable' };
      chained = false;
      continue;
    }
    if (entry.prev !== prev || entry.seq !== good.length + 1) {
      chained = false;
      lineProblem ??= 'checksum';
      firstBad ??= { line: i + 1, reason: 'chain-break' };
    }
    good.push(entry);
    prev = entry.hash;
  }
  return { good, chained, problem: lineProblem ?? tailProblem, lost, firstBad };
}

function withoutHash(e: AuditEntry): Omit<AuditEntry, 'hash'> {
  const { hash: _hash, ...rest } = e;
  return rest;
}

function readAnchorChecked(file: string): { anchor: Anchor | null; ok: boolean } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { anchor: null, ok: true };
  }
  const r = inspectDocument(text, anchorSchema);
  return r.ok ? { anchor: r.data, ok: true } : { anchor: null, ok: false };
}

function readAnchor(file: string): Anchor | null {
  return readAnchorChecked(file).anchor;
}

export function verifyFile(file: string, anchor: Anchor | null = null): AuditVerifyResult {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const scan = scanLog(text);
  const count = scan.good.length;
  if (scan.firstBad) return { ok: false, count, brokenAt: scan.firstBad.line, reason: scan.firstBad.reason };
  if (scan.problem === 'torn-tail' || scan.problem === 'nul-filled')
    return { ok: false, count, brokenAt: count + 1, reason: 'unreadable' };
  if (anchor && anchor.count > 0 && !scan.good.some((e) => e.seq === anchor.count && e.hash === anchor.hash))
    return { ok: false, count, brokenAt: Math.min(count + 1, anchor.count), reason: 'anchor' };
  return { ok: true, count };
}
