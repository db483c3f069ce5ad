// All inventory documents, loaded once at start and kept in memory (main is the only writer), with an
// index from sub-account to shop. Each shop is its own electron-store document, so one change rewrites
// one shop's file, never the whole inventory.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors.ts';
import { DocumentStore, GENERATIONS_DIR, type StorageContext } from '../storage/document-store.ts';
import type { ChangeLog } from './change-log.ts';
import { JournaledShop } from './journaled-shop.ts';
import {
  type ShopDoc,
  type StaffDoc,
  type SubAccountRecord,
  staffDocSchema,
  type TemplatesDoc,
  templatesDocSchema,
} from './schemas.ts';

const SHOPS_DIR = 'shops';

/** One write, with the document before and after it (records are immutable: a changed one is a new object). */
export type StoreWrite =
  | { kind: 'shop'; before: ShopDoc | undefined; after: ShopDoc }
  | { kind: 'staff'; before: StaffDoc | undefined; after: StaffDoc }
  | { kind: 'templates'; before: TemplatesDoc | undefined; after: TemplatesDoc };

export class InventoryStore {
  private readonly shopDocs = new Map<string, JournaledShop>();
  private readonly subIndex = new Map<string, string>();
  readonly staffDoc: DocumentStore<StaffDoc>;
  readonly templatesDoc: DocumentStore<TemplatesDoc>;
  /** Told of every write after it is durable (team sync queues what changed). */
  private readonly writeObservers = new Set<(w: StoreWrite) => void>();

  constructor(
    private readonly ctx: StorageContext,
    /** Loads a document, recording (not throwing) an unrecoverable one so the app can say so. */
    loadSafely: <T>(doc: DocumentStore<T>) => void,
    /** Told of every write, so the renderer can be sent only what changed. */
    readonly changes: ChangeLog,
  ) {
    this.staffDoc = new DocumentStore(ctx, 'staff', staffDocSchema);
    this.templatesDoc = new DocumentStore(ctx, 'templates', templatesDocSchema);
    loadSafely(this.staffDoc);
    loadSafely(this.templatesDoc);
    for (const name of shopNames(ctx.dataDir)) {
      const doc = new JournaledShop(ctx, `${SHOPS_DIR}/${name}`);
      const data = doc.load(loadSafely);
      if (!data) continue;
      this.shopDocs.set(data.shop.id, doc);
      for (const id of Object.keys(data.subAccounts)) this.subIndex.set(id, data.shop.id);
    }
  }

  onWrite(fn: (w: StoreWrite) => void): () => void {
    this.writeObservers.add(fn);
    return () => this.writeObservers.delete(fn);
  }

  private written(w: StoreWrite): void {
    for (const fn of this.writeObservers) fn(w);
  }

  /** Rebuilds the sub-account index, e.g. after a shop document was restored from a generation. */
  reindex(): void {
    this.changes.everything();
    this.subIndex.clear();
    for (const [shopId, store] of this.shopDocs) {
      const data = store.get();
      if (data) for (const id of Object.keys(data.subAccounts)) this.subIndex.set(id, shopId);
    }
  }

  shopIds(): string[] {
    return [...this.shopDocs.keys()];
  }

  shops(): ShopDoc[] {
    const out: ShopDoc[] = [];
    for (const d of this.shopDocs.values()) {
      const v = d.get();
      if (v) out.push(v);
    }
    return out;
  }

  shop(id: string): ShopDoc {
    const v = this.shopDocs.get(id)?.get();
    if (!v) throw new AppError('NOT_FOUND', { message: `no shop ${id}` });
    return v;
  }

