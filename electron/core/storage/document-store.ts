// One JSON document on disk with its last good generations. Reads are validated (envelope, checksum,
// schema, and optionally GCM authentication); a bad file is moved aside, never deleted, and the newest good
// generation is restored. A backup is never overwritten by a bad file: only a file we verified becomes one.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors.ts';
import type { CorruptionKind, RecoveryEvent } from '../../../shared/contract/types.ts';
import type { Clock, StoreBackend, StoreBackendFactory } from '../ports.ts';
import { ensurePrivateDir, fsyncDir, preserve, storageError, timestampForName } from './fs-durable.ts';
import { encodeDocumentWithSha, type Inspection, inspectDocument } from './inspect.ts';

export const GENERATIONS_KEPT = 5;
export const GENERATIONS_DIR = 'generations';
export const DAMAGED_DIR = 'damaged';

export interface StorageContext {
  dataDir: string;
  backendFactory: StoreBackendFactory;
  clock: Clock;
  onRecovered(event: RecoveryEvent): void;
}

/** Throws to say the data, though well-formed, fails a deeper check (e.g. GCM authentication). */
export type DeepCheck<T> = (data: T) => void;

interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

export class DocumentStore<T> {
  private backendInstance: StoreBackend | undefined;
  private readonly file: string;
  private readonly relName: string;
  private readonly genDir: string;
  private readonly genPrefix: string;
  private generationList: string[] | undefined;
  private data: T | undefined;
  private identity: FileIdentity | undefined;

  constructor(
    private readonly ctx: StorageContext,
    /** Path relative to the data folder without extension, e.g. 'vault' or 'records/shop-1'. */
    name: string,
    private readonly schema: z.ZodType<T>,
  ) {
    this.relName = `${name}.json`;
    this.file = path.join(ctx.dataDir, this.relName);
    this.baseName = path.basename(name);
    this.genDir = path.join(ctx.dataDir, GENERATIONS_DIR);
    this.genPrefix = `${name.replaceAll('/', '__')}.g`;
  }

  private readonly baseName: string;
  /** Set by a journaled owner that reports the restore itself, together with what it replayed. */
  quietRestore = false;
  /** What the last restore was, for an owner that reports it (quietRestore). */
  lastRestore: { problem: CorruptionKind; movedTo: string; restoredFrom: string; writtenAt: string } | null =
    null;

  // The writer and the generation list are made on first need: a cold start that only reads (most
  // documents, most starts) pays for neither.
  private get backend(): StoreBackend {
    if (!this.backendInstance) {
      const dir = path.dirname(this.file);
      ensurePrivateDir(dir);
      this.backendInstance = this.ctx.backendFactory({ dir, name: this.baseName });
    }
    return this.backendInstance;
  }

  private get generations(): string[] {
    if (!this.generationList) {
      ensurePrivateDir(this.genDir);
      this.generationList = fs
        .readdirSync(this.genDir)
        .filter((f) => f.startsWith(this.genPrefix) && f.endsWith('.json'))
        .sort();
    }
    return this.generationList;
  }

  /** Whether the last load or recheck had to restore a generation. */
  recovered = false;
  /** The sequence number of the generation restored last, or null. */
  restoredSeq: number | null = null;
  /** SHA-256 of the current file's data: names the exact version a journal continues. */
  sha: string | undefined;

  get exists(): boolean {
    return this.data !== undefined;
  }

  /** Whether anything of this document is on disk (the file or a generation), loaded or not. */
  get onDisk(): boolean {
    return fs.existsSync(this.file) || this.generations.length > 0;
  }

