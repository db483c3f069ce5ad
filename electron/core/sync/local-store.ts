// This machine's side of sync, on disk: the state (records, keys, what has been seen from each author,
// conflicts, reports), the outbox of changes not yet uploaded, and the segment being uploaded. A change
// is acknowledged only once its outbox line is fsync'd; the state file is a cache that the outbox can
// always be replayed onto (applying a change twice changes nothing), so a crash between the two loses
// nothing. Everything is sealed with this machine's data key: the folder holds no readable value.
import fs from 'node:fs';
import path from 'node:path';
import type { RecordChange } from '../../../shared/domain/sync/records.ts';
import { appendFully, ensurePrivateDir, fsyncDir } from '../storage/fs-durable.ts';
import type { SyncState } from './sync-state.ts';

/** Seals bytes at rest with this machine's vault key (the app) or a test key. */
export interface LocalSealer {
  seal(plain: Buffer, aad: string): Buffer;
  open(sealed: Buffer, aad: string): Buffer;
}

const STATE = 'state.bin';
const OUTBOX = 'outbox.log';
const PENDING = 'pending.bin';
const JOURNAL = 'journal';

function atomicWrite(file: string, data: Buffer): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    let off = 0;
    while (off < data.length) off += fs.writeSync(fd, data, off, data.length - off);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/** A queued change with its outbox number (increasing; never reused). */
export interface OutboxEntry {
  readonly o: number;
  readonly change: RecordChange;
}

export interface PendingSegment {
  readonly seq: number;
  /** The highest outbox number the segment holds. */
  readonly lastO: number;
  readonly bytes: Buffer;
}

export class LocalStore {
  constructor(
    readonly dir: string,
    private readonly sealer: LocalSealer,
  ) {
    ensurePrivateDir(dir);
  }

  private file(name: string) {
    return path.join(this.dir, name);
  }

  loadState(): SyncState | null {
    let raw: Buffer;
    try {
      raw = fs.readFileSync(this.file(STATE));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return JSON.parse(this.sealer.open(raw, 'shopwarden/sync/state').toString('utf8')) as SyncState;
  }

  saveState(state: SyncState): void {
    atomicWrite(
      this.file(STATE),
      this.sealer.seal(Buffer.from(JSON.stringify(state), 'utf8'), 'shopwarden/sync/state'),
    );
  }

  private line(entry: OutboxEntry): string {
    return `${this.sealer.seal(Buffer.from(JSON.stringify(entry), 'utf8'), 'shopwarden/sync/outbox').toString('base64url')}\n`;
  }

  /** Durable before it returns (one fsync for all): the caller acknowledges the changes only after this. */
  appendOutboxMany(entries: readonly OutboxEntry[]): void {
    appendFully(this.file(OUTBOX), Buffer.from(entries.map((e) => this.line(e)).join(''), 'latin1'));
  }

  /** The queued changes, and whether a torn last line (a write that never finished) was skipped. */
  readOutbox(): { entries: OutboxEntry[]; torn: boolean } {
    let text: string;
    try {
      text = fs.readFileSync(this.file(OUTBOX), 'latin1');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], torn: false };
      throw err;
    }
    const lines = text.split('\n');
    const last = lines.pop();
    const entries: OutboxEntry[] = [];
    let torn = last !== undefined && last !== '';
    for (const line of lines) {
      if (!line) continue;
      try {
        entries.push(
          JSON.parse(
            this.sealer.open(Buffer.from(line, 'base64url'), 'shopwarden/sync/outbox').toString('utf8'),
          ),
        );
      } catch {
        // Only a line that never finished can fail here (every full line was fsync'd whole).
        torn = true;
      }
    }
    return { entries, torn };
  }

  /**
   * Keeps only the entries numbered above `through` (the rest were uploaded), writing a new file and renaming
   * it in. Idempotent: a crash after it and a second call drop nothing more. Also how a torn tail is cut off
   * (through = 0), so the next append never lands on a fragment.
   */
  dropOutboxThrough(through: number): void {
    const { entries } = this.readOutbox();
    const text = entries
      .filter((e) => e.o > through)
      .map((e) => this.line(e))
      .join('');
    atomicWrite(this.file(OUTBOX), Buffer.from(text, 'latin1'));
  }

  savePending(p: PendingSegment): void {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(p.seq, 0);
    head.writeUInt32BE(p.lastO, 4);
    atomicWrite(this.file(PENDING), Buffer.concat([head, p.bytes]));
  }

  loadPending(): PendingSegment | null {
    try {
      const raw = fs.readFileSync(this.file(PENDING));
      if (raw.length < 8) return null;
      return { seq: raw.readUInt32BE(0), lastO: raw.readUInt32BE(4), bytes: raw.subarray(8) };
    } catch {
      return null;
    }
  }

  /**
   * Keeps a copy of every segment this machine uploads (the bytes as signed), so one the server loses or
   * alters is uploaded again byte for byte. Written before the first upload attempt; kept until a snapshot
   * covers it.
   */
  saveJournal(seq: number, bytes: Buffer): void {
    ensurePrivateDir(this.file(JOURNAL));
    atomicWrite(path.join(this.file(JOURNAL), `${seq}.sws`), bytes);
  }

  loadJournal(seq: number): Buffer | null {
    try {
      return fs.readFileSync(path.join(this.file(JOURNAL), `${seq}.sws`));
    } catch {
      return null;
    }
  }

  /** Forgets journal copies up to `seq` (a snapshot holds what they held). */
  pruneJournal(through: number): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.file(JOURNAL));
    } catch {
      return;
    }
    for (const n of names) {
      const seq = Number.parseInt(n, 10);
      if (Number.isSafeInteger(seq) && seq <= through)
        fs.rmSync(path.join(this.file(JOURNAL), n), { force: true });
    }
  }

  clearPending(): void {
    fs.rmSync(this.file(PENDING), { force: true });
    fsyncDir(this.dir);
  }
}
