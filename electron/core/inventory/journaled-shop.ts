// One shop on disk: its electron-store snapshot plus its change journal, seen as one document.
import fs from 'node:fs';
import { AppError } from '../../../shared/contract/errors.ts';
import type { CorruptionKind } from '../../../shared/contract/types.ts';
import { type DeepCheck, DocumentStore, type StorageContext } from '../storage/document-store.ts';
import { type ShopDoc, shopDocSchema } from './schemas.ts';
import { BULK_CHANGE, COMPACT_AFTER, diffShop, replay, ShopJournal } from './shop-journal.ts';

export class JournaledShop {
  readonly snapshot: DocumentStore<ShopDoc>;
  private readonly journal: ShopJournal;
  private merged: ShopDoc | undefined;
  private journalLength = 0;

  constructor(
    private readonly ctx: StorageContext,
    private readonly name: string,
  ) {
    this.snapshot = new DocumentStore(ctx, name, shopDocSchema);
    this.journal = new ShopJournal(`${ctx.dataDir}/${name}.journal`);
  }

  /** Loads the snapshot (recovering it if damaged) and replays the journal onto it. */
  load(loadSnapshot: (doc: DocumentStore<ShopDoc>) => void): ShopDoc | undefined {
    loadSnapshot(this.snapshot);
    const base = this.snapshot.peek();
    if (!base) return undefined;
    if (this.snapshot.recovered) {
      // The journal continued a file that is gone; replaying it onto an older generation would mix states.
      this.discardJournal('checksum');
      this.merged = base;
      return base;
    }
    const { entries, badLine } = this.journal.read();
    this.merged = replay(base, entries);
    this.journalLength = entries.length;
    if (badLine !== null) {
      this.discardJournal('checksum');
      // Keep what was readable, as a snapshot, so the damaged tail cannot be misread later.
      this.compact(this.merged);
    }
    return this.merged;
  }

  get(): ShopDoc | undefined {
    return this.merged;
  }

  write(doc: ShopDoc): void {
    const before = this.merged;
    const entries = before ? diffShop(before, doc) : [];
    if (!before || entries.length > BULK_CHANGE || this.journalLength + entries.length > COMPACT_AFTER) {
      this.compact(doc);
    } else if (entries.length > 0) {
      try {
        this.journal.append(entries);
      } catch (err) {
        throw new AppError('STORAGE_WRITE_FAILED', { message: `journal append failed: ${String(err)}` });
      }
      this.journalLength += entries.length;
    }
    this.merged = doc;
  }

  /** GCM check once a key exists: the snapshot first (recovering it), then what the journal added. */
  recheck(deepCheck: DeepCheck<ShopDoc>): void {
    const before = this.snapshot.peek();
    this.snapshot.recheck(deepCheck);
    const base = this.snapshot.peek();
    if (!base || !this.merged) return;
    if (base !== before) {
      this.discardJournal('authentication');
      this.merged = base;
      return;
    }
    try {
      deepCheck(this.merged);
    } catch {
      this.discardJournal('authentication');
      this.merged = base;
    }
  }

  private compact(doc: ShopDoc): void {
    this.snapshot.set(doc);
    this.journal.clear();
    this.journalLength = 0;
  }

  private discardJournal(problem: CorruptionKind): void {
    if (!fs.existsSync(this.journal.file)) return;
    const movedTo = this.journal.moveAside(this.ctx.dataDir, problem, this.ctx.clock.now());
    this.journalLength = 0;
    this.ctx.onRecovered({
      file: `${this.name}.journal`,
      problem,
      movedTo,
      restoredFrom: `${this.name}.json`,
      restoredVersionAt: null,
      at: new Date(this.ctx.clock.now()).toISOString(),
    });
  }
}
