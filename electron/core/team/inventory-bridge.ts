// Keeps this machine's shops, sub-accounts, people and custom templates and the team's sync records in
// step. Local writes (from any screen, import or batch) are turned into record changes as they happen —
// only the records whose objects changed, only the fields whose values changed — and changes from other
// members are written into the local documents, secrets sealed again with this machine's key. A record that
// does not make a valid local document (a newer app version, or junk from a member) is refused and told,
// never written half-way.
import { isDeleted, type SyncRecord } from '../../../shared/domain/sync/records.ts';
import { mainScope, parseScope, staffScope } from '../../../shared/domain/sync/scopes.ts';
import type { InventoryStore, StoreWrite } from '../inventory/inventory-store.ts';
import {
  type PersonRecord,
  type ShopDoc,
  shopDocSchema,
  staffDocSchema,
  type TemplatesDoc,
  templatesDocSchema,
} from '../inventory/schemas.ts';
import { type Sealer, STAFF_COLLECTION, shopCollection } from '../kernel/sealer.ts';
import { report, type SyncReport } from '../sync/sync-reports.ts';
import { Bridge, type BridgeDeps } from './bridge.ts';
import {
  type Fields,
  personFields,
  personFromRecord,
  personKey,
  pushChanged,
  type RecordWrite,
  shopFields,
  shopFromRecords,
  shopKey,
  shopMainFields,
  shopMainKey,
  subFields,
  subFromRecord,
  subKey,
  templateFields,
  templateFromRecord,
  templateKey,
} from './record-mapping.ts';
import { arrivalRefusal, templateArrivalRefusal } from './sub-arrival-rules.ts';

type Write = RecordWrite;

const shopItemSchema = shopDocSchema.shape.shop;
const personSchema = staffDocSchema.shape.people.valueType;
const templateSchema = templatesDocSchema.shape.custom.valueType;

interface InventoryDeps extends BridgeDeps {
  readonly store: InventoryStore;
  readonly sealer: Sealer;
}

export class InventoryBridge extends Bridge<InventoryDeps> {
  constructor(d: InventoryDeps) {
    super(d);
    this.listen(
      d.store.onWrite((w) => this.local(w)),
      d.engine.onRemoteChanges((r) => this.remote(r)),
    );
  }

  private get canSeeMain(): boolean {
    const role = this.d.engine.grant()?.role;
    return role === 'owner' || role === 'admin';
  }

  /** Queues what changed, of what this member may write (a lead's copy of its shop's record stays its own). */
  private diff(writes: Write[], key: Write['key'], values: Fields): void {
    const at = writes.length;
    pushChanged(writes, this.d.engine.get(key), key, values);
    const w = writes[at];
    if (w && !this.d.engine.mayWrite(w.key, w.values)) writes.splice(at, 1);
  }

  private shopWrites(writes: Write[], before: ShopDoc | undefined, after: ShopDoc, all: boolean): void {
    const id = after.shop.id;
    const col = shopCollection(id);
    if (this.canSeeMain) this.d.engine.addShop(id);
    if (!this.d.engine.hasScope(staffScope(id))) return;
    if (all || before?.shop !== after.shop) {
      this.diff(writes, shopKey(id), shopFields(after.shop));
      if (this.canSeeMain && this.d.engine.hasScope(mainScope(id)))
        this.diff(
          writes,
          shopMainKey(id),
          shopMainFields(after.shop, (f) => this.open(col, id, f, after.shop.secrets)),
        );
    }
    for (const [subId, sub] of Object.entries(after.subAccounts)) {
      if (!all && before?.subAccounts[subId] === sub) continue;
      this.diff(
        writes,
        subKey(id, subId),
        subFields(id, sub, (f) => this.open(col, subId, f, sub.secrets)),
      );
    }
    if (before)
      for (const subId of Object.keys(before.subAccounts))
        if (!Object.hasOwn(after.subAccounts, subId) && this.d.engine.get(subKey(id, subId)))
          writes.push({ key: subKey(id, subId), values: { _deleted: true } });
  }

  private open(col: string, id: string, field: string, secrets: Record<string, string>): string | null {
    const sealed = secrets[field];
    return sealed === undefined ? null : this.d.sealer.open(col, id, field, sealed);
  }

