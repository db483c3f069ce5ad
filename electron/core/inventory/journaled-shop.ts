// One shop on disk: its electron-store snapshot plus its change journal, seen as one document.
// Recovery loses at most what was damaged: each snapshot generation keeps beside it the changes that took
// it to the next snapshot (its continuation), so when the current snapshot is bad the newest good
// generation is restored and every change after it replayed; a bad journal line loses only its record.
import fs from 'node:fs';
import type { CorruptionKind } from '../../../shared/contract/types.ts';
import { type DeepCheck, DocumentStore, type StorageContext } from '../storage/document-store.ts';
import { storageError } from '../storage/fs-durable.ts';
import { type ShopDoc, shopDocSchema } from './schemas.ts';
import {
  BULK_CHANGE,
  COMPACT_AFTER,
  diffShop,
  type JournalEntry,
  type JournalRead,
  parseJournal,
  replay,
  ShopJournal,
  writeJournalFile,
} from './shop-journal.ts';

export class JournaledShop {
  readonly snapshot: DocumentStore<ShopDoc>;
  private readonly journal: ShopJournal;
  private merged: ShopDoc | undefined;
  /** The changes on top of the current snapshot file, in order: what the journal holds. */
  private since: JournalEntry[] = [];

  constructor(
    private readonly ctx: StorageContext,
    private readonly name: string,
  ) {
    this.snapshot = new DocumentStore(ctx, name, shopDocSchema);
    // This owner reports a restore itself, with what it replayed on top and what was lost.
    this.snapshot.quietRestore = true;
    this.journal = new ShopJournal(`${ctx.dataDir}/${name}.journal`);
  }

  /** Loads the snapshot (recovering it if damaged) and replays the journal onto it. */
  load(loadSnapshot: (doc: DocumentStore<ShopDoc>) => void): ShopDoc | undefined {
    loadSnapshot(this.snapshot);
    const base = this.snapshot.peek();
    // No snapshot (never written, or unrecoverable and reported as such): the journal stays untouched.
    if (!base) return undefined;
    const read = this.journal.read();
    if (this.snapshot.recovered) {
      this.rebuildFromGeneration(base, read);
    } else if (read) {
      this.applyJournal(base, read);
    } else {
      this.merged = base;
    }
    return this.merged;
  }

  get(): ShopDoc | undefined {
    return this.merged;
  }

  write(doc: ShopDoc): void {
    const before = this.merged;
    const entries = before ? diffShop(before, doc) : [];
    if (!before || entries.length > BULK_CHANGE || this.since.length + entries.length > COMPACT_AFTER) {
      this.compact(doc, entries);
    } else if (entries.length > 0) {
      // append() leaves nothing behind when it fails (disk full, I/O error): the change was not made.
      this.journal.append(entries, this.snapshot.sha ?? '0'.repeat(64));
      this.since.push(...entries);
    }
    this.merged = doc;
  }

  /** Deletes the shop from this computer: generations, then the journal, then the snapshot (see erase()). */
  erase(): void {
    this.journal.clear();
    this.snapshot.erase();
    this.merged = undefined;
    this.since = [];
  }

  /** GCM check once a key exists: the snapshot first (recovering it), then each change the journal added. */
  recheck(deepCheck: DeepCheck<ShopDoc>): void {
    const before = this.snapshot.peek();
    this.snapshot.recheck(deepCheck);
    const base = this.snapshot.peek();
    if (!base || !this.merged) return;
    if (base !== before) {
      this.rebuildFromGeneration(base, this.journal.read(), deepCheck);
      return;
    }
    try {
      deepCheck(this.merged);
    } catch {
      const { good, lost } = authenticated(base, this.since, deepCheck);
      const movedTo = this.journal.exists()
        ? this.journal.quarantine(this.ctx.dataDir, 'authentication', this.ctx.clock.now())
        : '';
      this.merged = replay(base, good);
      this.since = good;
      this.compact(this.merged, []);
      this.report('authentication', {
        file: `${this.name}.journal`,
        movedTo,
        restoredFrom: `${this.name}.json`,
        lost,
      });
    }
  }

  /** The current snapshot is good: replay its journal, keeping every good line and reporting the rest. */
  private applyJournal(base: ShopDoc, read: JournalRead): void {
    const sha = this.snapshot.sha;
    if (read.base !== null && read.base !== sha) {
      const newest = this.snapshot.generationSeqs().at(-1);
      if (
        newest !== undefined &&
        this.snapshot.generationSha(newest) === read.base &&
        fs.existsSync(this.snapshot.continuationPath(newest))
      ) {
        // A compaction finished its snapshot but stopped before emptying the journal: everything in the
        // journal is already in the snapshot (and in the generation's continuation). Nothing is lost.
        this.journal.clear();
        this.merged = base;
        return;
      }
    }
    this.merged = replay(base, read.entries);
    this.since = read.entries;
    const problem: CorruptionKind | null =
      read.damage?.kind ?? (read.base !== null && read.base !== sha ? 'checksum' : null);
    if (problem === null) return;
    const movedTo = this.journal.quarantine(this.ctx.dataDir, problem, this.ctx.clock.now());
    // Fold what was readable into a new snapshot so the damaged bytes can never be misread or appended to.
    this.compact(this.merged, []);
    this.report(problem, {
      file: `${this.name}.journal`,
      movedTo,
      restoredFrom: `${this.name}.json`,
      lost: read.damage?.lost ?? [],
    });
  }