  /** Loads and validates the file, recovering from a generation when it is bad. Undefined when never written. */
  load(deepCheck?: DeepCheck<T>): T | undefined {
    let bytes: string | undefined;
    try {
      bytes = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (bytes === undefined) {
      if (this.generations.length === 0) return undefined;
      // The file is gone but we had written it before: restore rather than start empty.
      return this.restore('missing', deepCheck, false);
    }
    const result = this.check(bytes, deepCheck);
    if (result.ok) {
      this.data = result.data;
      this.sha = result.sha256;
      this.identity = this.stat();
      return result.data;
    }
    return this.restore(result.problem, deepCheck, true);
  }

  /** Re-checks the data already loaded (e.g. GCM once a key exists), recovering if it fails. */
  recheck(deepCheck: DeepCheck<T>): T | undefined {
    if (this.data === undefined) return undefined;
    try {
      deepCheck(this.data);
      return this.data;
    } catch {
      return this.restore('authentication', deepCheck, true);
    }
  }

  get(): T {
    if (this.data === undefined)
      throw new AppError('NOT_FOUND', { message: `${this.relName} has not been written` });
    return this.data;
  }

  peek(): T | undefined {
    return this.data;
  }

  private readonly setObservers = new Set<(before: T | undefined, after: T) => void>();

  /** Told of every durable `set` (team sync queues what changed). */
  onSet(fn: (before: T | undefined, after: T) => void): () => void {
    this.setObservers.add(fn);
    return () => this.setObservers.delete(fn);
  }

  /** Durable write: keeps the previous good file as a generation, then electron-store writes atomically. */
  set(data: T): void {
    const before = this.data;
    this.write(data);
    for (const fn of this.setObservers) fn(before, data);
  }

  private write(data: T): void {
    const { text, sha256 } = encodeDocumentWithSha(data, new Date(this.ctx.clock.now()).toISOString());
    this.keepCurrentAsGeneration();
    try {
      this.backend.writeText(text);
      fsyncDir(path.dirname(this.file));
    } catch (err) {
      // Disk full and I/O errors are named for the user; the data in memory is left as it was.
      throw storageError(err, `writing ${this.relName}`);
    }
    this.data = data;
    this.sha = sha256;
    this.identity = this.stat();
    this.prune();
  }

  /** The sequence number the next generation will get (the current file becomes it on the next set()). */
  nextGenerationSeq(): number {
    const newest = this.generations.at(-1);
    return (newest ? this.seqOf(newest) : 0) + 1;
  }

  /** Sequence numbers of the generations on disk, oldest first. */
  generationSeqs(): number[] {
    return this.generations.map((g) => this.seqOf(g));
  }

  /**
   * A generation's continuation: the changes that took that generation to the next version. Journaled
   * documents keep one beside each generation, so restoring an older version can replay what followed.
   */
  continuationPath(seq: number): string {
    return path.join(this.genDir, `${this.genPrefix}${String(seq).padStart(12, '0')}.journal`);
  }

  /** The data SHA-256 of generation `seq`, or undefined when it is missing or bad. */
  generationSha(seq: number): string | undefined {
    const gen = this.generations.find((g) => this.seqOf(g) === seq);
    if (!gen) return undefined;
    try {
      const r = inspectDocument(fs.readFileSync(path.join(this.genDir, gen)), this.schema);
      return r.ok ? r.sha256 : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Deletes the document with every generation and continuation it has (a shop this computer may no longer
   * hold). Generations first, the file last: a crash half-way leaves the current file (and the caller
   * finishes the job next time), never an old generation that would be restored in its place.
   */
  erase(): void {
    try {
      for (const f of fs.readdirSync(this.genDir).filter((n) => n.startsWith(this.genPrefix)))
        fs.rmSync(path.join(this.genDir, f), { force: true });
      fsyncDir(this.genDir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        throw storageError(err, `erasing ${this.relName}`);
    }
    this.generationList = undefined;
    try {
      fs.rmSync(this.file, { force: true });
      fsyncDir(path.dirname(this.file));
    } catch (err) {
      throw storageError(err, `erasing ${this.relName}`);
    }
    this.data = undefined;
    this.identity = undefined;
    this.sha = undefined;
    this.backendInstance = undefined;
  }

  private seqOf(gen: string): number {
    return Number(gen.slice(this.genPrefix.length, this.genPrefix.length + 12)) || 0;
  }

  private check(bytes: Buffer | string, deepCheck?: DeepCheck<T>): Inspection<T> {
    const result = inspectDocument(bytes, this.schema);
    if (!result.ok || !deepCheck) return result;
    try {
      deepCheck(result.data);
      return result;
    } catch {
      return { ok: false, problem: 'authentication' };
    }
  }

  private keepCurrentAsGeneration(): void {
    if (this.identity === undefined) return;
    const now = this.stat();
    if (now === undefined) return;
    const same =
      now.ino === this.identity.ino &&
      now.size === this.identity.size &&
      now.mtimeMs === this.identity.mtimeMs;
    if (!same) {
      // Someone else changed the file since we verified it: it is not ours to keep as a good backup.
      this.moveAside('checksum');
      return;
    }
    // Named by a sequence that continues from the newest generation on disk (not by the clock, which can
    // repeat or go back across restarts), so a new generation never collides with an old one.
    const gens = this.generations;
    const nextSeq = this.nextGenerationSeq();
    const name = `${this.genPrefix}${String(nextSeq).padStart(12, '0')}-${timestampForName(this.ctx.clock.now())}.json`;
    preserve(this.file, path.join(this.genDir, name));
    gens.push(name);
  }

  private prune(): void {
    const gens = this.generations;
    while (gens.length > GENERATIONS_KEPT) {
      const oldest = gens.shift();
      if (!oldest) continue;
      fs.rmSync(path.join(this.genDir, oldest), { force: true });
      fs.rmSync(this.continuationPath(this.seqOf(oldest)), { force: true });
    }
  }

  private restore(problem: CorruptionKind, deepCheck: DeepCheck<T> | undefined, fileExists: boolean): T {
    for (let i = this.generations.length - 1; i >= 0; i--) {
      const gen = this.generations[i]!;
      const genPath = path.join(this.genDir, gen);
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(genPath);
      } catch {
        continue;
      }
      const result = this.check(bytes, deepCheck);
      if (!result.ok) continue;
      const movedTo = fileExists ? this.moveAside(problem) : null;
      this.recovered = true;
      this.restoredSeq = this.seqOf(gen);
      this.lastRestore = {
        problem,
        movedTo: movedTo ?? '',
        restoredFrom: path.posix.join(GENERATIONS_DIR, gen),
        writtenAt: result.writtenAt,
      };
      // The generation is written back through the same durable path; the generation file itself stays.
      this.backend.writeText(bytes.toString('utf8'));
      fsyncDir(path.dirname(this.file));
      this.data = result.data;
      this.sha = result.sha256;
      this.identity = this.stat();
      if (this.quietRestore) return result.data;
      this.ctx.onRecovered({
        file: this.relName,
        problem,
        movedTo: movedTo ?? '',
        restoredFrom: path.posix.join(GENERATIONS_DIR, gen),
        restoredVersionAt: result.writtenAt,
        at: new Date(this.ctx.clock.now()).toISOString(),
      });
      return result.data;
    }
    // Nothing good to restore: leave the file exactly where it is and refuse to go on, so a first-run
    // screen can never replace the user's data with an empty vault.
    throw new AppError('STORAGE_UNRECOVERABLE', {
      message: `${this.relName} is damaged (${problem}) and no good generation exists`,
      details: { file: this.relName, problem },
    });
  }

  private moveAside(problem: CorruptionKind): string {
    const damagedDir = path.join(this.ctx.dataDir, DAMAGED_DIR);
    ensurePrivateDir(damagedDir);
    const name = `${this.relName.replaceAll('/', '__')}.${timestampForName(this.ctx.clock.now())}.${problem}.bad`;
    fs.renameSync(this.file, path.join(damagedDir, name));
    fsyncDir(damagedDir);
    return path.posix.join(DAMAGED_DIR, name);
  }

  private stat(): FileIdentity | undefined {
    try {
      const s = fs.statSync(this.file);
      return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      return undefined;
    }
  }
}