  private local(w: StoreWrite): void {
    if (!this.d.engine.grant()) return;
    this.queue(() => {
      const writes: Write[] = [];
      if (w.kind === 'shop') this.shopWrites(writes, w.before, w.after, false);
      else if (w.kind === 'staff') this.peopleWrites(writes, w.before?.people ?? {}, w.after.people);
      else this.templateWrites(writes, w.before?.custom ?? {}, w.after.custom);
      return writes;
    });
  }

  private peopleWrites(
    writes: Write[],
    before: Record<string, PersonRecord>,
    after: Record<string, PersonRecord>,
  ) {
    for (const [id, p] of Object.entries(after)) {
      if (before[id] === p) continue;
      this.diff(
        writes,
        personKey(id),
        personFields(p, (f) => this.open(STAFF_COLLECTION, id, f, p.secrets)),
      );
    }
    for (const id of Object.keys(before))
      if (!Object.hasOwn(after, id) && this.d.engine.get(personKey(id)))
        writes.push({ key: personKey(id), values: { _deleted: true } });
  }

  private templateWrites(writes: Write[], before: TemplatesDoc['custom'], after: TemplatesDoc['custom']) {
    for (const [id, t] of Object.entries(after))
      if (before[id] !== t) this.diff(writes, templateKey(id), templateFields(t));
    for (const id of Object.keys(before))
      if (!Object.hasOwn(after, id) && this.d.engine.get(templateKey(id)))
        writes.push({ key: templateKey(id), values: { _deleted: true } });
  }

  /**
   * Everything in this vault that the records do not hold yet (a team just made from an existing vault, or a
   * write that could not be queued): one batch, one fsync.
   */
  reconcile(): number {
    if (!this.d.engine.grant()) return 0;
    const writes: Write[] = [];
    for (const doc of this.d.store.shops()) this.shopWrites(writes, undefined, doc, true);
    this.peopleWrites(writes, {}, this.d.store.staff().people);
    this.templateWrites(writes, {}, this.d.store.templates().custom);
    this.d.engine.putMany(writes);
    return writes.length;
  }

  /**
   * Lets go of shops this member may no longer read (a grant or role taken away): a shop whose staff scope
   * went is deleted with its history; one whose main scope went is written again from the records without
   * its main account, its old versions deleted with the rest. Returns what the user is told, and the scopes
   * done; a scope whose deletion failed stays withdrawn and is tried again at the next sync.
   */
  letGo(scopes: readonly string[], now: number): { done: string[]; told: SyncReport[] } {
    const done: string[] = [];
    const told: SyncReport[] = [];
    this.applying = true;
    try {
      for (const scope of scopes) {
        const p = parseScope(scope);
        if (!p?.shopId) continue;
        const id = p.shopId;
        try {
          const stillStaff = this.d.engine.hasScope(staffScope(id));
          if (p.part === 'main' && !stillStaff) {
            done.push(scope); // the staff scope's withdrawal deletes the whole shop
            continue;
          }
          const name = this.d.store.shopStore(id)?.get()?.shop.name;
          this.d.store.removeShop(id);
          if (p.part === 'main') this.applyShop(id, true, []);
          if (name !== undefined)
            told.push(report(p.part === 'main' ? 'withdrawn-main' : 'withdrawn-shop', now, name));
          done.push(scope);
        } catch (err) {
          this.d.onError(err);
        }
      }
    } finally {
      this.applying = false;
    }
    return { done, told };
  }

  /** Writes others' changes into the local documents; false when it could not (they are handed over again). */
  private remote(records: SyncRecord[]): boolean {
    return this.asRemote(() => {
      const shops = new Set<string>();
      const subs = new Map<string, SyncRecord[]>();
      const people: SyncRecord[] = [];
      const templates: SyncRecord[] = [];
      for (const r of records) {
        if (r.kind === 'shop' || r.kind === 'shop-main') shops.add(r.id);
        else if (r.kind === 'subaccount') {
          const shopId = r.fields.shopId?.v;
          if (typeof shopId !== 'string' || r.scope !== staffScope(shopId)) {
            this.refuse(r);
            continue;
          }
          subs.set(shopId, [...(subs.get(shopId) ?? []), r]);
        } else if (r.kind === 'person') people.push(r);
        else if (r.kind === 'template') templates.push(r);
      }
      for (const id of new Set([...shops, ...subs.keys()]))
        this.applyShop(id, shops.has(id), subs.get(id) ?? []);
      if (people.length) this.applyPeople(people);
      if (templates.length) this.applyTemplates(templates);
    });
  }