  /** Persists one shop (a journal line per changed record, or a new snapshot) and keeps the index in step. */
  writeShop(doc: ShopDoc): void {
    let store = this.shopDocs.get(doc.shop.id);
    if (!store) {
      store = new JournaledShop(this.ctx, `${SHOPS_DIR}/${doc.shop.id}`);
      store.load((d) => d.load());
    }
    // A sub-account belongs to one shop for life: every call finds it by its id alone, so a second shop
    // holding the same id would make a rotation or a reveal act on a record the user did not choose.
    for (const id of Object.keys(doc.subAccounts)) {
      const home = this.subIndex.get(id);
      if (home !== undefined && home !== doc.shop.id)
        throw new AppError('RECORD_IN_OTHER_SHOP', { message: `sub-account ${id} belongs to shop ${home}` });
    }
    const before = store.get();
    store.write(doc);
    this.changes.shopWritten(before, doc);
    this.shopDocs.set(doc.shop.id, store);
    if (before)
      for (const id of Object.keys(before.subAccounts))
        if (!(id in doc.subAccounts)) this.subIndex.delete(id);
    for (const id of Object.keys(doc.subAccounts)) this.subIndex.set(id, doc.shop.id);
    this.written({ kind: 'shop', before, after: doc });
  }

  /**
   * Deletes a shop and everything kept of it on this computer (its file, journal and generations). Only for
   * a shop this computer may no longer hold (a team grant taken away): nothing else deletes a shop. Not
   * passed to write observers: it is not a change for the team. A crash half-way is finished by calling
   * again (the caller keeps asking until it returns).
   */
  removeShop(id: string): ShopDoc | undefined {
    const store = this.shopDocs.get(id) ?? new JournaledShop(this.ctx, `${SHOPS_DIR}/${id}`);
    const before = store.get();
    store.erase();
    this.shopDocs.delete(id);
    if (before) for (const subId of Object.keys(before.subAccounts)) this.subIndex.delete(subId);
    this.changes.everything();
    return before;
  }

  /** The shop a sub-account id belongs to here, if any. */
  shopOfSub(id: string): string | undefined {
    return this.subIndex.get(id);
  }

  findSubAccount(id: string): { doc: ShopDoc; sub: SubAccountRecord } {
    const shopId = this.subIndex.get(id);
    const doc = shopId ? this.shopDocs.get(shopId)?.get() : undefined;
    const sub = doc && Object.hasOwn(doc.subAccounts, id) ? doc.subAccounts[id] : undefined;
    if (!doc || !sub) throw new AppError('NOT_FOUND', { message: `no sub-account ${id}` });
    return { doc, sub };
  }

  staff(): StaffDoc {
    return this.staffDoc.peek() ?? { people: {} };
  }

  templates(): TemplatesDoc {
    return this.templatesDoc.peek() ?? { custom: {} };
  }

  setStaff(doc: StaffDoc): void {
    const before = this.staffDoc.peek();
    this.staffDoc.set(doc);
    this.changes.staffWritten(before, doc);
    this.written({ kind: 'staff', before, after: doc });
  }

  setTemplates(doc: TemplatesDoc): void {
    const before = this.templatesDoc.peek();
    this.templatesDoc.set(doc);
    this.changes.templatesWritten(before, doc);
    this.written({ kind: 'templates', before, after: doc });
  }

  shopStore(id: string): JournaledShop | undefined {
    return this.shopDocs.get(id);
  }
}

/**
 * Every shop the folder knows of: by its snapshot, its journal, or its generations. A shop whose snapshot
 * file went missing is still found (and restored from a generation, with the changes after it replayed)
 * instead of silently disappearing from the list.
 */
function shopNames(dataDir: string): Set<string> {
  const names = new Set<string>();
  const list = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);
  for (const f of list(path.join(dataDir, SHOPS_DIR))) {
    const m = /^(.+)\.(json|journal)$/.exec(f);
    if (m) names.add(m[1]!);
  }
  for (const f of list(path.join(dataDir, GENERATIONS_DIR))) {
    const m = /^shops__(.+)\.g\d{12}-.+\.json$/.exec(f);
    if (m) names.add(m[1]!);
  }
  return names;
}
