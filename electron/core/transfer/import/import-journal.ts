// An import writes several shop files; a crash or power cut between two of them must not leave half an
// import. The complete set of shop documents is written first as one durable file (temp, fsync, rename:
// there or not, never torn), then each shop, then that file is removed. A start that finds it writes every
// shop of it again (the same documents: a shop already written is unchanged) and says so. The file exists
// only between those steps, so no older import can ever be replayed over newer data.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../../shared/contract/errors.ts';
import type { RecoveryEvent } from '../../../../shared/contract/types.ts';
import type { InventoryStore } from '../../inventory/inventory-store.ts';
import { type ShopDoc, shopDocSchema } from '../../inventory/schemas.ts';
import type { StorageContext } from '../../storage/document-store.ts';
import { fsyncDir, rawDurableWrite, storageError, timestampForName } from '../../storage/fs-durable.ts';

const intentSchema = z.strictObject({
  startedAt: z.string().max(40),
  docs: z.array(shopDocSchema).min(1).max(10_000),
});

export const INTENT_FILE = 'transfer-intent.json';

export class ImportJournal {
  private readonly file: string;

  constructor(
    private readonly ctx: StorageContext,
    private readonly store: Pick<InventoryStore, 'writeShop'>,
  ) {
    this.file = path.join(ctx.dataDir, INTENT_FILE);
  }

  /** Every document, or (after a crash) none until the next start completes them. */
  write(docs: ShopDoc[]): void {
    if (docs.length === 0) return;
    const text = JSON.stringify({ startedAt: new Date(this.ctx.clock.now()).toISOString(), docs });
    try {
      rawDurableWrite(this.file, text);
    } catch (err) {
      // Nothing of the import is written; the temp file (a full disk leaves one) goes too.
      fs.rmSync(`${this.file}.${process.pid}.tmp`, { force: true });
      throw storageError(err, 'writing the import');
    }
    try {
      for (const doc of docs) this.store.writeShop(doc);
    } catch (err) {
      // The whole import is on disk in the intent: it is completed at the next start, never lost or halved.
      throw new AppError('IMPORT_INTERRUPTED', {
        details: { cause: err instanceof AppError ? err.code : 'IO_ERROR' },
      });
    }
    this.clear();
  }

  /** At start: completes an import a crash interrupted. Returns how many shop files it wrote. */
  complete(): number {
    // A temp file of an intent never renamed into place: that import was never durable, nor acknowledged.
    for (const f of fs.readdirSync(this.ctx.dataDir))
      if (f.startsWith(`${INTENT_FILE}.`) && f.endsWith('.tmp'))
        fs.rmSync(path.join(this.ctx.dataDir, f), { force: true });
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return 0;
    }
    let pending: z.infer<typeof intentSchema>;
    try {
      pending = intentSchema.parse(JSON.parse(text));
    } catch {
      // Only a damaged disk makes an unreadable intent (it is renamed into place whole): keep it aside and
      // say so; the shop files themselves are checked on their own.
      const movedTo = path.join('damaged', `${INTENT_FILE}.${timestampForName(this.ctx.clock.now())}`);
      fs.mkdirSync(path.join(this.ctx.dataDir, 'damaged'), { recursive: true });
      fs.renameSync(this.file, path.join(this.ctx.dataDir, movedTo));
      this.ctx.onRecovered({
        file: INTENT_FILE,
        problem: 'schema',
        movedTo,
        // Shown to the user like every recovery; what it held is named as not recovered.
        restoredFrom: '',
        restoredVersionAt: null,
        at: new Date(this.ctx.clock.now()).toISOString(),
        lost: ['未完成的导入 / an unfinished import'],
      });
      return 0;
    }
    for (const doc of pending.docs) this.store.writeShop(doc);
    this.clear();
    const event: RecoveryEvent = {
      file: INTENT_FILE,
      problem: 'interrupted-import',
      movedTo: '',
      restoredFrom: INTENT_FILE,
      restoredVersionAt: pending.startedAt,
      at: new Date(this.ctx.clock.now()).toISOString(),
      replayed: pending.docs.length,
    };
    this.ctx.onRecovered(event);
    return pending.docs.length;
  }

  private clear(): void {
    fs.rmSync(this.file, { force: true });
    fsyncDir(path.dirname(this.file));
  }
}
