// What every bridge between local documents and the team's records shares: it listens to local writes and to
// others' changes, tells the two apart (a write it makes from others' changes is not this member's change
// and must not be sent back), and never lets a failure reach the caller — a local write stands even when it
// could not be queued, and others' changes that could not be written are handed over again.
import { compareHlc, type Hlc } from '../../../shared/domain/sync/hlc.ts';
import type { SyncRecord } from '../../../shared/domain/sync/records.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import type { RecordWrite } from './record-mapping.ts';

/** A record from another member that was not written here, and why, for the user's sync reports. */
export interface Refusal {
  readonly kind: string;
  readonly id: string;
  /** The member whose write made the record as it arrived (the newest stamp's author), when known. */
  readonly by?: string;
  /** What the user recognises the record by (a sub-account's full name, a shop's name). */
  readonly name?: string;
  /** The rule it breaks, worded as the form words it; none: it is not a valid record at all. */
  readonly why?: { readonly zh: string; readonly en: string };
}

/** The author of a record's newest field: who made it look the way it arrived. */
export function lastAuthor(rec: SyncRecord): string | undefined {
  let newest: Hlc | undefined;
  for (const cell of Object.values(rec.fields))
    if (!newest || compareHlc(cell.h, newest) > 0) newest = cell.h;
  return newest?.n;
}

export interface BridgeDeps {
  readonly engine: SyncEngine;
  /** A record from another member that could not be used (said to the user). */
  onRefused(r: Refusal): void;
  onError(err: unknown): void;
}

export abstract class Bridge<D extends BridgeDeps> {
  /** True while others' changes are being written here. */
  protected applying = false;
  private readonly offs: Array<() => void> = [];

  constructor(protected readonly d: D) {}

  protected listen(...offs: Array<() => void>): void {
    this.offs.push(...offs);
  }

  close(): void {
    for (const off of this.offs.splice(0)) off();
  }

  /**
   * Queues this member's own writes. A failure (a full disk under the outbox) is logged: the local write
   * stands and goes out with the record's next change (see the README's known limits).
   */
  protected queue(build: () => RecordWrite[]): void {
    if (this.applying) return;
    try {
      this.d.engine.putMany(build());
    } catch (err) {
      this.d.onError(err);
    }
  }

  protected refuse(rec: SyncRecord, extra: Pick<Refusal, 'name' | 'why'> = {}): void {
    this.d.onRefused({ kind: rec.kind, id: rec.id, by: lastAuthor(rec), ...extra });
  }

  /** Writes others' changes (not sent back); false when that failed, so they are handed over again. */
  protected asRemote(write: () => void): boolean {
    this.applying = true;
    try {
      write();
      return true;
    } catch (err) {
      this.d.onError(err);
      return false;
    } finally {
      this.applying = false;
    }
  }
}