  private applyShop(id: string, shopTouched: boolean, touched: SyncRecord[]): void {
    const shopRec = this.d.engine.get(shopKey(id));
    if (!shopRec) return; // Its sub-accounts are written with the shop when the shop's record arrives.
    const existing = this.d.store.shopStore(id)?.get() ?? undefined;
    const col = shopCollection(id);
    let shop = existing?.shop;
    if (!existing || shopTouched) {
      const built = shopItemSchema.safeParse(
        shopFromRecords(id, shopRec, this.d.engine.get(shopMainKey(id)), (f, v) =>
          this.d.sealer.seal(col, id, f, v),
        ),
      );
      if (!built.success) {
        this.refuse(shopRec, {
          name: typeof shopRec.fields.name?.v === 'string' ? shopRec.fields.name.v : id,
        });
        return;
      }
      shop = built.data;
    }
    if (!shop) return;
    const subAccounts = { ...(existing?.subAccounts ?? {}) };
    // A shop new here takes every sub-account the records hold for it (some may have arrived before it).
    const recs = existing ? touched : this.d.engine.records({ scope: staffScope(id), kind: 'subaccount' });
    for (const rec of recs) {
      const home = this.d.store.shopOfSub(rec.id);
      if (home !== undefined && home !== id) {
        this.refuse(rec);
        continue;
      }
      if (isDeleted(rec) || !this.d.engine.get(subKey(id, rec.id))) {
        delete subAccounts[rec.id];
        continue;
      }
      const phoneHash = (phone: string) => this.d.sealer.keyedHash(`phone/${id}`, phone);
      const sub = subFromRecord(rec, (f, v) => this.d.sealer.seal(col, rec.id, f, v), phoneHash);
      if (!sub) {
        this.refuse(rec);
        continue;
      }
      // The platform's rules, as the form and the import apply them, against the shop as it is here.
      const here = subAccounts[rec.id];
      const others = Object.values(subAccounts).filter((s) => s.id !== rec.id);
      const phone = rec.fields.s_phone?.v;
      const why = arrivalRefusal(
        { platform: shop.platform, mainLogin: shop.mainLogin },
        { sub, phone: typeof phone === 'string' ? phone : null },
        here ? { sub: here, phone: this.open(col, here.id, 'phone', here.secrets) } : null,
        others,
        phoneHash,
      );
      if (why) this.refuse(rec, { name: `${shop.name} · ${sub.nickname}`, why });
      else subAccounts[rec.id] = sub;
    }
    this.d.store.writeShop({ shop, subAccounts });
  }

  private applyPeople(records: SyncRecord[]): void {
    const people = { ...this.d.store.staff().people };
    for (const rec of records) {
      if (isDeleted(rec)) {
        delete people[rec.id];
        continue;
      }
      const p = personSchema.safeParse(
        personFromRecord(rec, (f, v) => this.d.sealer.seal(STAFF_COLLECTION, rec.id, f, v)),
      );
      if (p.success) people[rec.id] = p.data;
      else this.refuse(rec);
    }
    this.d.store.setStaff({ people });
  }

  private applyTemplates(records: SyncRecord[]): void {
    const custom = { ...this.d.store.templates().custom };
    for (const rec of records) {
      if (isDeleted(rec)) {
        delete custom[rec.id];
        continue;
      }
      const t = templateSchema.safeParse(templateFromRecord(rec));
      if (!t.success) {
        this.refuse(rec);
        continue;
      }
      const why = templateArrivalRefusal(t.data, custom[rec.id] ?? null);
      if (why) this.refuse(rec, { name: t.data.name, why });
      else custom[rec.id] = t.data;
    }
    this.d.store.setTemplates({ custom });
  }
}
