// A collection of records whose secret fields are sealed with the vault's data key (AES-256-GCM, the
// record id and field name as associated data). Plain fields stay readable for lists; secrets are opened
// one at a time, only for an explicit reveal or copy.
import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors.ts';
import { safeId } from '../../../shared/contract/methods.ts';
import { fieldAad } from '../crypto/aead.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import type { Vault } from '../vault/vault.ts';

const plainValue = z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()]);

export const recordSchema = z.strictObject({
  id: safeId,
  fields: z.record(z.string().max(64), plainValue),
  secrets: z.record(safeId, z.string().max(200_000)),
  updatedAt: z.string(),
});

export const collectionSchema = z.strictObject({
  records: z.record(safeId, recordSchema),
});

export type StoredRecord = z.infer<typeof recordSchema>;
export type CollectionDoc = z.infer<typeof collectionSchema>;
export type PlainFields = StoredRecord['fields'];

export class RecordCollection {
  constructor(
    readonly name: string,
    private readonly doc: DocumentStore<CollectionDoc>,
    private readonly vault: Vault,
    private readonly now: () => number,
  ) {}

  private current(): CollectionDoc {
    return this.doc.peek() ?? { records: {} };
  }

  list(): StoredRecord[] {
    return Object.values(this.current().records);
  }

  get(id: string): StoredRecord | undefined {
    const records = this.current().records;
    return Object.hasOwn(records, id) ? records[id] : undefined;
  }

  /** Creates or replaces a record; secret values are sealed here and never stored in the clear. */
  put(id: string, fields: PlainFields, secrets: Record<string, string>): StoredRecord {
    const sealed: Record<string, string> = {};
    for (const [field, value] of Object.entries(secrets)) {
      sealed[field] = this.vault.sealWithKey(value, fieldAad(this.name, id, field));
    }
    const record: StoredRecord = {
      id,
      fields,
      secrets: sealed,
      updatedAt: new Date(this.now()).toISOString(),
    };
    this.doc.set({ records: { ...this.current().records, [id]: record } });
    return record;
  }

  remove(id: string): void {
    const { [id]: _removed, ...rest } = this.current().records;
    this.doc.set({ records: rest });
  }

  openSecret(recordId: string, field: string): string {
    const record = this.get(recordId);
    if (!record || !Object.hasOwn(record.secrets, field)) throw new AppError('NOT_FOUND');
    return this.vault.openWithKey(record.secrets[field]!, fieldAad(this.name, recordId, field));
  }

  /** GCM check of every sealed field; throws on the first one that fails. Used once a key exists. */
  authenticateAll(doc: CollectionDoc): void {
    for (const record of Object.values(doc.records)) {
      for (const [field, sealed] of Object.entries(record.secrets)) {
        this.vault.openWithKey(sealed, fieldAad(this.name, record.id, field));
      }
    }
  }

  recheck(): void {
    this.doc.recheck((d) => this.authenticateAll(d));
  }
}