  /**
   * The snapshot was restored from generation k: replay the continuations of k and every later generation,
   * then the current journal, so only changes in damaged bytes are lost.
   */
  private rebuildFromGeneration(
    base: ShopDoc,
    read: JournalRead | null,
    deepCheck?: DeepCheck<ShopDoc>,
  ): void {
    const from = this.snapshot.restoredSeq ?? Number.POSITIVE_INFINITY;
    let entries: JournalEntry[] = [];
    const lost: string[] = [];
    for (const seq of this.snapshot.generationSeqs().filter((s) => s >= from)) {
      const file = this.snapshot.continuationPath(seq);
      if (!fs.existsSync(file)) {
        lost.push(`changes after version ${seq}`);
        continue;
      }
      const cont = parseJournal(fs.readFileSync(file, 'utf8'));
      entries.push(...cont.entries);
      if (cont.damage && cont.damage.kind !== 'torn-tail') lost.push(...cont.damage.lost);
    }
    // The current journal continues the snapshot that was just found bad, unless a compaction had already
    // folded it into a generation's continuation (a crash between writing the snapshot and emptying the
    // journal): replaying it again would turn records changed later back to older values.
    const folded =
      read?.base != null &&
      this.snapshot
        .generationSeqs()
        .some(
          (seq) =>
            seq >= from &&
            fs.existsSync(this.snapshot.continuationPath(seq)) &&
            this.snapshot.generationSha(seq) === read.base,
        );
    if (read && !folded) {
      entries.push(...read.entries);
      if (read.damage && read.damage.kind !== 'torn-tail') lost.push(...read.damage.lost);
    }
    if (deepCheck) {
      const checked = authenticated(base, entries, deepCheck);
      entries = checked.good;
      lost.push(...checked.lost);
    }
    const movedAside = this.snapshot.lastRestore;
    if (read?.damage) this.journal.quarantine(this.ctx.dataDir, read.damage.kind, this.ctx.clock.now());
    this.merged = replay(base, entries);
    this.since = entries;
    this.compact(this.merged, []);
    this.report(movedAside?.problem ?? 'checksum', {
      file: `${this.name}.json`,
      movedTo: movedAside?.movedTo ?? '',
      restoredFrom: movedAside?.restoredFrom ?? null,
      restoredVersionAt: movedAside?.writtenAt ?? null,
      replayed: entries.length,
      lost,
    });
  }

  /**
   * Writes a new snapshot. First the continuation of the generation the current file is about to become
   * (every change since it), so that generation can always be brought forward again; then the snapshot;
   * then the journal is emptied. A crash between any two steps loses nothing (see applyJournal).
   */
  private compact(doc: ShopDoc, pending: JournalEntry[]): void {
    try {
      if (this.snapshot.sha !== undefined) {
        writeJournalFile(
          this.snapshot.continuationPath(this.snapshot.nextGenerationSeq()),
          [...this.since, ...pending],
          this.snapshot.sha,
        );
      }
      this.snapshot.set(doc);
      this.journal.clear();
    } catch (err) {
      throw storageError(err, `writing ${this.name}`);
    }
    this.since = [];
  }

  private report(
    problem: CorruptionKind,
    r: {
      file: string;
      movedTo: string;
      restoredFrom: string | null;
      restoredVersionAt?: string | null;
      replayed?: number;
      lost: string[];
    },
  ): void {
    this.ctx.onRecovered({
      file: r.file,
      problem,
      movedTo: r.movedTo,
      restoredFrom: r.restoredFrom,
      restoredVersionAt: r.restoredVersionAt ?? null,
      at: new Date(this.ctx.clock.now()).toISOString(),
      ...(r.replayed !== undefined ? { replayed: r.replayed } : {}),
      lost: r.lost,
    });
  }
}

/** Splits changes into those whose sealed fields authenticate and those (named) that do not. */
function authenticated(
  base: ShopDoc,
  entries: JournalEntry[],
  deepCheck: DeepCheck<ShopDoc>,
): { good: JournalEntry[]; lost: string[] } {
  const good: JournalEntry[] = [];
  const lost: string[] = [];
  for (const e of entries) {
    try {
      if (e.k === 'sub') deepCheck({ shop: base.shop, subAccounts: { [e.v.id]: e.v } });
      else if (e.k === 'shop') deepCheck({ shop: e.v, subAccounts: {} });
      good.push(e);
    } catch {
      lost.push(e.k === 'sub' ? e.v.nickname : e.k === 'shop' ? e.v.name : e.id);
    }
  }
  return { good, lost };
}
